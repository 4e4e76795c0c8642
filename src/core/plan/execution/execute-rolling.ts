/**
 * executeRolling: a plan executed under the demand that happens, re-planned every k periods
 * (rolling horizon), next to the same plan followed to the end without re-planning.
 *
 * Per replication:
 *   1. draw the demand that happens over the whole horizon (actual-demand.ts);
 *   2. fixed: the first plan as fixed-plan orders (plan-to-execution.ts), simulated on it;
 *   3. rolling: simulate the first k periods with the current plan; take the simulation's state
 *      (snapshot: stock, backorders, shipments travelling, production under way); plan the rest of
 *      the horizon from that state with the scenario's own demand as the forecast
 *      (rolling-horizon.ts, windowScenario); simulate the next k periods with the new plan from
 *      that state; and so on to the end. A re-plan that finds no plan (infeasible, time limit)
 *      keeps following the previous plan;
 *   4. stitch the pieces into one run (run-kpis.ts) and the plans' executed parts into the plan
 *      carried out, costed by the planner's objective (plan-vector.ts).
 * With deterministic demand the state after k periods is the one the plan expected, so every
 * re-plan continues the optimum and the plan carried out costs what the first plan costs.
 *
 * Pure and asynchronous (the solver loads asynchronously): the plan worker calls it, the CLI and
 * the tests call it in Node. Cancel through `signal` (checked between pieces and polled by the
 * solvers).
 */
import type { DemandRow, Scenario } from '../../model/types';
import { createSimulation, type SimResult } from '../../sim';
import { buildPlanModel } from '../build';
import { throwIfAborted, type PlanOptions } from '../options';
import { planTablesCost } from '../plan-vector';
import type { PlanResult } from '../result';
import {
  designOf, executedPart, laterPart, replanPoints, stitchPlans, windowScenario,
  type PlanTables, type WindowState,
} from '../rolling-horizon';
import { solvePlan } from '../solve-plan';
import type { CancelSignal } from '../solvers/solver';
import { sampleDemand } from './actual-demand';
import { isRandom, MAX_EXECUTION_REPLICATIONS } from './execute-plan';
import type { DemandVariability, ExecutedTotals, ExecutionResult } from './execution-types';
import { planToExecution, type ExecutablePlan } from './plan-to-execution';
import {
  estimateAll, onHandSeries, pairKey, StockSeriesBuilder, stitchProducts, stitchTotals, type PieceRun,
} from './run-kpis';

export interface RollingOptions {
  /** Periods between two plans (≥ 1). */
  readonly replanEvery: number;
  /** Replications when demand or lead times are random (1..1000). */
  readonly replications: number;
  /** Demand randomness; default the scenario's. */
  readonly demandVariability?: DemandVariability;
  readonly seed?: number;
  /** The demand that happens, instead of the forecast with randomness (a what-if; every replication). */
  readonly actualDemand?: readonly DemandRow[];
  /** How each re-plan is solved (solver, time limit, gap, demand mode, where the wasm files are). */
  readonly solve?: Omit<PlanOptions, 'signal' | 'onProgress' | 'shadowPrices' | 'explainInfeasibility'>;
  readonly signal?: CancelSignal;
  readonly onProgress?: (p: RollingProgress) => void;
}

export interface RollingProgress {
  /** Share of the whole work done, 0..1. */
  readonly fraction: number;
  /** 1-based. */
  readonly replication: number;
  readonly replications: number;
  /** Re-plans done in this replication, of `replans`. */
  readonly replan: number;
  readonly replans: number;
  readonly message: string;
}

/** The plan a run starts from: its tables and design decisions. */
export type RollingPlan = ExecutablePlan & Pick<PlanResult, 'stock' | 'demand' | 'lanes'>;

const IGNORED_ORDERS = /order entries were ignored/;

const hasPlan = (r: PlanResult) => r.status === 'optimal' || r.status === 'feasible';

interface Piece {
  readonly run: SimResult;
  readonly piece: PieceRun;
  readonly state: WindowState;
}

/** Lead time of each producing (site, product). */
function productionLeads(scenario: Scenario): Map<string, number> {
  return new Map(scenario.production.map((r) => [pairKey(r.siteId, r.productId), r.leadTime]));
}

/** Production cost of what a plan makes in its first period (stock at the start of the piece). */
const firstPeriodProductionCost = (plan: Pick<PlanResult, 'production'>) => plan.production.filter((p) => p.period <= 1).reduce((s, p) => s + p.cost, 0);

