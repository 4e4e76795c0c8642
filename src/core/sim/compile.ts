/**
 * compileNetwork: scenario (+ run options) → the indexed Network the period loop runs on, or a
 * SimInputError listing everything that cannot be simulated. The steps: settings and horizon,
 * node discovery, checks, then one module per concern (policies, arcs, production, demand,
 * returns, finance, outside orders, node orders).
 */
import type { ModelIssue } from '../model/issue';
import type { Scenario } from '../model/types';
import { compileArcs } from './compile-arcs';
import { checkDiscovery } from './compile-checks';
import { createContext } from './compile-context';
import { compileDemand } from './compile-demand';
import { compileFinance } from './compile-finance';
import { discoverNetwork, type NodeDraft } from './compile-nodes';
import { decideOrder, shareOrder, siteEchelons } from './compile-order';
import { collectForcedArcs, compileExternalOrders } from './compile-plan';
import { compilePolicies } from './compile-policies';
import { compileProduction } from './compile-production';
import { compileReturns } from './compile-returns';
import { SimInputError } from './errors';
import { NODE_SINK, POLICY_FORECAST, type Network } from './network';
import { MAX_PERIODS, type SimOptions } from './options';

const PERIODS_PER_YEAR = { day: 365, week: 52, month: 12 } as const;
const ALLOCATION = { fifo: 0, 'fair-share': 1, priority: 2 } as const;

function checkRunOptions(scenario: Scenario, options: SimOptions): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const periods = options.periods ?? scenario.settings.horizon;
  const where = options.periods !== undefined ? { table: 'options', field: 'periods' } : { table: 'settings', field: 'horizon' };
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_PERIODS) {
    issues.push({ ...where, message: `the horizon must be a whole number of periods from 1 to ${MAX_PERIODS.toLocaleString('en')} (got ${periods})` });
  }
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed < 2 ** 32)) {
    issues.push({ table: 'options', field: 'seed', message: `must be a whole number from 0 to 4294967295 (got ${options.seed})` });
  }
  if (options.replication !== undefined && !(Number.isInteger(options.replication) && options.replication >= 0)) {
    issues.push({ table: 'options', field: 'replication', message: `must be a whole number from 0 (got ${options.replication})` });
  }
  if (options.warmup !== undefined && !(Number.isInteger(options.warmup) && options.warmup >= 0 && options.warmup < periods)) {
    issues.push({ table: 'options', field: 'warmup', message: `must be a whole number of periods below the horizon (got ${options.warmup})` });
  }
  return issues;
}

