/**
 * Flow per lane from a run's summary (units shipped over the measured periods, all products
 * of the lane together) and the change per lane between two runs. Reads `summary.lanes`
 * ({ laneId, shipped, … } per lane and product) when the summary has it — results computed
 * before lane KPIs existed have none, and then there are no flow deltas (null), never zeros.
 */
import { pointOf, type AnySummary } from './kpi-values';

export interface LaneFlowDelta {
  readonly laneId: string;
  /** Units shipped in the baseline run; null when the lane does not exist there. */
  readonly base: number | null;
  readonly other: number | null;
  /** other − base, with a missing side counted as 0. */
  readonly delta: number;
}

/** Units shipped per lane id, or null when the summary carries no lane KPIs. */
export function laneFlows(summary: AnySummary | null): Map<string, number> | null {
  const lanes = (summary as { lanes?: unknown } | null)?.lanes;
  if (!Array.isArray(lanes)) return null;
  const out = new Map<string, number>();
  for (const l of lanes as unknown[]) {
    if (typeof l !== 'object' || l === null) continue;
    const { laneId, shipped } = l as { laneId?: unknown; shipped?: unknown };
    if (typeof laneId !== 'string') continue;
    const q = pointOf(shipped);
    out.set(laneId, (out.get(laneId) ?? 0) + (Number.isFinite(q) ? q : 0));
  }
  return out;
}

/**
 * Per lane of either scenario: flows on both sides and their difference. `baseLanes` and
 * `otherLanes` are the lane ids each scenario has (a lane without flow KPIs shipped 0).
 * Null when either run has no lane KPIs. Ordered by |delta|, largest first.
 */
export function laneFlowDeltas(
  base: Map<string, number> | null, other: Map<string, number> | null,
  baseLanes: readonly string[], otherLanes: readonly string[],
): LaneFlowDelta[] | null {
  if (!base || !other) return null;
  const inBase = new Set(baseLanes);
  const inOther = new Set(otherLanes);
  const out: LaneFlowDelta[] = [];
  for (const laneId of new Set([...baseLanes, ...otherLanes])) {
    const b = inBase.has(laneId) ? base.get(laneId) ?? 0 : null;
    const o = inOther.has(laneId) ? other.get(laneId) ?? 0 : null;
    out.push({ laneId, base: b, other: o, delta: (o ?? 0) - (b ?? 0) });
  }
  return out.sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta) || p.laneId.localeCompare(q.laneId));
}
