/**
 * Step 3 of a period: ship, upstream first (net.shipOrder). Every node with orders waiting (its backlog plus the orders that
 * reached it this period) fills them from on-hand stock: all of them when stock and lane
 * capacities allow (the common case, no ordering needed), else by the allocation rule. Then,
 * per arc, the KPIs of the period's new orders: the units filled at once (fill rate), orders not
 * completely filled in their arrival period ("late"), and under lost sales the unfilled part of
 * end-customer orders is cancelled.
 */
import { allocate } from './allocation';
import { NODE_SOURCE } from './network';
import { ORDER_CANCELLED } from './order-book';
import { invoiceArc } from './finance-flow';
import { arriveNow, popDelivered } from './receive-step';
import { shipOnArc } from './shipment';
import type { SimState } from './state';

const EPS = 1e-9;

export function shipOrders(st: SimState): void {
  const net = st.net;
  const outStart = net.outStart;
  const outArcs = net.outArcs;
  const arcTo = net.arcTo;
  const arcLead = net.arcLead;
  const arcCost = net.arcCost;
  const ringStart = net.arcRingStart;
  const ringSize = net.arcRingSize;
  const arrivedCum = st.arrivedCum;
  const shippedCum = st.shippedCum;
  const arrivedNow = st.arrivedNow;
  const ring = st.ring;
  const t = st.t;
  const special = st.arcSpecialShipment;
  const invoiceAt = st.arcInvoiceAt;
  const specialArrival = st.arcSpecialArrival;
  const arcInTransit = st.arcInTransit;
  const inTransitIn = st.inTransitIn;
  const acc = st.acc;
  const measured = st.t >= st.measureFrom;
  const order = net.shipOrder;
  for (let n = 0, N = order.length; n < N; n++) {
    const k = order[n];
    const start = outStart[k];
    const end = outStart[k + 1];
    let waiting = 0;
    for (let i = start; i < end; i++) { const a = outArcs[i]; waiting += arrivedCum[a] - shippedCum[a]; }
    if (!(waiting > EPS)) {
      // Nothing waiting, so nothing arrived either.
      st.backlog[k] = 0;
      st.sinkBacklog[k] = 0;
      continue;
    }
    const source = net.nodeKind[k] === NODE_SOURCE;
    const avail = source ? Number.POSITIVE_INFINITY : st.onHand[k];
    if (waiting <= avail && !net.nodeCapOut[k]) {
      // Enough stock and no lane capacity: every waiting order ships in full, so every new one is filled at once.
      let inline = 0;
      let cost = 0;
      let fresh = 0;
      let freshCustomer = 0;
      for (let i = start; i < end; i++) {
        const a = outArcs[i];
        const r = arrivedCum[a] - shippedCum[a];
        if (r > 0) {
          if (special[a]) shipOnArc(st, a, r);
          else if (arcLead[a] === 0 && net.arcToSink[a] && !specialArrival[a]) {
            // Lead time 0 into a customer without stock: delivered at once (nothing downstream can
            // act on it within the period, so this equals arriving at the end of the ship step).
            shippedCum[a] += r;
            st.deliveredCum[a] += r;
            st.receivedNow[arcTo[a]] += r;
            if (invoiceAt[a] !== 0) { st.orderDraw[0] = r; invoiceArc(st, a, st.orderDraw, 0); }
            const book = st.book;
            if (book.count[a] > 0 && book.headBase[a] + book.qty[book.start[a] + book.head[a]] <= st.deliveredCum[a] + 1e-9 * (1 + st.deliveredCum[a])) popDelivered(st, a);
            cost += r * arcCost[a];
            inline += r;
            if (measured) acc.arcShipped[a] += r;
          } else {
            shippedCum[a] += r;
            const slot = ringStart[a] + ((t + arcLead[a]) & (ringSize[a] - 1));
            ring[slot] += r;
            arcInTransit[a] += r;
            inTransitIn[arcTo[a]] += r;
            cost += r * arcCost[a];
            inline += r;
            if (measured) acc.arcShipped[a] += r;
            if (invoiceAt[a] === 1) { st.orderDraw[0] = r; invoiceArc(st, a, st.orderDraw, 0); }
            if (arcLead[a] === 0) arriveNow(st, a, slot);
          }
        }
        const f = arrivedNow[a];
        if (f > 0) {
          fresh += f;
          if (net.arcToSink[a]) freshCustomer += f;
        }
      }
      st.shippedNow[k] += inline;
      st.partyCostNow[net.nodeParty[k]] += cost;
      if (!source) {
        const left = st.onHand[k] - waiting;
        st.onHand[k] = left > EPS ? left : 0;
      }
      st.custFilledNow += freshCustomer;
      if (measured) {
        acc.filledOnArrival[k] += fresh;
        acc.custFilled[k] += freshCustomer;
      }
      st.backlog[k] = 0;
      st.sinkBacklog[k] = 0;
      continue;
    }
    const shipped = allocate(st, k, avail);
    if (!source) {
      const left = st.onHand[k] - shipped;
      st.onHand[k] = left > EPS ? left : 0;
    }
    settleArcs(st, k, start, end);
  }
}

/** Per-arc bookkeeping after shipping: fill on arrival, late orders, lost sales, backlog. */
function settleArcs(st: SimState, k: number, start: number, end: number): void {
  const net = st.net;
  const acc = st.acc;
  const measured = st.t >= st.measureFrom;
  let backlog = 0;
  let sinkBacklog = 0;
  for (let i = start; i < end; i++) {
    const a = net.outArcs[i];
    let rest = st.arrivedCum[a] - st.shippedCum[a];
    if (rest < EPS) rest = 0;
    const fresh = st.arrivedNow[a];
    const toSink = net.arcToSink[a];
    if (fresh > 0) {
      // FIFO within the arc: what is still waiting comes from the newest orders first.
      const filled = rest >= fresh ? 0 : fresh - rest;
      if (toSink) st.custFilledNow += filled;
      if (measured) {
        acc.filledOnArrival[k] += filled;
        if (toSink) acc.custFilled[k] += filled;
      }
      if (rest > 0) acc.ordersLate[net.arcTo[a]]++;
    }
    if (rest > 0 && toSink && net.lostSales) {
      cancelUnfilled(st, a, rest);
      st.lostNow[k] += rest;
      if (measured) acc.lostSales[k] += rest;
      rest = 0;
    }
    backlog += rest;
    if (toSink) sinkBacklog += rest;
  }
  st.backlog[k] = backlog;
  st.sinkBacklog[k] = sinkBacklog;
}

/** Lost sales: the unshipped part of the arc's arrived orders is cancelled (orders shrink, counts too). */
function cancelUnfilled(st: SimState, a: number, quantity: number): void {
  const book = st.book;
  const shipped = st.shippedCum[a];
  const n = book.count[a];
  let base = book.headBase[a];
  let i = 0;
  while (i < n && base + book.qty[book.slot(a, i)] <= shipped + EPS) { base += book.qty[book.slot(a, i)]; i++; }
  let rest = quantity;
  for (; rest > EPS && i < n; i++) {
    const o = book.slot(a, i);
    const open = base + book.qty[o] - shipped;
    const c = open < rest ? open : rest;
    book.qty[o] -= c;
    if (book.qty[o] < EPS) book.qty[o] = 0;
    book.flags[o] |= ORDER_CANCELLED;
    rest -= c;
    base += book.qty[o];
  }
  st.orderedCum[a] -= quantity;
  st.arrivedCum[a] -= quantity;
  popDelivered(st, a);
}