export function compileNetwork(scenario: Scenario, options: SimOptions = {}): Network {
  const early = checkRunOptions(scenario, options);
  if (early.length > 0) throw new SimInputError(early);
  const periods = options.periods ?? scenario.settings.horizon;
  const ctx = createContext(scenario, options, periods);
  const forced = collectForcedArcs(ctx);
  if (ctx.issues.length > 0) throw new SimInputError(ctx.issues);
  const d = discoverNetwork(ctx, forced.arcs);
  checkDiscovery(ctx, d, forced.pipelineInto);
  if (ctx.issues.length > 0) throw new SimInputError(ctx.issues);

  const nodes: NodeDraft[] = [...d.nodes].sort((a, b) => a.key - b.key);
  const nodeIndex = new Map(nodes.map((n, k) => [n, k]));
  const indexByKey = new Map(nodes.map((n, k) => [n.key, k]));
  const indexOfKey = (key: number) => indexByKey.get(key)!;
  const N = nodes.length;
  const P = scenario.products.length;
  const S = scenario.sites.length;

  const policies = compilePolicies(ctx, nodes);
  if (ctx.issues.length > 0) throw new SimInputError(ctx.issues);
  const nodeKind = Uint8Array.from(nodes, (n) => n.kind);
  const sinkFlags = Uint8Array.from(nodes, (n) => (n.kind === NODE_SINK ? 1 : 0));
  const arcDrafts = [...d.arcs].sort((a, b) => a.lane - b.lane || a.product - b.product);
  const byArcKey = (m: Map<number, number>) => new Map(arcDrafts.map((a) => [a, m.get(a.lane * P + a.product) ?? 0]));
  const arcs = compileArcs(ctx, arcDrafts, nodeIndex, sinkFlags, byArcKey(forced.pipelineMax), byArcKey(forced.orderMax));
  const arcByKey = new Map(arcDrafts.map((a, i) => [a.lane * P + a.product, i]));
  const production = compileProduction(ctx, nodes, indexOfKey);
  const demand = compileDemand(ctx, N, indexOfKey);
  const returns = compileReturns(ctx, N, (key) => indexByKey.get(key));
  const finance = compileFinance(ctx, nodes, arcs, policies.nodeHolding, returns);
  const external = compileExternalOrders(ctx, policies.policy, (key) => indexByKey.get(key), (key) => arcByKey.get(key));
  if (ctx.issues.length > 0) throw new SimInputError(ctx.issues);

  const nodeSite = Int32Array.from(nodes, (n) => n.site);
  const nodeProduct = Int32Array.from(nodes, (n) => n.product);
  const nodeHasDemand = Uint8Array.from(nodes, (n) => (ctx.demandKeys.has(n.key) ? 1 : 0));
  const graph = { nNodes: N, nodeProduct, nodeSite, nodeHasDemand, arcFrom: arcs.arcFrom, arcTo: arcs.arcTo, arcShare: arcs.arcShare, bomStart: production.bomStart, bomComponent: production.bomComponent };
  const order = shareOrder(graph);
  if (ctx.settings.informationSharing && !order) {
    throw new SimInputError([{ table: 'settings', field: 'informationSharing', message: 'information sharing needs a network whose lanes (with a share above 0) form no cycle; this one has a cycle' }]);
  }

  const pProtection = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    if (policies.policy[k] !== POLICY_FORECAST) continue;
    let lead = 0;
    if (production.prodLead[k] >= 0) lead = production.prodLead[k];
    else for (let i = arcs.inStart[k]; i < arcs.inStart[k + 1]; i++) { const a = arcs.inArcs[i]; lead += arcs.arcShare[a] * (arcs.arcLead[a] + arcs.arcInfo[a]); }
    pProtection[k] = lead + policies.pReview[k];
  }
  const siteNodeStart = new Int32Array(S + 1);
  for (const n of nodes) siteNodeStart[n.site + 1]++;
  for (let s = 0; s < S; s++) siteNodeStart[s + 1] += siteNodeStart[s];
  const siteStorage = Float64Array.from(scenario.sites, (s) => s.storageCapacity ?? Number.POSITIVE_INFINITY);
  const nodeCapacitated = Uint8Array.from(nodes, (n) => (Number.isFinite(siteStorage[n.site]) ? 1 : 0));
  const { settings } = ctx;

  return {
    labels: {
      sites: scenario.sites.map((s, i) => ({ id: s.id, name: s.name, kind: s.kind, partyId: partyIdOf(ctx.siteParty[i], scenario, ctx.externalParty) })),
      products: scenario.products.map((p) => ({ id: p.id, name: p.name })),
      parties: [
        { id: '', name: 'Own company', external: false },
        ...scenario.parties.map((p) => ({ id: p.id, name: p.name, external: false })),
        { id: '(end customers)', name: 'End customers', external: true },
      ],
      lanes: scenario.lanes.map((l) => ({ id: l.id })),
    },
    periods, periodLength: settings.periodLength, daysPerPeriod: ctx.daysPerPeriod,
    periodsPerYear: PERIODS_PER_YEAR[settings.periodLength], lostSales: settings.unmetDemand === 'lost',
    allocation: ALLOCATION[settings.allocation], informationSharing: settings.informationSharing,
    pipelineHolding: settings.pipelineHolding,
    nNodes: N, nodeSite, nodeProduct, nodeKind,
    nodeInventoryRow: Int32Array.from(nodes, (n) => n.inventoryRow), siteNodeStart,
    siteStorage, nodeCapacitated, nodeHasDemand, siteEchelon: siteEchelons(S, graph),
    ...policies, pProtection, decideOrder: decideOrder(ctx, graph),
    ...production, ...arcs, ...demand,
    retStart: returns.retStart, retRate: returns.retRate, retDelay: returns.retDelay, retDest: returns.retDest,
    retRestock: returns.retRestock, retRingStart: returns.retRingStart, retRingSize: returns.retRingSize,
    ...finance,
    shareOrder: order ?? new Int32Array(0),
    ...external,
    warnings: ctx.warnings,
  };
}

function partyIdOf(party: number, scenario: Scenario, external: number): string {
  if (party === 0) return '';
  if (party === external) return '(end customers)';
  return scenario.parties[party - 1].id;
}
