/**
 * Tiny scenarios for the simulation tests, written in the documented scenario format and loaded
 * through the one load path (so every default is the documented one). `serial` builds the
 * workhorse 1 supplier → 1 DC → 1 customer chain.
 */
import { loadScenario } from '../../src/core/model/load';
import { formatIssue } from '../../src/core/model/issue';
import type { Scenario } from '../../src/core/model/types';
import { simulateScenario, type SimOptions, type SimResult } from '../../src/core/sim';

export type Row = Record<string, unknown>;

export function scenario(doc: Row): Scenario {
  const r = loadScenario({ format: 'chainlab.scenario', version: 2, id: 'test', name: 'test', ...doc });
  if (!r.ok) throw new Error(`invalid test scenario:\n${r.issues.map(formatIssue).join('\n')}`);
  return r.scenario;
}

export const site = (id: string, kind: string, extra: Row = {}): Row => ({ id, name: id, kind, lat: 0, lon: 0, ...extra });
export const demandRows = (customerId: string, productId: string, quantities: readonly number[], extra: Row = {}): Row[] =>
  quantities.map((quantity, i) => ({ customerId, productId, period: i + 1, quantity, ...extra }));

export interface SerialOptions {
  readonly demand: readonly number[];
  readonly dc?: Row;
  readonly lead?: number;
  readonly info?: number;
  readonly customerLead?: number;
  readonly customerInfo?: number;
  readonly settings?: Row;
  readonly product?: Row;
  readonly lanes?: { readonly supply?: Row; readonly customer?: Row };
  readonly sites?: { readonly supplier?: Row; readonly dc?: Row; readonly customer?: Row };
  readonly extra?: Row;
}

/** sup (unlimited) → dc (policy) → cust (demand, no stock). */
export function serial(o: SerialOptions): Scenario {
  return scenario({
    settings: { horizon: o.demand.length, ...o.settings },
    sites: [site('sup', 'supplier', o.sites?.supplier), site('dc', 'dc', o.sites?.dc), site('cust', 'customer', o.sites?.customer)],
    products: [{ id: 'p', name: 'p', ...o.product }],
    lanes: [
      { id: 'sup-dc', from: 'sup', to: 'dc', leadTime: o.lead ?? 0, infoDelay: o.info ?? 0, ...o.lanes?.supply },
      { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: o.customerLead ?? 0, infoDelay: o.customerInfo ?? 0, ...o.lanes?.customer },
    ],
    demand: demandRows('cust', 'p', o.demand),
    inventory: [{ siteId: 'dc', productId: 'p', ...o.dc }],
    ...o.extra,
  });
}

/** Per-period values of one node's series (site, product) as a plain array. */
export function nodeSeries(r: SimResult, metric: keyof NonNullable<SimResult['series']['node']>, siteId: string, productId = 'p'): number[] {
  const node = r.series.node;
  if (!node) throw new Error('no per-node series');
  const N = r.series.nodes;
  const k = r.nodes.siteId.findIndex((s, i) => s === siteId && r.nodes.productId[i] === productId);
  if (k < 0) throw new Error(`no node ${siteId}/${productId}`);
  return Array.from({ length: r.series.periods }, (_, t) => node[metric][t * N + k]);
}

export const site$ = (r: SimResult, id: string) => {
  const s = r.summary.sites.find((x) => x.siteId === id);
  if (!s) throw new Error(`no site ${id} in the summary`);
  return s;
};
export const node$ = (r: SimResult, siteId: string, productId = 'p') => {
  const n = r.summary.nodes.find((x) => x.siteId === siteId && x.productId === productId);
  if (!n) throw new Error(`no node ${siteId}/${productId}`);
  return n;
};
export const party$ = (r: SimResult, id: string) => {
  const p = r.summary.parties.find((x) => x.partyId === id);
  if (!p) throw new Error(`no party ${id}`);
  return p;
};
/** Party cash at the end of each period. */
export function cashSeries(r: SimResult, partyId: string): number[] {
  const q = r.parties.findIndex((p) => p.id === partyId);
  const s = r.series.party!;
  return Array.from({ length: r.series.periods }, (_, t) => s.cash[t * r.series.parties + q]);
}

export const run = (s: Scenario, options: SimOptions = {}) => simulateScenario(s, options);
