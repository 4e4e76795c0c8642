/**
 * Time series of a lane: units shipped and in transit per period, from the engine's per-arc
 * series (an arc = one lane carrying one product; entry t·arcs + a, arc a's lane, product and end
 * sites in result.arcs) and the lane KPIs of the summary. A run that dropped its arc series (too
 * large, or totals only) lists no lanes; results made before arcs existed (none kept in memory
 * today, but guarded all the same) neither.
 */
import type { LaneKpis, SimResult } from '../../core/sim';

export type LaneMetric = 'shipped' | 'inTransit';

export interface ChartableLane {
  readonly laneId: string;
  readonly from: string;
  readonly to: string;
  /** Products with series on this lane, in the engine's order. */
  readonly productIds: readonly string[];
}

/** The arc labels when the run kept per-arc series, else null. */
function arcsOf(result: SimResult): SimResult['arcs'] | null {
  const arcs = (result as Partial<SimResult>).arcs;
  return arcs && result.series.arc && result.series.arcs > 0 ? arcs : null;
}

/** Lanes that have per-arc series, in the engine's order. */
export function chartableLanes(result: SimResult): ChartableLane[] {
  const arcs = arcsOf(result);
  if (!arcs) return [];
  const byLane = new Map<string, { from: string; to: string; productIds: string[] }>();
  arcs.laneId.forEach((lane, a) => {
    const entry = byLane.get(lane) ?? { from: arcs.from[a], to: arcs.to[a], productIds: [] };
    entry.productIds.push(arcs.productId[a]);
    byLane.set(lane, entry);
  });
  return [...byLane].map(([laneId, e]) => ({ laneId, ...e }));
}

/** A lane's series for one product or summed over its products (productId null); null when not kept. */
export function laneSeries(result: SimResult, metric: LaneMetric, laneId: string, productId: string | null): Float64Array | null {
  const arcs = arcsOf(result);
  const arc = result.series.arc;
  if (!arcs || !arc) return null;
  const columns: number[] = [];
  arcs.laneId.forEach((lane, a) => {
    if (lane === laneId && (productId === null || arcs.productId[a] === productId)) columns.push(a);
  });
  if (columns.length === 0) return null;
  const { periods, arcs: n } = result.series;
  const values = arc[metric];
  const out = new Float64Array(periods);
  // Column by column, striding through the period-major array.
  for (const c of columns) for (let t = 0, i = c; t < periods; t++, i += n) out[t] += values[i];
  return out;
}

/** The summary's KPIs of a lane's arcs (one per product); empty when the summary has none. */
export function laneKpis<K extends Pick<LaneKpis, 'laneId'>>(summary: { readonly lanes?: readonly K[] }, laneId: string): K[] {
  return summary.lanes ? summary.lanes.filter((l) => l.laneId === laneId) : [];
}
