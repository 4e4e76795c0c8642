/**
 * KPIs per node, per site and per product from the accumulators. Costs are rates × sums:
 *   holding    h · Σ on hand (+ with pipelineHolding h · Σ in transit owned, on the owning end)
 *   transport  c · Σ shipped, on the origin
 *   production cost · Σ produced
 *   ordering   K · number of periods with an order (or production start)
 *   shortage   p · (Σ end-of-period backorders + lost sales)
 */
import { varianceFromSums, ratio } from './stats';
import type { SimState } from './state';
import type { Costs, NodeKpis, ProductKpis, SiteKpis } from './summary-types';
import { orderStatusOf, type OpenOrderCounts } from './order-status';

export interface NodeCosts {
  readonly holding: Float64Array;
  readonly transport: Float64Array;
  readonly production: Float64Array;
  readonly ordering: Float64Array;
  readonly shortage: Float64Array;
}

export function nodeCosts(st: SimState): NodeCosts {
  const net = st.net;
  const acc = st.acc;
  const N = net.nNodes;
  const c = { holding: new Float64Array(N), transport: new Float64Array(N), production: new Float64Array(N), ordering: new Float64Array(N), shortage: new Float64Array(N) };
  for (let k = 0; k < N; k++) {
    c.holding[k] = net.nodeHolding[k] * acc.sumOnHand[k];
    c.production[k] = net.prodCost[k] * acc.produced[k];
    c.ordering[k] = net.nodeOrderCost[k] * acc.orderCount[k];
    c.shortage[k] = net.nodePenalty[k] * (acc.sumBacklog[k] + acc.lostSales[k]);
  }
  for (let a = 0; a < net.nArcs; a++) {
    c.transport[net.arcFrom[a]] += net.arcCost[a] * acc.arcShipped[a];
    if (net.pipelineHolding) {
      const owner = net.arcTitleAtShipment[a] && !net.arcConsignment[a] ? net.arcTo[a] : net.arcFrom[a];
      c.holding[owner] += net.arcTransitHolding[a] * acc.arcTransit[a];
    }
  }
  return c;
}

export function sumCosts(c: NodeCosts, nodes: readonly number[]): Costs {
  let holding = 0; let transport = 0; let production = 0; let ordering = 0; let shortage = 0;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    holding += c.holding[k]; transport += c.transport[k]; production += c.production[k];
    ordering += c.ordering[k]; shortage += c.shortage[k];
  }
  return { holding, transport, production, ordering, shortage, total: holding + transport + production + ordering + shortage };
}

const triVar = (t: Float64Array, i: number, n: number) => varianceFromSums(n, t[3 * i + 1], t[3 * i + 2]);

function service(st: SimState, costs: NodeCosts, nodes: readonly number[], bullwhip: number, bullwhipVsCustomer: number) {
  const acc = st.acc;
  const n = acc.measured;
  let demand = 0; let filled = 0; let onHand = 0; let backlog = 0; let transit = 0; let lost = 0; let shipped = 0;
  let ordered = 0; let produced = 0; let csl = 0; let facing = 0;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    demand += acc.demandArrived[k]; filled += acc.filledOnArrival[k]; onHand += acc.sumOnHand[k];
    backlog += acc.sumBacklog[k]; transit += acc.sumInTransitIn[k]; lost += acc.lostSales[k];
    shipped += acc.shipped[k]; ordered += acc.orderedQty[k]; produced += acc.produced[k];
    if (acc.demandArrived[k] > 0) { csl += 1 - acc.stockoutPeriods[k] / n; facing++; }
  }
  return {
    demand, fillRate: ratio(filled, demand), cycleServiceLevel: facing > 0 ? csl / facing : Number.NaN,
    onHandAvg: onHand / n, backordersAvg: backlog / n, inTransitAvg: transit / n, lostSales: lost, shipped, ordered, produced,
    turns: ratio(shipped / n * st.net.periodsPerYear, onHand / n), bullwhip, bullwhipVsCustomer, costs: sumCosts(costs, nodes),
  };
}

export function nodeKpis(st: SimState, costs: NodeCosts): NodeKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  const out: NodeKpis[] = [];
  for (let k = 0; k < net.nNodes; k++) {
    const ordVar = triVar(acc.ordShiftSums, k, n);
    const custVar = triVar(acc.productCust, net.nodeProduct[k], n);
    out.push({
      siteId: net.labels.sites[net.nodeSite[k]].id, productId: net.labels.products[net.nodeProduct[k]].id,
      ...service(st, costs, [k], ratio(ordVar, triVar(acc.obsShiftSums, k, n)), ratio(ordVar, custVar)),
      customerDemand: acc.custDemand[k], customerFilled: acc.custFilled[k],
      returnsReceived: acc.returnsIn[k], restocked: acc.restocked[k], scrapped: acc.scrapped[k],
    });
  }
  return out;
}

export function siteKpis(st: SimState, costs: NodeCosts, open: OpenOrderCounts): SiteKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  return net.labels.sites.flatMap((site, s) => {
    const from = net.siteNodeStart[s];
    const to = net.siteNodeStart[s + 1];
    if (from === to) return [];
    const nodes = Array.from({ length: to - from }, (_, i) => from + i);
    const ordVar = triVar(acc.siteOrd, s, n);
    return [{
      siteId: site.id, name: site.name, kind: site.kind, partyId: site.partyId, echelon: net.siteEchelon[s],
      ...service(st, costs, nodes, ratio(ordVar, triVar(acc.siteObs, s, n)), ratio(ordVar, triVar(acc.siteCust, s, n))),
      orders: orderStatusOf(st, open, nodes),
    }];
  });
}

export function productKpis(st: SimState, costs: NodeCosts): ProductKpis[] {
  const net = st.net;
  const acc = st.acc;
  const n = acc.measured;
  const byProduct: number[][] = net.labels.products.map(() => []);
  for (let k = 0; k < net.nNodes; k++) byProduct[net.nodeProduct[k]].push(k);
  return net.labels.products.map((p, i) => {
    let demand = 0; let filled = 0; let lost = 0; let onHand = 0; let backlog = 0;
    for (const k of byProduct[i]) {
      demand += acc.custDemand[k]; filled += acc.custFilled[k]; lost += acc.lostSales[k];
      onHand += acc.sumOnHand[k]; backlog += acc.sumCustBacklog[k];
    }
    return {
      productId: p.id, name: p.name, customerDemand: demand, customerFilled: filled, fillRate: ratio(filled, demand),
      lostSales: lost, onHandAvg: onHand / n, backordersAvg: backlog / n, costs: sumCosts(costs, byProduct[i]),
    };
  });
}
