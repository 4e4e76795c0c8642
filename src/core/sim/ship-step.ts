/**
 * Step 3 of a period: ship, upstream first (net.shipOrder). For each shipping node, first the
 * orders due in t reach it (step 2's order arrivals, done here per node, in arc order: nothing
 * between the two steps reads them). Every node with orders waiting (its backlog plus the orders
 * that reached it this period) fills them from on-hand stock: all of them when stock and lane
 * capacities allow (the common case, no ordering needed), else by the allocation rule. Then,
 * per arc, the KPIs of the period's new orders: the units filled at once (fill rate), orders not
 * completely filled in their arrival period ("late"), and under lost sales the unfilled part of
 * end-customer orders is cancelled; finally the node's outbound arcs are closed for the period
 * (closeArcs). Hot loop: indexes the memory blocks F and I (memory-arena.ts) at the offsets in
 * st.at, st.accAt and st.bookAt.
 */
import { allocate } from './allocation';
import { materializeArc, materializeNode } from './deferred-orders';
import { ALLOC_PRIORITY, NODE_SOURCE } from './network';
import { invoiceArc } from './finance-flow';
import { arriveNow, popDelivered } from './receive-step';
import { closeArcs, settleArcs } from './ship-settle';
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
  const capOut = st.net.nodeCapOut;
  const book = st.book;
  const iCount = st.bookAt.count;
  const iStart = st.bookAt.start;
  const iHead = st.bookAt.head;
  const fHeadBase = st.bookAt.headBase;
  const oRing = st.at.ring;
  const toOrderRing = st.at.orderRing - oRing;
  const toInfoFlag = st.at.infoRecordless - st.at.infoRing;
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
  const iInfoStage = st.at.infoStage;
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
  const fAccTransit = st.accAt.arcTransit;
  // Per-arc series: views of one Float32Array (series-store.ts), row of period t.
  const arcSeries = st.series.arc;
  const S = st.seriesBlock;
  const column = st.at.arcSeriesColumn;
  const row = (t - 1) * st.series.arcs;
  const sShipped = arcSeries ? (arcSeries.shipped.byteOffset >> 2) + row : 0;
  const sTransit = arcSeries ? (arcSeries.inTransit.byteOffset >> 2) + row : 0;
  for (let n = 0; n < nOrder; n++) {
    const k = I[iOrder + n];
    const start = I[iOutStart + k];
    const end = I[iOutStart + k + 1];
    // The orders due in t reach k (step 2's order arrivals), in arc order; then what waits.
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
        // An order without a record (deferred-orders.ts) reaches its supplier: it waits as pendingOrder.
        if (I[islot + toInfoFlag] !== 0) { I[islot + toInfoFlag] = 0; I[iInfoStage + a]--; F[fPending + a] = q; }
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
      closeArcs(st, start, end, measured, sShipped, sTransit);
      continue;
    }
    const source = I[iKind + k] === NODE_SOURCE;
    const avail = source ? Number.POSITIVE_INFINITY : F[fOnHand + k];
    if (!(waiting <= avail) || capOut[k]) {
      // Short of stock or of lane capacity: the allocation rule decides.
      if (deferred) materializeNode(st, k);
      const shipped = allocate(st, k, avail);
      if (!source) {
        const left = F[fOnHand + k] - shipped;
        F[fOnHand + k] = left > EPS ? left : 0;
      }
      settleArcs(st, k, start, end);
      closeArcs(st, start, end, measured, sShipped, sTransit);
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
        else if (pending > 0 && (lead === 0 ? t >= I[iPipeline + a] : t + lead > I[iPipeline + a])) {
          // The arc's only waiting order, without a record (deferred-orders.ts), ships in full. (The
          // initial pipeline comes first in the arc's cumulative counts: an order counts as
          // delivered only once the pipeline has arrived, and travels alone in its ring slot.)
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
            F[fHeadBase + a] += pending;
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
          if (I[iCount + a] > 0 && F[fHeadBase + a] + book.qty[I[iStart + a] + I[iHead + a]] <= delivered + 1e-9 * (1 + delivered)) popDelivered(st, a);
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
      // closeArcs, inlined: the arc's end-of-period in transit and series are final now.
      const x = F[fTransit + a];
      if (measured) F[fAccTransit + a] += x;
      if (arcSeries) {
        const c = I[column + a];
        if (c >= 0) { S[sShipped + c] = F[fShippedNowArc + a]; S[sTransit + c] = x; }
      }
      F[fShippedNowArc + a] = 0;
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
