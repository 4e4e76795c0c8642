/**
 * One shipment of x units on arc a in period t: it enters the arc's pipeline and arrives in
 * t + L (L = 0: at once, see arriveNow), where L is the lane's lead time, or with a lead-time σ a draw max(0, round(L + σ·Z))
 * capped at L + ⌈4σ⌉ (shipments may then overtake each other). The origin's party pays
 * transport x · costPerUnit now; with title at shipment the sale is invoiced now.
 */
import { consumeConsigned, invoiceArc } from './finance-flow';
import { arriveNow } from './receive-step';
import type { SimState } from './state';

export function shipOnArc(st: SimState, a: number, x: number): void {
  const net = st.net;
  const t = st.t;
  const from = net.arcFrom[a];
  const to = net.arcTo[a];
  st.shippedCum[a] += x;
  let lead = net.arcLead[a];
  if (net.arcLeadSd[a] > 0) {
    lead = Math.round(lead + net.arcLeadSd[a] * st.rng.normal());
    if (lead < 0) lead = 0;
    else if (lead > net.arcLeadMax[a]) lead = net.arcLeadMax[a];
  }
  st.ring[net.arcRingStart[a] + ((t + lead) & (net.arcRingSize[a] - 1))] += x;
  st.arcInTransit[a] += x;
  st.inTransitIn[to] += x;
  const lane = net.arcLane[a];
  if (net.laneCapacity[lane] !== Number.POSITIVE_INFINITY) {
    if (st.laneStamp[lane] !== t) { st.laneStamp[lane] = t; st.laneUsed[lane] = 0; }
    st.laneUsed[lane] += x;
  }
  st.shippedNow[from] += x;
  st.partyCostNow[net.nodeParty[from]] += x * net.arcCost[a];
  st.arcShippedNow[a] += x;
  if (t >= st.measureFrom) st.acc.arcShipped[a] += x;
  if (net.nodeConsignedIn[from]) consumeConsigned(st, from, x);
  if (st.arcInvoiceAt[a] === 1) {
    st.orderDraw[0] = x;
    invoiceArc(st, a, st.orderDraw, 0);
  }
  if (lead === 0) arriveNow(st, a, net.arcRingStart[a] + (t & (net.arcRingSize[a] - 1)));
}
