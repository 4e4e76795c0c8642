/**
 * Scenario rows → screen geometry: where each site sits in projected px and the arc each lane
 * draws. Pure, so it is tested in Node and the component only renders its output.
 */
import type { GeoProjection } from 'd3';
import type { Lane, Site } from '../../core';
import { LABEL_METRICS, placeLabelSet, type CentredLabel, type LabelSide, type ViewSize, type ViewTransform } from './label-layout';
import { laneArc, parallelBend, type Arc, type Point } from './lane-path';
import { SITE_STYLES } from './site-symbols';

export interface PlacedSite {
  readonly id: string;
  readonly site: Site;
  readonly x: number;
  readonly y: number;
  /** Label goes left of the symbol if there is room: the site is near the right edge, where a
   *  label on the right would be cut off. */
  readonly preferLeft: boolean;
}

export interface PlacedLane {
  readonly id: string;
  readonly lane: Lane;
  readonly d: string;
  /** The same arc as numbers (canvas drawing, hit-testing, labels). */
  readonly arc: Arc;
}

/** Screen px between a symbol's outline and the lane ends, so arrowheads do not touch it. */
export const LANE_GAP = 2.5;

/** Symbol size factor of compact (crowded) maps; MapSites applies the same factor in CSS. */
export const COMPACT_SYMBOL_SCALE = 0.7;

/** Label width budget in px: sites closer than this to the right edge get their label on the left. */
const LABEL_ROOM = 130;

export function placeSites(sites: readonly Site[], projection: GeoProjection, width: number): PlacedSite[] {
  return placeSitesBy(sites, (site) => projection([site.lon, site.lat]), width);
}

/**
 * Sites at the layer px `position` gives them (a frame's `place`); sites it cannot place are left
 * out. `previous` (the last result) lets unchanged sites keep their object, so the view only
 * touches the sites an edit moved.
 */
export function placeSitesBy(
  sites: readonly Site[],
  position: (site: Site) => Point | [number, number] | null,
  width: number,
  previous?: ReadonlyMap<string, PlacedSite>,
): PlacedSite[] {
  const placed: PlacedSite[] = [];
  for (const site of sites) {
    const p = position(site);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    const preferLeft = p[0] > width - LABEL_ROOM;
    const old = previous?.get(site.id);
    if (old && old.site === site && old.x === p[0] && old.y === p[1] && old.preferLeft === preferLeft) placed.push(old);
    else placed.push({ id: site.id, site, x: p[0], y: p[1], preferLeft });
  }
  return placed;
}

/** What a routed lane depended on; `routeLanes` reuses it while all of this is unchanged. */
export interface RouteMemo {
  readonly lane: Lane;
  readonly from: PlacedSite;
  readonly to: PlacedSite;
  readonly k: number;
  readonly symbolScale: number;
  readonly index: number;
  readonly startSelected: boolean;
  readonly endSelected: boolean;
  readonly placed: PlacedLane;
}

/**
 * Lane arcs for zoom scale k. Arcs live in projected px inside the zoomed layer, so the insets
 * (screen px) are divided by k; the component recomputes them when a zoom gesture ends, not per
 * frame. `symbolScale` is the size factor symbols are drawn at; lanes of selected sites stop at
 * their halo. Lanes whose ends are unknown or identical are skipped: validation reports them.
 *
 * With `memo` (kept by the caller between calls), a lane whose row, end sites, zoom and selection
 * are unchanged keeps its PlacedLane object: after moving one site, only its lanes are new, and
 * the views redraw only those.
 */
