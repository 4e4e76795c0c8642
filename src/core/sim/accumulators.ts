/**
 * Running sums behind every KPI, kept over the measured periods (after the warm-up). Costs are
 * linear in these sums (holding = h · Σ on hand, transport = c · Σ shipped, …), so the loop adds
 * quantities and the summary multiplies by rates once at the end.
 * Variances use sums shifted by the first measured value (numerically stable for long runs).
 */
import type { MemoryArena } from './memory-arena';
export class Accumulators {
  // per node
  readonly sumOnHand: Float64Array;
  readonly sumBacklog: Float64Array;
  readonly sumCustBacklog: Float64Array;
  readonly sumInTransitIn: Float64Array;
  readonly demandArrived: Float64Array;
  readonly filledOnArrival: Float64Array;
  readonly custDemand: Float64Array;
  readonly custFilled: Float64Array;
  readonly lostSales: Float64Array;
  readonly shipped: Float64Array;
  readonly served: Float64Array;
  readonly produced: Float64Array;
  readonly orderedQty: Float64Array;
  readonly orderCount: Float64Array;
  readonly stockoutPeriods: Float64Array;
  readonly returnsIn: Float64Array;
  readonly restocked: Float64Array;
  readonly scrapped: Float64Array;
  /** Orders placed per period, and demand received per period: [shift, Σ, Σ²] per node. */
  readonly ordShiftSums: Float64Array;
  readonly obsShiftSums: Float64Array;
  // orders, by the node that placed them (all periods)
  readonly ordersPlaced: Float64Array;
  readonly ordersDelivered: Float64Array;
  readonly ordersDeliveredAge: Float64Array;
  readonly ordersCancelled: Float64Array;
  readonly ordersLate: Float64Array;
  // per arc
  readonly arcShipped: Float64Array;
  /** Σ end-of-period units in transit on the arc. */
  readonly arcTransit: Float64Array;
  readonly arcConsigned: Float64Array;
  // per return route: units returned, restocked
  readonly routeReturned: Float64Array;
  readonly routeRestocked: Float64Array;
  // per finance pair (seller → buyer): invoiced net of credit notes, cash paid
  readonly pairInvoiced: Float64Array;
  readonly pairPaid: Float64Array;
  // per party
  readonly revenue: Float64Array;
  readonly cogs: Float64Array;
  readonly purchases: Float64Array;
  readonly discountsGiven: Float64Array;
  readonly discountsTaken: Float64Array;
  readonly creditNotes: Float64Array;
  readonly sumCash: Float64Array;
  readonly sumReceivables: Float64Array;
  readonly sumPayables: Float64Array;
  readonly minCash: Float64Array;
  // bullwhip: per site, per product (end-customer demand), per echelon: [shift, Σ, Σ²] triples
  readonly siteOrd: Float64Array;
  readonly siteObs: Float64Array;
  readonly siteCust: Float64Array;
  readonly productCust: Float64Array;
  readonly echelonOrd: Float64Array;
  readonly totalCust: Float64Array;
  measured = 0;

  /** All arrays are views of the run's memory arena (zeros; minCash is filled with +∞ once real). */
  constructor(arena: MemoryArena, nNodes: number, nArcs: number, nParties: number, nSites: number, nProducts: number, nEchelons: number, nRoutes: number, nPairs: number) {
    const n = () => arena.f64(nNodes);
    this.sumOnHand = n(); this.sumBacklog = n(); this.sumCustBacklog = n(); this.sumInTransitIn = n();
    this.demandArrived = n(); this.filledOnArrival = n(); this.custDemand = n(); this.custFilled = n();
    this.lostSales = n(); this.shipped = n(); this.served = n(); this.produced = n(); this.orderedQty = n();
    this.orderCount = n(); this.stockoutPeriods = n(); this.returnsIn = n(); this.restocked = n(); this.scrapped = n();
    this.ordShiftSums = arena.f64(3 * nNodes); this.obsShiftSums = arena.f64(3 * nNodes);
    this.ordersPlaced = n(); this.ordersDelivered = n(); this.ordersDeliveredAge = n(); this.ordersCancelled = n(); this.ordersLate = n();
    this.arcShipped = arena.f64(nArcs); this.arcTransit = arena.f64(nArcs); this.arcConsigned = arena.f64(nArcs);
    this.routeReturned = arena.f64(nRoutes); this.routeRestocked = arena.f64(nRoutes);
    this.pairInvoiced = arena.f64(nPairs); this.pairPaid = arena.f64(nPairs);
    const p = () => arena.f64(nParties);
    this.revenue = p(); this.cogs = p(); this.purchases = p(); this.discountsGiven = p(); this.discountsTaken = p(); this.creditNotes = p();
    this.sumCash = p(); this.sumReceivables = p(); this.sumPayables = p(); this.minCash = p();
    this.minCash.fill(Number.POSITIVE_INFINITY);
    this.siteOrd = arena.f64(3 * nSites); this.siteObs = arena.f64(3 * nSites); this.siteCust = arena.f64(3 * nSites);
    this.productCust = arena.f64(3 * nProducts); this.echelonOrd = arena.f64(3 * nEchelons); this.totalCust = arena.f64(3);
  }
}

/** Adds x to a [shift, Σ, Σ²] triple at index i (the first value becomes the shift). */
export function addShifted(triple: Float64Array, i: number, x: number, first: boolean): void {
  const j = 3 * i;
  if (first) triple[j] = x;
  const d = x - triple[j];
  triple[j + 1] += d;
  triple[j + 2] += d * d;
}
