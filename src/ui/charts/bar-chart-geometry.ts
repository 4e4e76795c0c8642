/**
 * Geometry of a horizontal bar chart of counts per category (order statuses): one row per
 * category, bars from 0, an optional confidence whisker per bar (Monte Carlo), x ticks about one
 * per 70 px. Pure: no DOM, no Svelte.
 */
import { scaleBand, scaleLinear, type ScaleLinear } from 'd3';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** 95 % CI ends (replications). */
  readonly low?: number;
  readonly high?: number;
  readonly color: string;
}

export interface BarGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly rows: readonly { readonly bar: Bar; readonly y: number; readonly height: number; readonly width: number; readonly whisker?: readonly [number, number] }[];
  readonly xTicks: readonly number[];
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/** Room for the category labels left of the bars: ≈ 6.6 px per character at 12 px, within 60..200 px. */
export function labelMargin(bars: readonly Bar[]): number {
  const longest = bars.reduce((n, b) => Math.max(n, b.label.length), 0);
  return Math.min(200, Math.max(60, Math.ceil(longest * 6.6) + 14));
}

export function barGeometry(bars: readonly Bar[], width: number, rowHeight = 24, margin = { top: 6, right: 46, bottom: 22, left: labelMargin(bars) }): BarGeometry {
  const left = margin.left;
  const right = Math.max(left + 1, width - margin.right);
  const top = margin.top;
  const bottom = top + Math.max(1, bars.length) * rowHeight;
  let hi = 0;
  for (const b of bars) hi = Math.max(hi, Number.isFinite(b.value) ? b.value : 0, b.high !== undefined && Number.isFinite(b.high) ? b.high : 0);
  const x = scaleLinear().domain([0, hi > 0 ? hi : 1]).nice().range([left, right]);
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([top, bottom]).padding(0.25);
  const rows = bars.map((bar, i) => {
    const v = Number.isFinite(bar.value) ? Math.max(0, bar.value) : 0;
    const whisker = bar.low !== undefined && bar.high !== undefined && Number.isFinite(bar.low) && Number.isFinite(bar.high)
      ? [x(Math.max(0, bar.low)), x(bar.high)] as const : undefined;
    return { bar, y: y(i) ?? top, height: y.bandwidth(), width: x(v) - left, ...(whisker ? { whisker } : {}) };
  });
  const xTicks = x.ticks(Math.max(2, Math.floor((right - left) / 70))).filter(Number.isInteger);
  return { x, rows, xTicks, plot: { left, right, top, bottom } };
}
