/**
 * The clipboard as a block of cells. Excel, LibreOffice and Google Sheets put a copied range on
 * the clipboard as tab-separated text, quoting a cell that holds a tab, a line break or a quote
 * ("a ""b"""), one line per row and usually a final line break.
 */
import { parseCsv, type CsvCell } from '../../core/io/csv';

/** Tab-separated clipboard text → rows of cell texts (ragged rows padded with empty cells). */
export function parseClipboardGrid(text: string): string[][] {
  if (text === '') return [];
  const parsed = parseCsv(text, '\t');
  // An unclosed quote: a spreadsheet never writes one, so the text is one literal line per row.
  const records = parsed.ok ? parsed.records : text.replace(/\r?\n$/, '').split(/\r\n|\n|\r/).map((l) => l.split('\t'));
  const width = Math.max(0, ...records.map((r) => r.length));
  return records.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Cells → tab-separated text as spreadsheets expect it on paste. */
export function formatClipboardGrid(cells: readonly (readonly CsvCell[])[]): string {
  const quote = (c: CsvCell) => {
    const s = c === undefined || c === null ? '' : String(c);
    return /[\t\n\r"]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return cells.map((r) => r.map(quote).join('\t')).join('\n');
}
