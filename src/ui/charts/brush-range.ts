/**
 * Brush-to-zoom maths: the pixels a user brushed on a chart's x axis → the period range that all
 * charts of the dashboard then show. The x scale may already be zoomed (brushing inside a zoom
 * narrows it further): inverting it gives absolute periods either way.
 */
import type { ScaleLinear } from 'd3';
import type { PeriodRange } from './line-chart-geometry';

/** Fewer periods than this is a click, not a zoom. */
export const MIN_ZOOM_PERIODS = 2;

/**
 * Periods under the brushed span [px0, px1] (either order): each end rounded to the nearest
 * period, clamped to 1..periods; null when that covers fewer than `minPeriods` periods.
 */
export function rangeFromPixels(x: ScaleLinear<number, number>, px0: number, px1: number, periods: number, minPeriods = MIN_ZOOM_PERIODS): PeriodRange | null {
  if (!Number.isFinite(px0) || !Number.isFinite(px1)) return null;
  const clamp = (p: number) => Math.min(periods, Math.max(1, Math.round(p)));
  const a = clamp(x.invert(Math.min(px0, px1)));
  const b = clamp(x.invert(Math.max(px0, px1)));
  return b - a + 1 >= minPeriods ? { from: a, to: b } : null;
}

/** True when the range shows the whole run (no zoom). */
export function isWholeRun(range: PeriodRange | null, periods: number): boolean {
  return !range || (range.from <= 1 && range.to >= periods);
}

export type TypedRange = { readonly ok: true; readonly range: PeriodRange | null } | { readonly ok: false; readonly message: string };

/**
 * A range typed in the "from / to" inputs (keyboard users' brush): whole numbers, clamped to
 * 1..periods, swapped when reversed; range null = the whole run. Anything else is refused with a
 * message saying which field is wrong.
 */
export function rangeFromInputs(fromText: string, toText: string, periods: number): TypedRange {
  const read = (text: string) => (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN);
  const from = read(fromText);
  const to = read(toText);
  if (!Number.isFinite(from)) return { ok: false, message: `"from" must be a period number from 1 to ${periods}` };
  if (!Number.isFinite(to)) return { ok: false, message: `"to" must be a period number from 1 to ${periods}` };
  const clamp = (p: number) => Math.min(periods, Math.max(1, Math.round(p)));
  const a = clamp(Math.min(from, to));
  const b = clamp(Math.max(from, to));
  return { ok: true, range: a === 1 && b === periods ? null : { from: a, to: b } };
}
