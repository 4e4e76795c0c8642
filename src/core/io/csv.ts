/**
 * RFC 4180 CSV, read the way spreadsheets actually write it and written so spreadsheets cannot be
 * tricked by it.
 *
 * Reading tolerates a UTF-8 BOM, `,` `;` or tab delimiters (detected from the header line, outside
 * quotes), CRLF / LF / CR line ends, quoted fields holding delimiters, line breaks and doubled
 * quotes, and trailing blank lines. The parser returns raw text cells only: number conversion
 * (decimal commas) belongs to the table codec, which knows which columns are numbers.
 *
 * Writing quotes a cell only when needed and defuses formula injection (OWASP "CSV injection"): a
 * text cell starting with = + - @ tab or CR gets a leading `'`, so Excel/LibreOffice show it as text
 * instead of evaluating it. Numbers are written as numbers, so a real -5 stays -5.
 */

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Records in file order, each a list of raw cell texts. */
  readonly records: readonly (readonly string[])[];
  /** 1-based physical line on which each record starts (records may span lines inside quotes). */
  readonly lines: readonly number[];
}

export type CsvParseResult =
  | ({ readonly ok: true } & CsvTable)
  | { readonly ok: false; readonly message: string; readonly line: number };

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** Counts each candidate delimiter in the first record, outside quotes; the most frequent wins (`,` on ties or none). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes; // a doubled quote toggles twice: still correct
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses CSV text into records of raw cells. A quote opens a quoted field only at the start of a
 * cell; a stray quote inside an unquoted cell is kept literally, and text after a closing quote is
 * appended (what spreadsheets do) rather than failing the whole file. Only an unterminated quoted
 * field is an error: it would otherwise silently swallow the rest of the file.
 */
export function parseCsv(input: string, delimiter?: CsvDelimiter): CsvParseResult {
  const text = stripBom(input);
  const delim = delimiter ?? detectDelimiter(text);
  const d = delim.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let cell = '';
  let cellStarted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && !cellStarted) {
      const openLine = line;
      cellStarted = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { ok: false, message: `a quoted cell opened on line ${openLine} is never closed`, line: openLine };
        const chunk = text.slice(i, close);
        cell += chunk;
        line += countLineBreaks(chunk);
        if (text.charCodeAt(close + 1) === QUOTE) { cell += '"'; i = close + 2; continue; }
        i = close + 1;
        break;
      }
    } else if (c === d) {
      record.push(cell);
      cell = '';
      cellStarted = false;
      i++;
    } else if (c === CR || c === LF) {
      record.push(cell);
      records.push(record);
      lines.push(recordLine);
      record = [];
      cell = '';
      cellStarted = false;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // Unquoted run: everything up to the next delimiter or line end, taken in one slice.
      let j = i + 1;
      while (j < n) {
        const x = text.charCodeAt(j);
        if (x === d || x === CR || x === LF) break;
        j++;
      }
      cell += text.slice(i, j);
      cellStarted = true;
      i = j;
    }
  }
  if (cellStarted || record.length > 0) {
    record.push(cell);
    records.push(record);
    lines.push(recordLine);
  }
  // Spreadsheets and editors leave blank lines at the end; they are not records.
  while (records.length > 0 && isBlankRecord(records[records.length - 1])) {
    records.pop();
    lines.pop();
  }
  return { ok: true, delimiter: delim, records, lines };
}

/** Physical line breaks (CRLF, LF or CR) in a piece of text. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) { count++; if (text.charCodeAt(i + 1) === LF) i++; }
  }
  return count;
}

/** A record of only empty cells (a blank line, or `;;;` left by a formatted but empty row). */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((c) => c.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Writing

export type CsvCell = string | number | boolean | null | undefined;

/** Leading characters a spreadsheet treats as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A text that already starts with quote(s) before a formula character: escaped once more, so reading back is exact. */
const QUOTED_FORMULA_START = /^'+[=+\-@\t\r]/;

/** Prefixes `'` to text a spreadsheet would run as a formula. Inverse: `unescapeFormula`. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) || QUOTED_FORMULA_START.test(text) ? `'${text}` : text;
}

/** Removes the `'` that `escapeFormula` added; other leading quotes are the user's and stay. */
export function unescapeFormula(text: string): string {
  return QUOTED_FORMULA_START.test(text) ? text.slice(1) : text;
}

export interface CsvWriteOptions {
  readonly delimiter?: CsvDelimiter;
  /** RFC 4180 says CRLF; Excel writes it too. */
  readonly newline?: '\r\n' | '\n';
  /** A UTF-8 BOM makes Excel read non-ASCII names correctly; off by default (pandas keeps it in the first header). */
  readonly bom?: boolean;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeFormula(value);
}

function quoteIfNeeded(text: string, delimiter: string): string {
  const needs = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
    || text !== text.trim(); // spreadsheets trim unquoted cells
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsvRecord(record: readonly CsvCell[], delimiter: CsvDelimiter = ','): string {
  return record.map((v) => quoteIfNeeded(cellText(v), delimiter)).join(delimiter);
}

/** Writes records as CSV text, ending with a newline. */
export function writeCsv(records: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const body = records.map((r) => formatCsvRecord(r, delimiter) + newline).join('');
  return (options.bom ? '\ufeff' : '') + body;
}
