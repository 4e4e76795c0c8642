/**
 * Everything that changes during a run, allocated once before period 1: per-node stock and
 * pipelines, per-arc ring buffers and cumulative quantities, the order book, finance balances,
 * KPI accumulators and the time series. The period loop allocates nothing (the order book only
 * grows when more orders are open at once than ever before).
 */
import { Accumulators } from './accumulators';
import { NODE_SINK, NODE_STOCK, type Network } from './network';
import { OrderBook } from './order-book';
import type { SeriesMode } from './options';
import { Rng } from './rng';
import { createSeries, seriesColumns, type SimSeries } from './series-store';

export interface SimState {
  readonly net: Network;
  readonly rng: Rng;
  /** Period being run (1-based); 0 before the first. */
  t: number;
  /** First period counted in the KPIs. */
  readonly measureFrom: number;
  // ── nodes ──
  readonly onHand: Float64Array;
  /** Orders arrived at the node and not shipped, over its outbound arcs (after the ship step). */
  readonly backlog: Float64Array;
  /** The part of `backlog` that is end-customer demand (orders from sinks). */
  readonly sinkBacklog: Float64Array;
  /** End-customer demand backordered at a stock node with demand rows. */
  readonly custBacklog: Float64Array;
  /** Ordered or started and not yet received (in the info pipeline, in the supplier's backlog, in transit, in production). */
  readonly outstanding: Float64Array;
  readonly inTransitIn: Float64Array;
  /** End-customer demand of the period at each demand node. */
  readonly demandNow: Float64Array;
  /** Demand received in the period: orders arrived, customer demand, component consumption. */
  readonly obs: Float64Array;
  readonly orderedNow: Float64Array;
  readonly shippedNow: Float64Array;
  readonly receivedNow: Float64Array;
  readonly lostNow: Float64Array;
  /** End-customer demand seen by each node when information is shared. */
  readonly sharedDemand: Float64Array;
  /** Scratch slots: [0] the demand quantity being drawn, [1] the part of it ordered on one arc. */
  readonly demandDraw: Float64Array;
  /** Scratch slot: the quantity being placed on an arc. */
  readonly orderDraw: Float64Array;
  /** Quantity decided by each node's policy this period (read by order placement and production). */
  readonly decided: Float64Array;
  /** End-customer demand filled at once in the period (network total, for the series). */
  custFilledNow: number;
  /** End-customer demand of the period per product (network total). */
  readonly productCustNow: Float64Array;
  // ── forecasts and Sterman's expectation ──
  readonly hist: Float64Array;
  readonly histCount: Int32Array;
  readonly histPos: Int32Array;
  readonly level: Float64Array;
  readonly errVar: Float64Array;
  readonly levelSet: Uint8Array;
  // ── arcs ──
  readonly ring: Float64Array;
  readonly infoRing: Float64Array;
  /** 1 when an arrival on the arc needs more than moving stock and a plain invoice (consignment, returns, storage capacity). */
  readonly arcSpecialArrival: Uint8Array;
  /** 1 when a shipment on the arc needs more than the pipeline (random lead time, lane capacity, consignment). */
  readonly arcSpecialShipment: Uint8Array;
  /** When a plain sale on the arc is invoiced: 0 never (internal or consignment), 1 at shipment, 2 at delivery. */
  readonly arcInvoiceAt: Uint8Array;
  /** 1 when the KPIs need this arc's in-transit stock each period (it crosses parties or carries holding cost). */
  readonly arcTracked: Int32Array;
  readonly orderedCum: Float64Array;
  readonly arrivedCum: Float64Array;
  readonly shippedCum: Float64Array;
  readonly deliveredCum: Float64Array;
  readonly arrivedNow: Float64Array;
  readonly arcInTransit: Float64Array;
  /** Consignment stock at the arc's destination still owned by the arc's seller. */
  readonly consigned: Float64Array;
  readonly laneUsed: Float64Array;
  readonly laneStamp: Int32Array;
  readonly book: OrderBook;
  // ── production, returns ──
  readonly wip: Float64Array;
  readonly retRing: Float64Array;
  // ── finance ──
  readonly cash: Float64Array;
  readonly receivables: Float64Array;
  readonly payables: Float64Array;
  readonly partyCostNow: Float64Array;
  readonly pairInvoice: Float64Array;
  readonly pairCredit: Float64Array;
  readonly dueRing: Float64Array;
  readonly earlyRing: Float64Array;
  // ── KPIs ──
  readonly acc: Accumulators;
  readonly series: SimSeries;
  /** Column of each node in the per-node series (−1: not recorded). */
  readonly seriesColumn: Int32Array;
  // ── scratch for allocation when short (sized by the largest out-degree) ──
  readonly scratchArc: Int32Array;
  readonly scratchOrder: Int32Array;
  readonly scratchLeft: Float64Array;
  readonly scratchArrival: Int32Array;
  /** Nodes that produce; stock nodes with end-customer demand rows. */
  readonly producers: Int32Array;
  readonly stockDemandNodes: Int32Array;
  /** Fixed-plan / manual orders of the period per node (split by share). */
  readonly planNow: Float64Array;
  /** Per-period sums for bullwhip ratios per site and per echelon. */
  readonly siteOrdNow: Float64Array;
  readonly siteObsNow: Float64Array;
  readonly siteCustNow: Float64Array;
  readonly echelonOrdNow: Float64Array;
  /** Makers using each component: CSR over component nodes (for information sharing). */
  readonly usedByStart: Int32Array;
  readonly usedBy: Int32Array;
  readonly usedByQty: Float64Array;
}

