/**
 * What the plan map draws, in screen pixels: sites with their plan state, lanes as arcs whose
 * width grows with the plan's total flow (√ scale: area-like, so one busy lane does not hide the
 * rest), and shadow-price badges on the capacities that bind. Pure: the component only renders.
 */
import type { GeoProjection } from 'd3';
import type { Scenario } from '../../core/model/types';
import type { PlanResult, ShadowPrice } from '../../core/plan';
import { placeLabels, type LabelSide } from '../map/label-layout';
import { laneArc, type Point } from '../map/lane-path';
import { fitProjection } from '../map/projection';

export type SitePlanState = 'open' | 'opened' | 'unopened' | 'closed';

export interface MapSite {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly state: SitePlanState;
  /** Units made or shipped out over the horizon (0: the plan does not use it). */
  readonly throughput: number;
  /** Side of its name, or null where the name would cover another (it stays in the tooltip). */
  readonly label: LabelSide | null;
}

export interface MapLane {
  readonly id: string;
  readonly d: string;
  readonly from: string;
  readonly to: string;
  readonly flow: number;
  readonly width: number;
  readonly mid: Point;
}

export interface MapBadge {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly price: ShadowPrice;
}

export interface PlanMapLayout {
  readonly projection: GeoProjection;
  /** Lanes drawn one by one (with their tooltip): all of them on a small network, the busiest on a large one. */
  readonly lanes: readonly MapLane[];
  /** On a large network, the unused lanes as one path (one element instead of hundreds); '' otherwise. */
  readonly idleLanes: string;
  readonly idleCount: number;
  /** On a large network, the other used lanes as a few paths, one per width class. */
  readonly laneBundles: readonly { readonly width: number; readonly d: string; readonly count: number }[];
  /** Sites drawn one by one: all of them on a small network; on a large one those with a name shown or that are not customers. */
  readonly sites: readonly MapSite[];
  /** On a large network, the other customers as one path of dots per plan state. */
  readonly siteDots: readonly { readonly state: SitePlanState; readonly d: string; readonly count: number }[];
  readonly badges: readonly MapBadge[];
  readonly maxFlow: number;
}

/**
 * Above this many lanes (or sites) the map draws a large network compactly, so that its first
 * render stays short (reliability case 22): unused lanes as one path, only the busiest lanes one
 * by one and the rest in a few width classes, unlabelled customers as dots in one path.
 */
export const LARGE_NETWORK_LANES = 150;
export const LARGE_NETWORK_SITES = 120;
/** Lanes drawn one by one, with their tooltip, on a large network. */
export const SEPARATE_LANES = 60;
const WIDTH_CLASSES = 6;

export const MAX_LANE_WIDTH = 12;
const MIN_LANE_WIDTH = 1.5;
const SITE_RADIUS = 6;
/** Badges drawn: the largest shadow prices of capacities (one per site or lane). */
export const MAP_BADGES = 6;

function siteState(status: string, open: boolean | undefined): SitePlanState {
  if (status === 'closed') return 'closed';
  if (status === 'potential') return open ? 'opened' : 'unopened';
  return 'open';
}

/** Point on a quadratic Bézier at t = ½: where a lane's badge sits. */
const midpoint = (a: Point, c: Point, b: Point): Point => [0.25 * a[0] + 0.5 * c[0] + 0.25 * b[0], 0.25 * a[1] + 0.5 * c[1] + 0.25 * b[1]];

