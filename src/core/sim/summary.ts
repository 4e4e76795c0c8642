/** buildSummary: the run's accumulators → SimSummary (totals, sites, products, nodes, parties, echelons, flows). */
import { materializeAll } from './deferred-orders';
import { countOpenOrders, orderStatusOf } from './order-status';
import { ratio, varianceFromSums } from './stats';
import type { SimState } from './state';
import { partyKpis } from './summary-finance';
import { laneKpis, partyFlows, returnFlows } from './summary-flows';
import { nodeCosts, nodeKpis, productKpis, siteKpis, sumCosts } from './summary-nodes';
import type { EchelonKpis, SimSummary, TotalKpis } from './summary-types';

export function buildSummary(st: SimState): SimSummary {
  materializeAll(st);
  const net = st.net;
  const costs = nodeCosts(st);
  const open = countOpenOrders(st);
  const parties = partyKpis(st, costs);
  const all = Array.from({ length: net.nNodes }, (_, k) => k);
  return {
    periods: st.t,
    measuredPeriods: st.acc.measured,
    periodLength: net.periodLength,
    total: totals(st, costs, parties, orderStatusOf(st, open, all)),
    sites: siteKpis(st, costs, open),
    products: productKpis(st, costs),
    nodes: nodeKpis(st, costs),
    parties,
    echelons: echelons(st),
    lanes: laneKpis(st),
    returnFlows: returnFlows(st),
    partyFlows: partyFlows(st),
  };
}

function totals(st: SimState, costs: ReturnType<typeof nodeCosts>, parties: SimSummary['parties'], orders: TotalKpis['orders']): TotalKpis {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  let demand = 0; let filled = 0; let lost = 0; let backlog = 0; let onHand = 0; let transit = 0; let value = 0;
  let shipped = 0; let produced = 0; let csl = 0; let facing = 0;
  for (let k = 0; k < net.nNodes; k++) {
    demand += acc.custDemand[k]; filled += acc.custFilled[k]; lost += acc.lostSales[k]; backlog += acc.sumCustBacklog[k];
    onHand += acc.sumOnHand[k]; transit += acc.sumInTransitIn[k]; value += net.nodeValue[k] * (acc.sumOnHand[k] + acc.sumInTransitIn[k]);
    shipped += acc.shipped[k]; produced += acc.produced[k];
    if (acc.custDemand[k] > 0) { csl += 1 - acc.stockoutPeriods[k] / n; facing++; }
  }
  let revenue = 0; let cogs = 0;
  for (const p of parties) { revenue += p.revenue; cogs += p.cogs; }
  return {
    customerDemand: demand, customerFilled: filled, fillRate: ratio(filled, demand),
    cycleServiceLevel: facing > 0 ? csl / facing : Number.NaN, lostSales: lost, backordersAvg: backlog / n,
    onHandAvg: onHand / n, inTransitAvg: transit / n, inventoryValueAvg: value / n, shipped, produced,
    turns: ratio(shipped / n * net.periodsPerYear, onHand / n),
    costs: sumCosts(costs, Array.from({ length: net.nNodes }, (_, k) => k)),
    revenue, cogs, margin: revenue - cogs, orders,
  };
}

function echelons(st: SimState): EchelonKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  const custVar = varianceFromSums(n, acc.totalCust[1], acc.totalCust[2]);
  const out: EchelonKpis[] = [];
  for (let e = 0; 3 * e < acc.echelonOrd.length; e++) {
    const sites = net.labels.sites.filter((_, s) => net.siteEchelon[s] === e).map((s) => s.id);
    const ordVar = varianceFromSums(n, acc.echelonOrd[3 * e + 1], acc.echelonOrd[3 * e + 2]);
    if (sites.length > 0) out.push({ echelon: e, sites, bullwhipVsCustomer: ratio(ordVar, custVar) });
  }
  return out;
}
