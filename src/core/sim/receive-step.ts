/**
 * Step 2 of a period: receive.
 *   - Shipments due in t arrive: in transit → on hand (a sink consumes them: they are delivered
 *     to the end customer, may come back as returns, and are invoiced if title passes now).
 *     A site with a storage capacity accepts only what fits; the rest waits in transit one more
 *     period (and again, until it fits).
 *   - Production due in t completes (started in t − 1 − Lp).
 *   - Orders due in t reach their supplier (placed in t − 1 − infoDelay; sink demand in t − infoDelay):
 *     done by the ship step for each supplier just before it ships (the same result: nothing in
 *     between reads them).
 * Shipments with lead time 0 arrive within the ship step (arriveNow).
 * Hot path: one pass over the arcs; the ring slot of period t is t & (size − 1).
 */
import { invoice, invoiceArc } from './finance-flow';
import { NODE_SINK } from './network';
import { scheduleReturns } from './returns-flow';
import type { SimState } from './state';
import { ARC_INVOICE_AT_DELIVERY, ARC_SPECIAL_ARRIVAL } from './state-setup';

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
 * One pass over the arcs: take in the shipments due in t. (The orders due in t reach their
 * supplier at the start of its ship step: see shipOrders.) Hot loop: indexes the memory blocks.
 */
export function receiveArcs(st: SimState): void {
  const F = st.F;
  const I = st.I;
  const A = st.net.nArcs;
  const t = st.t;
  const measured = t >= st.measureFrom;
  const book = st.book;
  const iCount = st.bookAt.count;
  const iStart = st.bookAt.start;
  const iHead = st.bookAt.head;
  const fHeadBase = st.bookAt.headBase;
  const oRing = st.at.ring;
  const toOrderRing = st.at.orderRing - oRing;
  const iRingAt = st.at.arcRingAt;
  const iMask = st.at.arcRingMask;
  const iFlags = st.at.arcFlagsI;
  const iTo = st.at.arcToI;
  const iKind = st.at.nodeKindI;
  const iAge = st.at.arcAgeI;
  const iRecordless = st.at.recordless;
  const iPair = st.at.arcPairI;
  const iSeller = st.at.pairSellerI;
  const iBuyer = st.at.pairBuyerI;
  const fTransit = st.at.arcInTransit;
  const fTransitIn = st.at.inTransitIn;
  const fReceived = st.at.receivedNow;
  const fDelivered = st.at.deliveredCum;
  const fOnHand = st.at.onHand;
  const fOutstanding = st.at.outstanding;
  const fPrice = st.at.arcPriceF;
  const fValue = st.at.arcValueF;
  const fPairInvoice = st.at.pairInvoice;
  const fRevenue = st.accAt.revenue;
  const fCogs = st.accAt.cogs;
  const fPurchases = st.accAt.purchases;
  const fOrdersDelivered = st.accAt.ordersDelivered;
  const fOrdersAge = st.accAt.ordersDeliveredAge;
  for (let a = 0; a < A; a++) {
    const slot = I[iRingAt + a] + (t & I[iMask + a]);
    const x = F[slot];
    if (x === 0) continue;
    const flags = I[iFlags + a];
    if (flags & ARC_SPECIAL_ARRIVAL) { arrive(st, a, slot - oRing); continue; }
    // The common arrival: in transit → on hand (a sink consumes it), orders delivered.
    if (flags & ARC_INVOICE_AT_DELIVERY) {
      // invoiceArc, inlined.
      const pair = I[iPair + a];
      const amount = x * F[fPrice + a];
      F[fPairInvoice + pair] += amount;
      if (measured) {
        const seller = I[iSeller + pair];
        F[fRevenue + seller] += amount;
        F[fCogs + seller] += x * F[fValue + a];
        F[fPurchases + I[iBuyer + pair]] += amount;
      }
    }
    F[slot] = 0;
    const to = I[iTo + a];
    F[fTransit + a] -= x;
    F[fTransitIn + to] -= x;
    F[fReceived + to] += x;
    const delivered = F[fDelivered + a] + x;
    F[fDelivered + a] = delivered;
    const unrecorded = F[slot + toOrderRing];
    if (unrecorded > 0) {
      // An order without a record (deferred-orders.ts), alone in its slot: delivered lead time +
      // information lag after it was placed.
      I[iRecordless + a]--;
      F[fOrdersDelivered + to]++;
      F[fOrdersAge + to] += I[iAge + a];
      F[fHeadBase + a] += unrecorded;
      F[slot + toOrderRing] = 0;
    } else if (I[iCount + a] > 0 && F[fHeadBase + a] + book.qty[I[iStart + a] + I[iHead + a]] <= delivered + 1e-9 * (1 + delivered)) popDelivered(st, a);
    if (I[iKind + to] !== NODE_SINK) {
      F[fOnHand + to] += x;
      F[fOutstanding + to] -= x;
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
