/**
 * Customer returns. Units delivered to a customer in period t (arrivals at a sink, or demand
 * served at a stock node) send rate × units back along each of its return routes; they reach the
 * returns site in the returns step of t + delay. There restockShare of them go back into stock
 * (policies see them from the next decision on) and the rest is scrapped. When the returns site
 * and the customer belong to different parties, a credit note refunds the units at the price
 * between them (returns site's party → customer's party).
 */
import { creditNote } from './finance-flow';
import type { SimState } from './state';

export function scheduleReturns(st: SimState, customer: number, delivered: number): void {
  const net = st.net;
  for (let i = net.retStart[customer], end = net.retStart[customer + 1]; i < end; i++) {
    st.retRing[net.retRingStart[i] + ((st.t + net.retDelay[i]) % net.retRingSize[i])] += delivered * net.retRate[i];
  }
}

export function processReturns(st: SimState): void {
  const net = st.net;
  const t = st.t;
  const measured = t >= st.measureFrom;
  for (let i = 0, R = net.retRate.length; i < R; i++) {
    const slot = net.retRingStart[i] + (t % net.retRingSize[i]);
    const x = st.retRing[slot];
    if (x === 0) continue;
    st.retRing[slot] = 0;
    const dest = net.retDest[i];
    const restock = x * net.retRestock[i];
    st.onHand[dest] += restock;
    if (measured) {
      st.acc.routeReturned[i] += x;
      st.acc.routeRestocked[i] += restock;
      st.acc.returnsIn[dest] += x;
      st.acc.restocked[dest] += restock;
      st.acc.scrapped[dest] += x - restock;
    }
    if (net.retPair[i] >= 0) creditNote(st, net.retPair[i], x, net.retPrice[i], restock * net.nodeValue[dest]);
  }
}
