/**
 * analyseInfeasibility: an infeasible plan never just says "infeasible". Two elastic solves
 * (elastic-model.ts) answer two questions:
 *
 *   1. shortfalls — with capacities firm (slack weight 1000) and demand/targets elastic (weight 1):
 *      which demands and end-stock targets cannot be met, by how much and when;
 *   2. capacity needs — with capacities elastic (weight 1) and demand/targets firm (weight 1000):
 *      which storage, production and lane capacities would have to grow, by how much and when.
 *
 * Capacity slack left in solve 1 (initial stock above storage, say) is unavoidable and reported too.
 */
import type { PlanModel } from './build';
import { makeElasticModel, type ElasticWeights } from './elastic-model';
import { clean, EPS, formatPeriods, formatQuantity } from './labels';
import { columnFamily, rowFamily } from './model';
import type { CapacityNeed, InfeasibilityReport, Shortfall } from './result';
import type { SolveOutcome, SolveRequest, Solver } from './solvers/solver';

type Limits = Omit<SolveRequest, 'model'>;

interface Slack {
  readonly row: number;
  readonly amount: number;
}

function solveElastic(pm: PlanModel, solver: Solver, limits: Limits, weights: ElasticWeights): { outcome: SolveOutcome; slacks: Slack[] } {
  const model = makeElasticModel(pm.model, weights);
  const outcome = solver.solve({ ...limits, model });
  const slacks: Slack[] = [];
  if (outcome.hasSolution && outcome.values) {
    for (let j = pm.model.numCols; j < model.numCols; j++) {
      const amount = clean(outcome.values[j]);
      const family = columnFamily(model, j);
      if (amount > EPS && (family === 'short' || family === 'over')) slacks.push({ row: model.colKey[2 * j], amount });
    }
  }
  return { outcome, slacks };
}

export function analyseInfeasibility(pm: PlanModel, solver: Solver, limits: Limits): InfeasibilityReport {
  const demandElastic = pm.demandMode === 'must-meet';
  const shortWeights: ElasticWeights = { target: 1, storage: 1000, production: 1000, lane: 1000, ...(demandElastic ? { demand: 1 } : {}) };
  const capacityWeights: ElasticWeights = { storage: 1, production: 1, lane: 1, target: 1000, ...(demandElastic ? { demand: 1000 } : {}) };
  const first = solveElastic(pm, solver, limits, shortWeights);
  const second = solveElastic(pm, solver, limits, capacityWeights);
  if (!first.outcome.hasSolution && !second.outcome.hasSolution) {
    return {
      shortfalls: [], targets: [], capacityNeeds: [],
      summary: ['No plan exists even when demand, end-stock targets and capacities may give way: the network-design rules conflict (maximum open sites, single sourcing, or stock held at a potential site).'],
    };
  }
  const shortfalls = readShortfalls(pm, first.slacks);
  const targets = readTargets(pm, first.slacks);
  const capacitySlacks = second.outcome.hasSolution ? second.slacks : first.slacks;
  const capacityNeeds = readCapacityNeeds(pm, capacitySlacks);
  const summary = [
    ...shortfalls.map((s) => s.message),
    ...targets.map((t) => t.message),
    ...(capacityNeeds.length > 0 && shortfalls.length + targets.length > 0 ? ['Alternatively, these capacities would make everything feasible:'] : []),
    ...capacityNeeds.map((c) => c.message),
    ...(capacityNeeds.length === 0 && shortfalls.length + targets.length > 0
      ? ['No capacity increase would fix this: the goods cannot get there in time from the stock, pipeline and production available (lead times), or no route leads there.']
      : []),
  ];
  return { shortfalls, targets, capacityNeeds, summary };
}

