/**
 * Geometry of the demand preview chart (periods on x, units on y): scales, the current series as
 * an area, the new one as a line, tick positions, and the period under a pointer. Computed with d3
 * and drawn by DemandChart.svelte; no DOM here.
 */
import { area, curveLinear, line, scaleLinear, type ScaleLinear } from 'd3';

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface ChartGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly currentArea: string;
  readonly currentLine: string;
  readonly nextLine: string;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
}

/** Whole periods only: d3's ticks may fall on 2.5 for short horizons. */
function periodTicks(x: ScaleLinear<number, number>, horizon: number, count: number): number[] {
  return x.ticks(Math.min(count, horizon)).filter((t) => Number.isInteger(t) && t >= 1 && t <= horizon);
}

export function chartGeometry(current: readonly number[], next: readonly number[] | null, frame: ChartFrame): ChartGeometry {
  const horizon = Math.max(current.length, next?.length ?? 0, 1);
  const { margin: m } = frame;
  const x = scaleLinear().domain([1, Math.max(2, horizon)]).range([m.left, Math.max(m.left + 1, frame.width - m.right)]);
  let top = 0;
  for (const v of current) if (v > top) top = v;
  if (next) for (const v of next) if (v > top) top = v;
  const y = scaleLinear().domain([0, top > 0 ? top * 1.08 : 1]).nice().range([frame.height - m.bottom, m.top]);
  const at = (_: number, i: number) => x(i + 1);
  const lineOf = line<number>().x(at).y((v) => y(v)).curve(curveLinear);
  const areaOf = area<number>().x(at).y0(y(0)).y1((v) => y(v)).curve(curveLinear);
  return {
    x, y,
    currentArea: areaOf([...current]) ?? '',
    currentLine: lineOf([...current]) ?? '',
    nextLine: next ? lineOf([...next]) ?? '' : '',
    xTicks: periodTicks(x, horizon, Math.max(2, Math.floor((frame.width - m.left - m.right) / 60))),
    yTicks: y.ticks(5),
  };
}

/** The period nearest to a pointer's x, within 1..horizon. */
export function periodAt(x: ScaleLinear<number, number>, px: number, horizon: number): number {
  return Math.min(horizon, Math.max(1, Math.round(x.invert(px))));
}

/** A short number for labels and read-outs: 1234.5 → "1,234.5", 0.333333 → "0.33". */
export function formatQuantity(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
}

/** A sparkline path for a small box (no axes). */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  let top = 0;
  for (const v of values) if (v > top) top = v;
  const x = scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([1, width - 1]);
  const y = scaleLinear().domain([0, top || 1]).range([height - 1, 1]);
  return line<number>().x((_, i) => x(i)).y((v) => y(v))([...values]) ?? '';
}