export function createState(net: Network, seed: number, replication: number, warmup: number, seriesMode: SeriesMode, seriesSites?: ReadonlySet<number>): SimState {
  const N = net.nNodes;
  const A = net.nArcs;
  const lastRing = (start: Int32Array, size: Int32Array) => {
    let end = 0;
    for (let i = 0; i < start.length; i++) end = Math.max(end, start[i] + size[i]);
    return end;
  };
  let maxDegree = 1;
  for (let k = 0; k < N; k++) maxDegree = Math.max(maxDegree, net.outStart[k + 1] - net.outStart[k]);
  let echelons = 1;
  for (let s = 0; s < net.siteEchelon.length; s++) echelons = Math.max(echelons, net.siteEchelon[s] + 1);
  const used = usedBy(net);
  const columns = seriesColumns(net.periods, net.nodeSite, seriesMode, seriesSites);
  let nColumns = 0;
  for (let k = 0; k < N; k++) if (columns[k] >= 0) nColumns++;
  const st: SimState = {
    net, rng: new Rng(seed, replication), t: 0, measureFrom: warmup + 1,
    onHand: Float64Array.from(net.nodeInitialStock), backlog: new Float64Array(N), sinkBacklog: new Float64Array(N),
    custBacklog: new Float64Array(N), outstanding: new Float64Array(N), inTransitIn: new Float64Array(N),
    demandNow: new Float64Array(N), obs: new Float64Array(N), orderedNow: new Float64Array(N),
    shippedNow: new Float64Array(N), receivedNow: new Float64Array(N), lostNow: new Float64Array(N), sharedDemand: new Float64Array(N),
    productCustNow: new Float64Array(net.labels.products.length), custFilledNow: 0,
    demandDraw: new Float64Array(2), decided: new Float64Array(N), orderDraw: new Float64Array(1),
    hist: new Float64Array(net.histStart[N]), histCount: new Int32Array(N), histPos: new Int32Array(N),
    level: new Float64Array(N), errVar: new Float64Array(N), levelSet: new Uint8Array(N),
    ring: new Float64Array(lastRing(net.arcRingStart, net.arcRingSize)),
    infoRing: new Float64Array(lastRing(net.arcInfoStart, net.arcInfoSize)),
    ...arcFlags(net),
    orderedCum: new Float64Array(A), arrivedCum: new Float64Array(A), shippedCum: new Float64Array(A),
    deliveredCum: new Float64Array(A), arrivedNow: new Float64Array(A), arcInTransit: new Float64Array(A),
    consigned: new Float64Array(A), laneUsed: new Float64Array(net.labels.lanes.length),
    laneStamp: new Int32Array(net.labels.lanes.length), book: new OrderBook(A, (a) => net.arcInfo[a] + net.arcLeadMax[a] + 3),
    wip: new Float64Array(lastRing(net.wipStart, net.wipSize)),
    retRing: new Float64Array(lastRing(net.retRingStart, net.retRingSize)),
    cash: Float64Array.from(net.partyInitialCash), receivables: new Float64Array(net.nParties),
    payables: new Float64Array(net.nParties), partyCostNow: new Float64Array(net.nParties),
    pairInvoice: new Float64Array(net.nPairs), pairCredit: new Float64Array(net.nPairs),
    dueRing: new Float64Array(lastRing(net.pairRingStart, net.pairRingSize)),
    earlyRing: new Float64Array(lastRing(net.pairRingStart, net.pairRingSize)),
    acc: new Accumulators(N, A, net.nParties, net.labels.sites.length, net.labels.products.length, echelons),
    seriesColumn: columns,
    series: createSeries(net.periods, nColumns, net.nParties),
    scratchArc: new Int32Array(maxDegree), scratchOrder: new Int32Array(maxDegree),
    scratchLeft: new Float64Array(maxDegree), scratchArrival: new Int32Array(maxDegree),
    producers: Int32Array.from(nodeList(N, (k) => net.prodLead[k] >= 0)),
    stockDemandNodes: Int32Array.from(nodeList(N, (k) => net.nodeHasDemand[k] === 1 && net.nodeKind[k] === NODE_STOCK)),
    planNow: new Float64Array(N),
    siteOrdNow: new Float64Array(net.labels.sites.length), siteObsNow: new Float64Array(net.labels.sites.length),
    siteCustNow: new Float64Array(net.labels.sites.length), echelonOrdNow: new Float64Array(echelons),
    ...used,
  };
  loadInitialPipeline(st);
  return st;
}

