/**
 * Setting up a run's state: arc flags, the hot copies of network parameters in the memory blocks
 * (so the hot loops index two arrays, not thirty), and the initial pipeline and orders.
 */
import { offsetF, type MemoryArena } from './memory-arena';
import { NODE_SINK, NODE_STOCK, type Network } from './network';
import type { SimState } from './state';

/** Bits of arcFlagsI. */
export const ARC_TO_SINK = 1;
/** A shipment needs more than the pipeline (random lead time, lane capacity, consignment): shipOnArc. */
export const ARC_SPECIAL_SHIPMENT = 2;
/** An arrival needs more than moving stock and a plain invoice (consignment, returns, storage capacity). */
export const ARC_SPECIAL_ARRIVAL = 4;
/** Orders may go without a record (deferred-orders.ts). */
export const ARC_DEFERRABLE = 8;
export const ARC_INVOICE_AT_SHIPMENT = 16;
export const ARC_INVOICE_AT_DELIVERY = 32;

/** Copies of network parameters the hot loops read, as views of the memory blocks. */
export interface HotParameters {
  readonly arcFromI: Int32Array;
  readonly arcToI: Int32Array;
  readonly arcLeadI: Int32Array;
  readonly arcInfoI: Int32Array;
  /** Age of an order at delivery when it ships on arrival: lead time + information lag (+1 between sites). */
  readonly arcAgeI: Int32Array;
  /** Index in F of slot 0 of the arc's in-transit ring (slot of period t: + (t & mask)). */
  readonly arcRingAt: Int32Array;
  readonly arcRingMask: Int32Array;
  /** Index in F of slot 0 of the arc's order (information) ring. */
  readonly arcInfoAt: Int32Array;
  readonly arcInfoMask: Int32Array;
  /** ARC_* bits. */
  readonly arcFlagsI: Int32Array;
  readonly arcPairI: Int32Array;
  readonly pairSellerI: Int32Array;
  readonly pairBuyerI: Int32Array;
  readonly inStartI: Int32Array;
  readonly inArcsI: Int32Array;
  readonly arcShareF: Float64Array;
  readonly outStartI: Int32Array;
  readonly outArcsI: Int32Array;
  /** Outbound arcs of each node in arc order (net.outArcs is in priority order under the priority rule). */
  readonly outArcsByIndex: Int32Array;
  readonly shipOrderI: Int32Array;
  readonly nodeKindI: Int32Array;
  readonly nodePartyI: Int32Array;
  readonly nodeSiteI: Int32Array;
  readonly nodeProductI: Int32Array;
  readonly nodeHoldingF: Float64Array;
  readonly nodeOrderCostF: Float64Array;
  readonly arcCostF: Float64Array;
  readonly arcPriceF: Float64Array;
  /** Product value at the arc's destination (COGS of a sale on it). */
  readonly arcValueF: Float64Array;
}

export function allocateHotParameters(net: Network, m: MemoryArena): HotParameters {
  const A = net.nArcs;
  const N = net.nNodes;
  const ai = () => m.i32(A);
  return {
    arcFromI: ai(), arcToI: ai(), arcLeadI: ai(), arcInfoI: ai(), arcAgeI: ai(), arcRingAt: ai(), arcRingMask: ai(), arcInfoAt: ai(), arcInfoMask: ai(),
    arcFlagsI: ai(), arcPairI: ai(), pairSellerI: m.i32(net.nPairs), pairBuyerI: m.i32(net.nPairs),
    inStartI: m.i32(N + 1), inArcsI: m.i32(net.inArcs.length), arcShareF: m.f64(A),
    outStartI: m.i32(N + 1), outArcsI: m.i32(net.outArcs.length), outArcsByIndex: m.i32(net.outArcs.length),
    shipOrderI: m.i32(net.shipOrder.length), nodeKindI: m.i32(N), nodePartyI: m.i32(N), nodeSiteI: m.i32(N), nodeProductI: m.i32(N),
    nodeHoldingF: m.f64(N), nodeOrderCostF: m.f64(N),
    arcCostF: m.f64(A), arcPriceF: m.f64(A), arcValueF: m.f64(A),
  };
}