/**
 * Simulates `periods` periods of `scenario` under `plan` (fixed-plan orders), from the state the
 * scenario encodes, with `demand` happening. Returns the run, its KPI piece and the state after it.
 */
function simulatePiece(
  scenario: Scenario, plan: RollingPlan, periods: number, offset: number,
  carried: ReadonlyMap<string, number>, seed: number, replication: number, last: boolean,
): Piece {
  const exec = planToExecution(scenario, plan);
  const sim = createSimulation(exec.scenario, {
    plan: exec.plan, initialOrders: exec.initialOrders, openSites: exec.openSites,
    demandVariability: 'none', seed, replication, series: 'nodes', periods,
  });
  for (let t = 0; t < periods; t++) sim.step();
  const run = sim.result();
  const snap = sim.snapshot();
  const node = run.series.node;
  const width = run.series.nodes;
  const column = new Map(run.nodes.siteId.map((siteId, k) => [pairKey(siteId, run.nodes.productId[k]), k]));
  const at = (k: string, metric: 'shipped' | 'ordered', t: number) => {
    const c = column.get(k);
    return node && c !== undefined ? node[metric][(t - 1) * width + c] : 0;
  };
  const servedFirst = new Map<string, number>();
  for (const k of carried.keys()) servedFirst.set(k, at(k, 'shipped', 1));
  // Production under way: started by the plan's period `periods` (the simulator's period − 1) and
  // not finished; what the simulator started in the last period is the next plan's to decide.
  const leads = productionLeads(scenario);
  const costOf = new Map(scenario.production.map((r) => [pairKey(r.siteId, r.productId), r.cost]));
  const inProduction: { siteId: string; productId: string; quantity: number }[] = [];
  let refund = 0;
  if (!last) {
    for (const [k, lead] of leads) {
      let q = 0;
      for (let o = Math.max(1, periods - lead); o <= periods - 1; o++) q += at(k, 'ordered', o);
      const [siteId, productId] = k.split('\u0000');
      if (q > 1e-9) inProduction.push({ siteId, productId, quantity: q });
      refund += at(k, 'ordered', periods) * (costOf.get(k) ?? 0);
    }
  }
  const state: WindowState = {
    period: offset + periods,
    stock: snap.stock,
    inTransit: snap.inTransit.map((x) => ({ ...x, arrivalPeriod: x.arrivalPeriod + offset })),
    inProduction,
  };
  return {
    run, state,
    piece: { summary: run.summary, periods, carried, servedFirst, productionAdjustment: firstPeriodProductionCost(plan) - refund },
  };
}

/** Backorders a window carries in as first-period demand, per (customer, product). */
function carriedBackorders(scenario: Scenario, state: WindowState): Map<string, number> {
  const out = new Map<string, number>();
  if (scenario.settings.unmetDemand !== 'backorder') return out;
  const demandPairs = new Set(scenario.demand.map((d) => pairKey(d.customerId, d.productId)));
  for (const s of state.stock) if (s.backorders > 1e-9 && demandPairs.has(pairKey(s.siteId, s.productId))) out.set(pairKey(s.siteId, s.productId), s.backorders);
  return out;
}

