/**
 * KPIs of a plan executed in pieces (rolling horizon), stitched into one run per replication,
 * and the estimates over replications. Each piece is a simulation of its own; what makes the
 * stitched numbers those of one continuous run:
 *
 *   - backorders still open when a piece ends are owed to the customers in the next piece, where
 *     they enter as demand of its first period. They are not new demand: the stitched demand
 *     leaves them out, and units served in that first period go to them first (they are older),
 *     so they do not count as served on time either;
 *   - sums (demand, served, lost sales, costs) add up; per-period averages (stock on hand,
 *     backorders) are weighted by the piece's periods;
 *   - production planned for a plan's first period is stock at the start of its piece (the
 *     simulator cannot start it earlier, see plan-orders.ts) and production the simulator started
 *     in a piece's last period for the next one is replaced by the next plan: the first is costed
 *     here, the second refunded (`productionAdjustment`).
 */
import { estimate, type Estimate, type Estimated, type SimResult, type SimSummary } from '../../sim';
import type { ExecutedProduct, ExecutedTotals, StockSeries } from './execution-types';

export const pairKey = (siteId: string, productId: string): string => `${siteId}\u0000${productId}`;

export interface PieceRun {
  readonly summary: SimSummary;
  readonly periods: number;
  /** Backorders carried in as first-period demand, per (customer, product). */
  readonly carried: ReadonlyMap<string, number>;
  /** Units served to end customers in the first period, per (customer, product). */
  readonly servedFirst: ReadonlyMap<string, number>;
  /** Production cost the simulator did not pay (+) or paid for production that was replaced (−). */
  readonly productionAdjustment: number;
}

/** Units of carried backorders served in the first period (they go first), per product and in all. */
function carriedServed(p: PieceRun): { total: number; byProduct: Map<string, number> } {
  const byProduct = new Map<string, number>();
  let total = 0;
  for (const [k, q] of p.carried) {
    const served = Math.min(q, p.servedFirst.get(k) ?? 0);
    const productId = k.split('\u0000')[1];
    byProduct.set(productId, (byProduct.get(productId) ?? 0) + served);
    total += served;
  }
  return { total, byProduct };
}

function carriedTotal(p: PieceRun, productId?: string): number {
  let s = 0;
  for (const [k, q] of p.carried) if (productId === undefined || k.split('\u0000')[1] === productId) s += q;
  return s;
}

type Costs = ExecutedTotals['costs'];
const COST_KEYS = ['holding', 'transport', 'production', 'ordering', 'shortage', 'total'] as const;

function addCosts(pieces: readonly { costs: Costs; adjustment: number }[]): Costs {
  const out = { holding: 0, transport: 0, production: 0, ordering: 0, shortage: 0, total: 0 };
  for (const p of pieces) for (const k of COST_KEYS) out[k] += p.costs[k];
  const adjust = pieces.reduce((s, p) => s + p.adjustment, 0);
  out.production += adjust;
  out.total += adjust;
  return out;
}

/** The network KPIs of the pieces as one run over `horizon` periods. */
export function stitchTotals(pieces: readonly PieceRun[], horizon: number): ExecutedTotals {
  let demand = 0;
  let filled = 0;
  let lost = 0;
  let backorders = 0;
  let onHand = 0;
  for (const p of pieces) {
    const t = p.summary.total;
    demand += t.customerDemand - carriedTotal(p);
    filled += t.customerFilled - carriedServed(p).total;
    lost += t.lostSales;
    backorders += t.backordersAvg * p.periods;
    onHand += t.onHandAvg * p.periods;
  }
  return {
    customerDemand: demand, customerFilled: filled, fillRate: demand > 0 ? filled / demand : Number.NaN, lostSales: lost,
    backordersAvg: backorders / horizon, onHandAvg: onHand / horizon,
    costs: addCosts(pieces.map((p) => ({ costs: p.summary.total.costs, adjustment: p.productionAdjustment }))),
  };
}

