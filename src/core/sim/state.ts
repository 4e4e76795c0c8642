/**
 * Everything that changes during a run, allocated once before period 1: per-node stock and
 * pipelines, per-arc ring buffers and cumulative quantities, the order book, finance balances,
 * KPI accumulators and the time series. The period loop allocates nothing (the order book only
 * grows when more orders are open at once than ever before).
 *
 * Every Float64Array and Int32Array of the state (and of its accumulators) is a view into one
 * block per number type, F and I (memory-arena.ts): modules read them by name, the hot loops
 * index the blocks directly, at the offsets of the views they need (st.at, st.accAt).
 */
import type { Accumulators } from './accumulators';
import { MemoryArena } from './memory-arena';
import { NODE_STOCK, POLICY_NONE, type Network } from './network';
import { OrderBook, type OrderBookArrays } from './order-book';
import type { SeriesMode } from './options';
import { Rng } from './rng';
import { arcSeriesColumns, createSeries, seriesColumns, siteSeriesCount, type SimSeries } from './series-store';
import { arcFlags, fillHotParameters, loadInitialPipeline, nodeList, usedBy, type HotParameters } from './state-setup';
import { allocateArrays, offsetsOf, type ComputedLists, type Dimensions, type Offsets } from './state-layout';

export interface SimState extends SimStateData {
  /** Offsets of the state's views in F / I, for the hot loops (F[st.at.onHand + k] is st.onHand[k]). */
  readonly at: Offsets<SimStateData>;
  /** Offsets of the accumulators' views in F. */
  readonly accAt: Offsets<Accumulators>;
  /** Offsets of the order book's per-arc arrays (count, head, start, cap in I; headBase in F). */
  readonly bookAt: Offsets<OrderBookArrays>;
}

