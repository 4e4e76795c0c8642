/**
 * Which site's stock the plan-vs-actual chart shows, and its series: planned stock per period from
 * the plan, simulated mean/low/high from the execution, for one product or summed over products.
 * Sites offered are those where either model keeps stock; by default the one the plan stocks most.
 */
import type { ExecutionResult } from '../../core/plan/execution/execution-types';
import type { Scenario } from '../../core/model/types';
import type { PlanResult } from '../../core/plan';
import type { StockChartInput } from './stock-chart';

export interface StockSelection {
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  readonly products: readonly { readonly id: string; readonly name: string }[];
  readonly siteId: string;
  readonly input: StockChartInput;
}

export function stockSelection(scenario: Scenario, plan: PlanResult, actual: ExecutionResult, siteId: string, productId: string): StockSelection | null {
  const T = plan.horizon;
  const plannedBySite = new Map<string, number>();
  for (const s of plan.stock) plannedBySite.set(s.siteId, (plannedBySite.get(s.siteId) ?? 0) + s.quantity);
  const simulated = new Set(actual.stock.filter((s) => s.mean.some((q) => q > 0)).map((s) => s.siteId));
  const sites = scenario.sites
    .filter((s) => plannedBySite.has(s.id) || simulated.has(s.id))
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => (plannedBySite.get(b.id) ?? 0) - (plannedBySite.get(a.id) ?? 0));
  if (sites.length === 0) return null;
  const site = sites.some((s) => s.id === siteId) ? siteId : sites[0].id;
  const products = scenario.products.filter((p) => plan.stock.some((s) => s.siteId === site && s.productId === p.id)
    || actual.stock.some((s) => s.siteId === site && s.productId === p.id)).map((p) => ({ id: p.id, name: p.name }));
  const wanted = (pid: string) => productId === '' || pid === productId;

  const planned = new Float64Array(T);
  for (const s of plan.stock) if (s.siteId === site && wanted(s.productId) && s.period <= T) planned[s.period - 1] += s.quantity;
  const mean = new Float64Array(T);
  const low = new Float64Array(T);
  const high = new Float64Array(T);
  for (const s of actual.stock) {
    if (s.siteId !== site || !wanted(s.productId)) continue;
    // Summing per-product lows and highs gives a band at least as wide as the true one: fine for a picture.
    for (let t = 0; t < Math.min(T, s.mean.length); t++) { mean[t] += s.mean[t]; low[t] += s.low[t]; high[t] += s.high[t]; }
  }
  return { sites, products, siteId: site, input: { planned, mean, low, high } };
}
