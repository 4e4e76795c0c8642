/**
 * Running sums behind every KPI, kept over the measured periods (after the warm-up). Costs are
 * linear in these sums (holding = h · Σ on hand, transport = c · Σ shipped, …), so the loop adds
 * quantities and the summary multiplies by rates once at the end.
 * Variances use sums shifted by the first measured value (numerically stable for long runs).
 */
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
  readonly arcTransit: Float64Array;
  readonly arcConsigned: Float64Array;
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

  constructor(nNodes: number, nArcs: number, nParties: number, nSites: number, nProducts: number, nEchelons: number) {
    const n = () => new Float64Array(nNodes);
    this.sumOnHand = n(); this.sumBacklog = n(); this.sumCustBacklog = n(); this.sumInTransitIn = n();
    this.demandArrived = n(); this.filledOnArrival = n(); this.custDemand = n(); this.custFilled = n();
    this.lostSales = n(); this.shipped = n(); this.served = n(); this.produced = n(); this.orderedQty = n();
    this.orderCount = n(); this.stockoutPeriods = n(); this.returnsIn = n(); this.restocked = n(); this.scrapped = n();
    this.ordShiftSums = new Float64Array(3 * nNodes); this.obsShiftSums = new Float64Array(3 * nNodes);
    this.ordersPlaced = n(); this.ordersDelivered = n(); this.ordersDeliveredAge = n(); this.ordersCancelled = n(); this.ordersLate = n();
    this.arcShipped = new Float64Array(nArcs); this.arcTransit = new Float64Array(nArcs); this.arcConsigned = new Float64Array(nArcs);
    const p = () => new Float64Array(nParties);
    this.revenue = p(); this.cogs = p(); this.purchases = p(); this.discountsGiven = p(); this.discountsTaken = p(); this.creditNotes = p();
    this.sumCash = p(); this.sumReceivables = p(); this.sumPayables = p(); this.minCash = p().fill(Number.POSITIVE_INFINITY);
    this.siteOrd = new Float64Array(3 * nSites); this.siteObs = new Float64Array(3 * nSites); this.siteCust = new Float64Array(3 * nSites);
    this.productCust = new Float64Array(3 * nProducts); this.echelonOrd = new Float64Array(3 * nEchelons); this.totalCust = new Float64Array(3);
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
