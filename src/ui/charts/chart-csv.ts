/**
 * The numbers of a chart as CSV: one row per period of the range shown, one column per line,
 * two per band (low, high). Undefined values are empty cells; labels go through the
 * injection-safe CSV writer (a series named "=cmd()" is written as text).
 */
import { writeCsv, type CsvCell } from '../../core/io/csv';
import { chartPeriods, clampRange, type ChartBand, type ChartLine, type PeriodRange } from './line-chart-geometry';

/** Float32 series summed in Float64 carry noise below 1e-6 (12.300000190734863): cut it. */
function cell(v: number | undefined): CsvCell {
  if (v === undefined || !Number.isFinite(v)) return null;
  return Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
}

export interface ChartCsvOptions {
  /** Header of the first column ("week"). */
  readonly periodLabel?: string;
  /** Band column suffixes ("5 %", "95 %"). */
  readonly bandLow?: string;
  readonly bandHigh?: string;
}

export function chartCsv(lines: readonly ChartLine[], bands: readonly ChartBand[], range: PeriodRange | null, options: ChartCsvOptions = {}): string {
  const r = clampRange(range, chartPeriods(lines, bands));
  const header: CsvCell[] = [options.periodLabel ?? 'period', ...lines.map((l) => l.label)];
  for (const b of bands) header.push(`${b.label} (${options.bandLow ?? 'low'})`, `${b.label} (${options.bandHigh ?? 'high'})`);
  const rows: CsvCell[][] = [header];
  for (let p = r.from; p <= r.to; p++) {
    const row: CsvCell[] = [p, ...lines.map((l) => cell(l.values[p - 1]))];
    for (const b of bands) row.push(cell(b.low[p - 1]), cell(b.high[p - 1]));
    rows.push(row);
  }
  return writeCsv(rows, { bom: true });
}

/** Category rows (bar charts) as CSV: label, value, and low/high when given. */
export function barsCsv(bars: readonly { readonly label: string; readonly value: number; readonly low?: number; readonly high?: number }[], valueLabel: string): string {
  const withCi = bars.some((b) => b.low !== undefined && b.high !== undefined);
  const rows: CsvCell[][] = [withCi ? ['category', valueLabel, 'CI low', 'CI high'] : ['category', valueLabel]];
  for (const b of bars) rows.push(withCi ? [b.label, cell(b.value), cell(b.low), cell(b.high)] : [b.label, cell(b.value)]);
  return writeCsv(rows, { bom: true });
}
