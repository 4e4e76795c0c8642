/** Scenario builders for the validation suite (the documented format, through the one load path). */
import { loadScenario } from '../../src/core/model/load';
import { formatIssue } from '../../src/core/model/issue';
import type { Scenario } from '../../src/core/model/types';

export type Row = Record<string, unknown>;

export function scenario(doc: Row): Scenario {
  const r = loadScenario({ format: 'chainlab.scenario', version: 2, id: 'validation', name: 'validation', ...doc });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario;
}

export const site = (id: string, kind: string, extra: Row = {}): Row => ({ id, name: id, kind, lat: 0, lon: 0, ...extra });

/** Demand rows of `quantity` (and σ) in every period 1..periods. */
export const steadyDemand = (customerId: string, periods: number, quantity: number, stdDev?: number): Row[] =>
  Array.from({ length: periods }, (_, i) => ({ customerId, productId: 'p', period: i + 1, quantity, ...(stdDev !== undefined ? { stdDev } : {}) }));

/**
 * One stocking point: an unlimited supplier → "dc" (the policy) → "cust" (demand, no stock),
 * with the customer lane instantaneous, so the DC faces customer demand directly.
 */
export function singleStage(o: { periods: number; inventory: Row; demand: Row[]; lead?: number; settings?: Row; product?: Row }): Scenario {
  return scenario({
    settings: { horizon: o.periods, ...o.settings },
    sites: [site('sup', 'supplier'), site('dc', 'dc'), site('cust', 'customer')],
    products: [{ id: 'p', name: 'p', ...o.product }],
    lanes: [{ id: 'sup-dc', from: 'sup', to: 'dc', leadTime: o.lead ?? 0 }, { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: 0 }],
    demand: o.demand,
    inventory: [{ siteId: 'dc', productId: 'p', ...o.inventory }],
  });
}
