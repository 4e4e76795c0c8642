/**
 * Where the playback map draws things, in screen px: the editor map's projection fitted to the
 * sites, its site placement and lane arcs (map-layout.ts; parallel lanes fan out the same way),
 * and the site names that fit without overlapping (label-layout.ts). Computed once per scenario
 * and view size; periods change only widths, colours and fills.
 */
import type { GeoProjection } from 'd3';
import type { Scenario, SiteKind } from '../../core/model/types';
import type { LabelSide } from '../map/label-layout';
import type { Arc } from '../map/lane-path';
import { COMPACT_SYMBOL_SCALE, mapLabels, placeSites, routeLanes, type PlacedSite } from '../map/map-layout';
import { fitProjection } from '../map/projection';

export interface PlaybackSite {
  /** Index in scenario.sites (and in the playback data). */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: SiteKind;
  readonly x: number;
  readonly y: number;
  readonly label: LabelSide | null;
}

export interface PlaybackLayout {
  readonly projection: GeoProjection;
  readonly sites: readonly PlaybackSite[];
  /** Arc of scenario lane l, or null when it cannot be drawn (unknown or coinciding ends). */
  readonly arcs: readonly (Arc | null)[];
  readonly symbolScale: number;
}

/** Above this many sites symbols shrink (as on the editor map) and fewer names fit. */
export const COMPACT_SITES = 150;

const PADDING = { top: 28, right: 110, bottom: 28, left: 36 };

export function playbackLayout(scenario: Scenario, width: number, height: number): PlaybackLayout {
  const projection = fitProjection(scenario.sites, width, height, PADDING);
  const placed = placeSites(scenario.sites, projection, width);
  const byId = new Map<string, PlacedSite>(placed.map((p) => [p.id, p]));
  const symbolScale = scenario.sites.length > COMPACT_SITES ? COMPACT_SYMBOL_SCALE : 1;
  const routed = routeLanes(scenario.lanes, byId, 1, symbolScale);
  const arcById = new Map(routed.map((r) => [r.id, r.arc]));
  const arcs = scenario.lanes.map((l) => arcById.get(l.id) ?? null);
  const { sides } = mapLabels(placed, [], null, { x: 0, y: 0, k: 1 }, { width, height }, symbolScale);
  const index = new Map(scenario.sites.map((s, i) => [s.id, i]));
  const sites = placed.map((p) => ({
    index: index.get(p.id) ?? -1, id: p.id, name: p.site.name, kind: p.site.kind, x: p.x, y: p.y, label: sides.get(p.id) ?? null,
  }));
  return { projection, sites, arcs, symbolScale };
}
