/** What a column or row of the plan model stands for, in words ("stock of Espresso at DC Lyon in week 12"). */
import type { PlanModel } from './build';
import { formatPeriod } from './labels';
import { columnFamily, rowFamily } from './model';

function when(pm: PlanModel, t: number): string {
  return t >= 1 ? ` in ${formatPeriod(t, pm.network.scenario.settings.periodLength)}` : '';
}

function laneText(pm: PlanModel, lane: number): string {
  const net = pm.network;
  const l = net.lanes[lane];
  return `lane ${net.sites[l.from].name} → ${net.sites[l.to].name}`;
}

function pairText(pm: PlanModel, pair: number): string {
  const k = pm.network.pairs[pair];
  return `${pm.network.products[k.product].name} at ${pm.network.sites[k.site].name}`;
}

function demandText(pm: PlanModel, d: number): string {
  const dem = pm.network.demands[d];
  return `${pm.network.products[dem.product].name} at ${pm.network.sites[dem.site].name}`;
}

function arcText(pm: PlanModel, a: number): string {
  const arc = pm.network.arcs[a];
  return `${pm.network.products[arc.product].name} on ${laneText(pm, arc.lane)}`;
}

function productionText(pm: PlanModel, r: number): string {
  const p = pm.network.productions[r];
  return `${pm.network.products[p.product].name} at ${pm.network.sites[p.site].name}`;
}

export function describeColumn(pm: PlanModel, j: number): string {
  const m = pm.model;
  const e = m.colKey[2 * j];
  const t = m.colKey[2 * j + 1];
  switch (columnFamily(m, j)) {
    case 'ship': return `shipments of ${arcText(pm, e)}${when(pm, t)}`;
    case 'stock': return `stock of ${pairText(pm, e)}${when(pm, t)}`;
    case 'make': return `production of ${productionText(pm, e)}${when(pm, t)}`;
    case 'serve': return `deliveries of ${demandText(pm, e)}${when(pm, t)}`;
    case 'backlog': return `backorders of ${demandText(pm, e)}${when(pm, t)}`;
    case 'lost': return `lost sales of ${demandText(pm, e)}${when(pm, t)}`;
    case 'open': return `opening ${pm.network.sites[e].name}`;
    case 'use': return `using ${laneText(pm, e)}`;
    case 'assign': return `sourcing ${arcText(pm, e)}`;
    case 'setup': return `an order of ${pairText(pm, e)}${when(pm, t)}`;
    case 'over': return `excess over ${describeRow(pm, e)}`;
    case 'short': return `shortfall of ${describeRow(pm, e)}`;
  }
}

export function describeRow(pm: PlanModel, i: number): string {
  const m = pm.model;
  const e = m.rowKey[2 * i];
  const t = m.rowKey[2 * i + 1];
  switch (rowFamily(m, i)) {
    case 'balance': return `the stock balance of ${pairText(pm, e)}${when(pm, t)}`;
    case 'storage': return `storage capacity at ${pm.network.sites[e].name}${when(pm, t)}`;
    case 'production': return `production capacity for ${productionText(pm, e)}${when(pm, t)}`;
    case 'lane': return `capacity of ${laneText(pm, e)}${when(pm, t)}`;
    case 'demand': return `demand for ${demandText(pm, e)}${when(pm, t)}`;
    case 'target': return `the end-stock target of ${pairText(pm, e)}`;
    case 'openLink': return `the link of ${arcText(pm, e)} to its site being open${when(pm, t)}`;
    case 'useLink': return `the link of ${arcText(pm, e)} to its lane being used${when(pm, t)}`;
    case 'useOpen': return `using ${laneText(pm, e)} only with its sites open`;
    case 'assignLink': return `single sourcing of ${arcText(pm, e)}${when(pm, t)}`;
    case 'assignOne': return `one source for ${pairText(pm, e)}`;
    case 'assignOpen': return `sourcing ${arcText(pm, e)} only from an open site`;
    case 'maxOpen': return 'the maximum number of open sites';
    case 'setupLink': return `orders of ${pairText(pm, e)}${when(pm, t)}`;
  }
}
