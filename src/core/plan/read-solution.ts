/**
 * readPlan: column values → the plan in the scenario's terms (flows per lane, product and period;
 * production; stock; deliveries and unmet demand; open sites and used lanes; cost by kind).
 * Values are cleaned of solver noise; zero rows are left out of flows, production and stock.
 */
import type { PlanModel } from './build';
import { colAt } from './build-context';
import { clean, EPS, formatPeriods, formatQuantity } from './labels';
import { COST_KINDS, type CostKind } from './model';
import type {
  CostBreakdown, LaneDecision, PlanDemandOutcome, PlanFlow, PlanProduction, PlanStock, Shortfall, SiteDecision,
} from './result';

export interface PlanReading {
  readonly costs: CostBreakdown;
  readonly flows: PlanFlow[];
  readonly production: PlanProduction[];
  readonly stock: PlanStock[];
  readonly demand: PlanDemandOutcome[];
  readonly sites: SiteDecision[];
  readonly lanes: LaneDecision[];
  readonly shortfalls: Shortfall[];
}

/** Cost by kind of a column vector (cost orientation; revenue as a positive amount). */
export function costBreakdown(pm: PlanModel, x: ArrayLike<number>): CostBreakdown {
  const m = pm.model;
  const by = Object.fromEntries(COST_KINDS.map((k) => [k, 0])) as Record<CostKind, number>;
  for (let k = 0; k < m.costTermCol.length; k++) by[COST_KINDS[m.costTermKind[k]]] += m.costTermCoef[k] * x[m.costTermCol[k]];
  for (const [kind, amount] of Object.entries(m.constantCosts)) by[kind as CostKind] += amount ?? 0;
  by.revenue = -by.revenue;
  for (const k of COST_KINDS) by[k] = clean(by[k]);
  const totalCost = clean(COST_KINDS.filter((k) => k !== 'revenue').reduce((s, k) => s + by[k], 0));
  return { ...by, totalCost, profit: clean(by.revenue - totalCost) };
}

/** Money per unit of each column (all its cost terms except revenue). */
function unitCosts(pm: PlanModel): Float64Array {
  const m = pm.model;
  const c = new Float64Array(m.numCols);
  for (let k = 0; k < m.costTermCol.length; k++) if (COST_KINDS[m.costTermKind[k]] !== 'revenue') c[m.costTermCol[k]] += m.costTermCoef[k];
  return c;
}

export function readPlan(pm: PlanModel, x: ArrayLike<number>): PlanReading {
  const { network: net, variables: v } = pm;
  const H = net.horizon;
  const unit = unitCosts(pm);
  const val = (col: number) => (col < 0 ? 0 : clean(x[col]));
  const periodLength = net.scenario.settings.periodLength;

  const flows: PlanFlow[] = [];
  for (const a of net.arcs) {
    const l = net.lanes[a.lane];
    for (let t = 1; t <= H; t++) {
      const col = colAt(v.ship, a.index, t, H);
      const q = val(col);
      if (q <= EPS) continue;
      flows.push({
        laneId: l.id, from: net.sites[l.from].id, to: net.sites[l.to].id, productId: net.products[a.product].id,
        period: t, arrival: t + l.leadTime, quantity: q, cost: clean(q * unit[col]),
      });
    }
  }
  const production: PlanProduction[] = [];
  for (const r of net.productions) {
    for (let t = 1; t <= H; t++) {
      const col = colAt(v.make, r.index, t, H);
      const q = val(col);
      if (q <= EPS) continue;
      production.push({ siteId: net.sites[r.site].id, productId: net.products[r.product].id, period: t, finished: t + r.leadTime, quantity: q, cost: clean(q * unit[col]) });
    }
  }
  const stock: PlanStock[] = [];
  for (const k of net.pairs) {
    for (let t = 1; t <= H; t++) {
      const q = val(colAt(v.stock, k.index, t, H));
      if (q > EPS) stock.push({ siteId: net.sites[k.site].id, productId: net.products[k.product].id, period: t, quantity: q });
    }
  }
  const demand: PlanDemandOutcome[] = [];
  const shortfalls: Shortfall[] = [];
  const backorder = pm.demandMode === 'soft' && net.scenario.settings.unmetDemand === 'backorder';
  for (const d of net.demands) {
    const customerId = net.sites[d.site].id;
    const productId = net.products[d.product].id;
    const short: number[] = [];
    let lost = 0;
    const arcsIn = v.passThrough[d.pair] ? net.pairs[d.pair].arcsIn : undefined;
    for (let t = 1; t <= H; t++) {
      const served = arcsIn
        ? clean(arcsIn.reduce((s, a) => s + val(colAt(v.ship, a, t - net.lanes[net.arcs[a].lane].leadTime, H)), 0))
        : val(colAt(v.serve, d.index, t, H));
      const unmet = val(colAt(backorder ? v.backlog : v.lost, d.index, t, H));
      if (d.quantity[t] > 0 || served > EPS || unmet > EPS) demand.push({ customerId, productId, period: t, demand: d.quantity[t], served, unmet });
      if (unmet > EPS) { short.push(t); lost += unmet; }
    }
    if (short.length === 0) continue;
    const never = backorder ? val(colAt(v.backlog, d.index, H, H)) : clean(lost);
    const customer = net.sites[d.site].name;
    const product = net.products[d.product].name;
    const when = formatPeriods(short, periodLength);
    const message = backorder
      ? never > EPS
        ? `${customer} does not get ${formatQuantity(never)} of ${formatQuantity(d.total)} units of ${product} within the horizon (backordered in ${when}).`
        : `${customer} gets all its ${product}, some of it late (backordered in ${when}).`
      : `${customer} loses ${formatQuantity(never)} of ${formatQuantity(d.total)} units of ${product} (in ${when}).`;
    shortfalls.push({ customerId, productId, quantity: never, demand: d.total, periods: short, message });
  }

  const sites: SiteDecision[] = net.scenario.sites.map((s) => {
    if (s.status === 'closed') return { siteId: s.id, open: false, status: 'closed' as const };
    const i = net.sites.findIndex((p) => p.id === s.id);
    const open = v.open[i] < 0 ? true : val(v.open[i]) > 0.5;
    return { siteId: s.id, open, status: s.status === 'potential' ? 'potential' as const : 'existing' as const };
  });
  const usedLanes = new Set(flows.map((f) => f.laneId));
  for (const l of net.lanes) if (v.use[l.index] >= 0 && val(v.use[l.index]) > 0.5) usedLanes.add(l.id);
  const lanes: LaneDecision[] = net.scenario.lanes.map((l) => ({ laneId: l.id, used: usedLanes.has(l.id) }));
  return { costs: costBreakdown(pm, x), flows, production, stock, demand, sites, lanes, shortfalls };
}
