/**
 * A scenario's demand seen as series: one per customer × product over periods 1..horizon
 * (periods without a row are 0), with the totals the demand editor shows.
 */
import type { DemandRow, Scenario, Site } from '../model/types';

export interface DemandPair {
  readonly customerId: string;
  readonly productId: string;
}

export const pairKey = (p: DemandPair): string => `${p.customerId}|${p.productId}`;

/** Sites demand belongs to: customers and retailers, and any other site that already has demand rows. */
export function demandSites(s: Scenario): Site[] {
  const withRows = new Set(s.demand.map((d) => d.customerId));
  return s.sites.filter((x) => x.kind === 'customer' || x.kind === 'retailer' || withRows.has(x.id));
}

/** Pairs that have demand rows, in site order then product order. */
export function demandPairs(s: Scenario): DemandPair[] {
  const seen = new Set(s.demand.map((d) => pairKey(d)));
  const out: DemandPair[] = [];
  for (const site of s.sites) {
    for (const product of s.products) {
      const p = { customerId: site.id, productId: product.id };
      if (seen.has(pairKey(p))) out.push(p);
    }
  }
  return out;
}

/** Quantities of one pair for periods 1..horizon (index 0 = period 1); rows beyond the horizon are left out. */
export function demandSeries(s: Scenario, pair: DemandPair, horizon = s.settings.horizon): number[] {
  const out = new Array<number>(horizon).fill(0);
  for (const d of s.demand) {
    if (d.customerId === pair.customerId && d.productId === pair.productId && d.period >= 1 && d.period <= horizon) out[d.period - 1] += d.quantity;
  }
  return out;
}

/** Every pair's series at once (one pass over the demand table). */
export function allDemandSeries(s: Scenario, horizon = s.settings.horizon): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const d of s.demand) {
    if (d.period < 1 || d.period > horizon) continue;
    const key = pairKey(d);
    let series = out.get(key);
    if (!series) { series = new Array<number>(horizon).fill(0); out.set(key, series); }
    series[d.period - 1] += d.quantity;
  }
  return out;
}

export interface SeriesSummary {
  readonly total: number;
  readonly average: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(values: readonly number[]): SeriesSummary {
  if (values.length === 0) return { total: 0, average: 0, min: 0, max: 0 };
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) { total += v; if (v < min) min = v; if (v > max) max = v; }
  return { total, average: total / values.length, min, max };
}

/** Total demand of one site over every product and period (the customer's "size"). */
export function siteDemandTotal(rows: readonly DemandRow[], siteId: string): number {
  let total = 0;
  for (const d of rows) if (d.customerId === siteId) total += d.quantity;
  return total;
}
