/**
 * Starting production at a plant node: the policy's quantity q is cut to the capacity and to
 * what the components on hand allow, x = min(q, capacity, min_c onHand_c / bom_c). Components
 * are consumed at once (x · bom_c each); the wanted consumption min(q, capacity) · bom_c counts
 * as demand received by the component's node (what it did not get is its shortfall). The output
 * completes in t + 1 + leadTime. Production cost x · cost is paid now.
 */
import { consumeConsigned } from './finance-flow';
import type { SimState } from './state';

/** Starts production of node k's decided quantity (st.decided[k]). */
export function startProduction(st: SimState, k: number): void {
  const net = st.net;
  const q = st.decided[k];
  const cap = net.prodCapacity[k];
  const wanted = q < cap ? q : cap;
  if (!(wanted > 0)) return;
  let x = wanted;
  const b0 = net.bomStart[k];
  const b1 = net.bomStart[k + 1];
  for (let i = b0; i < b1; i++) {
    const per = net.bomQty[i];
    if (per > 0) {
      const most = st.onHand[net.bomComponent[i]] / per;
      if (most < x) x = most;
    }
  }
  const measured = st.t >= st.measureFrom;
  for (let i = b0; i < b1; i++) {
    const c = net.bomComponent[i];
    const use = x * net.bomQty[i];
    st.onHand[c] -= use;
    if (st.onHand[c] < 1e-9) st.onHand[c] = 0;
    st.obs[c] += wanted * net.bomQty[i];
    st.shippedNow[c] += use;
    if (measured) {
      st.acc.demandArrived[c] += wanted * net.bomQty[i];
      st.acc.filledOnArrival[c] += use;
    }
    if (use > 0 && net.nodeConsignedIn[c]) consumeConsigned(st, c, use);
  }
  if (!(x > 0)) return;
  st.wip[net.wipStart[k] + ((st.t + 1 + net.prodLead[k]) % net.wipSize[k])] += x;
  st.outstanding[k] += x;
  st.orderedNow[k] += x;
  st.partyCostNow[net.nodeParty[k]] += x * net.prodCost[k];
  if (measured) st.acc.produced[k] += x;
}
