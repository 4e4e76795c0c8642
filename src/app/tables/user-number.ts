/**
 * Numbers as people type or paste them: "1234.5", "1234,5" (decimal comma), "1.234,5",
 * "1 234,5" (spaces, no-break or thin spaces as thousands groups), "1,234.5" and "1'234.5".
 * The reading of a lone comma follows the CSV reader: "12,5" is twelve and a half, so a
 * European spreadsheet's cells keep their meaning. Anything else ("12abc", "NaN") is an error.
 */
import { parseNumberCell, type CellResult, type DecimalStyle } from '../../core/io/csv-cells';

/** Grouping characters between digits: spaces, NBSP, narrow NBSP, thin space, Swiss apostrophe. */
const GROUP_SPACE = /(?<=\d)[\s\u00a0\u202f\u2009'](?=\d{3}(?!\d))/g;
/** English thousands commas with an optional dot decimal: 1,234 or 1,234,567.5 (two+ groups, or a dot). */
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+\.\d*$|^[+-]?\d{1,3}(,\d{3}){2,}$/;
/** Only readable with a decimal comma: digits (thousands dots allowed), a comma, digits. */
const LOOKS_DECIMAL_COMMA = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)?,\d+$/;

function normaliseGroups(text: string): string {
  const t = text.trim().replace(GROUP_SPACE, '');
  return COMMA_THOUSANDS.test(t) ? t.replaceAll(',', '') : t;
}

/** The decimal style a single typed number implies (a block of pasted cells is decided as a whole). */
export function decimalStyleOf(texts: Iterable<string>): DecimalStyle {
  for (const t of texts) if (LOOKS_DECIMAL_COMMA.test(normaliseGroups(t))) return 'comma';
  return 'dot';
}

export function parseUserNumber(text: string, style?: DecimalStyle): CellResult<number> {
  const t = normaliseGroups(text);
  return parseNumberCell(t, style ?? decimalStyleOf([t]));
}
