/**
 * Step 2 of a period: receive.
 *   - Shipments due in t arrive: in transit → on hand (a sink consumes them: they are delivered
 *     to the end customer, may come back as returns, and are invoiced if title passes now).
 *     A site with a storage capacity accepts only what fits; the rest waits in transit one more
 *     period (and again, until it fits).
 *   - Production due in t completes (started in t − 1 − Lp).
 *   - Orders due in t reach their supplier (placed in t − 1 − infoDelay; sink demand in t − infoDelay).
 * Shipments with lead time 0 arrive within the ship step (arriveNow).
 * Hot path: one pass over the arcs; the ring slot of period t is t & (size − 1).
 */
import { invoice, invoiceArc } from './finance-flow';
import { NODE_SINK } from './network';
import { scheduleReturns } from './returns-flow';
import type { SimState } from './state';

/** Stock the site of node k can still take (Infinity when it has no storage capacity). */
export function freeSpace(st: SimState, k: number): number {
  const net = st.net;
  if (!net.nodeCapacitated[k]) return Number.POSITIVE_INFINITY;
  const s = net.nodeSite[k];
  let used = 0;
  for (let j = net.siteNodeStart[s], end = net.siteNodeStart[s + 1]; j < end; j++) used += st.onHand[j];
  const free = net.siteStorage[s] - used;
  return free > 0 ? free : 0;
}

/** Pops the arc's orders that are now fully delivered, recording their age (or their cancellation). */
export function popDelivered(st: SimState, a: number): void {
  const book = st.book;
  const delivered = st.deliveredCum[a];
  const limit = delivered + 1e-9 * (1 + Math.abs(delivered));
  const to = st.net.arcTo[a];
  while (book.count[a] > 0) {
    const o = book.start[a] + book.head[a];
    if (book.headBase[a] + book.qty[o] > limit) break;
    if (book.qty[o] > 0) {
      st.acc.ordersDelivered[to]++;
      st.acc.ordersDeliveredAge[to] += st.t - book.placed[o];
    } else st.acc.ordersCancelled[to]++;
    book.popHead(a);
  }
}

/** The arrival of what ring slot `slot` of arc a holds (passed by index: no boxed number). */
function arrive(st: SimState, a: number, slot: number): void {
  const net = st.net;
  const to = net.arcTo[a];
  let x = st.ring[slot];
  st.ring[slot] = 0;
  if (st.arcSpecialArrival[a]) {
    if (net.nodeCapacitated[to]) {
      const free = freeSpace(st, to);
      if (x > free) {
        st.ring[net.arcRingStart[a] + ((st.t + 1) & (net.arcRingSize[a] - 1))] += x - free;
        x = free;
        if (x === 0) return;
      }
    }
    st.ring[slot] = x;
    arriveSpecial(st, a, to, slot);
    if (st.arcInvoiceAt[a] === 2) invoiceArc(st, a, st.ring, slot);
    st.ring[slot] = 0;
  } else if (st.arcInvoiceAt[a] === 2) {
    st.ring[slot] = x;
    invoiceArc(st, a, st.ring, slot);
    st.ring[slot] = 0;
  }
  st.arcInTransit[a] -= x;
  st.inTransitIn[to] -= x;
  st.receivedNow[to] += x;
  st.deliveredCum[a] += x;
  popDelivered(st, a);
  if (net.nodeKind[to] !== NODE_SINK) {
    st.onHand[to] += x;
    st.outstanding[to] -= x;
  }
}

/** Title, consignment and returns at an arrival (of the quantity in ring slot `slot`). */
function arriveSpecial(st: SimState, a: number, to: number, slot: number): void {
  const net = st.net;
  const x = st.ring[slot];
  const pair = net.arcPair[a];
  if (net.nodeKind[to] === NODE_SINK) {
    // A sink consumes consignment stock at once: invoiced now.
    if (pair >= 0 && net.arcConsignment[a]) invoice(st, pair, x, net.arcPrice[a], net.nodeValue[to]);
    if (net.retStart[to] !== net.retStart[to + 1]) scheduleReturns(st, to, x);
    return;
  }
  if (pair >= 0 && net.arcConsignment[a]) st.consigned[a] += x;
}

/**
 * One pass over the arcs: take in the shipments due in t, and let the orders due in t reach their
 * supplier (they join its backlog and count as demand received).
 */
export function receiveArcs(st: SimState): void {
  const net = st.net;
  const A = net.nArcs;
  const t = st.t;
  const measured = t >= st.measureFrom;
  const acc = st.acc;
  const ring = st.ring;
  const info = st.infoRing;
  const ringStart = net.arcRingStart;
  const ringSize = net.arcRingSize;
  const infoStart = net.arcInfoStart;
  const infoSize = net.arcInfoSize;
  const arrivedNow = st.arrivedNow;
  const arrivedCum = st.arrivedCum;
  const special = st.arcSpecialArrival;
  const invoiceAt = st.arcInvoiceAt;
  const arcTo = net.arcTo;
  const arcFrom = net.arcFrom;
  const kind = net.nodeKind;
  const book = st.book;
  for (let a = 0; a < A; a++) {
    const slot = ringStart[a] + (t & (ringSize[a] - 1));
    const x = ring[slot];
    if (x !== 0) {
      if (special[a]) arrive(st, a, slot);
      else {
        // The common arrival, inlined: in transit → on hand (a sink consumes it), orders delivered.
        if (invoiceAt[a] === 2) invoiceArc(st, a, ring, slot);
        ring[slot] = 0;
        const to = arcTo[a];
        st.arcInTransit[a] -= x;
        st.inTransitIn[to] -= x;
        st.receivedNow[to] += x;
        const delivered = st.deliveredCum[a] + x;
        st.deliveredCum[a] = delivered;
        if (book.count[a] > 0 && book.headBase[a] + book.qty[book.start[a] + book.head[a]] <= delivered + 1e-9 * (1 + delivered)) popDelivered(st, a);
        if (kind[to] !== NODE_SINK) {
          st.onHand[to] += x;
          st.outstanding[to] -= x;
        }
      }
    }
    const islot = infoStart[a] + (t & (infoSize[a] - 1));
    const q = info[islot];
    arrivedNow[a] = q;
    if (q !== 0) {
      info[islot] = 0;
      arrivedCum[a] += q;
      const from = arcFrom[a];
      st.obs[from] += q;
      if (measured) {
        acc.demandArrived[from] += q;
        if (net.arcToSink[a]) acc.custDemand[from] += q;
      }
    }
  }
}

/**
 * A shipment with lead time 0 arrives at once, within the ship step (its destination ships later
 * in the ship order, so it can pass the goods on in the same period). The quantity is put in the
 * arc's slot of period t (emptied by the receive step) and taken in from there.
 */
export function arriveNow(st: SimState, a: number, slot: number): void {
  arrive(st, a, slot);
}

export function completeProduction(st: SimState): void {
  const net = st.net;
  const t = st.t;
  const producers = st.producers;
  for (let i = 0; i < producers.length; i++) {
    const k = producers[i];
    const slot = net.wipStart[k] + (t % net.wipSize[k]);
    let x = st.wip[slot];
    if (x === 0) continue;
    st.wip[slot] = 0;
    if (net.nodeCapacitated[k]) {
      const free = freeSpace(st, k);
      if (x > free) {
        st.wip[net.wipStart[k] + ((t + 1) % net.wipSize[k])] += x - free;
        x = free;
      }
    }
    st.onHand[k] += x;
    st.outstanding[k] -= x;
    st.receivedNow[k] += x;
  }
}
