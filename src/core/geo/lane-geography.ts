/**
 * Lane defaults from geography. For a lane of mode m between sites a and b:
 *   distance  = greatCircle(a, b) × circuity(m)                         [km]
 *   leadTime  = round((handlingDays(m) + distance / speed(m)) / daysPerPeriod)   [periods]
 *   costPerUnit = costPerUnit(m) + distance × costPerUnitKm(m)          [money/unit]
 * Only fields whose lane switch (autoDistance / autoLeadTime / autoCost) is on are written, so a
 * pinned value survives any move.
 */
import { DAYS_PER_PERIOD } from '../model/tables';
import type { Lane, Scenario, Site } from '../model/types';
import { greatCircleKm } from './great-circle';
import { modeRates } from './modes';

export interface LaneGeography {
  readonly distance: number;
  readonly leadTime: number;
  readonly costPerUnit: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function laneGeography(s: Pick<Scenario, 'modes' | 'settings'>, lane: Pick<Lane, 'mode'>, from: Site, to: Site): LaneGeography {
  const m = modeRates(s, lane.mode);
  const distance = Math.round(greatCircleKm(from.lat, from.lon, to.lat, to.lon) * (m.circuity ?? 1));
  const days = (m.handlingDays ?? 0) + distance / m.speedKmPerDay;
  const leadTime = Math.max(0, Math.round(days / DAYS_PER_PERIOD[s.settings.periodLength]));
  const costPerUnit = round2((m.costPerUnit ?? 0) + distance * (m.costPerUnitKm ?? 0));
  return { distance, leadTime, costPerUnit };
}

/** The lane with its automatic fields brought up to date (the same object when nothing changes). */
export function withLaneGeography(s: Pick<Scenario, 'modes' | 'settings'>, lane: Lane, sites: ReadonlyMap<string, Site>): Lane {
  if (!lane.autoDistance && !lane.autoLeadTime && !lane.autoCost) return lane;
  const from = sites.get(lane.from);
  const to = sites.get(lane.to);
  if (!from || !to) return lane;
  const g = laneGeography(s, lane, from, to);
  const next: Lane = {
    ...lane,
    ...(lane.autoDistance ? { distance: g.distance } : {}),
    ...(lane.autoLeadTime ? { leadTime: g.leadTime } : {}),
    ...(lane.autoCost ? { costPerUnit: g.costPerUnit } : {}),
  };
  return next.distance === lane.distance && next.leadTime === lane.leadTime && next.costPerUnit === lane.costPerUnit ? lane : next;
}

/** Recomputes the automatic fields of lanes touching any of `siteIds` (all lanes when omitted). */
export function refreshLaneGeography(s: Scenario, siteIds?: ReadonlySet<string>): Scenario {
  const sites = new Map(s.sites.map((x) => [x.id, x]));
  let changed = false;
  const lanes = s.lanes.map((l) => {
    if (siteIds && !siteIds.has(l.from) && !siteIds.has(l.to)) return l;
    const next = withLaneGeography(s, l, sites);
    if (next !== l) changed = true;
    return next;
  });
  return changed ? { ...s, lanes } : s;
}
