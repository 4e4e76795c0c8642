/**
 * Geometry of a time-series chart (periods 1..T on x, values on y; several lines): d3 scales,
 * one SVG path per line, ticks, and the period under a pointer. Long series are thinned to the
 * minimum and maximum of each pixel column before drawing (what the eye can see of 100,000
 * periods on 800 pixels, and the peaks stay), so a path has at most ~4 points per pixel.
 */
import { line, scaleLinear, type ScaleLinear } from 'd3';

export interface ChartLine {
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly color: string;
  readonly dashed?: boolean;
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface TimeSeriesGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly paths: readonly string[];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly periods: number;
}

/**
 * Indices to draw of a series of n values on `columns` pixel columns: all of them when they fit,
 * else per column the first, minimum, maximum and last index, in period order.
 */
export function thinIndices(values: ArrayLike<number>, columns: number): number[] {
  const n = values.length;
  if (n <= Math.max(2, columns) * 4) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const per = n / columns;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor(c * per);
    const to = Math.min(n, Math.floor((c + 1) * per));
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
    }
    // from ≤ min(lo, hi) ≤ max(lo, hi) ≤ to − 1: push in period order, skipping repeats.
    for (const i of [from, Math.min(lo, hi), Math.max(lo, hi), to - 1]) if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

function extent(lines: readonly ChartLine[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const l of lines) {
    for (let i = 0; i < l.values.length; i++) {
      const v = l.values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === hi) hi = lo + 1;
  return [lo, hi];
}

export function timeSeriesGeometry(lines: readonly ChartLine[], frame: ChartFrame): TimeSeriesGeometry {
  const periods = Math.max(1, ...lines.map((l) => l.values.length));
  const m = frame.margin;
  const right = Math.max(m.left + 1, frame.width - m.right);
  const x = scaleLinear().domain([1, Math.max(2, periods)]).range([m.left, right]);
  const [lo, hi] = extent(lines);
  const pad = (hi - lo) * 0.06;
  const y = scaleLinear().domain([lo < 0 ? lo - pad : 0, hi + pad]).nice().range([frame.height - m.bottom, m.top]);
  const columns = Math.max(1, Math.round(right - m.left));
  const paths = lines.map((l) => {
    const idx = thinIndices(l.values, columns);
    return line<number>().defined((i) => Number.isFinite(l.values[i])).x((i) => x(i + 1)).y((i) => y(l.values[i]))(idx) ?? '';
  });
  const xTicks = x.ticks(Math.max(2, Math.min(periods, Math.floor((right - m.left) / 70)))).filter((t) => Number.isInteger(t) && t >= 1 && t <= periods);
  return { x, y, paths, xTicks, yTicks: y.ticks(5), periods };
}

/** The period nearest to a pointer's x, within 1..periods. */
export function periodAt(x: ScaleLinear<number, number>, px: number, periods: number): number {
  return Math.min(periods, Math.max(1, Math.round(x.invert(px))));
}

/** Short tick labels: 1,200 → "1.2k", 3,400,000 → "3.4M". */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 10 ? 2 : 0)}`;
}
