/**
 * What the dashboard's charts are about: the whole network, one site, one lane or one company.
 * The selector lists what the run kept series for; its value is "kind:id" ("site:dc-lyon").
 */
import { chartableLanes } from '../../app/sim/lane-series';
import { chartableParties, chartableSites } from '../../app/sim/result-series';
import type { SiteBands, SiteBandsSkipped } from '../../app/sim/site-bands';
import type { SimResult } from '../../core/sim';

export type ScopeKind = 'network' | 'site' | 'lane' | 'party';

export interface ScopeOption {
  /** "kind:id": the select's value. */
  readonly value: string;
  readonly kind: ScopeKind;
  readonly id: string;
  readonly label: string;
  /** Products with series (sites and lanes). */
  readonly productIds: readonly string[];
}

export interface ScopeGroups {
  readonly network: ScopeOption;
  readonly sites: readonly ScopeOption[];
  readonly lanes: readonly ScopeOption[];
  readonly parties: readonly ScopeOption[];
}

export interface ScopeNames {
  readonly site: (id: string) => string;
}

export const NETWORK_SCOPE: ScopeOption = { value: 'network:', kind: 'network', id: '', label: 'Whole network', productIds: [] };

/** The selector's options for a single run's result (a Monte Carlo run has the network only). */
export function scopeOptions(result: SimResult | null, names: ScopeNames): ScopeGroups {
  if (!result) return { network: NETWORK_SCOPE, sites: [], lanes: [], parties: [] };
  const sites = chartableSites(result).map((s): ScopeOption => ({ value: `site:${s.siteId}`, kind: 'site', id: s.siteId, label: names.site(s.siteId), productIds: s.productIds }));
  const lanes = chartableLanes(result).map((l): ScopeOption => ({
    value: `lane:${l.laneId}`, kind: 'lane', id: l.laneId, label: `${names.site(l.from)} → ${names.site(l.to)} (${l.laneId})`, productIds: l.productIds,
  }));
  const parties = chartableParties(result).map((p): ScopeOption => ({ value: `party:${p.partyId}`, kind: 'party', id: p.partyId, label: p.name || p.partyId || 'own company', productIds: [] }));
  return { network: NETWORK_SCOPE, sites, lanes, parties };
}

/**
 * The selector's options for a Monte Carlo run: the whole network and each site with per-site
 * bands (lanes and companies are charted for single runs only).
 */
export function replicationScopeOptions(siteBands: SiteBands | SiteBandsSkipped | undefined, names: ScopeNames): ScopeGroups {
  const sites = siteBands?.kind === 'bands'
    ? siteBands.siteIds.map((id): ScopeOption => ({ value: `site:${id}`, kind: 'site', id, label: names.site(id), productIds: [] }))
    : [];
  return { network: NETWORK_SCOPE, sites, lanes: [], parties: [] };
}

/** The option with this value; the network when it is not (or no longer) listed. */
export function findScope(groups: ScopeGroups, value: string): ScopeOption {
  const all = [groups.network, ...groups.sites, ...groups.lanes, ...groups.parties];
  return all.find((o) => o.value === value) ?? groups.network;
}

/** The first scope to show: a DC (the middle of the chain, where the bullwhip shows), else the network. */
export function defaultScope(groups: ScopeGroups, kindOf: (siteId: string) => string | undefined): ScopeOption {
  return groups.sites.find((s) => kindOf(s.id) === 'dc') ?? groups.network;
}
