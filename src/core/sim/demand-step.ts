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
import { materializeArc } from './deferred-orders';
import { NODE_SINK } from './network';
import { NORMAL_BLOCK } from './rng';
import type { SimState } from './state';
import { ARC_DEFERRABLE } from './state-setup';

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
  if (net.demandVariability === 3) {
    for (let j = 0; j < net.nDemandNodes; j++) {
      const q = baseDemand(st, j, 1 + rng.int(net.periods));
      if (q > 0) addDemand(st, net.demandNodes[j], q);
    }
  } else {
    const variability = net.demandVariability;
    const dQty = net.dQty;
    const dSd = net.dSd;
    const dNode = net.dNode;
    const normals = rng.normals;
    for (let i = net.dStart[t], end = net.dStart[t + 1]; i < end; i++) {
      let q: number;
      if (variability === 1) {
        if (rng.normalPos === NORMAL_BLOCK) rng.refillNormals();
        const x = dQty[i] + dSd[i] * normals[rng.normalPos++];
        q = x > 0 ? x : 0;
      } else q = variability === 2 ? rng.poisson(dQty[i]) : dQty[i];
      if (q > 0) addDemand(st, dNode[i], q);
    }
  }
  if (net.informationSharing) propagateSharedDemand(st);
}

/** Adds demand q at node k. At a sink it becomes an order on each inbound arc with a share. */
function addDemand(st: SimState, k: number, q: number): void {
  const F = st.F;
  st.demandNow[k] += q;
  st.productCustNow[st.nodeProductI[k]] += q;
  if (st.nodeKindI[k] !== NODE_SINK) return;
  const t = st.t;
  const book = st.book;
  const inArcs = st.inArcsI;
  for (let i = st.inStartI[k], end = st.inStartI[k + 1]; i < end; i++) {
    const a = inArcs[i];
    const share = st.arcShareF[a];
    if (!(share > 0)) continue;
    const qa = q * share;
    F[st.arcInfoAt[a] + ((t + st.net.arcInfo[a]) & st.arcInfoMask[a])] += qa;
    // An order well above the arc's rounding noise on an arc without recorded orders waits
    // without a record (deferred-orders.ts); otherwise it gets one.
    if ((st.arcFlagsI[a] & ARC_DEFERRABLE) && book.count[a] === 0 && st.pendingOrder[a] === 0 && qa > 1e-6 * (1 + st.shippedCum[a])) st.pendingOrder[a] = qa;
    else {
      if (st.pendingOrder[a] > 0 || st.recordless[a] > 0) materializeArc(st, a);
      st.demandDraw[1] = qa;
      book.pushFrom(a, st.demandDraw, 1, t);
    }
    st.orderedCum[a] += qa;
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
