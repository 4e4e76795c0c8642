/**
 * planVector: a plan given as tables (flows, production, stock, demand outcomes, design) back as
 * the column vector of a plan model — the inverse of readPlan — so that any plan, such as one
 * stitched from the windows of a rolling horizon, is costed by the very objective the planner
 * minimises (costBreakdown). Setups are on in every period with inflow; open/use follow the
 * design. A quantity with no column in this model (a shipment into a customer at a period where
 * the whole-horizon model offers none) keeps its own cost from the table, under its kind.
 */
import type { PlanModel } from './build';
import { colAt } from './build-context';
import { costBreakdown } from './read-solution';
import type { CostBreakdown } from './result';
import type { PlanTables, DesignDecisions } from './rolling-horizon';

export interface PlanVector {
  readonly values: Float64Array;
  /** Money of table rows that have no column in the model, by kind. */
  readonly outside: { readonly transport: number; readonly production: number };
}

export function planVector(pm: PlanModel, tables: PlanTables, design: DesignDecisions): PlanVector {
  const { network: net, variables: v } = pm;
  const H = net.horizon;
  const x = new Float64Array(pm.model.numCols);
  const P = net.products.length;
  const laneIndex = new Map(net.lanes.map((l) => [l.id, l.index]));
  const productIndex = new Map(net.products.map((p) => [p.id, p.index]));
  const siteIndex = new Map(net.sites.map((s) => [s.id, s.index]));
  const arcOf = new Map<number, number>();
  for (const a of net.arcs) arcOf.set(a.lane * P + a.product, a.index);
  const productionOf = new Map<number, number>();
  for (const r of net.productions) productionOf.set(r.site * P + r.product, r.index);
  const pairOf = (siteId: string, productId: string) => {
    const s = siteIndex.get(siteId);
    const p = productIndex.get(productId);
    return s === undefined || p === undefined ? -1 : net.pairAt[s * P + p];
  };
  const inflow = new Float64Array(net.pairs.length * H);
  let transport = 0;
  let production = 0;

  for (const f of tables.flows) {
    const l = laneIndex.get(f.laneId);
    const p = productIndex.get(f.productId);
    const a = l === undefined || p === undefined ? undefined : arcOf.get(l * P + p);
    const col = a === undefined ? -1 : colAt(v.ship, a, f.period, H);
    if (col < 0) { transport += f.cost; continue; }
    x[col] += f.quantity;
    const k = pairOf(net.sites[net.lanes[l as number].to].id, f.productId);
    if (k >= 0 && f.period >= 1 && f.period <= H) inflow[k * H + f.period - 1] += f.quantity;
  }
  for (const m of tables.production) {
    const s = siteIndex.get(m.siteId);
    const p = productIndex.get(m.productId);
    const r = s === undefined || p === undefined ? undefined : productionOf.get(s * P + p);
    const col = r === undefined ? -1 : colAt(v.make, r, m.period, H);
    if (col < 0) { production += m.cost; continue; }
    x[col] += m.quantity;
    const k = pairOf(m.siteId, m.productId);
    if (k >= 0) inflow[k * H + m.period - 1] += m.quantity;
  }
  for (const s of tables.stock) {
    const k = pairOf(s.siteId, s.productId);
    const col = k < 0 ? -1 : colAt(v.stock, k, s.period, H);
    if (col >= 0) x[col] += s.quantity;
  }
  const backorder = pm.demandMode === 'soft' && net.scenario.settings.unmetDemand === 'backorder';
  const demandOf = new Map(net.demands.map((d) => [d.pair, d.index]));
  for (const o of tables.demand) {
    const k = pairOf(o.customerId, o.productId);
    const d = k < 0 ? undefined : demandOf.get(k);
    if (d === undefined) continue;
    const serve = colAt(v.serve, d, o.period, H);
    if (serve >= 0) x[serve] += o.served;
    const unmet = colAt(backorder ? v.backlog : v.lost, d, o.period, H);
    if (unmet >= 0) x[unmet] += o.unmet;
  }
  for (const k of net.pairs) {
    for (let t = 1; t <= H; t++) {
      const col = colAt(v.setup, k.index, t, H);
      if (col >= 0 && inflow[k.index * H + t - 1] > 1e-9) x[col] = 1;
    }
  }
  for (const s of net.sites) if (v.open[s.index] >= 0) x[v.open[s.index]] = design.openSites.has(s.id) ? 1 : 0;
  for (const l of net.lanes) if (v.use[l.index] >= 0) x[v.use[l.index]] = design.usedLanes.has(l.id) ? 1 : 0;
  return { values: x, outside: { transport, production } };
}

/** The cost by kind of a plan given as tables, by the model's objective. */
export function planTablesCost(pm: PlanModel, tables: PlanTables, design: DesignDecisions): CostBreakdown {
  const { values, outside } = planVector(pm, tables, design);
  const c = costBreakdown(pm, values);
  const extra = outside.transport + outside.production;
  return { ...c, transport: c.transport + outside.transport, production: c.production + outside.production, totalCost: c.totalCost + extra, profit: c.profit - extra };
}
