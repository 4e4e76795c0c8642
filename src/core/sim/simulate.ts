/**
 * Running a simulation: compile the scenario once, then step periods. `simulateScenario` runs
 * the whole horizon synchronously (progress and cancel checked every few thousand node-periods);
 * `createSimulation` hands out the stepper, for a person placing manual orders period by period.
 */
import type { Scenario } from '../model/types';
import { compileNetwork } from './compile';
import type { ModelIssue } from '../model/issue';
import { SimCancelledError, SimInputError } from './errors';
import type { Network } from './network';
import { POLICY_MANUAL } from './network';
import type { RunHooks, SimOptions } from './options';
import type { SimSeries } from './series-store';
import { snapshotOf, type SimSnapshot } from './snapshot';
import { createState, type SimState } from './state';
import { stepPeriod } from './step';
import { buildSummary } from './summary';
import type { SimSummary } from './summary-types';

export interface SimResult {
  readonly summary: SimSummary;
  /** Typed arrays (transferable; see resultTransferables). */
  readonly series: SimSeries;
  /** Site and product of each node with per-node series, in their order (entry t·nodes + k). */
  readonly nodes: { readonly siteId: Readonly<string[]>; readonly productId: Readonly<string[]> };
  /** Lane, product, origin and destination site of each arc with per-arc series, in their order (entry t·arcs + a). */
  readonly arcs: { readonly laneId: readonly string[]; readonly productId: readonly string[]; readonly from: readonly string[]; readonly to: readonly string[] };
  /** Parties in the order of the party series (index 0: own company "", last: end customers). */
  readonly parties: readonly { readonly id: string; readonly name: string; readonly external: boolean }[];
  readonly warnings: readonly string[];
  readonly seed: number;
  readonly replication: number;
}

export interface Simulation {
  readonly network: Network;
  /** Periods run so far. */
  readonly period: number;
  readonly periods: number;
  /** Runs the next period. */
  step(): void;
  /** Adds a manual order for the next period (site and product with policy manual). */
  setManualOrder(siteId: string, productId: string, quantity: number): void;
  /** The result over the periods run so far. */
  result(): SimResult;
  /** Stock, shipments and orders under way after the periods run so far (for re-planning). */
  snapshot(): SimSnapshot;
}

function seedOf(scenario: Scenario, options: SimOptions): number {
  return options.seed ?? scenario.settings.seed;
}

/** Compiles (throws SimInputError when the scenario cannot be simulated) and prepares period 1. */
export function createSimulation(scenario: Scenario, options: SimOptions = {}): Simulation {
  return simulationOf(compileNetwork(scenario, options), seedOf(scenario, options), options);
}

/** A simulation of an already compiled network (replications compile once). */
export function simulationOf(net: Network, seed: number, options: SimOptions): Simulation {
  const replication = options.replication ?? 0;
  const st: SimState = createState(net, seed, replication, options.warmup ?? 0, options.series ?? 'auto', seriesSitesOf(net, options));
  return {
    network: net,
    get period() { return st.t; },
    periods: net.periods,
    step() {
      if (st.t >= net.periods) throw new Error(`the simulation has run all ${net.periods} periods`);
      stepPeriod(st);
    },
    setManualOrder(siteId, productId, quantity) {
      const k = findNode(net, siteId, productId);
      if (k < 0 || net.policy[k] !== POLICY_MANUAL) throw new Error(`"${siteId}" / "${productId}" has no manual policy`);
      if (!(quantity >= 0) || !Number.isFinite(quantity)) throw new Error(`a manual order must be a number at least 0 (got ${quantity})`);
      st.planNow[k] += quantity;
    },
    result: () => resultOf(st, seed, replication),
    snapshot: () => snapshotOf(st),
  };
}

function seriesSitesOf(net: Network, options: SimOptions): ReadonlySet<number> | undefined {
  if (options.seriesSites === undefined) return undefined;
  const index = new Map(net.labels.sites.map((s, i) => [s.id, i]));
  const issues: ModelIssue[] = [];
  const sites = new Set<number>();
  options.seriesSites.forEach((id, row) => {
    const s = index.get(id);
    if (s === undefined) issues.push({ table: 'options.seriesSites', row, message: `unknown site "${id}"` });
    else sites.add(s);
  });
  if (issues.length > 0) throw new SimInputError(issues);
  return sites;
}

function findNode(net: Network, siteId: string, productId: string): number {
  for (let k = 0; k < net.nNodes; k++) {
    if (net.labels.sites[net.nodeSite[k]].id === siteId && net.labels.products[net.nodeProduct[k]].id === productId) return k;
  }
  return -1;
}

/** Site and product of each node with per-node series, in column order. */
function recordedNodes(st: SimState): SimResult['nodes'] {
  const net = st.net;
  const siteId: string[] = [];
  const productId: string[] = [];
  for (let k = 0; k < net.nNodes; k++) {
    if (st.seriesColumn[k] < 0) continue;
    siteId.push(net.labels.sites[net.nodeSite[k]].id);
    productId.push(net.labels.products[net.nodeProduct[k]].id);
  }
  return { siteId, productId };
}

/** Lane, product and end sites of each arc with per-arc series, in column order. */
function recordedArcs(st: SimState): SimResult['arcs'] {
  const net = st.net;
  const { sites, products, lanes } = net.labels;
  const laneId: string[] = [];
  const productId: string[] = [];
  const from: string[] = [];
  const to: string[] = [];
  for (let a = 0; a < net.nArcs; a++) {
    if (st.arcSeriesColumn[a] < 0) continue;
    laneId.push(lanes[net.arcLane[a]].id);
    productId.push(products[net.nodeProduct[net.arcFrom[a]]].id);
    from.push(sites[net.nodeSite[net.arcFrom[a]]].id);
    to.push(sites[net.nodeSite[net.arcTo[a]]].id);
  }
  return { laneId, productId, from, to };
}

function resultOf(st: SimState, seed: number, replication: number): SimResult {
  const net = st.net;
  return {
    summary: buildSummary(st),
    series: st.series,
    nodes: recordedNodes(st),
    arcs: recordedArcs(st),
    parties: net.labels.parties,
    warnings: net.warnings,
    seed,
    replication,
  };
}

/** Runs every period of a compiled network. */
export function runNetwork(net: Network, seed: number, options: SimOptions & RunHooks = {}): SimResult {
  const sim = simulationOf(net, seed, options);
  // Hooks about 100 times per run, and at least every ~200,000 node/arc steps on large networks.
  const every = Math.max(1, Math.min(Math.ceil(net.periods / 100), Math.floor(200_000 / (net.nNodes + net.nArcs + 1))));
  for (let t = 1; t <= net.periods; t++) {
    if (t % every === 0) {
      if (options.shouldCancel?.()) throw new SimCancelledError(t);
      options.onProgress?.((t - 1) / net.periods);
    }
    sim.step();
  }
  options.onProgress?.(1);
  return sim.result();
}

/**
 * Simulates a scenario over its horizon (or options.periods). Synchronous; throws SimInputError
 * before the first period when the scenario cannot be simulated, SimCancelledError when
 * shouldCancel() answers true. Same scenario, options and seed ⇒ identical result.
 */
export function simulateScenario(scenario: Scenario, options: SimOptions & RunHooks = {}): SimResult {
  return runNetwork(compileNetwork(scenario, options), seedOf(scenario, options), options);
}
