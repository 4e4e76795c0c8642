/**
 * Text cell → typed value, strictly: a cell either means exactly one value or is an error with a
 * message a spreadsheet user understands. Never `Number(...)`-style guessing: "12abc", "", "NaN",
 * "Infinity" and "0x1F" are not numbers.
 */

export type CellResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** How decimals are written in a file: `.` (1234.5) or `,` with optional `.` thousands groups (1.234,5). */
export type DecimalStyle = 'dot' | 'comma';

const DOT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?([eE][+-]?\d+)?$/;
/** A cell that can only be read as a decimal comma: digits, a comma, digits (thousands dots allowed). */
const LOOKS_DECIMAL_COMMA = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)?,\d+$/;

/**
 * Decides the decimal style of one file from its number cells. A decimal comma is only possible
 * when the delimiter is not `,`; it is chosen when some number cell has one ("12,5"). Otherwise
 * dots are decimals, so a `;` file written with "52.37" keeps its meaning. (A file whose only
 * decimals are like "1.234" is ambiguous and read with the dot: the safer reading for coordinates.)
 */
export function detectDecimalStyle(delimiter: string, numberCells: Iterable<string>): DecimalStyle {
  if (delimiter === ',') return 'dot';
  for (const cell of numberCells) if (LOOKS_DECIMAL_COMMA.test(cell.trim())) return 'comma';
  return 'dot';
}

export function parseNumberCell(cell: string, style: DecimalStyle = 'dot'): CellResult<number> {
  const t = cell.trim();
  let normalised: string | undefined;
  if (style === 'comma') {
    if (COMMA_NUMBER.test(t)) normalised = t.replaceAll('.', '').replace(',', '.');
  } else if (DOT_NUMBER.test(t)) normalised = t;
  if (normalised === undefined) {
    const hint = style === 'comma' ? ' (decimal comma, e.g. 1234,5)' : '';
    return { ok: false, message: `must be a number${hint} (got ${JSON.stringify(t)})` };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, message: `must be a finite number (got ${JSON.stringify(t)})` };
  // -0 would not survive a JSON round trip as itself.
  return { ok: true, value: value === 0 ? 0 : value };
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBooleanCell(cell: string): CellResult<boolean> {
  const t = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return { ok: true, value: true };
  if (FALSE_WORDS.has(t)) return { ok: true, value: false };
  return { ok: false, message: `must be true or false (or yes/no, 1/0) (got ${JSON.stringify(cell.trim())})` };
}

/** Case-, space-, underscore- and hyphen-insensitive form used to match headers and enum values. */
export function normaliseLabel(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Matches an enum cell to its canonical value ignoring case, spaces, "_" and "-" ("Base Stock" →
 * base-stock, "DC" → dc). An unmatched cell is returned unchanged so validation reports it with
 * the list of allowed values.
 */
export function parseEnumCell(cell: string, values: readonly string[]): string {
  const key = normaliseLabel(cell.trim());
  return values.find((v) => normaliseLabel(v) === key) ?? cell.trim();
}

export interface Instalment {
  readonly days: number;
  readonly share: number;
}

/** "30:0.5;60:0.5" → [{days:30, share:0.5}, {days:60, share:0.5}] (days after invoice : share). */
export function parseInstalmentsCell(cell: string, style: DecimalStyle = 'dot'): CellResult<Instalment[]> {
  const out: Instalment[] = [];
  const parts = cell.split(';').map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    const [days, share, extra] = part.split(':');
    if (share === undefined || extra !== undefined) {
      return { ok: false, message: `must be days:share pairs separated by ";" such as 30:0.5;60:0.5 (got ${JSON.stringify(part)})` };
    }
    const d = parseNumberCell(days, style);
    if (!d.ok) return { ok: false, message: `instalment days ${d.message}` };
    const s = parseNumberCell(share, style);
    if (!s.ok) return { ok: false, message: `instalment share ${s.message}` };
    out.push({ days: d.value, share: s.value });
  }
  return { ok: true, value: out };
}

export function formatInstalments(list: readonly Instalment[]): string {
  return list.map((x) => `${x.days}:${x.share}`).join(';');
}
