/**
 * Step 1 of a period: end-customer demand. Each demand row of period t gives a quantity:
 *   none      the row's quantity;
 *   normal    max(0, q + σ·Z), σ = the row's stdDev or demandCv·q;
 *   poisson   Poisson(q);
 *   bootstrap the quantity of the same customer and product in a period drawn uniformly from 1..T
 *             (0 if that period has no row).
 * At a sink (a customer without stock) the demand becomes orders on its inbound arcs, split by
 * share, that reach the suppliers in t + infoDelay — in this very period when the delay is 0.
 * At a stock node it waits for the serve step.
 */
import { NODE_SINK } from './network';
import { NORMAL_BLOCK } from './rng';
import type { SimState } from './state';

/** Base quantity of demand slot j in period u, by binary search over its rows. */
function baseDemand(st: SimState, j: number, u: number): number {
  const net = st.net;
  let lo = net.bootStart[j];
  let hi = net.bootStart[j + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = net.bootPeriod[mid];
    if (p === u) return net.bootQty[mid];
    if (p < u) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

export function generateDemand(st: SimState): void {
  const net = st.net;
  const t = st.t;
  const rng = st.rng;
  const qty = st.demandDraw;
  if (net.demandVariability === 3) {
    for (let j = 0; j < net.nDemandNodes; j++) {
      qty[0] = baseDemand(st, j, 1 + rng.int(net.periods));
      if (qty[0] > 0) addDemand(st, net.demandNodes[j]);
    }
  } else {
    const variability = net.demandVariability;
    for (let i = net.dStart[t], end = net.dStart[t + 1]; i < end; i++) {
      if (variability === 1) {
        if (rng.normalPos === NORMAL_BLOCK) rng.refillNormals();
        const x = net.dQty[i] + net.dSd[i] * rng.normals[rng.normalPos++];
        qty[0] = x > 0 ? x : 0;
      } else qty[0] = variability === 2 ? rng.poisson(net.dQty[i]) : net.dQty[i];
      if (qty[0] > 0) addDemand(st, net.dNode[i]);
    }
  }
  if (net.informationSharing) propagateSharedDemand(st);
}

/** Adds the drawn quantity st.demandDraw[0] as demand at node k (a typed-array slot: no boxing in the hot loop). */
function addDemand(st: SimState, k: number): void {
  const net = st.net;
  const q = st.demandDraw[0];
  st.demandNow[k] += q;
  st.productCustNow[net.nodeProduct[k]] += q;
  if (net.nodeKind[k] !== NODE_SINK) return;
  const t = st.t;
  for (let i = net.inStart[k], end = net.inStart[k + 1]; i < end; i++) {
    const a = net.inArcs[i];
    const share = net.arcShare[a];
    if (!(share > 0)) continue;
    const qa = q * share;
    st.infoRing[net.arcInfoStart[a] + ((t + net.arcInfo[a]) & (net.arcInfoSize[a] - 1))] += qa;
    st.orderedCum[a] += qa;
    st.demandDraw[1] = qa;
    st.book.pushFrom(a, st.demandDraw, 1, t);
    st.acc.ordersPlaced[k]++;
  }
}

/**
 * Information sharing: each node sees the end-customer demand it will eventually serve,
 *   D̃_k = demand at k + Σ_{arcs k→j} share·D̃_j + Σ_{makers m using k} bom quantity·D̃_m,
 * computed customers-first in one pass.
 */
function propagateSharedDemand(st: SimState): void {
  const net = st.net;
  const shared = st.sharedDemand;
  const order = net.shareOrder;
  for (let i = 0; i < order.length; i++) {
    const k = order[i];
    let d = st.demandNow[k];
    for (let j = net.outStart[k], end = net.outStart[k + 1]; j < end; j++) {
      const a = net.outArcs[j];
      d += net.arcShare[a] * shared[net.arcTo[a]];
    }
    for (let j = st.usedByStart[k], end = st.usedByStart[k + 1]; j < end; j++) d += st.usedByQty[j] * shared[st.usedBy[j]];
    shared[k] = d;
  }
}
