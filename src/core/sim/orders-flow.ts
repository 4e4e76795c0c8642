/**
 * Placing replenishment orders (the information flow upstream). An order of q placed by node k
 * in period t is split over k's sources by lane share (decideOrders); the part on arc a travels
 * the lane's information delay and reaches the origin in t + 1 + infoDelay (the origin ships it in
 * that period's ship step at the earliest, so with lead time L it arrives in t + 1 + infoDelay + L).
 */
import { materializeArc } from './deferred-orders';
import type { SimState } from './state';

/** Places the quantity in st.orderDraw[0] on arc a. */
export function placeOnArc(st: SimState, a: number): void {
  const net = st.net;
  const to = net.arcTo[a];
  const q = st.orderDraw[0];
  st.infoRing[net.arcInfoStart[a] + ((st.t + 1 + net.arcInfo[a]) & (net.arcInfoSize[a] - 1))] += q;
  st.orderedCum[a] += q;
  if (st.infoStage[a] > 0 || st.recordless[a] > 0 || st.pendingOrder[a] > 0) materializeArc(st, a);
  st.book.pushFrom(a, st.orderDraw, 0, st.t);
  st.outstanding[to] += q;
  st.orderedNow[to] += q;
  st.acc.ordersPlaced[to]++;
}
