/**
 * checkPlanInput: what to tell the planner before solving. Errors stop the run (nothing sensible
 * to optimise: no demand, no supply, a model too large for the browser); warnings explain why
 * part of the plan will be empty or unmet (zero-capacity lanes, lead times beyond the horizon,
 * demand no route reaches); infos state planning conventions that apply to this scenario.
 */
import { formatQuantity } from './labels';
import type { PlanNetwork } from './network';
import type { PlanIssue } from './result';

/** Columns above which a model is refused (a browser tab runs out of memory well before the solver finishes). */
export const MAX_PLAN_COLUMNS = 3_000_000;

export function checkPlanInput(net: PlanNetwork): PlanIssue[] {
  const s = net.scenario;
  const H = net.horizon;
  const issues: PlanIssue[] = [];
  const add = (level: PlanIssue['level'], code: string, message: string, table?: string, row?: number) =>
    issues.push({ level, code, message, ...(table === undefined ? {} : { table, row }) });
  const siteName = new Map(s.sites.map((x) => [x.id, x.name]));
  const productName = new Map(s.products.map((x) => [x.id, x.name]));
  const closed = new Set(s.sites.filter((x) => x.status === 'closed').map((x) => x.id));

  const totalDemand = net.demands.reduce((sum, d) => sum + d.total, 0);
  const targets = net.pairs.some((k) => (k.targetEndStock ?? 0) > 0);
  if (totalDemand <= 0 && !targets) {
    add('error', 'no-demand', s.demand.length === 0
      ? 'The scenario has no demand (and no end-stock targets): there is nothing to plan. Add demand rows for customers or retailers.'
      : 'All demand is zero or at closed sites (and there are no end-stock targets): the optimal plan would move nothing.', 'demand');
  }
  const supplied = net.productions.length > 0 || net.pairs.some((k) => k.initialStock > 0 || k.pipeline.some((q) => q > 0));
  if (!supplied) {
    add('error', 'no-supply', 'Nothing can supply the network: no open plant or supplier has a production row, no supplier has lanes, and there is no initial stock or stock in transit.', 'production');
  }
  s.lanes.forEach((l, row) => {
    const name = `${siteName.get(l.from) ?? l.from} → ${siteName.get(l.to) ?? l.to}`;
    if (closed.has(l.from) || closed.has(l.to)) add('info', 'lane-to-closed-site', `Lane ${l.id} (${name}) touches a closed site and is not used.`, 'lanes', row);
    else if (l.capacity === 0) add('warning', 'zero-capacity-lane', `Lane ${l.id} (${name}) has capacity 0: nothing can move on it.`, 'lanes', row);
    else if (l.leadTime >= H) add('warning', 'lead-time-beyond-horizon', `Lane ${l.id} (${name}) has a lead time of ${l.leadTime} periods, not shorter than the ${H}-period horizon: nothing shipped on it arrives within the plan.`, 'lanes', row);
  });
  s.production.forEach((r, row) => {
    if (closed.has(r.siteId)) return;
    if (r.capacity === 0) add('warning', 'zero-capacity-production', `Production of ${productName.get(r.productId)} at ${siteName.get(r.siteId)} has capacity 0.`, 'production', row);
    else if (r.leadTime >= H) add('warning', 'production-lead-time-beyond-horizon', `Production of ${productName.get(r.productId)} at ${siteName.get(r.siteId)} takes ${r.leadTime} periods, not less than the ${H}-period horizon: it can finish nothing within the plan.`, 'production', row);
  });
  const laneById = new Map(s.lanes.map((l) => [l.id, l]));
  s.inTransit.forEach((r, row) => {
    const to = laneById.get(r.laneId)?.to;
    if (to !== undefined && closed.has(to) && r.quantity > 0) add('warning', 'in-transit-to-closed-site', `${formatQuantity(r.quantity)} units of ${productName.get(r.productId)} in transit on lane ${r.laneId} go to the closed site ${siteName.get(to)} and are left out.`, 'inTransit', row);
  });
  s.demand.forEach((d, row) => {
    if (closed.has(d.customerId) && d.quantity > 0) add('warning', 'demand-at-closed-site', `Demand for ${productName.get(d.productId)} at ${siteName.get(d.customerId)} in period ${d.period} is at a closed site and is ignored.`, 'demand', row);
  });
  for (const d of net.demands) {
    const k = net.pairs[d.pair];
    if (d.total > 0 && !k.reachable) {
      add('warning', 'unreachable-demand', `No route brings ${net.products[d.product].name} to ${net.sites[d.site].name}: all ${formatQuantity(d.total)} units demanded will be unmet.`);
    }
  }
  for (const p of net.products) {
    const demand = net.demands.filter((d) => d.product === p.index).reduce((sum, d) => sum + d.total, 0);
    if (demand <= 0) continue;
    const makes = net.productions.filter((r) => r.product === p.index);
    if (makes.some((r) => r.capacity === undefined)) continue;
    const onHand = net.pairs.filter((k) => k.product === p.index).reduce((sum, k) => sum + k.initialStock + k.pipeline.reduce((a, q) => a + q, 0), 0);
    const supply = makes.reduce((sum, r) => sum + (r.capacity ?? 0) * Math.max(0, H - r.leadTime), 0) + onHand;
    if (supply < demand - 1e-9) {
      add('warning', 'demand-above-capacity', `Demand for ${p.name} (${formatQuantity(demand)} units) exceeds everything that can be made or is in stock (${formatQuantity(supply)}): at least ${formatQuantity(demand - supply)} units will be unmet.`, 'products', p.index);
    }
  }
  if (s.settings.objective === 'max-profit' && net.products.every((p) => p.price <= 0)) {
    add('warning', 'no-prices', 'The objective is max-profit but no product has a price: the plan earns nothing by serving demand and serves it only to avoid shortage penalties.', 'products');
  }
  for (const r of net.productions) {
    if (r.implicit) add('info', 'implicit-supplier', `Supplier ${net.sites[r.site].name} has no production rows: it supplies ${net.products[r.product].name} without limit and at no cost beyond transport.`);
  }
  if (net.sites.some((x) => x.potential) && s.settings.maxOpenSites === 0) {
    add('info', 'no-sites-may-open', 'settings.maxOpenSites is 0: no potential site can open.', 'settings');
  }
  const columns = net.horizon * (net.arcs.length + net.pairs.length * 2 + net.productions.length + net.demands.length * 2);
  if (columns > MAX_PLAN_COLUMNS) {
    add('error', 'model-too-large', `The plan would have about ${formatQuantity(columns)} variables (more than ${formatQuantity(MAX_PLAN_COLUMNS)}): shorten the horizon, merge lanes or products, or export the model and solve it outside the browser.`);
  }
  return issues;
}
