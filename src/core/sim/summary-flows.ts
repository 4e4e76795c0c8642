/**
 * Flows between places and parties over the measured periods, for the results dashboard's flow
 * views (lane maps, Sankey diagrams):
 *   lanes        per arc (lane × product): units shipped, average units in transit at the end of a
 *                period, transport cost = costPerUnit × shipped;
 *   returnFlows  per (customer site → returns site, product): units returned, restocked, scrapped;
 *   partyFlows   per pair of parties (buyer → seller): invoiced net of credit notes, cash paid.
 * Every summary of one compiled network has the same entries in the same order (whatever the
 * random draws), so replications combine entry by entry.
 */
import type { SimState } from './state';
import type { LaneKpis, PartyFlow, ReturnFlow } from './summary-types';

export function laneKpis(st: SimState): LaneKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  const { sites, products, lanes } = net.labels;
  const out: LaneKpis[] = [];
  for (let a = 0; a < net.nArcs; a++) {
    const shipped = acc.arcShipped[a];
    out.push({
      laneId: lanes[net.arcLane[a]].id, productId: products[net.nodeProduct[net.arcFrom[a]]].id,
      from: sites[net.nodeSite[net.arcFrom[a]]].id, to: sites[net.nodeSite[net.arcTo[a]]].id,
      shipped, inTransitAvg: acc.arcTransit[a] / n, transportCost: net.arcCost[a] * shipped,
    });
  }
  return out;
}

/** Return routes summed per (customer site, returns site, product), in route order of first appearance. */
export function returnFlows(st: SimState): ReturnFlow[] {
  const net = st.net;
  const acc = st.acc;
  const { sites, products } = net.labels;
  const byKey = new Map<string, { from: string; to: string; productId: string; quantity: number; restocked: number }>();
  for (let k = 0; k < net.nNodes; k++) {
    for (let i = net.retStart[k]; i < net.retStart[k + 1]; i++) {
      const dest = net.retDest[i];
      const from = sites[net.nodeSite[k]].id;
      const to = sites[net.nodeSite[dest]].id;
      const productId = products[net.nodeProduct[k]].id;
      const key = JSON.stringify([from, to, productId]);
      const flow = byKey.get(key) ?? { from, to, productId, quantity: 0, restocked: 0 };
      flow.quantity += acc.routeReturned[i];
      flow.restocked += acc.routeRestocked[i];
      byKey.set(key, flow);
    }
  }
  return [...byKey.values()].map((f) => ({ ...f, scrapped: f.quantity - f.restocked }));
}

export function partyFlows(st: SimState): PartyFlow[] {
  const net = st.net;
  const acc = st.acc;
  const parties = net.labels.parties;
  const out: PartyFlow[] = [];
  for (let p = 0; p < net.nPairs; p++) {
    out.push({
      fromPartyId: parties[net.pairBuyer[p]].id, toPartyId: parties[net.pairSeller[p]].id,
      invoiced: acc.pairInvoiced[p], paid: acc.pairPaid[p],
    });
  }
  return out;
}
