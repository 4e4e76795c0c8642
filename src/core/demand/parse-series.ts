/**
 * A demand series pasted from a spreadsheet or read from a small CSV file → quantities by period.
 *
 * Accepted: one number per line (a column copied from Excel), or rows of several cells separated
 * by tabs or ";" (or "," in a file with a header row) where one column is the period and one the
 * quantity. A first line that is not numeric is a header: "period"/"week"/"month"/"day" and
 * "quantity"/"demand"/"qty"/"units" name the columns; without a header the quantity is the last
 * column and the period the first when it holds whole numbers. Decimal commas ("12,5") are read
 * as in the CSV import. Without a header, "1,5" on its own is one number (1.5), never two cells.
 */
import { stripBom } from '../io/csv';
import { detectDecimalStyle, normaliseLabel, parseNumberCell } from '../io/csv-cells';

export type SeriesParse =
  | { readonly ok: true; readonly values: number[]; readonly count: number }
  | { readonly ok: false; readonly problems: readonly string[] };

const PERIOD_HEADERS = new Set(['period', 'week', 'month', 'day', 't', 'timeperiod', 'bucket']);
const QUANTITY_HEADERS = new Set(['quantity', 'demand', 'qty', 'units', 'amount', 'value', 'sales']);
/** Most periods a series may have (the horizon's limit). */
const MAX_PERIODS = 100_000;
const MAX_PROBLEMS = 20;

function delimiterOf(lines: readonly string[], header: boolean): string | undefined {
  if (lines.some((l) => l.includes('\t'))) return '\t';
  if (lines.some((l) => l.includes(';'))) return ';';
  return header && lines[0].includes(',') ? ',' : undefined;
}

const isNumberish = (cell: string) => /^[+-]?[\d.,]+([eE][+-]?\d+)?$/.test(cell.trim());

export function parseSeries(text: string): SeriesParse {
  const lines = stripBom(text).split(/\r\n|\r|\n/).map((l, i) => ({ text: l, line: i + 1 })).filter((l) => l.text.trim() !== '');
  if (lines.length === 0) return { ok: false, problems: ['nothing to read: paste a column of numbers'] };
  const firstCells = lines[0].text.split(/[\t;,]/).map((c) => c.trim());
  const header = !firstCells.every((c) => c === '' || isNumberish(c));
  const delimiter = delimiterOf(lines.map((l) => l.text), header);
  const split = (l: string) => (delimiter ? l.split(delimiter) : [l]).map((c) => c.trim());
  const headerCells = header ? split(lines[0].text).map(normaliseLabel) : [];
  const body = header ? lines.slice(1) : lines;
  const rows = body.map((l) => ({ cells: split(l.text), line: l.line }));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));

  let qCol = headerCells.findIndex((h) => QUANTITY_HEADERS.has(h));
  if (qCol < 0) qCol = width - 1;
  let pCol = headerCells.findIndex((h) => PERIOD_HEADERS.has(h));
  if (pCol < 0 && width > 1 && qCol !== 0 && rows.every((r) => /^\d+$/.test(r.cells[0] ?? ''))) pCol = 0;

  const style = detectDecimalStyle(delimiter ?? ';', rows.map((r) => r.cells[qCol] ?? ''));
  const problems: string[] = [];
  const byPeriod = new Map<number, number>();
  rows.forEach((r, k) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const cell = r.cells[qCol] ?? '';
    const q = parseNumberCell(cell, style);
    if (!q.ok) { problems.push(`line ${r.line}: quantity ${q.message}`); return; }
    if (q.value < 0) { problems.push(`line ${r.line}: quantity must be at least 0 (got ${q.value})`); return; }
    let period = k + 1;
    if (pCol >= 0) {
      const p = Number(r.cells[pCol]);
      if (!/^\d+$/.test(r.cells[pCol] ?? '') || p < 1 || p > MAX_PERIODS) { problems.push(`line ${r.line}: period must be a whole number from 1 (got "${r.cells[pCol] ?? ''}")`); return; }
      period = p;
    }
    if (period > MAX_PERIODS) { problems.push(`line ${r.line}: more than ${MAX_PERIODS} periods`); return; }
    if (byPeriod.has(period)) { problems.push(`line ${r.line}: period ${period} is given twice`); return; }
    byPeriod.set(period, q.value);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (byPeriod.size === 0) return { ok: false, problems: ['no numbers found below the header'] };
  const values = new Array<number>(Math.max(...byPeriod.keys())).fill(0);
  for (const [p, q] of byPeriod) values[p - 1] = q;
  return { ok: true, values, count: byPeriod.size };
}

/** Fits a series to the horizon: cut after it, zeros where it is short. */
export function fitToHorizon(values: readonly number[], horizon: number): { values: number[]; cut: number; padded: number } {
  const out = values.slice(0, horizon);
  const padded = horizon - out.length;
  while (out.length < horizon) out.push(0);
  return { values: out, cut: Math.max(0, values.length - horizon), padded: Math.max(0, padded) };
}
