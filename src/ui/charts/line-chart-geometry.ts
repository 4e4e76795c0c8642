/**
 * Geometry of a line chart over periods 1..T (several lines, optional bands), zoomed to a period
 * range: d3 scales, one SVG path per line and per band, and ticks that never crowd (about one x
 * tick per 70 px, one y tick per 40 px). Long ranges are thinned to the first, minimum, maximum and
 * last value of each pixel column before drawing — what the eye can see of 100,000 periods on 800
 * pixels, peaks included — so a path has at most ~4 points per pixel. Pure: no DOM, no Svelte.
 */
import { area, line, scaleLinear, type ScaleLinear } from 'd3';

export interface ChartLine {
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly color: string;
  readonly dashed?: boolean;
}

/** A band between two series (replications: 5–95 % or min–max), drawn under the lines. */
export interface ChartBand {
  readonly label: string;
  readonly low: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly color: string;
}

/** Periods from..to, 1-based and inclusive. */
export interface PeriodRange {
  readonly from: number;
  readonly to: number;
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface LineChartGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** One path per line (empty when nothing is defined in the range). */
  readonly paths: readonly string[];
  readonly bandPaths: readonly string[];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  /** Periods of the longest series. */
  readonly periods: number;
  /** The range shown (the zoom clamped to 1..periods). */
  readonly range: PeriodRange;
  /** The plot area inside the margins. */
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/** The periods of the longest series among lines and bands (at least 1). */
export function chartPeriods(lines: readonly ChartLine[], bands: readonly ChartBand[] = []): number {
  let n = 1;
  for (const l of lines) n = Math.max(n, l.values.length);
  for (const b of bands) n = Math.max(n, b.low.length, b.high.length);
  return n;
}

/** A zoom range clamped to 1..periods (the whole run when null or empty). */
export function clampRange(range: PeriodRange | null | undefined, periods: number): PeriodRange {
  if (!range) return { from: 1, to: periods };
  const from = Math.min(periods, Math.max(1, Math.round(range.from)));
  const to = Math.min(periods, Math.max(from, Math.round(range.to)));
  return from === 1 && to === periods ? { from: 1, to: periods } : { from, to };
}

/**
 * Indices from..to (0-based, inclusive) of a series to draw on `columns` pixel columns: all of
 * them when they fit, else per column the first, minimum, maximum and last index, in order.
 */
export function thinIndices(values: ArrayLike<number>, columns: number, from = 0, to = values.length - 1): number[] {
  const n = to - from + 1;
  if (n <= 0) return [];
  if (n <= Math.max(2, columns) * 4) return Array.from({ length: n }, (_, i) => from + i);
  const out: number[] = [];
  const per = n / columns;
  for (let c = 0; c < columns; c++) {
    const a = from + Math.floor(c * per);
    const b = Math.min(to + 1, from + Math.floor((c + 1) * per));
    if (a >= b) continue;
    let lo = a;
    let hi = a;
    for (let i = a; i < b; i++) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
    }
    // a ≤ min(lo, hi) ≤ max(lo, hi) ≤ b − 1: push in period order, skipping repeats.
    for (const i of [a, Math.min(lo, hi), Math.max(lo, hi), b - 1]) if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** [min, max] of the finite values in indices from..to of every series, always including 0. */
function extent(series: readonly ArrayLike<number>[], from: number, to: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    const end = Math.min(to, s.length - 1);
    for (let i = from; i <= end; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === hi) hi = lo + 1;
  return [lo, hi];
}

/** Indices of both series' thinning, merged in order (a band keeps both envelopes' peaks). */
function mergedIndices(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

export function lineChartGeometry(
  lines: readonly ChartLine[], bands: readonly ChartBand[], frame: ChartFrame, zoom?: PeriodRange | null,
): LineChartGeometry {
  const periods = chartPeriods(lines, bands);
  const range = clampRange(zoom, periods);
  const m = frame.margin;
  const left = m.left;
  const right = Math.max(left + 1, frame.width - m.right);
  const top = m.top;
  const bottom = Math.max(top + 1, frame.height - m.bottom);
  const x = scaleLinear().domain([range.from, Math.max(range.to, range.from + 1)]).range([left, right]);
  const from = range.from - 1;
  const to = range.to - 1;
  const [lo, hi] = extent([...lines.map((l) => l.values), ...bands.flatMap((b) => [b.low, b.high])], from, to);
  const pad = (hi - lo) * 0.06;
  const y = scaleLinear().domain([lo < 0 ? lo - pad : 0, hi + pad]).nice().range([bottom, top]);
  const columns = Math.max(1, Math.round(right - left));
  const paths = lines.map((l) => {
    const idx = thinIndices(l.values, columns, from, Math.min(to, l.values.length - 1));
    return line<number>().digits(2).defined((i) => Number.isFinite(l.values[i])).x((i) => x(i + 1)).y((i) => y(l.values[i]))(idx) ?? '';
  });
  const bandPaths = bands.map((b) => {
    const last = Math.min(to, b.low.length - 1, b.high.length - 1);
    const idx = mergedIndices(thinIndices(b.low, columns, from, last), thinIndices(b.high, columns, from, last));
    return area<number>().digits(2).defined((i) => Number.isFinite(b.low[i]) && Number.isFinite(b.high[i]))
      .x((i) => x(i + 1)).y0((i) => y(b.low[i])).y1((i) => y(b.high[i]))(idx) ?? '';
  });
  const span = range.to - range.from + 1;
  const xCount = Math.max(2, Math.min(span, Math.floor((right - left) / 70)));
  const xTicks = x.ticks(xCount).filter((t) => Number.isInteger(t) && t >= range.from && t <= range.to);
  const yTicks = y.ticks(Math.max(2, Math.floor((bottom - top) / 40)));
  return { x, y, paths, bandPaths, xTicks, yTicks, periods, range, plot: { left, right, top, bottom } };
}

/** Short tick labels: 1,200 → "1.2k", 3,400,000 → "3.4M", 0.25 → "0.25". */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 10 ? 2 : 0)}`;
}