/** The product KPIs of the pieces as one run (products in the order of the first piece). */
export function stitchProducts(pieces: readonly PieceRun[], horizon: number): ExecutedProduct[] {
  return pieces[0].summary.products.map((first) => {
    const id = first.productId;
    let demand = 0;
    let filled = 0;
    let lost = 0;
    let backorders = 0;
    let onHand = 0;
    const costs: { costs: Costs; adjustment: number }[] = [];
    for (const p of pieces) {
      const x = p.summary.products.find((q) => q.productId === id);
      if (!x) continue;
      demand += x.customerDemand - carriedTotal(p, id);
      filled += x.customerFilled - (carriedServed(p).byProduct.get(id) ?? 0);
      lost += x.lostSales;
      backorders += x.backordersAvg * p.periods;
      onHand += x.onHandAvg * p.periods;
      costs.push({ costs: x.costs, adjustment: 0 });
    }
    return {
      productId: id, name: first.name, customerDemand: demand, customerFilled: filled, fillRate: demand > 0 ? filled / demand : Number.NaN,
      lostSales: lost, backordersAvg: backorders / horizon, onHandAvg: onHand / horizon, costs: addCosts(costs),
    };
  });
}

/** Estimates (mean, 95 % interval) of every number of a list of same-shaped records. */
export function estimateAll<T>(values: readonly T[]): Estimated<T> {
  const first = values[0] as unknown;
  if (typeof first === 'number') return estimate(values as unknown as number[]) as Estimated<T>;
  if (Array.isArray(first)) return first.map((_, i) => estimateAll(values.map((v) => (v as unknown as unknown[])[i]))) as Estimated<T>;
  if (first !== null && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((k) => [k, estimateAll(values.map((v) => (v as Record<string, unknown>)[k]))])) as Estimated<T>;
  }
  return first as Estimated<T>;
}

export type { Estimate };

/** On-hand series of every recorded node of a run, by (site, product): period t at index t − 1. */
export function onHandSeries(run: SimResult): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const { node, periods, nodes: width } = run.series;
  if (!node) return out;
  run.nodes.siteId.forEach((siteId, k) => {
    const s = new Float64Array(periods);
    for (let t = 0; t < periods; t++) s[t] = node.onHand[t * width + k];
    out.set(pairKey(siteId, run.nodes.productId[k]), s);
  });
  return out;
}

/**
 * Mean, lowest and highest on-hand stock per (site, product) over replications; a node missing
 * from a replication (no stock node there) counts as 0 in it.
 */
export class StockSeriesBuilder {
  readonly #periods: number;
  readonly #sum = new Map<string, { mean: Float64Array; low: Float64Array; high: Float64Array; seen: number }>();
  #replications = 0;

  constructor(periods: number) {
    this.#periods = periods;
  }

  /** One replication's series: node → values of periods 1..T (index t − 1). */
  add(series: ReadonlyMap<string, ArrayLike<number>>): void {
    this.#replications++;
    for (const [k, values] of series) {
      let acc = this.#sum.get(k);
      if (!acc) {
        const T = this.#periods;
        acc = { mean: new Float64Array(T), low: new Float64Array(T).fill(Infinity), high: new Float64Array(T).fill(-Infinity), seen: 0 };
        this.#sum.set(k, acc);
      }
      acc.seen++;
      for (let t = 0; t < this.#periods; t++) {
        const q = values[t] ?? 0;
        acc.mean[t] += q;
        if (q < acc.low[t]) acc.low[t] = q;
        if (q > acc.high[t]) acc.high[t] = q;
      }
    }
  }

  finish(): StockSeries[] {
    const n = Math.max(1, this.#replications);
    return [...this.#sum].map(([k, acc]) => {
      const [siteId, productId] = k.split('\u0000');
      for (let t = 0; t < this.#periods; t++) {
        acc.mean[t] /= n;
        if (acc.seen < n) { acc.low[t] = Math.min(acc.low[t], 0); acc.high[t] = Math.max(acc.high[t], 0); }
      }
      return { siteId, productId, mean: acc.mean, low: acc.low, high: acc.high };
    });
  }
}
