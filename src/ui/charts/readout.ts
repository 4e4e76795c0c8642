/**
 * The hover / keyboard read-out of a chart: the period under the pointer (within the zoomed
 * range), the values of every line and band at that period, and how arrow keys move it.
 */
import type { ScaleLinear } from 'd3';
import type { ChartBand, ChartLine, PeriodRange } from './line-chart-geometry';

export interface ReadoutRow {
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  /** A line's value, or NaN when undefined at that period. */
  readonly value: number;
  /** A band's low and high (value is then NaN). */
  readonly low?: number;
  readonly high?: number;
}

export interface Readout {
  readonly period: number;
  readonly rows: readonly ReadoutRow[];
}

const at = (values: ArrayLike<number>, period: number): number => {
  const v = values[period - 1];
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
};

/** The period nearest to a pointer at pixel `px`, within the range shown. */
export function periodAt(x: ScaleLinear<number, number>, px: number, range: PeriodRange): number {
  const p = Math.round(x.invert(px));
  return Number.isFinite(p) ? Math.min(range.to, Math.max(range.from, p)) : range.from;
}

/** Every line's value and every band's low–high at `period` (1-based). */
export function readoutAt(lines: readonly ChartLine[], bands: readonly ChartBand[], period: number): Readout {
  const rows: ReadoutRow[] = lines.map((l) => ({ label: l.label, color: l.color, dashed: !!l.dashed, value: at(l.values, period) }));
  for (const b of bands) rows.push({ label: b.label, color: b.color, dashed: false, value: Number.NaN, low: at(b.low, period), high: at(b.high, period) });
  return { period, rows };
}

/**
 * The read-out period after a key press on a focused chart (null: the key is not ours).
 * ← → one period, PageDown / PageUp ten, Home / End the ends of the range; from no period yet,
 * → starts at the first and ← at the last.
 */
export function stepPeriod(current: number | null, key: string, range: PeriodRange): number | null {
  const clamp = (p: number) => Math.min(range.to, Math.max(range.from, p));
  if (key === 'Home') return range.from;
  if (key === 'End') return range.to;
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : key === 'PageUp' ? 10 : key === 'PageDown' ? -10 : 0;
  if (step === 0) return null;
  if (current === null || current < range.from || current > range.to) return step > 0 ? range.from : range.to;
  return clamp(current + step);
}
