/**
 * Step 4 of a period: serve end-customer demand at stock nodes (customers or retailers holding
 * stock). Backordered demand is served first, then the period's demand, from on-hand stock; what
 * is left is backordered, or lost under settings.unmetDemand = lost. Served units are delivered
 * to the end customer: they may come back as returns and, when the site's owner is a company,
 * are sold to the end customer at the price for end customers.
 */
import { consumeConsigned, invoice } from './finance-flow';
import { scheduleReturns } from './returns-flow';
import type { SimState } from './state';

export function serveDemand(st: SimState): void {
  const net = st.net;
  const acc = st.acc;
  const measured = st.t >= st.measureFrom;
  const nodes = st.stockDemandNodes;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    const fresh = st.demandNow[k];
    const old = st.custBacklog[k];
    const need = old + fresh;
    if (need === 0) continue;
    const served = st.onHand[k] < need ? st.onHand[k] : need;
    st.onHand[k] -= served;
    const filled = served > old ? served - old : 0;
    let rest = need - served;
    if (net.lostSales && rest > 0) {
      st.lostNow[k] += rest;
      if (measured) acc.lostSales[k] += rest;
      rest = 0;
    }
    st.custBacklog[k] = rest;
    st.obs[k] += fresh;
    st.shippedNow[k] += served;
    st.custFilledNow += filled;
    if (measured) {
      acc.demandArrived[k] += fresh;
      acc.filledOnArrival[k] += filled;
      acc.custDemand[k] += fresh;
      acc.custFilled[k] += filled;
      acc.served[k] += served;
    }
    if (served > 0) {
      if (net.nodeConsignedIn[k]) consumeConsigned(st, k, served);
      if (net.nodeServePair[k] >= 0) invoice(st, net.nodeServePair[k], served, net.nodeServePrice[k], net.nodeValue[k]);
      if (net.retStart[k] !== net.retStart[k + 1]) scheduleReturns(st, k, served);
    }
  }
}