/** Fills the hot copies (after the state exists: ring positions are offsets of its ring views). */
export function fillHotParameters(st: SimState): void {
  const net = st.net;
  st.arcFromI.set(net.arcFrom);
  st.arcToI.set(net.arcTo);
  st.arcLeadI.set(net.arcLead);
  st.arcInfoI.set(net.arcInfo);
  st.arcPairI.set(net.arcPair);
  st.pairSellerI.set(net.pairSeller);
  st.pairBuyerI.set(net.pairBuyer);
  st.inStartI.set(net.inStart);
  st.inArcsI.set(net.inArcs);
  st.arcShareF.set(net.arcShare);
  st.outStartI.set(net.outStart);
  st.outArcsI.set(net.outArcs);
  st.outArcsByIndex.set(net.outArcs);
  for (let k = 0; k < net.nNodes; k++) st.outArcsByIndex.subarray(net.outStart[k], net.outStart[k + 1]).sort();
  st.shipOrderI.set(net.shipOrder);
  st.nodeKindI.set(net.nodeKind);
  st.nodePartyI.set(net.nodeParty);
  st.nodeSiteI.set(net.nodeSite);
  st.nodeProductI.set(net.nodeProduct);
  st.nodeHoldingF.set(net.nodeHolding);
  st.nodeOrderCostF.set(net.nodeOrderCost);
  st.arcCostF.set(net.arcCost);
  st.arcPriceF.set(net.arcPrice);
  const ring = offsetF(st.ring);
  const info = offsetF(st.infoRing);
  for (let a = 0; a < net.nArcs; a++) {
    st.arcRingAt[a] = ring + net.arcRingStart[a];
    st.arcRingMask[a] = net.arcRingSize[a] - 1;
    st.arcInfoAt[a] = info + net.arcInfoStart[a];
    st.arcInfoMask[a] = net.arcInfoSize[a] - 1;
    st.arcValueF[a] = net.nodeValue[net.arcTo[a]];
    st.arcAgeI[a] = net.arcLead[a] + net.arcInfo[a] + (net.arcToSink[a] ? 0 : 1);
    st.arcFlagsI[a] = (net.arcToSink[a] ? ARC_TO_SINK : 0) | (st.arcSpecialShipment[a] ? ARC_SPECIAL_SHIPMENT : 0)
      | (st.arcSpecialArrival[a] ? ARC_SPECIAL_ARRIVAL : 0) | (st.arcDeferrable[a] ? ARC_DEFERRABLE : 0)
      | (st.arcInvoiceAt[a] === 1 ? ARC_INVOICE_AT_SHIPMENT : 0) | (st.arcInvoiceAt[a] === 2 ? ARC_INVOICE_AT_DELIVERY : 0);
  }
}

/** Shipments and orders already under way at the start enter the rings, and count as outstanding at their destination. */
export function loadInitialPipeline(st: SimState): void {
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
    if (x.arrival > st.pipelineUntil[a]) st.pipelineUntil[a] = x.arrival;
  }
  for (const x of [...net.initialOrders].sort((p, q) => p.arrival - q.arrival)) {
    const a = x.arc;
    const lag = net.arcToSink[a] ? net.arcInfo[a] : net.arcInfo[a] + 1;
    if (x.arrival >= 1) st.infoRing[net.arcInfoStart[a] + (x.arrival % net.arcInfoSize[a])] += x.quantity;
    else {
      // Already at the origin: in its backlog from the start.
      const from = net.arcFrom[a];
      st.arrivedCum[a] += x.quantity;
      st.backlog[from] += x.quantity;
      if (net.arcToSink[a]) st.sinkBacklog[from] += x.quantity;
    }
    st.orderDraw[0] = x.quantity;
    st.book.pushFrom(a, st.orderDraw, 0, x.arrival - lag);
    st.orderedCum[a] += x.quantity;
    if (net.nodeKind[net.arcTo[a]] === NODE_STOCK) st.outstanding[net.arcTo[a]] += x.quantity;
  }
}

export function arcFlags(net: Network): { arcSpecialArrival: Uint8Array; arcSpecialShipment: Uint8Array; arcInvoiceAt: Uint8Array; arcTracked: Int32Array; arcDeferrable: Uint8Array } {
  const A = net.nArcs;
  const arrival = new Uint8Array(A);
  const shipment = new Uint8Array(A);
  const deferrable = new Uint8Array(A);
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
    // Only consignment sales keep stock at the buyer owned by the seller (consigned).
    if (net.pipelineHolding || (net.arcPair[a] >= 0 && net.arcConsignment[a])) tracked.push(a);
    // Orders without a record (deferred-orders.ts): into a customer without stock when they reach
    // the supplier in the period they are placed; between sites when the goods take ≥ 1 period.
    const plain = !arrival[a] && !shipment[a];
    deferrable[a] = plain && (net.arcToSink[a] ? net.arcInfo[a] === 0 : net.arcLead[a] >= 1) ? 1 : 0;
  }
  return { arcSpecialArrival: arrival, arcSpecialShipment: shipment, arcInvoiceAt: invoiceAt, arcTracked: Int32Array.from(tracked), arcDeferrable: deferrable };
}

export function nodeList(n: number, keep: (k: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (keep(k)) out.push(k);
  return out;
}

export function usedBy(net: Network): { usedByStart: Int32Array; usedBy: Int32Array; usedByQty: Float64Array } {
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