/** Shipments and orders already under way at the start enter the rings, and count as outstanding at their destination. */
function loadInitialPipeline(st: SimState): void {
  const net = st.net;
  for (const x of net.initialPipeline) {
    const a = x.arc;
    st.ring[net.arcRingStart[a] + (x.arrival % net.arcRingSize[a])] += x.quantity;
    st.arcInTransit[a] += x.quantity;
    st.inTransitIn[net.arcTo[a]] += x.quantity;
    if (net.nodeKind[net.arcTo[a]] === NODE_STOCK) st.outstanding[net.arcTo[a]] += x.quantity;
    // These units belong to no order: start every cumulative count past them (see OrderBook).
    st.orderedCum[a] += x.quantity;
    st.arrivedCum[a] += x.quantity;
    st.shippedCum[a] += x.quantity;
    st.book.headBase[a] += x.quantity;
  }
  for (const x of [...net.initialOrders].sort((p, q) => p.arrival - q.arrival)) {
    const a = x.arc;
    const lag = net.arcToSink[a] ? net.arcInfo[a] : net.arcInfo[a] + 1;
    st.infoRing[net.arcInfoStart[a] + (x.arrival % net.arcInfoSize[a])] += x.quantity;
    st.orderDraw[0] = x.quantity;
    st.book.pushFrom(a, st.orderDraw, 0, x.arrival - lag);
    st.orderedCum[a] += x.quantity;
    if (net.nodeKind[net.arcTo[a]] === NODE_STOCK) st.outstanding[net.arcTo[a]] += x.quantity;
  }
}

function arcFlags(net: Network): { arcSpecialArrival: Uint8Array; arcSpecialShipment: Uint8Array; arcInvoiceAt: Uint8Array; arcTracked: Int32Array } {
  const A = net.nArcs;
  const arrival = new Uint8Array(A);
  const shipment = new Uint8Array(A);
  const tracked: number[] = [];
  const invoiceAt = new Uint8Array(A);
  for (let a = 0; a < A; a++) {
    const to = net.arcTo[a];
    const returns = net.retStart[to] !== net.retStart[to + 1];
    // A plain sale (no consignment) is invoiced inline in the hot paths; the rest goes the long way.
    arrival[a] = net.arcConsignment[a] || net.nodeCapacitated[to] || (net.nodeKind[to] === NODE_SINK && returns) ? 1 : 0;
    shipment[a] = net.arcConsignment[a] || net.arcLeadSd[a] > 0 || net.laneCapacity[net.arcLane[a]] !== Number.POSITIVE_INFINITY
      || net.nodeConsignedIn[net.arcFrom[a]] ? 1 : 0;
    invoiceAt[a] = net.arcPair[a] < 0 || net.arcConsignment[a] ? 0 : net.arcTitleAtShipment[a] ? 1 : 2;
    if (net.pipelineHolding || net.arcPair[a] >= 0) tracked.push(a);
  }
  return { arcSpecialArrival: arrival, arcSpecialShipment: shipment, arcInvoiceAt: invoiceAt, arcTracked: Int32Array.from(tracked) };
}

function nodeList(n: number, keep: (k: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (keep(k)) out.push(k);
  return out;
}

function usedBy(net: Network): { usedByStart: Int32Array; usedBy: Int32Array; usedByQty: Float64Array } {
  const N = net.nNodes;
  const start = new Int32Array(N + 1);
  for (let i = 0; i < net.bomComponent.length; i++) start[net.bomComponent[i] + 1]++;
  for (let k = 0; k < N; k++) start[k + 1] += start[k];
  const fill = start.slice(0, N);
  const by = new Int32Array(net.bomComponent.length);
  const qty = new Float64Array(net.bomComponent.length);
  for (let k = 0; k < N; k++) {
    for (let i = net.bomStart[k]; i < net.bomStart[k + 1]; i++) {
      const c = net.bomComponent[i];
      by[fill[c]] = k;
      qty[fill[c]++] = net.bomQty[i];
    }
  }
  return { usedByStart: start, usedBy: by, usedByQty: qty };
}