/** The state's fields (SimState adds the offsets of its views). */
export interface SimStateData extends HotParameters {
  readonly net: Network;
  /** The run's memory blocks: every Float64Array / Int32Array of the state is a view into one of them. */
  readonly F: Float64Array;
  readonly I: Int32Array;
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
  /** Arcs the account step visits for pipeline holding cost (all, with pipelineHolding) or consignment stock (consignment sales). */
  readonly arcTracked: Int32Array;
  readonly orderedCum: Float64Array;
  readonly arrivedCum: Float64Array;
  readonly shippedCum: Float64Array;
  readonly deliveredCum: Float64Array;
  readonly arrivedNow: Float64Array;
  readonly arcInTransit: Float64Array;
  /** Units shipped on each arc in the period (reset by the account step). */
  readonly arcShippedNow: Float64Array;
  /** Consignment stock at the arc's destination still owned by the arc's seller. */
  readonly consigned: Float64Array;
  readonly laneUsed: Float64Array;
  readonly laneStamp: Int32Array;
  readonly book: OrderBook;
  // ── orders without a record (deferred-orders.ts) ──
  /** 1 when the arc's orders may go without a record (deferred-orders.ts). */
  readonly arcDeferrable: Uint8Array;
  /** Order without a record that reached the arc's origin this period, waiting for the ship step (0: none). */
  readonly pendingOrder: Float64Array;
  /** Orders in transit on the arc without a record (each alone in its ring slot). */
  readonly recordless: Int32Array;
  /** Orders between sites travelling to their supplier without a record (each alone in its order-ring slot). */
  readonly infoStage: Int32Array;
  /** 1 in the order-ring slots (same layout as `infoRing`) that hold an order without a record. */
  readonly infoRecordless: Int32Array;
  /** Quantity of the order without a record in each ring slot (same layout as `ring`). */
  readonly orderRing: Float64Array;
  /** Last arrival period of the initial pipeline on the arc (0: none): orders without a record arrive later. */
  readonly pipelineUntil: Int32Array;
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
  /** The Float32Array that the per-node and per-arc series are views of (empty when neither is kept). */
  readonly seriesBlock: Float32Array;
  /** Column of each node in the per-node series (−1: not recorded). */
  readonly seriesColumn: Int32Array;
  /** Column of each arc in the per-arc series (−1: not recorded). */
  readonly arcSeriesColumn: Int32Array;
  // ── scratch for allocation when short (sized by the largest out-degree) ──
  readonly scratchArc: Int32Array;
  readonly scratchOrder: Int32Array;
  readonly scratchLeft: Float64Array;
  readonly scratchArrival: Int32Array;
  /** Stock nodes with a policy, in decision order (net.decideOrder without the others). */
  readonly deciders: Int32Array;
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

function seriesBlockOf(series: SimSeries): Float32Array {
  const view = series.node?.onHand ?? series.arc?.shipped;
  return view ? new Float32Array(view.buffer as ArrayBuffer) : new Float32Array(0);
}

/**
 * The state before period 1. `recordEveryOrder` turns off orders without a record
 * (deferred-orders.ts) — the results are the same either way; tests compare the two.
 */
export function createState(
  net: Network, seed: number, replication: number, warmup: number, seriesMode: SeriesMode, seriesSites?: ReadonlySet<number>,
  recordEveryOrder = false,
): SimState {
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
  const dims: Dimensions = {
    N, A, echelons, maxDegree,
    ring: lastRing(net.arcRingStart, net.arcRingSize), infoRing: lastRing(net.arcInfoStart, net.arcInfoSize),
    wip: lastRing(net.wipStart, net.wipSize), retRing: lastRing(net.retRingStart, net.retRingSize),
    pairRing: lastRing(net.pairRingStart, net.pairRingSize),
  };
  const columns = seriesColumns(net.periods, net.nodeSite, seriesMode, seriesSites);
  let nColumns = 0;
  for (let k = 0; k < N; k++) if (columns[k] >= 0) nColumns++;
  const siteOf = (nodes: Int32Array) => Int32Array.from(nodes, (k) => net.nodeSite[k]);
  const arcColumns = arcSeriesColumns(net.periods, siteOf(net.arcFrom), siteOf(net.arcTo), seriesMode, seriesSites);
  let nArcColumns = 0;
  for (let a = 0; a < A; a++) if (arcColumns[a] >= 0) nArcColumns++;
  const { arcTracked, ...flags } = arcFlags(net);
  if (recordEveryOrder) flags.arcDeferrable.fill(0);
  const lists: ComputedLists = {
    seriesColumn: columns, arcSeriesColumn: arcColumns, arcTracked,
    deciders: Int32Array.from(net.decideOrder).filter((k) => net.nodeKind[k] === NODE_STOCK && net.policy[k] !== POLICY_NONE),
    producers: Int32Array.from(nodeList(N, (k) => net.prodLead[k] >= 0)),
    stockDemandNodes: Int32Array.from(nodeList(N, (k) => net.nodeHasDemand[k] === 1 && net.nodeKind[k] === NODE_STOCK)),
    ...usedBy(net),
  };
  const counting = new MemoryArena();
  allocateArrays(net, counting, dims, lists);
  const arena = new MemoryArena(counting.used());
  const { hot, bookArrays, ...v } = allocateArrays(net, arena, dims, lists);
  arena.done();
  for (const key of Object.keys(lists) as (keyof ComputedLists)[]) (v[key] as Int32Array | Float64Array).set(lists[key]);
  v.onHand.set(net.nodeInitialStock);
  v.cash.set(net.partyInitialCash);
  const series = createSeries(net.periods, nColumns, nArcColumns, net.nParties, siteSeriesCount(net.periods, net.labels.sites.length, seriesMode));
  // One object literal listing every field: V8 gives it one fast map, the same for every run (a
  // literal built by spreading objects can get a fresh map each time, and the hot functions would
  // deoptimise at every new run).
  const at = offsetsOf({ ...v, ...hot }, arena) as Offsets<SimStateData>;
  const accAt = offsetsOf(v.acc, arena);
  const bookAt = offsetsOf(bookArrays, arena);
  const st: SimState = {
    at, accAt, bookAt, net, F: arena.F, I: arena.I, rng: new Rng(seed, replication), t: 0, measureFrom: warmup + 1, onHand: v.onHand,
    backlog: v.backlog, sinkBacklog: v.sinkBacklog, custBacklog: v.custBacklog, outstanding: v.outstanding,
    inTransitIn: v.inTransitIn, demandNow: v.demandNow, obs: v.obs, orderedNow: v.orderedNow,
    shippedNow: v.shippedNow, receivedNow: v.receivedNow, lostNow: v.lostNow, sharedDemand: v.sharedDemand,
    demandDraw: v.demandDraw, orderDraw: v.orderDraw, decided: v.decided, custFilledNow: 0,
    productCustNow: v.productCustNow, hist: v.hist, histCount: v.histCount, histPos: v.histPos, level: v.level,
    errVar: v.errVar, levelSet: new Uint8Array(N), ring: v.ring, infoRing: v.infoRing,
    arcSpecialArrival: flags.arcSpecialArrival, arcSpecialShipment: flags.arcSpecialShipment,
    arcInvoiceAt: flags.arcInvoiceAt, arcTracked: v.arcTracked, orderedCum: v.orderedCum, arrivedCum: v.arrivedCum,
    shippedCum: v.shippedCum, deliveredCum: v.deliveredCum, arrivedNow: v.arrivedNow, arcInTransit: v.arcInTransit,
    arcShippedNow: v.arcShippedNow, consigned: v.consigned, laneUsed: v.laneUsed, laneStamp: v.laneStamp,
    book: new OrderBook(A, (a) => net.arcInfo[a] + net.arcLeadMax[a] + 3, bookArrays), arcDeferrable: flags.arcDeferrable,
    pendingOrder: v.pendingOrder, recordless: v.recordless, infoStage: v.infoStage, infoRecordless: v.infoRecordless, orderRing: v.orderRing, pipelineUntil: v.pipelineUntil,
    wip: v.wip, retRing: v.retRing, cash: v.cash, receivables: v.receivables, payables: v.payables,
    partyCostNow: v.partyCostNow, pairInvoice: v.pairInvoice, pairCredit: v.pairCredit, dueRing: v.dueRing,
    earlyRing: v.earlyRing, acc: v.acc, series, seriesBlock: seriesBlockOf(series), seriesColumn: v.seriesColumn,
    arcSeriesColumn: v.arcSeriesColumn, scratchArc: v.scratchArc, scratchOrder: v.scratchOrder,
    scratchLeft: v.scratchLeft, scratchArrival: v.scratchArrival, deciders: v.deciders, producers: v.producers,
    stockDemandNodes: v.stockDemandNodes, planNow: v.planNow, siteOrdNow: v.siteOrdNow, siteObsNow: v.siteObsNow,
    siteCustNow: v.siteCustNow, echelonOrdNow: v.echelonOrdNow, usedByStart: v.usedByStart, usedBy: v.usedBy,
    usedByQty: v.usedByQty, arcFromI: hot.arcFromI, arcToI: hot.arcToI, arcLeadI: hot.arcLeadI, arcInfoI: hot.arcInfoI, arcAgeI: hot.arcAgeI,
    arcRingAt: hot.arcRingAt, arcRingMask: hot.arcRingMask, arcInfoAt: hot.arcInfoAt, arcInfoMask: hot.arcInfoMask,
    arcFlagsI: hot.arcFlagsI, arcPairI: hot.arcPairI, pairSellerI: hot.pairSellerI, pairBuyerI: hot.pairBuyerI,
    inStartI: hot.inStartI, inArcsI: hot.inArcsI, arcShareF: hot.arcShareF, outStartI: hot.outStartI,
    outArcsI: hot.outArcsI, outArcsByIndex: hot.outArcsByIndex, shipOrderI: hot.shipOrderI, nodeKindI: hot.nodeKindI,
    nodePartyI: hot.nodePartyI, nodeSiteI: hot.nodeSiteI, nodeProductI: hot.nodeProductI,
    nodeHoldingF: hot.nodeHoldingF, nodeOrderCostF: hot.nodeOrderCostF, arcCostF: hot.arcCostF,
    arcPriceF: hot.arcPriceF, arcValueF: hot.arcValueF,
  };
  fillHotParameters(st);
  loadInitialPipeline(st);
  return st;
}
