/**
 * The report's network map as data: the playback map's layout (projection fitted to the sites,
 * lane arcs, names that fit) with each lane's width by its total flow over the measured periods
 * (summary.lanes, all products), so a printed page shows where the goods went.
 */
import type { Scenario } from '../../core/model/types';
import type { LaneKpis } from '../../core/sim';
import { laneWidth } from '../playback/playback-frame';
import { playbackLayout, type PlaybackLayout, type PlaybackSite } from '../playback/playback-layout';

export interface ReportLane {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly d: string;
  readonly flow: number;
  readonly width: number;
}

export interface ReportMapModel {
  readonly sites: readonly PlaybackSite[];
  readonly lanes: readonly ReportLane[];
  readonly maxFlow: number;
  readonly layout: PlaybackLayout;
}

/** Total units per lane id, over products (a lane without a row has no flow). */
export function laneTotals(lanes: readonly Pick<LaneKpis, 'laneId' | 'shipped'>[] | undefined): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of lanes ?? []) {
    const v = Number.isFinite(l.shipped) ? l.shipped : 0;
    totals.set(l.laneId, (totals.get(l.laneId) ?? 0) + v);
  }
  return totals;
}

export function reportMap(scenario: Scenario, lanes: readonly Pick<LaneKpis, 'laneId' | 'shipped'>[] | undefined, width: number, height: number): ReportMapModel {
  const layout = playbackLayout(scenario, width, height);
  const totals = laneTotals(lanes);
  let maxFlow = 0;
  for (const v of totals.values()) maxFlow = Math.max(maxFlow, v);
  const drawn: ReportLane[] = [];
  scenario.lanes.forEach((lane, i) => {
    const arc = layout.arcs[i];
    if (!arc) return;
    const flow = totals.get(lane.id) ?? 0;
    drawn.push({ id: lane.id, from: lane.from, to: lane.to, d: arc.d, flow, width: laneWidth(flow, maxFlow) });
  });
  return { layout, sites: layout.sites, lanes: drawn, maxFlow };
}
