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
  const F = st.F;
  const I = st.I;
  const t = st.t;
  const measured = t >= st.measureFrom;
  const first = t === st.measureFrom;
  const N = st.net.nNodes;
  const node = st.series.node;
  const row = (t - 1) * st.series.nodes;
  const column = st.seriesColumn;
  // The node series are views of one Float32Array S (series-store.ts): index S directly.
  const S = st.seriesBlock;
  const sOnHand = node ? (node.onHand.byteOffset >> 2) + row : 0;
  const sBackorders = node ? (node.backorders.byteOffset >> 2) + row : 0;
  const sTransit = node ? (node.inTransit.byteOffset >> 2) + row : 0;
  const sOrdered = node ? (node.ordered.byteOffset >> 2) + row : 0;
  const sDemand = node ? (node.demand.byteOffset >> 2) + row : 0;
  const sShipped = node ? (node.shipped.byteOffset >> 2) + row : 0;
  const sReceived = node ? (node.received.byteOffset >> 2) + row : 0;
  // Per-site on hand and backorders (series mode 'sites'): summed over the site's stock nodes.
  const site = st.series.site;
  const siteRow = site ? (t - 1) * (st.series.sites ?? 0) : 0;
  const iKind = st.at.nodeKindI;
  const iParty = st.at.nodePartyI;
  const iSite = st.at.nodeSiteI;
  const iProduct = st.at.nodeProductI;
  const fHolding = st.at.nodeHoldingF;
  const fOrderCost = st.at.nodeOrderCostF;
  const fCost = st.at.partyCostNow;
  const fOnHand = st.at.onHand;
  const fTransit = st.at.inTransitIn;
  const fOrdered = st.at.orderedNow;
  const fObs = st.at.obs;
  const fShipped = st.at.shippedNow;
  const fReceived = st.at.receivedNow;
  const fDemand = st.at.demandNow;
  const fLost = st.at.lostNow;
  const fBacklog = st.at.backlog;
  const fCustBacklog = st.at.custBacklog;
  const fSinkBacklog = st.at.sinkBacklog;
  const fProductCust = st.at.productCustNow;
  const fSiteOrd = st.at.siteOrdNow;
  const fSiteObs = st.at.siteObsNow;
  const fSiteCust = st.at.siteCustNow;
  const fSumOnHand = st.accAt.sumOnHand;
  const fSumBacklog = st.accAt.sumBacklog;
  const fSumCustBacklog = st.accAt.sumCustBacklog;
  const fSumTransit = st.accAt.sumInTransitIn;
  const fOrderedQty = st.accAt.orderedQty;
  const fAccShipped = st.accAt.shipped;
  const fStockouts = st.accAt.stockoutPeriods;
  const fOrderCount = st.accAt.orderCount;
  const fOrdTri = st.accAt.ordShiftSums;
  const fObsTri = st.accAt.obsShiftSums;
  let tOnHand = 0; let tBacklog = 0; let tTransit = 0; let tOrdered = 0; let tDemand = 0; let tShipped = 0; let tLost = 0;
  for (let k = 0; k < N; k++) {
    const transit = F[fTransit + k];
    tTransit += transit;
    if (I[iKind + k] === NODE_SINK) {
      // A customer without stock: only goods travelling to it, and its end-customer demand.
      if (measured) F[fSumTransit + k] += transit;
      const c = column[k];
      if (node && c >= 0) { S[sTransit + c] = transit; S[sDemand + c] = F[fDemand + k]; S[sReceived + c] = F[fReceived + k]; }
      F[fDemand + k] = 0;
      F[fReceived + k] = 0;
      continue;
    }
    const onHand = F[fOnHand + k];
    const backlog = F[fBacklog + k] + F[fCustBacklog + k];
    const ordered = F[fOrdered + k];
    const obs = F[fObs + k];
    const shipped = F[fShipped + k];
    const lost = F[fLost + k];
    const party = I[iParty + k];
    F[fCost + party] += onHand * F[fHolding + k];
    if (ordered > 0) {
      F[fCost + party] += F[fOrderCost + k];
      if (measured) F[fOrderCount + k]++;
    }
    if (measured) {
      F[fSumOnHand + k] += onHand;
      F[fSumBacklog + k] += backlog;
      F[fSumCustBacklog + k] += F[fSinkBacklog + k] + F[fCustBacklog + k];
      F[fSumTransit + k] += transit;
      F[fOrderedQty + k] += ordered;
      F[fAccShipped + k] += shipped;
      if (backlog > 0 || lost > 0) F[fStockouts + k]++;
      // [shift, Σ, Σ²] of orders and of demand received (addShifted, inlined).
      const j = 3 * k;
      if (first) { F[fOrdTri + j] = ordered; F[fObsTri + j] = obs; }
      const dOrd = ordered - F[fOrdTri + j];
      const dObs = obs - F[fObsTri + j];
      F[fOrdTri + j + 1] += dOrd; F[fOrdTri + j + 2] += dOrd * dOrd;
      F[fObsTri + j + 1] += dObs; F[fObsTri + j + 2] += dObs * dObs;
      const s = I[iSite + k];
      F[fSiteOrd + s] += ordered;
      F[fSiteObs + s] += obs;
      F[fSiteCust + s] += F[fProductCust + I[iProduct + k]];
    }
    const c = column[k];
    if (node && c >= 0) {
      S[sOnHand + c] = onHand;
      S[sBackorders + c] = backlog;
      S[sTransit + c] = transit;
      S[sOrdered + c] = ordered;
      S[sDemand + c] = obs;
      S[sShipped + c] = shipped;
      S[sReceived + c] = F[fReceived + k];
    }
    if (site) {
      const s = siteRow + I[iSite + k];
      site.onHand[s] += onHand;
      site.backorders[s] += backlog;
    }
    tOnHand += onHand; tBacklog += backlog; tOrdered += ordered; tDemand += obs; tShipped += shipped; tLost += lost;
    F[fOrdered + k] = 0; F[fObs + k] = 0; F[fShipped + k] = 0; F[fLost + k] = 0; F[fDemand + k] = 0; F[fReceived + k] = 0;
  }
  accountArcs(st, measured);
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

/**
 * Pipeline holding cost and consignment stock on the arcs that carry them. (Each arc's units in
 * transit at the end of the period and its series are recorded by the ship step, when its origin
 * has shipped: closeArcs.)
 */
function accountArcs(st: SimState, measured: boolean): void {
  const net = st.net;
  const holding = net.pipelineHolding;
  const arcs = st.arcTracked;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i];
    const x = st.arcInTransit[a];
    if (holding && x > 0) st.partyCostNow[net.arcTransitOwner[a]] += x * net.arcTransitHolding[a];
    if (measured) st.acc.arcConsigned[a] += st.consigned[a];
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
