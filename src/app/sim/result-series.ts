/**
 * Time series of one run cut for charts: a site's series (one product, or summed over its
 * products) and each company's cash. The engine stores per-node series period-major (entry
 * t·N + column, column's site and product in result.nodes) and party series as t·P + party.
 */
import type { NodeSeries, SimResult } from '../../core/sim';

export type NodeMetric = keyof NodeSeries;

export interface ChartableSite {
  readonly siteId: string;
  /** Products with series at this site, in the engine's order. */
  readonly productIds: readonly string[];
}

/** Sites that have per-node series, in the engine's order. */
export function chartableSites(result: SimResult): ChartableSite[] {
  if (!result.series.node) return [];
  const bySite = new Map<string, string[]>();
  result.nodes.siteId.forEach((site, k) => {
    const list = bySite.get(site) ?? [];
    list.push(result.nodes.productId[k]);
    bySite.set(site, list);
  });
  return [...bySite].map(([siteId, productIds]) => ({ siteId, productIds }));
}

/** The series of a site for one product, or summed over its products (productId null); null when not kept. */
export function siteSeries(result: SimResult, metric: NodeMetric, siteId: string, productId: string | null): Float64Array | null {
  const node = result.series.node;
  if (!node) return null;
  const columns: number[] = [];
  result.nodes.siteId.forEach((site, k) => {
    if (site === siteId && (productId === null || result.nodes.productId[k] === productId)) columns.push(k);
  });
  if (columns.length === 0) return null;
  const { periods, nodes } = result.series;
  const values = node[metric];
  const out = new Float64Array(periods);
  // Column by column, striding through the period-major array (100,000 periods in ~1 ms).
  for (let c = 0; c < columns.length; c++) {
    for (let t = 0, i = columns[c]; t < periods; t++, i += nodes) out[t] += values[i];
  }
  return out;
}

export interface PartyCash {
  readonly partyId: string;
  readonly name: string;
  readonly cash: Float64Array;
}

/**
 * Cash per period of the companies in the run (external end customers left out, and companies
 * whose cash never moves from 0 — such as an unused "own company"), at most `limit` of them,
 * those named in `first` (the chosen site's owner) ahead of the others.
 */
export function partyCash(result: SimResult, first: readonly string[] = [], limit = 8): PartyCash[] {
  const party = result.series.party;
  if (!party) return [];
  const { periods, parties } = result.series;
  const all: PartyCash[] = [];
  result.parties.forEach((p, j) => {
    if (p.external) return;
    const cash = new Float64Array(periods);
    let moves = false;
    for (let t = 0; t < periods; t++) {
      cash[t] = party.cash[t * parties + j];
      if (cash[t] !== 0) moves = true;
    }
    if (moves) all.push({ partyId: p.id, name: p.name, cash });
  });
  const rank = (c: PartyCash) => (first.includes(c.partyId) ? 0 : 1);
  return all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).slice(0, limit).map((x) => x.c);
}

export type PartyMetric = 'cash' | 'receivables' | 'payables';

export interface PartyBalances {
  readonly partyId: string;
  readonly name: string;
  readonly cash: Float64Array;
  readonly receivables: Float64Array;
  readonly payables: Float64Array;
}

/** The companies of the run with party series (end customers left out), in the engine's order. */
export function chartableParties(result: SimResult): { readonly partyId: string; readonly name: string }[] {
  if (!result.series.party) return [];
  return result.parties.filter((p) => !p.external).map((p) => ({ partyId: p.id, name: p.name }));
}

/** Cash, receivables and payables of one party per period; null when not kept or unknown. */
export function partyBalances(result: SimResult, partyId: string): PartyBalances | null {
  const party = result.series.party;
  const j = result.parties.findIndex((p) => p.id === partyId);
  if (!party || j < 0) return null;
  const { periods, parties } = result.series;
  const column = (m: PartyMetric) => {
    const out = new Float64Array(periods);
    for (let t = 0; t < periods; t++) out[t] = party[m][t * parties + j];
    return out;
  };
  return { partyId, name: result.parties[j].name, cash: column('cash'), receivables: column('receivables'), payables: column('payables') };
}
