/**
 * Finance KPIs per party. With D = measured periods × days per period:
 *   DSO = average receivables ÷ (revenue / D)
 *   DIO = average inventory value ÷ (COGS / D)
 *   DPO = average payables ÷ (COGS / D)
 *   cash-to-cash = DIO + DSO − DPO
 * (A party that only buys has no COGS: its DIO and DPO are undefined; its purchases are reported.)
 * Inventory a party owns: stock at its sites (minus consignment stock of others held there, plus
 * its own consignment stock at others' sites) and stock in transit it has title to, at product value.
 */
import { ratio } from './stats';
import type { SimState } from './state';
import { sumCosts, type NodeCosts } from './summary-nodes';
import type { PartyKpis } from './summary-types';

export function partyKpis(st: SimState, costs: NodeCosts): PartyKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  const Q = net.nParties;
  const inventory = new Float64Array(Q);
  const nodesOf: number[][] = Array.from({ length: Q }, () => []);
  // Stock in transit counts at its destination's party, except on arcs between parties (tracked per arc).
  for (let k = 0; k < net.nNodes; k++) {
    inventory[net.nodeParty[k]] += net.nodeValue[k] * (acc.sumOnHand[k] + acc.sumInTransitIn[k]);
    nodesOf[net.nodeParty[k]].push(k);
  }
  for (let a = 0; a < net.nArcs; a++) {
    if (net.arcPair[a] < 0) continue;
    const value = net.nodeValue[net.arcTo[a]];
    inventory[net.nodeParty[net.arcTo[a]]] -= value * acc.arcTransit[a];
    inventory[net.arcTransitOwner[a]] += value * acc.arcTransit[a];
    if (net.arcConsignment[a]) {
      inventory[net.nodeParty[net.arcTo[a]]] -= value * acc.arcConsigned[a];
      inventory[net.nodeParty[net.arcFrom[a]]] += value * acc.arcConsigned[a];
    }
  }
  const days = n * net.daysPerPeriod;
  return net.labels.parties.map((p, q) => {
    const revenue = acc.revenue[q];
    const cogs = acc.cogs[q];
    const receivablesAvg = acc.sumReceivables[q] / n;
    const payablesAvg = acc.sumPayables[q] / n;
    const inventoryValueAvg = inventory[q] / n;
    const dso = ratio(receivablesAvg, revenue / days);
    const dio = ratio(inventoryValueAvg, cogs / days);
    const dpo = ratio(payablesAvg, cogs / days);
    return {
      partyId: p.id, name: p.name, external: p.external, revenue, cogs, purchases: acc.purchases[q], margin: revenue - cogs,
      creditNotes: acc.creditNotes[q], discountsGiven: acc.discountsGiven[q], discountsTaken: acc.discountsTaken[q],
      costs: sumCosts(costs, nodesOf[q]), cashStart: net.partyInitialCash[q], cashEnd: st.cash[q],
      cashMin: acc.minCash[q], cashAvg: acc.sumCash[q] / n, receivablesAvg, payablesAvg, inventoryValueAvg,
      dso, dio, dpo, cashToCash: dio + dso - dpo,
    };
  });
}
