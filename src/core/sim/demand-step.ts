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
  const draw = st.demandDraw;
  if (net.demandVariability === 3) {
    for (let j = 0; j < net.nDemandNodes; j++) {
      draw[0] = baseDemand(st, j, 1 + rng.int(net.periods));
      if (draw[0] > 0) addDemand(st, net.demandNodes[j]);
    }
  } else {
    const variability = net.demandVariability;
    const dQty = net.dQty;
    const dSd = net.dSd;
    const dNode = net.dNode;
    const normals = rng.normals;
    const F = st.F;
    const I = st.I;
    const fDemand = st.at.demandNow;
    const fProductCust = st.at.productCustNow;
    const iProduct = st.at.nodeProductI;
    const iKind = st.at.nodeKindI;
    for (let i = net.dStart[t], end = net.dStart[t + 1]; i < end; i++) {
      let q: number;
      if (variability === 1) {
        if (rng.normalPos === NORMAL_BLOCK) rng.refillNormals();
        const x = dQty[i] + dSd[i] * normals[rng.normalPos++];
        q = x > 0 ? x : 0;
      } else q = variability === 2 ? rng.poisson(dQty[i]) : dQty[i];
      if (!(q > 0)) continue;
      const k = dNode[i];
      // addDemand, its first lines inlined: demand at a stock node waits for the serve step.
      F[fDemand + k] += q;
      F[fProductCust + I[iProduct + k]] += q;
      if (I[iKind + k] !== NODE_SINK) continue;
      draw[0] = q;
      orderAtSink(st, k);
    }
  }
  if (net.informationSharing) propagateSharedDemand(st);
}

/** Adds the demand in st.demandDraw[0] at node k (a typed-array slot: no boxed number crosses the call). */
function addDemand(st: SimState, k: number): void {
  const q = st.demandDraw[0];
  st.demandNow[k] += q;
  st.productCustNow[st.nodeProductI[k]] += q;
  if (st.nodeKindI[k] === NODE_SINK) orderAtSink(st, k);
}

/** A sink's demand (st.demandDraw[0]) becomes an order on each of its inbound arcs with a share. */
function orderAtSink(st: SimState, k: number): void {
  const F = st.F;
  const I = st.I;
  const at = st.at;
  const q = st.demandDraw[0];
  const t = st.t;
  const book = st.book;
  const iIn = at.inArcsI;
  const iFlags = at.arcFlagsI;
  const iInfoAt = at.arcInfoAt;
  const iInfoMask = at.arcInfoMask;
  const iInfo = at.arcInfoI;
  const fShare = at.arcShareF;
  const fPending = at.pendingOrder;
  const fShipped = at.shippedCum;
  const fOrdered = at.orderedCum;
  const iCount = st.bookAt.count;
  for (let i = I[at.inStartI + k], end = I[at.inStartI + k + 1]; i < end; i++) {
    const a = I[iIn + i];
    const share = F[fShare + a];
    if (!(share > 0)) continue;
    const qa = q * share;
    F[I[iInfoAt + a] + ((t + I[iInfo + a]) & I[iInfoMask + a])] += qa;
    // An order well above the arc's rounding noise on an arc without recorded orders waits
    // without a record (deferred-orders.ts); otherwise it gets one.
    if ((I[iFlags + a] & ARC_DEFERRABLE) && I[iCount + a] === 0 && F[fPending + a] === 0 && qa > 1e-6 * (1 + F[fShipped + a])) F[fPending + a] = qa;
    else {
      if (F[fPending + a] > 0 || I[at.recordless + a] > 0) materializeArc(st, a);
      st.demandDraw[1] = qa;
      book.pushFrom(a, st.demandDraw, 1, t);
    }
    F[fOrdered + a] += qa;
    F[st.accAt.ordersPlaced + k]++;
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
