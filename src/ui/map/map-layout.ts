/**
 * Scenario rows → screen geometry: where each site sits in projected px and the arc each lane
 * draws. Pure, so it is tested in Node and the component only renders its output.
 */
import type { GeoProjection } from 'd3';
import type { Lane, Site } from '../../core';
import { LABEL_METRICS, placeLabels, type LabelSide, type ViewSize, type ViewTransform } from './label-layout';
import { laneArc, parallelBend } from './lane-path';
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
}

/** Screen px between a symbol's outline and the lane ends, so arrowheads do not touch it. */
export const LANE_GAP = 2.5;

/** Symbol size factor of compact (crowded) maps; MapSites applies the same factor in CSS. */
export const COMPACT_SYMBOL_SCALE = 0.7;

/** Label width budget in px: sites closer than this to the right edge get their label on the left. */
const LABEL_ROOM = 130;

export function placeSites(sites: readonly Site[], projection: GeoProjection, width: number): PlacedSite[] {
  const placed: PlacedSite[] = [];
  for (const site of sites) {
    const p = projection([site.lon, site.lat]);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    placed.push({ id: site.id, site, x: p[0], y: p[1], preferLeft: p[0] > width - LABEL_ROOM });
  }
  return placed;
}

/**
 * Lane arcs for zoom scale k. Arcs live in projected px inside the zoomed layer, so the insets
 * (screen px) are divided by k; the component recomputes them when a zoom gesture ends, not per
 * frame. `symbolScale` is the size factor symbols are drawn at; lanes of the selected site stop at
 * its halo. Lanes whose ends are unknown or identical are skipped: validation reports them.
 */
export function routeLanes(
  lanes: readonly Lane[],
  sitesById: ReadonlyMap<string, PlacedSite>,
  k = 1,
  symbolScale = 1,
  selectedId: string | null = null,
): PlacedLane[] {
  const seen = new Map<string, number>();
  const routed: PlacedLane[] = [];
  for (const lane of lanes) {
    const from = sitesById.get(lane.from);
    const to = sitesById.get(lane.to);
    if (!from || !to) continue;
    const pair = `${lane.from}\u0000${lane.to}`;
    const index = seen.get(pair) ?? 0;
    seen.set(pair, index + 1);
    const arc = laneArc([from.x, from.y], [to.x, to.y], {
      bend: parallelBend(index),
      startInset: (markRadius(from.site.kind, from.id === selectedId, symbolScale) + LANE_GAP) / k,
      endInset: (markRadius(to.site.kind, to.id === selectedId, symbolScale) + LANE_GAP) / k,
    });
    if (arc) routed.push({ id: lane.id, lane, d: arc.d });
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
  selectedId: string | null,
  view: ViewTransform,
  size: ViewSize,
  symbolScale = 1,
): Map<string, LabelSide> {
  const rank = (s: PlacedSite) => (s.id === selectedId ? -1 : SITE_STYLES[s.site.kind].labelRank);
  const ranked = [...sites].sort((a, b) => rank(a) - rank(b));
  return placeLabels(
    ranked.map((s) => ({
      id: s.id,
      x: s.x,
      y: s.y,
      radius: markRadius(s.site.kind, s.id === selectedId, symbolScale),
      text: s.site.name,
      preferLeft: s.preferLeft,
    })),
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
