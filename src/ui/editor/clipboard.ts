/**
 * Copy and paste of part of the network: the selected sites and the lanes running between them.
 * A paste adds copies with fresh ids, each site moved by the caller's offset (a few screen px per
 * paste, so repeated pastes fan out instead of stacking), and the lanes re-pointed at the copies.
 * Everything goes in as one `batch`: one undo step.
 */
import type { EditCommand } from '../../core/edit/commands';
import type { Lane, Scenario, Site } from '../../core/model/types';
import { IdAllocator, LANE_ID_PREFIX, SITE_ID_PREFIX } from './new-ids';

export interface Clip {
  readonly sites: readonly Site[];
  /** Lanes whose both ends are among `sites`. */
  readonly lanes: readonly Lane[];
}

export function copySites(scenario: Scenario, siteIds: Iterable<string>): Clip | null {
  const ids = new Set(siteIds);
  const sites = scenario.sites.filter((s) => ids.has(s.id));
  if (sites.length === 0) return null;
  const lanes = scenario.lanes.filter((l) => ids.has(l.from) && ids.has(l.to));
  return { sites, lanes };
}

/** Position fields of a pasted copy (lat/lon and/or x/y), given the original. */
export type PasteOffset = (site: Site) => Partial<Pick<Site, 'lat' | 'lon' | 'x' | 'y'>>;

const MAX_NAME = 200;

export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}

export interface PastePlan {
  readonly command: EditCommand;
  /** Ids of the new sites, in clip order (the view selects them). */
  readonly siteIds: readonly string[];
  readonly laneIds: readonly string[];
}

export function pasteClip(clip: Clip, scenario: Scenario, offset: PasteOffset): PastePlan {
  const siteIds = new IdAllocator(scenario.sites.map((s) => s.id));
  const laneIds = new IdAllocator(scenario.lanes.map((l) => l.id));
  const renamed = new Map<string, string>();
  const sites = clip.sites.map((s) => {
    const id = siteIds.next(SITE_ID_PREFIX[s.kind]).id;
    renamed.set(s.id, id);
    return { ...s, ...offset(s), id, name: copyName(s.name) };
  });
  const lanes = clip.lanes.map((l) => ({
    ...l, id: laneIds.next(LANE_ID_PREFIX).id, from: renamed.get(l.from) ?? l.from, to: renamed.get(l.to) ?? l.to,
  }));
  const commands: EditCommand[] = [{ kind: 'add-rows', table: 'sites', rows: sites }];
  if (lanes.length) commands.push({ kind: 'add-rows', table: 'lanes', rows: lanes });
  const n = sites.length;
  return {
    command: { kind: 'batch', label: `paste ${n} site${n === 1 ? '' : 's'}${lanes.length ? ` and ${lanes.length} lane${lanes.length === 1 ? '' : 's'}` : ''}`, commands },
    siteIds: sites.map((s) => s.id),
    laneIds: lanes.map((l) => l.id),
  };
}
