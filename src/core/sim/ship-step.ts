/**
 * Step 3 of a period: ship, upstream first (net.shipOrder). Every node with orders waiting (its backlog plus the orders that
 * reached it this period) fills them from on-hand stock: all of them when stock and lane
 * capacities allow (the common case, no ordering needed), else by the allocation rule. Then,
 * per arc, the KPIs of the period's new orders: the units filled at once (fill rate), orders not
 * completely filled in their arrival period ("late"), and under lost sales the unfilled part of
 * end-customer orders is cancelled.
 */
import { allocate } from './allocation';
import { materializeArc, materializeNode } from './deferred-orders';
import { ALLOC_PRIORITY, NODE_SOURCE } from './network';
import { ORDER_CANCELLED } from './order-book';
import { invoiceArc } from './finance-flow';
import { arriveNow, popDelivered } from './receive-step';
import { shipOnArc } from './shipment';
import type { SimState } from './state';
import { ARC_INVOICE_AT_DELIVERY, ARC_INVOICE_AT_SHIPMENT, ARC_SPECIAL_ARRIVAL, ARC_SPECIAL_SHIPMENT, ARC_TO_SINK } from './state-setup';

const EPS = 1e-9;

export function shipOrders(st: SimState): void {
  const F = st.F;
  const I = st.I;
  const t = st.t;
  const measured = t >= st.measureFrom;
  const sameOrder = st.net.allocation !== ALLOC_PRIORITY;
  const book = st.book;
  const oRing = st.at.ring;
  const toOrderRing = st.at.orderRing - oRing;
  const iOrder = st.at.shipOrderI;
  const nOrder = st.shipOrderI.length;
  const iOutStart = st.at.outStartI;
  const iOut = st.at.outArcsI;
  const iByIndex = st.at.outArcsByIndex;
  const iTo = st.at.arcToI;
  const iLead = st.at.arcLeadI;
  const iFlags = st.at.arcFlagsI;
  const iRingAt = st.at.arcRingAt;
  const iRingMask = st.at.arcRingMask;
  const iInfoAt = st.at.arcInfoAt;
  const iInfoMask = st.at.arcInfoMask;
  const iPipeline = st.at.pipelineUntil;
  const iRecordless = st.at.recordless;
  const iKind = st.at.nodeKindI;
  const iParty = st.at.nodePartyI;
  const iPair = st.at.arcPairI;
  const iSeller = st.at.pairSellerI;
  const iBuyer = st.at.pairBuyerI;
  const fArrived = st.at.arrivedCum;
  const fShipped = st.at.shippedCum;
  const fDelivered = st.at.deliveredCum;
  const fArrivedNow = st.at.arrivedNow;
  const fPending = st.at.pendingOrder;
  const fTransit = st.at.arcInTransit;
  const fTransitIn = st.at.inTransitIn;
  const fShippedNowArc = st.at.arcShippedNow;
  const fArcShipped = st.accAt.arcShipped;
  const fCost = st.at.arcCostF;
  const fPrice = st.at.arcPriceF;
  const fValue = st.at.arcValueF;
  const fPairInvoice = st.at.pairInvoice;
  const fRevenue = st.accAt.revenue;
  const fCogs = st.accAt.cogs;
  const fPurchases = st.accAt.purchases;
  const fObs = st.at.obs;
  const fDemandArrived = st.accAt.demandArrived;
  const fCustDemand = st.accAt.custDemand;
  const fReceived = st.at.receivedNow;
  const fOrdersDelivered = st.accAt.ordersDelivered;
  const fOnHand = st.at.onHand;
  const fShippedNow = st.at.shippedNow;
  const fPartyCost = st.at.partyCostNow;
  const fFilled = st.accAt.filledOnArrival;
  const fCustFilled = st.accAt.custFilled;
  const fBacklog = st.at.backlog;
  const fSinkBacklog = st.at.sinkBacklog;
  for (let n = 0; n < nOrder; n++) {
    const k = I[iOrder + n];
    const start = I[iOutStart + k];
    const end = I[iOutStart + k + 1];
    // The orders due in t reach k (receiveOrders, inlined), in arc order; then what waits.
    let waiting = 0;
    let deferred = false;
    for (let i = start; i < end; i++) {
      const a = I[iByIndex + i];
      const islot = I[iInfoAt + a] + (t & I[iInfoMask + a]);
      const q = F[islot];
      F[fArrivedNow + a] = q;
      if (q !== 0) {
        F[islot] = 0;
        F[fArrived + a] += q;
        F[fObs + k] += q;
        if (measured) {
          F[fDemandArrived + k] += q;
          if (I[iFlags + a] & ARC_TO_SINK) F[fCustDemand + k] += q;
        }
      }
      if (sameOrder) waiting += F[fArrived + a] - F[fShipped + a];
      if (F[fPending + a] > 0) deferred = true;
    }
    if (!sameOrder) for (let i = start; i < end; i++) { const a = I[iOut + i]; waiting += F[fArrived + a] - F[fShipped + a]; }
    if (!(waiting > EPS)) {
      // Nothing waiting, so nothing arrived either (but a tiny order may: it keeps its record).
      if (deferred) materializeNode(st, k);
      F[fBacklog + k] = 0;
      F[fSinkBacklog + k] = 0;
      continue;
    }
    const source = I[iKind + k] === NODE_SOURCE;
    const avail = source ? Number.POSITIVE_INFINITY : F[fOnHand + k];
    if (!(waiting <= avail) || st.net.nodeCapOut[k]) {
      // Short of stock or of lane capacity: the allocation rule decides.
      if (deferred) materializeNode(st, k);
      const shipped = allocate(st, k, avail);
      if (!source) {
        const left = F[fOnHand + k] - shipped;
        F[fOnHand + k] = left > EPS ? left : 0;
      }
      settleArcs(st, k, start, end);
      continue;
    }
    // Enough stock and no lane capacity: every waiting order ships in full, so every new one is filled at once.
    let inline = 0;
    let cost = 0;
    let fresh = 0;
    let freshCustomer = 0;
    for (let i = start; i < end; i++) {
      const a = I[iOut + i];
      const flags = I[iFlags + a];
      const r = F[fArrived + a] - F[fShipped + a];
      if (r > 0) {
        const lead = I[iLead + a];
        const pending = F[fPending + a];
        if (flags & ARC_SPECIAL_SHIPMENT) shipOnArc(st, a, r);
        else if (pending > 0 && (lead === 0 || t + lead > I[iPipeline + a])) {
          // The arc's only waiting order, without a record (deferred-orders.ts), ships in full.
          const to = I[iTo + a];
          F[fShipped + a] += r;
          if (lead === 0) {
            // Delivered at once: age 0.
            F[fDelivered + a] += r;
            F[fReceived + to] += r;
            if (flags & (ARC_INVOICE_AT_SHIPMENT | ARC_INVOICE_AT_DELIVERY)) {
              const pair = I[iPair + a];
              const amount = r * F[fPrice + a];
              F[fPairInvoice + pair] += amount;
              if (measured) {
                const seller = I[iSeller + pair];
                F[fRevenue + seller] += amount;
                F[fCogs + seller] += r * F[fValue + a];
                F[fPurchases + I[iBuyer + pair]] += amount;
              }
            }
            F[fOrdersDelivered + to]++;
            book.headBase[a] += pending;
          } else {
            const slot = I[iRingAt + a] + ((t + lead) & I[iRingMask + a]);
            F[slot] += r;
            F[slot + toOrderRing] = pending;
            I[iRecordless + a]++;
            F[fTransit + a] += r;
            F[fTransitIn + to] += r;
            if (flags & ARC_INVOICE_AT_SHIPMENT) invoiceArcAt(st, a, r);
          }
          F[fPending + a] = 0;
          cost += r * F[fCost + a];
          inline += r;
          F[fShippedNowArc + a] += r;
          if (measured) F[fArcShipped + a] += r;
        } else if (lead === 0 && (flags & ARC_TO_SINK) && !(flags & ARC_SPECIAL_ARRIVAL)) {
          // Lead time 0 into a customer without stock: delivered at once (nothing downstream can
          // act on it within the period, so this equals arriving at the end of the ship step).
          if (pending > 0) materializeArc(st, a);
          F[fShipped + a] += r;
          const delivered = F[fDelivered + a] + r;
          F[fDelivered + a] = delivered;
          F[fReceived + I[iTo + a]] += r;
          if (flags & (ARC_INVOICE_AT_SHIPMENT | ARC_INVOICE_AT_DELIVERY)) invoiceArcAt(st, a, r);
          if (book.count[a] > 0 && book.headBase[a] + book.qty[book.start[a] + book.head[a]] <= delivered + 1e-9 * (1 + delivered)) popDelivered(st, a);
          cost += r * F[fCost + a];
          inline += r;
          F[fShippedNowArc + a] += r;
          if (measured) F[fArcShipped + a] += r;
        } else {
          if (pending > 0) materializeArc(st, a);
          F[fShipped + a] += r;
          const slot = I[iRingAt + a] + ((t + lead) & I[iRingMask + a]);
          F[slot] += r;
          F[fTransit + a] += r;
          F[fTransitIn + I[iTo + a]] += r;
          cost += r * F[fCost + a];
          inline += r;
          F[fShippedNowArc + a] += r;
          if (measured) F[fArcShipped + a] += r;
          if (flags & ARC_INVOICE_AT_SHIPMENT) invoiceArcAt(st, a, r);
          if (lead === 0) arriveNow(st, a, slot - oRing);
        }
      }
      const f = F[fArrivedNow + a];
      if (f > 0) {
        fresh += f;
        if (flags & ARC_TO_SINK) freshCustomer += f;
      }
    }
    F[fShippedNow + k] += inline;
    F[fPartyCost + I[iParty + k]] += cost;
    if (!source) {
      const left = F[fOnHand + k] - waiting;
      F[fOnHand + k] = left > EPS ? left : 0;
    }
    st.custFilledNow += freshCustomer;
    if (measured) {
      F[fFilled + k] += fresh;
      F[fCustFilled + k] += freshCustomer;
    }
    F[fBacklog + k] = 0;
    F[fSinkBacklog + k] = 0;
  }
}

/** invoiceArc for a quantity in hand (through a scratch slot: no boxed number crosses the call). */
function invoiceArcAt(st: SimState, a: number, x: number): void {
  st.orderDraw[0] = x;
  invoiceArc(st, a, st.orderDraw, 0);
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
