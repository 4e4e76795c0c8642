/**
 * Step 7 of a period: account. Holding cost on end-of-period stock (h · on hand, and with
 * pipelineHolding h · in transit for the party owning it) and ordering cost (K per period with an
 * order or production start) are paid by the owning party; then finance settles (invoices,
 * early and due payments). Every measured period adds to the KPI sums; the time series get the
 * period's values; per-period scratch values are reset.
 */
import { addShifted } from './accumulators';
import { settlePeriod } from './finance-flow';
import { NODE_SINK } from './network';
import type { SimState } from './state';

export function accountPeriod(st: SimState): void {
  const net = st.net;
  const acc = st.acc;
  const t = st.t;
  const measured = t >= st.measureFrom;
  const first = t === st.measureFrom;
  const N = net.nNodes;
  const node = st.series.node;
  const row = (t - 1) * st.series.nodes;
  const column = st.seriesColumn;
  const cost = st.partyCostNow;
  const kind = net.nodeKind;
  const onHandA = st.onHand;
  const transitA = st.inTransitIn;
  const orderedA = st.orderedNow;
  const obsA = st.obs;
  const shippedA = st.shippedNow;
  let tOnHand = 0; let tBacklog = 0; let tTransit = 0; let tOrdered = 0; let tDemand = 0; let tShipped = 0; let tLost = 0;
  for (let k = 0; k < N; k++) {
    const transit = transitA[k];
    tTransit += transit;
    if (kind[k] === NODE_SINK) {
      // A customer without stock: only goods travelling to it, and its end-customer demand.
      if (measured) acc.sumInTransitIn[k] += transit;
      if (node && column[k] >= 0) {
        const i = row + column[k];
        node.inTransit[i] = transit; node.demand[i] = st.demandNow[k]; node.received[i] = st.receivedNow[k];
      }
      st.demandNow[k] = 0;
      st.receivedNow[k] = 0;
      continue;
    }
    const onHand = onHandA[k];
    const backlog = st.backlog[k] + st.custBacklog[k];
    const ordered = orderedA[k];
    const obs = obsA[k];
    const shipped = shippedA[k];
    const lost = st.lostNow[k];
    const party = net.nodeParty[k];
    cost[party] += onHand * net.nodeHolding[k];
    if (ordered > 0) {
      cost[party] += net.nodeOrderCost[k];
      if (measured) acc.orderCount[k]++;
    }
    if (measured) {
      acc.sumOnHand[k] += onHand;
      acc.sumBacklog[k] += backlog;
      acc.sumCustBacklog[k] += st.sinkBacklog[k] + st.custBacklog[k];
      acc.sumInTransitIn[k] += transit;
      acc.orderedQty[k] += ordered;
      acc.shipped[k] += shipped;
      if (backlog > 0 || lost > 0) acc.stockoutPeriods[k]++;
      // [shift, Σ, Σ²] of orders and of demand received (addShifted, inlined).
      const j = 3 * k;
      const ordTri = acc.ordShiftSums;
      const obsTri = acc.obsShiftSums;
      if (first) { ordTri[j] = ordered; obsTri[j] = obs; }
      const dOrd = ordered - ordTri[j];
      const dObs = obs - obsTri[j];
      ordTri[j + 1] += dOrd; ordTri[j + 2] += dOrd * dOrd;
      obsTri[j + 1] += dObs; obsTri[j + 2] += dObs * dObs;
      const s = net.nodeSite[k];
      st.siteOrdNow[s] += ordered;
      st.siteObsNow[s] += obs;
      st.siteCustNow[s] += st.productCustNow[net.nodeProduct[k]];
    }
    if (node && column[k] >= 0) {
      const i = row + column[k];
      node.onHand[i] = onHand;
      node.backorders[i] = backlog;
      node.inTransit[i] = transit;
      node.ordered[i] = ordered;
      node.demand[i] = obs;
      node.shipped[i] = shipped;
      node.received[i] = st.receivedNow[k];
    }
    tOnHand += onHand; tBacklog += backlog; tOrdered += ordered; tDemand += obs; tShipped += shipped; tLost += lost;
    orderedA[k] = 0; obsA[k] = 0; shippedA[k] = 0; st.lostNow[k] = 0; st.demandNow[k] = 0; st.receivedNow[k] = 0;
  }
  if (st.arcTracked.length > 0) accountArcs(st, measured);
  if (measured) accountBullwhip(st, first);
  const total = st.series.total;
  const ti = t - 1;
  total.onHand[ti] = tOnHand; total.backorders[ti] = tBacklog; total.inTransit[ti] = tTransit;
  total.ordered[ti] = tOrdered; total.demand[ti] = tDemand; total.shipped[ti] = tShipped; total.lostSales[ti] = tLost;
  let custDemand = 0;
  for (let p = 0; p < st.productCustNow.length; p++) { custDemand += st.productCustNow[p]; st.productCustNow[p] = 0; }
  total.customerDemand[ti] = custDemand;
  total.customerFilled[ti] = st.custFilledNow;
  st.custFilledNow = 0;
  settlePeriod(st);
  accountParties(st, measured);
}

/** In-transit stock of the arcs that cross parties (ownership) or carry pipeline holding cost. */
function accountArcs(st: SimState, measured: boolean): void {
  const net = st.net;
  const holding = net.pipelineHolding;
  const arcs = st.arcTracked;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i];
    const x = st.arcInTransit[a];
    if (holding && x > 0) st.partyCostNow[net.arcTransitOwner[a]] += x * net.arcTransitHolding[a];
    if (measured) {
      st.acc.arcTransit[a] += x;
      st.acc.arcConsigned[a] += st.consigned[a];
    }
  }
}

function accountBullwhip(st: SimState, first: boolean): void {
  const net = st.net;
  const acc = st.acc;
  let totalCust = 0;
  for (let p = 0; p < st.productCustNow.length; p++) {
    addShifted(acc.productCust, p, st.productCustNow[p], first);
    totalCust += st.productCustNow[p];
  }
  addShifted(acc.totalCust, 0, totalCust, first);
  const S = st.siteOrdNow.length;
  for (let s = 0; s < S; s++) {
    addShifted(acc.siteOrd, s, st.siteOrdNow[s], first);
    addShifted(acc.siteObs, s, st.siteObsNow[s], first);
    addShifted(acc.siteCust, s, st.siteCustNow[s], first);
    const e = net.siteEchelon[s];
    if (e >= 0) st.echelonOrdNow[e] += st.siteOrdNow[s];
    st.siteOrdNow[s] = 0; st.siteObsNow[s] = 0; st.siteCustNow[s] = 0;
  }
  for (let e = 0; e < st.echelonOrdNow.length; e++) {
    addShifted(acc.echelonOrd, e, st.echelonOrdNow[e], first);
    st.echelonOrdNow[e] = 0;
  }
  acc.measured++;
}

function accountParties(st: SimState, measured: boolean): void {
  const net = st.net;
  const acc = st.acc;
  const party = st.series.party;
  const row = (st.t - 1) * net.nParties;
  for (let q = 0; q < net.nParties; q++) {
    if (measured) {
      acc.sumCash[q] += st.cash[q];
      acc.sumReceivables[q] += st.receivables[q];
      acc.sumPayables[q] += st.payables[q];
      if (st.cash[q] < acc.minCash[q]) acc.minCash[q] = st.cash[q];
    }
    if (party) {
      party.cash[row + q] = st.cash[q];
      party.receivables[row + q] = st.receivables[q];
      party.payables[row + q] = st.payables[q];
    }
  }
}
