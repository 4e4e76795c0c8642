/**
 * One CSV file → the plain rows of one scenario table (not yet validated). Each cell is converted
 * by its column's type; an empty cell leaves the field out so the schema default applies. Problems
 * are ModelIssues at table / 0-based data row / field, with the spreadsheet line in the message.
 * Blank records (empty lines, `;;;` rows) are skipped and do not count as rows.
 */
import type { ColumnInfo } from '../model/introspect';
import { tableColumns } from '../model/introspect';
import type { ModelIssue } from '../model/issue';
import { MAX_ROWS, type TableName } from '../model/tables';
import { isBlankRecord, parseCsv, unescapeFormula, type CsvTable } from './csv';
import {
  detectDecimalStyle, parseBooleanCell, parseEnumCell, parseInstalmentsCell, parseNumberCell,
  type CellResult, type DecimalStyle,
} from './csv-cells';
import { matchHeaders } from './csv-headers';

export type RawRow = Record<string, unknown>;

export interface TableRead {
  readonly rows: RawRow[];
  /** Spreadsheet line of each row, for messages. */
  readonly lines: number[];
  /** Keys of the columns the header provides. */
  readonly present: ReadonlySet<string>;
  readonly issues: ModelIssue[];
  readonly warnings: ModelIssue[];
}

export const lineNote = (line: number | undefined): string => (line === undefined ? '' : ` (line ${line})`);

const NUMERIC: ReadonlySet<string> = new Set(['number', 'integer', 'list']);

/** Converts one non-empty cell by the column's type. Text keeps its spaces; codes are trimmed. */
export function convertCell(column: ColumnInfo, raw: string, style: DecimalStyle): CellResult<unknown> {
  switch (column.type) {
    case 'number':
    case 'integer':
      return parseNumberCell(raw, style);
    case 'boolean':
      return parseBooleanCell(raw);
    case 'enum':
      return { ok: true, value: parseEnumCell(unescapeFormula(raw.trim()), column.values ?? []) };
    case 'list':
      return parseInstalmentsCell(raw, style);
    case 'text':
      return { ok: true, value: unescapeFormula(raw) };
    default: // id, ref, date
      return { ok: true, value: unescapeFormula(raw.trim()) };
  }
}

export function readCsvTable(table: TableName, text: string): TableRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { rows: [], lines: [], present: new Set(), issues: [{ table, message: `${parsed.message}${lineNote(parsed.line)}` }], warnings: [] };
  }
  return readTableRecords(table, parsed);
}

/**
 * Already-split records (a parsed CSV file, or a workbook sheet's cells as text) → the plain rows
 * of one table. `delimiter` only steers the decimal-comma detection (`,` means decimals are dots).
 */
export function readTableRecords(table: TableName, parsed: CsvTable): TableRead {
  const out: TableRead = { rows: [], lines: [], present: new Set(), issues: [], warnings: [] };
  const firstNonBlank = parsed.records.findIndex((r) => !isBlankRecord(r));
  if (firstNonBlank < 0) return out; // an empty file is an empty table
  const header = parsed.records[firstNonBlank];
  const columns = tableColumns(table);
  const match = matchHeaders(header, columns);
  const present = out.present as Set<string>;
  for (const c of match.columns) if (c) present.add(c.key);
  const headerLine = parsed.lines[firstNonBlank];
  for (const u of match.unknown) {
    out.warnings.push({ table, field: u.header, message: `unknown column "${u.header}" ignored${lineNote(headerLine)}` });
  }
  for (const d of match.duplicates) {
    out.issues.push({ table, field: d.column.key, message: `columns ${d.headers.map((h) => `"${h}"`).join(' and ')} all mean ${d.column.key}; keep one${lineNote(headerLine)}` });
  }

  const body = parsed.records.slice(firstNonBlank + 1);
  const bodyLines = parsed.lines.slice(firstNonBlank + 1);
  const numericCells = function* () {
    for (const r of body) for (let i = 0; i < r.length; i++) if (match.columns[i] && NUMERIC.has(match.columns[i]!.type)) yield r[i];
  };
  const style = detectDecimalStyle(parsed.delimiter, numericCells());

  let extraCells = 0;
  let firstExtraLine = 0;
  for (let k = 0; k < body.length; k++) {
    const record = body[k];
    if (isBlankRecord(record)) continue;
    const line = bodyLines[k];
    const rowIndex = out.rows.length;
    if (rowIndex >= MAX_ROWS) {
      out.issues.push({ table, message: `more than ${MAX_ROWS} rows${lineNote(line)}` });
      break;
    }
    const row: RawRow = {};
    record.forEach((raw, i) => {
      const column = match.columns[i];
      if (i >= header.length && raw.trim() !== '') { extraCells++; firstExtraLine ||= line; }
      if (!column || raw.trim() === '') return;
      const value = convertCell(column, raw, style);
      if (value.ok) row[column.key] = value.value;
      else out.issues.push({ table, row: rowIndex, field: column.key, message: `${value.message}${lineNote(line)}` });
    });
    out.rows.push(row);
    out.lines.push(line);
  }
  if (extraCells > 0) {
    out.warnings.push({ table, message: `${extraCells} cell${extraCells === 1 ? '' : 's'} beyond the header's columns ignored (first on line ${firstExtraLine})` });
  }
  for (const c of columns) {
    if (c.required && !present.has(c.key) && out.rows.length > 0 && !derivable(table, c.key, present)) {
      out.issues.push({ table, field: c.key, message: `missing column "${c.key}"${c.aliases.length ? ` (or ${c.aliases.map((a) => `"${a}"`).join(', ')})` : ''}${lineNote(headerLine)}` });
    }
  }
  return out;
}

/** Columns filled in from another column when absent (see csv-names.ts): id from name, name from id, lane ids by row. */
function derivable(table: TableName, key: string, present: ReadonlySet<string>): boolean {
  if (key === 'name') return present.has('id');
  if (key !== 'id') return false;
  return table === 'lanes' || ((table === 'parties' || table === 'sites' || table === 'products') && present.has('name'));
}