export function routeLanes(
  lanes: readonly Lane[],
  sitesById: ReadonlyMap<string, PlacedSite>,
  k = 1,
  symbolScale = 1,
  selected: string | null | ReadonlySet<string> = null,
  memo?: Map<string, RouteMemo>,
): PlacedLane[] {
  const chosen: ReadonlySet<string> = typeof selected === 'string' ? new Set([selected]) : selected ?? new Set();
  // Parallel lanes (same origin and destination) by origin, then destination: no key strings.
  const seen = new Map<string, Map<string, number>>();
  const routed: PlacedLane[] = [];
  for (const lane of lanes) {
    const from = sitesById.get(lane.from);
    const to = sitesById.get(lane.to);
    if (!from || !to) continue;
    let fromSeen = seen.get(lane.from);
    if (!fromSeen) seen.set(lane.from, (fromSeen = new Map()));
    const index = fromSeen.get(lane.to) ?? 0;
    fromSeen.set(lane.to, index + 1);
    const startSelected = chosen.has(from.id);
    const endSelected = chosen.has(to.id);
    const old = memo?.get(lane.id);
    if (old && old.lane === lane && old.from === from && old.to === to && old.k === k && old.symbolScale === symbolScale
      && old.index === index && old.startSelected === startSelected && old.endSelected === endSelected) {
      routed.push(old.placed);
      continue;
    }
    const arc = laneArc([from.x, from.y], [to.x, to.y], {
      bend: parallelBend(index),
      startInset: (markRadius(from.site.kind, startSelected, symbolScale) + LANE_GAP) / k,
      endInset: (markRadius(to.site.kind, endSelected, symbolScale) + LANE_GAP) / k,
    });
    if (!arc) continue;
    const placed = { id: lane.id, lane, d: arc.d, arc };
    memo?.set(lane.id, { lane, from, to, k, symbolScale, index, startSelected, endSelected, placed });
    routed.push(placed);
  }
  return routed;
}

/** Extra radius of the selection halo around a symbol, in screen px. */
export const HALO_PAD = 7;

/** Outer radius of a site's mark in screen px: its symbol, or the halo when selected (the selected
 *  symbol is drawn at full size even on compact maps). */
export function markRadius(kind: Site['kind'], selected: boolean, symbolScale = 1): number {
  const radius = SITE_STYLES[kind].radius;
  return selected ? radius + HALO_PAD : radius * symbolScale;
}

/** Distance from a site's centre to the near end of its label, in screen px. */
export function labelOffset(kind: Site['kind'], selected: boolean, symbolScale = 1): number {
  return markRadius(kind, selected, symbolScale) + LABEL_METRICS.gap;
}

/**
 * The side of each site's label in the given view, for the labels that fit (label-layout.ts):
 * the selected site first, then by kind (plants and DCs before customers), then in table order.
 */
export function siteLabelSides(
  sites: readonly PlacedSite[],
  selected: string | null | ReadonlySet<string>,
  view: ViewTransform,
  size: ViewSize,
  symbolScale = 1,
): Map<string, LabelSide> {
  return mapLabels(sites, [], selected, view, size, symbolScale).sides;
}

/**
 * Site labels (as `siteLabelSides`) and, where room is left, the centred lane labels (in the
 * order given): lane labels never cover a site or its name.
 */
export function mapLabels(
  sites: readonly PlacedSite[],
  laneLabels: readonly CentredLabel[],
  selected: string | null | ReadonlySet<string>,
  view: ViewTransform,
  size: ViewSize,
  symbolScale = 1,
): { sides: Map<string, LabelSide>; centred: Map<string, readonly [number, number]> } {
  const isSelected = (id: string) => (typeof selected === 'string' ? id === selected : selected?.has(id) ?? false);
  const rank = (s: PlacedSite) => (isSelected(s.id) ? -1 : SITE_STYLES[s.site.kind].labelRank);
  const ranked = [...sites].sort((a, b) => rank(a) - rank(b));
  return placeLabelSet(
    ranked.map((s) => ({
      id: s.id,
      x: s.x,
      y: s.y,
      radius: markRadius(s.site.kind, isSelected(s.id), symbolScale),
      text: s.site.name,
      preferLeft: s.preferLeft,
    })),
    laneLabels,
    view,
    size,
  );
}

const PERIOD_WORDS = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] } as const;

/** Tooltip line of a site: name, kind and status, and where it is. Plain text, never markup. */
export function siteTooltip(site: Site, kindLabel: string): string {
  const status = site.status === 'existing' ? '' : ` (${site.status})`;
  const place = [site.city, site.country].filter((s) => s && s.trim() !== '').join(', ');
  return `${site.name}\n${kindLabel}${status}${place ? `\n${place}` : ''}`;
}

/** Tooltip line of a lane: its ends by name, mode and lead time in the scenario's periods. */
export function laneTooltip(lane: Lane, fromName: string, toName: string, periodLength: keyof typeof PERIOD_WORDS): string {
  const words = PERIOD_WORDS[periodLength];
  const lead = `${lane.leadTime} ${lane.leadTime === 1 ? words[0] : words[1]}`;
  return `${fromName} → ${toName}\n${lane.mode} · lead time ${lead}`;
}
