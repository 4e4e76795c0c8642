/**
 * Planned vs simulated stock of one site as SVG paths: the plan's end-of-period stock as a line,
 * the simulated mean as a second line, and the lowest–highest band over the replications.
 */
import { area, line, scaleLinear } from 'd3';

export interface StockChartInput {
  readonly planned: ArrayLike<number>;
  readonly mean: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly high: ArrayLike<number>;
}

export interface StockChartGeometry {
  readonly plan: string;
  readonly mean: string;
  readonly band: string;
  readonly xTicks: readonly { x: number; label: string }[];
  readonly yTicks: readonly { y: number; label: string }[];
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
}

const MARGIN = { top: 10, right: 12, bottom: 22, left: 52 };

export function stockChart(input: StockChartInput, width: number, height: number): StockChartGeometry {
  const T = input.planned.length;
  const top = Math.max(1, ...Array.from(input.planned), ...Array.from(input.high));
  const x = scaleLinear().domain([1, Math.max(2, T)]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, top]).nice(4).range([height - MARGIN.bottom, MARGIN.top]);
  const idx = Array.from({ length: T }, (_, i) => i);
  const lineOf = (values: ArrayLike<number>) => line<number>().x((i) => x(i + 1)).y((i) => y(values[i]))(idx) ?? '';
  const band = area<number>().x((i) => x(i + 1)).y0((i) => y(input.low[i])).y1((i) => y(input.high[i]))(idx) ?? '';
  return {
    plan: lineOf(input.planned), mean: lineOf(input.mean), band,
    xTicks: x.ticks(Math.min(8, T)).filter(Number.isInteger).map((t) => ({ x: x(t), label: String(t) })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: t.toLocaleString('en-US') })),
    plotLeft: MARGIN.left, plotRight: width - MARGIN.right, plotTop: MARGIN.top, plotBottom: height - MARGIN.bottom,
  };
}
