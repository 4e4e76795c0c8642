/**
 * The plan's own KPIs, measured like the simulator measures them, side by side with the
 * simulated ones. Only what both models count is compared: the plan's fixed and opening costs
 * are not simulated (they do not depend on how operations go), revenue is left out.
 *
 *   fill rate   = demand served in its own period ÷ demand. With backorders, period t's demand
 *                 is served after the older backlog b[t−1] (first come, first served):
 *                 filled[t] = clamp(served[t] − b[t−1], 0, D[t]); with lost sales D[t] − lost[t].
 *   stock       = on hand at the end of a period, all sites and products, averaged over the horizon.
 *   backorders  = customer backorders at the end of a period, averaged over the horizon.
 */
import type { PlanResult } from '../result';
import type { ExecutionResult } from './execution-types';

export type CompareKind = 'transport' | 'holding' | 'production' | 'setup' | 'shortage';

export interface ComparedRow {
  readonly key: string;
  readonly label: string;
  readonly plan: number;
  readonly actual: number;
  /** Half-width of the 95 % confidence interval of `actual` (NaN with one replication). */
  readonly halfWidth: number;
  readonly unit: 'money' | 'share' | 'units';
}

export interface PlanKpis {
  readonly fillRate: number;
  readonly onHandAvg: number;
  readonly backordersAvg: number;
  readonly costs: Readonly<Record<CompareKind, number>> & { readonly total: number };
}

export function planKpis(result: Pick<PlanResult, 'demand' | 'stock' | 'costs' | 'horizon'>, unmetDemand: 'backorder' | 'lost'): PlanKpis {
  let demand = 0;
  let filled = 0;
  let backorders = 0;
  const lastBacklog = new Map<string, number>();
  // Outcomes come per customer and product in period order (read-solution.ts); keep the backlog per pair.
  for (const d of result.demand) {
    demand += d.demand;
    const key = `${d.customerId}\u0000${d.productId}`;
    if (unmetDemand === 'lost') { filled += Math.max(0, d.demand - d.unmet); continue; }
    const before = lastBacklog.get(key) ?? 0;
    filled += Math.min(d.demand, Math.max(0, d.served - before));
    backorders += d.unmet;
    lastBacklog.set(key, d.unmet);
  }
  const horizon = Math.max(1, result.horizon);
  const c = result.costs;
  const costs = {
    transport: c?.transport ?? 0, holding: c?.holding ?? 0, production: c?.production ?? 0, setup: c?.setup ?? 0, shortage: c?.shortage ?? 0,
  };
  return {
    fillRate: demand > 0 ? filled / demand : Number.NaN,
    onHandAvg: result.stock.reduce((s, x) => s + x.quantity, 0) / horizon,
    backordersAvg: backorders / horizon,
    costs: { ...costs, total: costs.transport + costs.holding + costs.production + costs.setup + costs.shortage },
  };
}

/** Rows of the plan-vs-actual table, in reading order (`actual`: an execution, or the fixed plan's run of a rolling one). */
export function compareRows(plan: PlanKpis, actual: Pick<ExecutionResult, 'total'>): ComparedRow[] {
  const t = actual.total;
  const c = t.costs;
  return [
    { key: 'fill-rate', label: 'Fill rate (demand served on time)', plan: plan.fillRate, actual: t.fillRate.mean, halfWidth: t.fillRate.halfWidth, unit: 'share' },
    { key: 'on-hand', label: 'Average stock on hand', plan: plan.onHandAvg, actual: t.onHandAvg.mean, halfWidth: t.onHandAvg.halfWidth, unit: 'units' },
    { key: 'backorders', label: 'Average customer backorders', plan: plan.backordersAvg, actual: t.backordersAvg.mean, halfWidth: t.backordersAvg.halfWidth, unit: 'units' },
    { key: 'transport', label: 'Transport cost', plan: plan.costs.transport, actual: c.transport.mean, halfWidth: c.transport.halfWidth, unit: 'money' },
    { key: 'holding', label: 'Holding cost', plan: plan.costs.holding, actual: c.holding.mean, halfWidth: c.holding.halfWidth, unit: 'money' },
    { key: 'production', label: 'Production cost', plan: plan.costs.production, actual: c.production.mean, halfWidth: c.production.halfWidth, unit: 'money' },
    { key: 'setup', label: 'Setup / ordering cost', plan: plan.costs.setup, actual: c.ordering.mean, halfWidth: c.ordering.halfWidth, unit: 'money' },
    { key: 'shortage', label: 'Shortage cost', plan: plan.costs.shortage, actual: c.shortage.mean, halfWidth: c.shortage.halfWidth, unit: 'money' },
    { key: 'total', label: 'Operating cost (all of the above)', plan: plan.costs.total, actual: c.total.mean, halfWidth: c.total.halfWidth, unit: 'money' },
  ];
}