function readShortfalls(pm: PlanModel, slacks: readonly Slack[]): Shortfall[] {
  const { model: m, network: net } = pm;
  const byDemand = new Map<number, Slack[]>();
  for (const s of slacks) {
    if (rowFamily(m, s.row) !== 'demand') continue;
    const d = m.rowKey[2 * s.row];
    byDemand.set(d, [...(byDemand.get(d) ?? []), s]);
  }
  const periodLength = net.scenario.settings.periodLength;
  return [...byDemand].map(([d, list]) => {
    const dem = net.demands[d];
    const periods = list.map((s) => m.rowKey[2 * s.row + 1]);
    const quantity = clean(list.reduce((sum, s) => sum + s.amount, 0));
    const detail = list.length <= 6 ? ` (${list.map((s) => formatQuantity(s.amount)).join(', ')})` : '';
    const message = `${net.sites[dem.site].name} cannot get ${formatQuantity(quantity)} of ${formatQuantity(dem.total)} units of ${net.products[dem.product].name} on time: short in ${formatPeriods(periods, periodLength)}${detail}.`;
    return { customerId: net.sites[dem.site].id, productId: net.products[dem.product].id, quantity, demand: dem.total, periods, message };
  });
}

function readTargets(pm: PlanModel, slacks: readonly Slack[]): InfeasibilityReport['targets'] {
  const { model: m, network: net } = pm;
  return slacks.filter((s) => rowFamily(m, s.row) === 'target').map((s) => {
    const k = net.pairs[m.rowKey[2 * s.row]];
    const target = k.targetEndStock ?? 0;
    const reachable = clean(target - s.amount);
    const site = net.sites[k.site];
    const product = net.products[k.product];
    return {
      siteId: site.id, productId: product.id, target, reachable,
      message: `The end-stock target of ${formatQuantity(target)} ${product.name} at ${site.name} cannot be met: at most ${formatQuantity(reachable)} can be left there.`,
    };
  });
}

function readCapacityNeeds(pm: PlanModel, slacks: readonly Slack[]): CapacityNeed[] {
  const { model: m, network: net } = pm;
  const periodLength = net.scenario.settings.periodLength;
  const groups = new Map<string, { kind: CapacityNeed['kind']; entity: number; extra: { period: number; quantity: number }[] }>();
  for (const s of slacks) {
    const family = rowFamily(m, s.row);
    if (family !== 'storage' && family !== 'production' && family !== 'lane') continue;
    const entity = m.rowKey[2 * s.row];
    const key = `${family}:${entity}`;
    const g = groups.get(key) ?? { kind: family, entity, extra: [] };
    g.extra.push({ period: m.rowKey[2 * s.row + 1], quantity: s.amount });
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const peak = Math.max(...g.extra.map((e) => e.quantity));
    const total = clean(g.extra.reduce((sum, e) => sum + e.quantity, 0));
    const when = formatPeriods(g.extra.map((e) => e.period), periodLength);
    const need = `would need up to ${formatQuantity(peak)} more units per ${periodLength} in ${when} (${formatQuantity(total)} in total)`;
    if (g.kind === 'storage') {
      const site = net.sites[g.entity];
      const capacity = site.storageCapacity ?? 0;
      return { kind: g.kind, siteId: site.id, capacity, extra: g.extra, message: `Storage at ${site.name} (capacity ${formatQuantity(capacity)}) ${need}.` };
    }
    if (g.kind === 'production') {
      const r = net.productions[g.entity];
      const site = net.sites[r.site];
      const product = net.products[r.product];
      const capacity = r.capacity ?? 0;
      return { kind: g.kind, siteId: site.id, productId: product.id, capacity, extra: g.extra, message: `Production of ${product.name} at ${site.name} (capacity ${formatQuantity(capacity)} per ${periodLength}) ${need}.` };
    }
    const l = net.lanes[g.entity];
    const capacity = l.capacity ?? 0;
    return { kind: g.kind, laneId: l.id, capacity, extra: g.extra, message: `Lane ${net.sites[l.from].name} → ${net.sites[l.to].name} (capacity ${formatQuantity(capacity)} per ${periodLength}) ${need}.` };
  });
}