export async function executeRolling(scenario: Scenario, first: RollingPlan, options: RollingOptions): Promise<ExecutionResult> {
  const T = scenario.settings.horizon;
  const k = Math.max(1, Math.floor(options.replanEvery));
  const points = replanPoints(T, k);
  const cuts = [0, ...points, T];
  const variability = options.demandVariability ?? scenario.settings.demandVariability;
  const random = options.actualDemand === undefined && isRandom(scenario, variability);
  const n = random ? Math.min(MAX_EXECUTION_REPLICATIONS, Math.max(1, Math.round(options.replications))) : 1;
  const seed = options.seed ?? scenario.settings.seed;
  const design = designOf(first);
  const fullModel = buildPlanModel(scenario, { demand: options.solve?.demand });
  const rollingTotals: ExecutedTotals[] = [];
  const fixedTotals: ExecutedTotals[] = [];
  const products: ReturnType<typeof stitchProducts>[] = [];
  const plannedCosts: number[] = [];
  const rollingStock = new StockSeriesBuilder(T);
  const fixedStock = new StockSeriesBuilder(T);
  const warnings = new Set<string>();
  let failed = 0;
  const steps = n * (points.length + 1);
  let done = 0;
  const report = (replication: number, replan: number, message: string) => options.onProgress?.({
    fraction: Math.min(1, done / steps), replication: replication + 1, replications: n, replan, replans: points.length, message,
  });

  for (let r = 0; r < n; r++) {
    throwIfAborted(options.signal);
    const actual = options.actualDemand ? [...options.actualDemand] : sampleDemand(scenario, variability, seed, r);
    const happening = { ...scenario, demand: actual };

    // The first plan followed to the end.
    const fixed = simulatePiece(happening, first, T, 0, new Map(), seed, r, true);
    fixedTotals.push(stitchTotals([fixed.piece], T));
    fixedStock.add(onHandSeries(fixed.run));
    for (const w of fixed.run.warnings) warnings.add(w);

    // Re-planned every k periods.
    const pieces: PieceRun[] = [];
    const parts: PlanTables[] = [];
    const stock = new Map<string, Float64Array>();
    let plan: RollingPlan = first;
    let state: WindowState | undefined;
    for (let j = 0; j + 1 < cuts.length; j++) {
      const from = cuts[j];
      const to = cuts[j + 1];
      const last = j + 2 === cuts.length;
      if (state) {
        throwIfAborted(options.signal);
        report(r, j, `Replication ${r + 1} of ${n}: re-planning after ${scenario.settings.periodLength} ${from} (${j} of ${points.length})`);
        const forecast = windowScenario(scenario, state, design);
        const next = await solvePlan(forecast, { ...options.solve, signal: options.signal, shadowPrices: false, explainInfeasibility: false });
        throwIfAborted(options.signal);
        if (hasPlan(next)) plan = { ...next, sites: first.sites, lanes: first.lanes };
        else if (next.issues.some((i) => i.code === 'no-demand')) plan = { ...plan, flows: [], production: [], stock: [], demand: [] };
        else { failed++; plan = { ...plan, ...laterPart(plan, cuts[j] - cuts[j - 1]) }; }
      }
      const carried = state ? carriedBackorders(scenario, state) : new Map<string, number>();
      const simulated = state ? windowScenario(scenario, state, design, actual, 'simulate') : happening;
      const p = simulatePiece(simulated, plan, to - from, from, carried, seed, r, last);
      pieces.push(p.piece);
      parts.push(executedPart(plan, from, to - from, last));
      for (const [key, values] of onHandSeries(p.run)) {
        const series = stock.get(key) ?? new Float64Array(T);
        series.set(values.subarray(0, to - from), from);
        stock.set(key, series);
      }
      // A piece stops before the plan's later orders, which the simulator reports as ignored: expected here.
      for (const w of p.run.warnings) if (!IGNORED_ORDERS.test(w)) warnings.add(w);
      state = p.state;
      done++;
      report(r, j, `Replication ${r + 1} of ${n}: simulated ${scenario.settings.periodLength}s ${from + 1}–${to}`);
    }
    rollingTotals.push(stitchTotals(pieces, T));
    products.push(stitchProducts(pieces, T));
    rollingStock.add(stock);
    plannedCosts.push(planTablesCost(fullModel, stitchPlans(parts), design).totalCost);
  }

  const period = scenario.settings.periodLength;
  const notes = [
    `A new plan is made after every ${k} ${period}${k === 1 ? '' : 's'} (${points.length} re-plan${points.length === 1 ? '' : 's'} per run), from the stock, backorders and shipments the simulation reached, for the rest of the horizon; it replaces the orders not yet shipped.`,
    'The first plan is also followed to the end on the same demand, for comparison.',
    'Production planned for a plan\'s first period is on hand when that plan starts; its production cost is counted. Production under way at a re-plan counts as stock from the next period on.',
  ];
  if (failed > 0) notes.push(`${failed} re-plan${failed === 1 ? '' : 's'} found no plan: the previous plan was followed on.`);
  return {
    replications: n, random, demandVariability: options.actualDemand ? 'none' : variability, seed,
    total: estimateAll(rollingTotals), products: estimateAll(products), stock: rollingStock.finish(), warnings: [...warnings],
    rolling: {
      replanEvery: k, replanAt: points, failedReplans: failed, notes,
      fixed: { total: estimateAll(fixedTotals), stock: fixedStock.finish() },
      plannedCost: estimateAll(plannedCosts),
    },
  };
}
