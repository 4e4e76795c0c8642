/**
 * The per-lane, returns and money-flow outputs of a run, read defensively: a result computed by
 * an earlier version (one cached before these fields existed) lacks them, and the views then say
 * so instead of failing. Each accessor returns an empty list (or null) when the field is absent.
 */
import type { ArcSeries, LaneKpis, PartyFlow, ReturnFlow, SimResult, SimSummary } from '../../core/sim';

export type { LaneKpis, PartyFlow, ReturnFlow };

/** What an older result may lack. */
type MaybeFlows = Partial<Pick<SimSummary, 'lanes' | 'returnFlows' | 'partyFlows'>>;

export function laneFlowsOf(summary: SimSummary): readonly LaneKpis[] {
  return (summary as MaybeFlows).lanes ?? [];
}

export function returnFlowsOf(summary: SimSummary): readonly ReturnFlow[] {
  return (summary as MaybeFlows).returnFlows ?? [];
}

export function partyFlowsOf(summary: SimSummary): readonly PartyFlow[] {
  return (summary as MaybeFlows).partyFlows ?? [];
}

/** True when the summary carries per-lane flows at all (an empty network has an empty list). */
export function hasLaneFlows(summary: SimSummary): boolean {
  return Array.isArray((summary as MaybeFlows).lanes);
}

export function hasPartyFlows(summary: SimSummary): boolean {
  return Array.isArray((summary as MaybeFlows).partyFlows);
}

/** The arcs with per-period series and those series, or null when the run kept none (too large, or an older result). */
export function arcSeriesOf(result: SimResult): { readonly arcs: SimResult['arcs']; readonly count: number; readonly series: ArcSeries } | null {
  const arcs = (result as Partial<Pick<SimResult, 'arcs'>>).arcs;
  const series = result.series.arc;
  const count = result.series.arcs ?? 0;
  if (!arcs || !series || !(count > 0)) return null;
  // A malformed result (arrays shorter than periods × arcs) is treated as absent, never read past its end.
  if (series.shipped.length < result.series.periods * count || arcs.laneId.length < count || arcs.productId.length < count) return null;
  return { arcs, count, series };
}
