/**
 * Workbook cells → the text cells the table codecs read, so a sheet goes through exactly the
 * conversions, header aliases and checks of a CSV file. Typed cells keep their meaning: a number
 * cell becomes its shortest exact decimal ("0.1"), a boolean "true"/"false", a date "YYYY-MM-DD",
 * a formula its cached result, rich text its plain text, an error cell its code ("#N/A", which a
 * number column then refuses).
 */
import { escapeFormula, type CsvTable } from './csv';
import type { CellValue, Worksheet } from './xlsx-library';

type Cell = CellValue | { readonly text?: unknown; readonly richText?: readonly { readonly text: string }[] };

/** One cell as text, and whether it was a typed number. */
export function cellText(value: Cell | undefined): { text: string; number: boolean } {
  if (value === null || value === undefined) return { text: '', number: false };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value === 0 ? 0 : value) : '', number: true };
  // Text goes through the CSV escaping, which the reader undoes exactly: "=x" reads back as "=x".
  if (typeof value === 'string') return { text: escapeFormula(value), number: false };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', number: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), number: false };
  if (typeof value !== 'object') return { text: String(value), number: false };
  const v = value as Record<string, unknown>;
  if ('richText' in v && Array.isArray(v.richText)) return { text: escapeFormula((v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('')), number: false };
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as Cell | undefined);
  if ('error' in v) return { text: String(v.error), number: false };
  if ('text' in v) return cellText(v.text as Cell);
  return { text: '', number: false };
}

/** A text cell that can only be a number with a decimal comma ("12,5", "1.234,5"); as in csv-cells.ts. */
const DECIMAL_COMMA_TEXT = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)?,\d+$/;

/**
 * A sheet's rows as text records with their sheet row numbers (the "lines" of messages).
 * Decimal commas typed as text ("48,85" in a text-formatted column) are read as in a `;` CSV file:
 * when any text cell has one, the sheet's typed numbers are written with a decimal comma too, so
 * the table codec reads both the same way; otherwise numbers keep their dot.
 */
export function sheetRecords(sheet: Worksheet): CsvTable {
  const cells: { text: string; number: boolean }[][] = [];
  const lines: number[] = [];
  let comma = false;
  const last = sheet.rowCount;
  for (let n = 1; n <= last; n++) {
    const values = sheet.getRow(n).values as readonly (Cell | undefined)[] | undefined;
    const record: { text: string; number: boolean }[] = [];
    // exceljs row values are 1-based: index 0 is always empty.
    for (let c = 1; c < (values?.length ?? 0); c++) {
      const cell = cellText(values![c]);
      comma ||= !cell.number && DECIMAL_COMMA_TEXT.test(cell.text.trim());
      record.push(cell);
    }
    cells.push(record);
    lines.push(n);
  }
  const records = cells.map((r) => r.map((c) => (comma && c.number ? c.text.replace('.', ',') : c.text)));
  return { delimiter: comma ? ';' : ',', records, lines };
}
