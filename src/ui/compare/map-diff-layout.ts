/**
 * What the map diff draws, in screen pixels: the sites and lanes of the baseline and a what-if
 * together, each marked added (only in the what-if), removed (only in the baseline), changed
 * (with the changed fields) or unchanged; lane width by |flow change| (√ scale, like the plan
 * map) and its direction (more / less flow). Pure: the component only renders.
 */
import type { GeoProjection } from 'd3';
import type { LaneFlowDelta } from '../../core/compare/lane-flows';
import { describeFields, type ChangeKind, type ScenarioDiff } from '../../core/compare/scenario-diff';
import type { Lane, Scenario, Site } from '../../core/model/types';
import { laneArc, type Point } from '../map/lane-path';
import { fitProjection } from '../map/projection';

export type DiffState = ChangeKind | 'same';
export type FlowChange = 'more' | 'less' | 'none' | 'unknown';

export interface DiffSite {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly state: DiffState;
  /** "storageCapacity 40000 → 2000" for changed sites, else "". */
  readonly fields: string;
}

export interface DiffLane {
  readonly id: string;
  readonly d: string;
  readonly fromName: string;
  readonly toName: string;
  readonly mid: Point;
  readonly state: DiffState;
  readonly fields: string;
  /** Flows in both runs (null: lane missing there, or no lane KPIs) and their change. */
  readonly base: number | null;
  readonly other: number | null;
  readonly delta: number | null;
  readonly flow: FlowChange;
  readonly width: number;
}

export interface MapDiffLayout {
  readonly projection: GeoProjection;
  readonly sites: readonly DiffSite[];
  readonly lanes: readonly DiffLane[];
  /** Largest |flow change| (0 when flows are unknown or equal). */
  readonly maxDelta: number;
}

export const MAX_DELTA_WIDTH = 12;
const MIN_WIDTH = 1.5;
const SITE_RADIUS = 6;
/** A flow change below this share of the largest one is drawn as no change. */
const FLOW_EPSILON = 1e-6;

const midpoint = (a: Point, c: Point, b: Point): Point => [0.25 * a[0] + 0.5 * c[0] + 0.25 * b[0], 0.25 * a[1] + 0.5 * c[1] + 0.25 * b[1]];

function states(changes: ScenarioDiff['sites']): Map<string, { state: DiffState; fields: string }> {
  return new Map(changes.map((c) => [c.id, { state: c.kind, fields: c.kind === 'changed' ? describeFields(c.fields) : '' }]));
}

export function mapDiffLayout(
  base: Scenario, other: Scenario, diff: ScenarioDiff, flows: readonly LaneFlowDelta[] | null,
  width: number, height: number,
): MapDiffLayout {
  // Every site of either scenario: the what-if's version where it exists (its position wins).
  const siteById = new Map<string, Site>(base.sites.map((s) => [s.id, s]));
  for (const s of other.sites) siteById.set(s.id, s);
  const allSites = [...siteById.values()];
  const projection = fitProjection(allSites, width, height, { top: 24, right: 100, bottom: 24, left: 24 });
  const at = new Map(allSites.map((s) => [s.id, (projection([s.lon, s.lat]) ?? [0, 0]) as Point]));
  const siteStates = states(diff.sites);
  const sites: DiffSite[] = allSites.map((s) => {
    const [x, y] = at.get(s.id)!;
    const st = siteStates.get(s.id) ?? { state: 'same' as const, fields: '' };
    return { id: s.id, name: s.name, kind: s.kind, x, y, state: st.state, fields: st.fields };
  });

  const laneById = new Map<string, Lane>(base.lanes.map((l) => [l.id, l]));
  for (const l of other.lanes) laneById.set(l.id, l);
  const laneStates = states(diff.lanes);
  const flowByLane = new Map((flows ?? []).map((f) => [f.laneId, f]));
  const maxDelta = Math.max(0, ...(flows ?? []).map((f) => Math.abs(f.delta)));
  const lanes: DiffLane[] = [];
  for (const l of laneById.values()) {
    const a = at.get(l.from);
    const b = at.get(l.to);
    const arc = a && b ? laneArc(a, b, { startInset: SITE_RADIUS + 1, endInset: SITE_RADIUS + 2 }) : null;
    if (!arc) continue;
    const st = laneStates.get(l.id) ?? { state: 'same' as const, fields: '' };
    const f = flowByLane.get(l.id);
    const delta = f ? f.delta : null;
    const significant = delta !== null && maxDelta > 0 && Math.abs(delta) > FLOW_EPSILON * maxDelta;
    const flow: FlowChange = !flows ? 'unknown' : !significant ? 'none' : delta > 0 ? 'more' : 'less';
    const w = significant ? MIN_WIDTH + (MAX_DELTA_WIDTH - MIN_WIDTH) * Math.sqrt(Math.abs(delta) / maxDelta) : MIN_WIDTH;
    lanes.push({
      id: l.id, d: arc.d, mid: midpoint(arc.start, arc.control, arc.end),
      fromName: siteById.get(l.from)?.name ?? l.from, toName: siteById.get(l.to)?.name ?? l.to,
      state: st.state, fields: st.fields,
      base: f?.base ?? null, other: f?.other ?? null, delta, flow, width: w,
    });
  }
  // Thin lanes first, so wide ones never hide them; marked lanes on top of unchanged ones.
  const rank = (l: DiffLane) => (l.state === 'same' ? 0 : 1);
  lanes.sort((p, q) => rank(p) - rank(q) || p.width - q.width);
  return { projection, sites, lanes, maxDelta };
}
