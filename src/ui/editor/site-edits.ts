/**
 * The edits the map makes, as commands for `editor.dispatch`: add a site where the user clicked,
 * connect two sites with a lane, delete the selection. Pure, so each is tested in Node.
 */
import type { EditCommand } from '../../core/edit/commands';
import type { Scenario, SiteKind } from '../../core/model/types';
import { IdAllocator, LANE_ID_PREFIX, newSiteIdentity } from './new-ids';

/** Where a site goes: a geographic point, or a point of the schematic (free layout) canvas. */
export type SitePosition =
  | { readonly lat: number; readonly lon: number }
  | { readonly x: number; readonly y: number };

export const isGeoPosition = (p: SitePosition): p is Extract<SitePosition, { lat: number }> => 'lat' in p;

/**
 * Coordinates for a site drawn on the schematic, which has no geography: the mean of the other
 * sites (so it stays in the network's region) or 0/0 in an empty scenario. Lanes between sites
 * at one point get no automatic distance (see `newLaneRow`).
 */
export function placeholderLatLon(sites: Scenario['sites']): { lat: number; lon: number } {
  if (sites.length === 0) return { lat: 0, lon: 0 };
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    lat: round(sites.reduce((a, s) => a + s.lat, 0) / sites.length),
    lon: round(sites.reduce((a, s) => a + s.lon, 0) / sites.length),
  };
}

export function addSiteCommand(scenario: Scenario, kind: SiteKind, at: SitePosition): { command: EditCommand; id: string } {
  const { id, name } = newSiteIdentity(kind, new IdAllocator(scenario.sites.map((s) => s.id)));
  const where = isGeoPosition(at) ? at : { ...placeholderLatLon(scenario.sites), x: at.x, y: at.y };
  return { command: { kind: 'add-rows', table: 'sites', rows: [{ id, name, kind, ...where }] }, id };
}

/**
 * A road lane whose distance, lead time and cost follow geography (and every later move). Two
 * sites at the same point (a network drawn only on the schematic) have no geography to follow:
 * their lane keeps the table defaults (lead time 1) until the user sets them.
 */
export function newLaneRow(scenario: Scenario, from: string, to: string, ids: IdAllocator): Record<string, unknown> {
  const a = scenario.sites.find((s) => s.id === from);
  const b = scenario.sites.find((s) => s.id === to);
  const geographic = !a || !b || a.lat !== b.lat || a.lon !== b.lon;
  return {
    id: ids.next(LANE_ID_PREFIX).id, from, to, mode: 'road',
    autoDistance: geographic, autoLeadTime: geographic, autoCost: geographic,
  };
}

export function connectCommand(scenario: Scenario, from: string, to: string): { command: EditCommand; id: string } {
  const row = newLaneRow(scenario, from, to, new IdAllocator(scenario.lanes.map((l) => l.id)));
  return { command: { kind: 'add-rows', table: 'lanes', rows: [row] }, id: String(row.id) };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Deletes the selected sites and lanes as one undo step (a site takes its lanes, demand and
 * policies with it: see core/edit/cascade.ts). Keys of other tables are left to their views.
 * Null when nothing on the map is selected.
 */
export function deleteSelectionCommand(siteIds: readonly string[], laneIds: readonly string[]): EditCommand | null {
  const commands: EditCommand[] = [];
  if (laneIds.length) commands.push({ kind: 'delete-rows', table: 'lanes', keys: laneIds });
  if (siteIds.length) commands.push({ kind: 'delete-rows', table: 'sites', keys: siteIds });
  if (commands.length === 0) return null;
  const parts = [siteIds.length ? plural(siteIds.length, 'site', 'sites') : '', laneIds.length ? plural(laneIds.length, 'lane', 'lanes') : ''];
  return { kind: 'batch', label: `delete ${parts.filter(Boolean).join(' and ')}`, commands };
}