export function planMapLayout(scenario: Scenario, result: PlanResult, width: number, height: number): PlanMapLayout {
  const projection = fitProjection(scenario.sites, width, height, { top: 28, right: 110, bottom: 28, left: 28 });
  const at = new Map(scenario.sites.map((s) => [s.id, (projection([s.lon, s.lat]) ?? [0, 0]) as Point]));
  const decisions = new Map(result.sites.map((d) => [d.siteId, d.open]));
  const throughput = new Map<string, number>();
  const flowByLane = new Map<string, number>();
  for (const f of result.flows) {
    flowByLane.set(f.laneId, (flowByLane.get(f.laneId) ?? 0) + f.quantity);
    throughput.set(f.from, (throughput.get(f.from) ?? 0) + f.quantity);
  }
  for (const p of result.production) throughput.set(p.siteId, (throughput.get(p.siteId) ?? 0) + p.quantity);
  const maxFlow = Math.max(0, ...flowByLane.values());

  // Names of the sites the plan uses most win the room for labels.
  const byUse = [...scenario.sites].sort((a, b) => (throughput.get(b.id) ?? 0) - (throughput.get(a.id) ?? 0));
  const sides = placeLabels(
    byUse.map((s) => ({ id: s.id, x: at.get(s.id)![0], y: at.get(s.id)![1], radius: SITE_RADIUS, text: s.name, preferLeft: false })),
    { x: 0, y: 0, k: 1 }, { width, height },
  );
  const sites = scenario.sites.map((s) => {
    const [x, y] = at.get(s.id)!;
    const state = siteState(s.status, decisions.get(s.id));
    return { id: s.id, name: s.name, kind: s.kind, x, y, state, throughput: throughput.get(s.id) ?? 0, label: sides.get(s.id) ?? null };
  });
  const lanes: MapLane[] = [];
  for (const l of scenario.lanes) {
    const a = at.get(l.from);
    const b = at.get(l.to);
    const arc = a && b ? laneArc(a, b, { startInset: SITE_RADIUS + 1, endInset: SITE_RADIUS + 2 }) : null;
    if (!arc) continue;
    const flow = flowByLane.get(l.id) ?? 0;
    const width = flow > 0 && maxFlow > 0 ? MIN_LANE_WIDTH + (MAX_LANE_WIDTH - MIN_LANE_WIDTH) * Math.sqrt(flow / maxFlow) : 1;
    lanes.push({ id: l.id, d: arc.d, from: l.from, to: l.to, flow, width, mid: midpoint(arc.start, arc.control, arc.end) });
  }
  // Used lanes on top, thickest last: thin lanes stay visible beside thick ones.
  lanes.sort((p, q) => p.flow - q.flow);
  const large = lanes.length > LARGE_NETWORK_LANES || sites.length > LARGE_NETWORK_SITES;
  const idle = large ? lanes.filter((l) => l.flow <= 0) : [];
  const used = large ? lanes.filter((l) => l.flow > 0) : lanes;
  const drawn = large ? used.slice(Math.max(0, used.length - SEPARATE_LANES)) : used;
  const bundled = large ? used.slice(0, Math.max(0, used.length - SEPARATE_LANES)) : [];
  const laneBundles = widthClasses(bundled);
  const dotted = large ? sites.filter((s) => s.kind === 'customer' && s.label === null) : [];
  const dottedIds = new Set(dotted.map((s) => s.id));
  const siteDots = (['open', 'opened', 'unopened', 'closed'] as const)
    .map((state) => ({ state, sites: dotted.filter((s) => s.state === state) }))
    .filter((g) => g.sites.length > 0)
    .map((g) => ({ state: g.state, count: g.sites.length, d: g.sites.map((s) => dot(s.x, s.y, 4.5)).join('') }));

  const badges: MapBadge[] = [];
  const taken = new Set<string>();
  const laneMid = new Map(lanes.map((l) => [l.id, l.mid]));
  const capacities = result.shadowPrices.filter((p) => p.kind !== 'demand' && p.kind !== 'target' && Math.abs(p.value) > 1e-9);
  for (const p of [...capacities].sort((m, n) => Math.abs(n.value) - Math.abs(m.value))) {
    const key = p.laneId ? `lane:${p.laneId}` : `site:${p.siteId}`;
    const pos = p.laneId ? laneMid.get(p.laneId) : p.siteId ? at.get(p.siteId) : undefined;
    if (!pos || taken.has(key)) continue;
    taken.add(key);
    badges.push({ key, x: pos[0], y: pos[1] - (p.laneId ? 0 : SITE_RADIUS + 12), price: p });
    if (badges.length >= MAP_BADGES) break;
  }
  return {
    projection, sites: large ? sites.filter((s) => !dottedIds.has(s.id)) : sites, siteDots,
    lanes: drawn, laneBundles, idleLanes: idle.map((l) => l.d).join(''), idleCount: idle.length, badges, maxFlow,
  };
}

/** A circle as path data (two arcs), to put many dots in one element. */
const dot = (x: number, y: number, r: number) => `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;

/** Lanes grouped into a few classes of similar width, each drawn as one path at the class's mean width. */
function widthClasses(lanes: readonly MapLane[]): { width: number; d: string; count: number }[] {
  if (lanes.length === 0) return [];
  const lo = Math.min(...lanes.map((l) => l.width));
  const hi = Math.max(...lanes.map((l) => l.width));
  const step = (hi - lo) / WIDTH_CLASSES || 1;
  const groups = new Map<number, MapLane[]>();
  for (const l of lanes) {
    const c = Math.min(WIDTH_CLASSES - 1, Math.floor((l.width - lo) / step));
    groups.set(c, [...(groups.get(c) ?? []), l]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => ({
    width: g.reduce((s, l) => s + l.width, 0) / g.length, d: g.map((l) => l.d).join(''), count: g.length,
  }));
}
