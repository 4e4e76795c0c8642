/**
 * solvePlan: check → build → solve → read solution and duals → explain, as separate steps (the
 * PyPSA optimize.py pattern). Runs the same in Node (CLI, tests) and in a worker; everything it
 * returns is plain data. Cancel through PlanOptions.signal: checked between steps and polled by
 * HiGHS while it runs; a cancelled run rejects with PlanAbortedError (name 'AbortError').
 */
import type { Scenario } from '../model/types';
import { buildPlanModelFromNetwork, type PlanModel } from './build';
import { checkPlanInput } from './check';
import { analyseInfeasibility } from './infeasibility';
import { fixIntegers, integerCount, isMip, nonzeroCount, objectiveValue, type LinearModel } from './model';
import { buildPlanNetwork } from './network';
import { DEFAULT_MIP_GAP, DEFAULT_TIME_LIMIT_SECONDS, throwIfAborted, type PlanOptions } from './options';
import { planHeadline } from './headline';
import { planNotes } from './plan-notes';
import { readPlan } from './read-solution';
import type { PlanIssue, PlanResult } from './result';
import { explainShadowPrices } from './shadow-prices';
import { chooseSolverName, loadSolver } from './solvers/choose';
import { networkFormOf } from './solvers/network-form';
import { SOLVER_LABELS, type SolveOutcome, type SolveRequest, type Solver } from './solvers/solver';
import { explainUnbounded } from './unbounded';

/** performance.now() where the platform has it (Node, page, worker); the core's lib has no DOM types. */
const clock = (globalThis as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

export async function solvePlan(scenario: Scenario, options: PlanOptions = {}): Promise<PlanResult> {
  const started = now();
  options.onProgress?.({ stage: 'check', message: 'Checking the scenario' });
  const network = buildPlanNetwork(scenario);
  const issues = checkPlanInput(network);
  if (issues.some((i) => i.level === 'error')) return invalidResult(scenario, issues, now() - started);
  throwIfAborted(options.signal);
  options.onProgress?.({ stage: 'build', message: 'Building the model' });
  const pm = buildPlanModelFromNetwork(network, { demand: options.demand, relaxIntegrality: options.relaxIntegrality });
  return solvePlanModel(pm, options, { issues, buildMs: now() - started });
}

/** What solvePlan already did before solving: its check issues and how long check + build took. */
export interface PlanModelContext {
  readonly issues: readonly PlanIssue[];
  readonly buildMs: number;
}

/** Solves an already built model (the CLI builds first to export it). */
export async function solvePlanModel(pm: PlanModel, options: PlanOptions = {}, context?: PlanModelContext): Promise<PlanResult> {
  const started = now();
  const issues = context?.issues ?? checkPlanInput(pm.network);
  const m = pm.model;
  const solverName = chooseSolverName(m, options.solver);
  options.onProgress?.({ stage: 'solve', message: `Loading ${SOLVER_LABELS[solverName]}` });
  const solver = await loadSolver(solverName, options.solverLoad);
  const notNetwork = options.solver === 'network' && solverName !== 'network'
    ? [{ level: 'info' as const, code: 'not-a-network', message: `The network simplex cannot solve this model (${networkReason(m)}): HiGHS solved it.` }]
    : [];
  throwIfAborted(options.signal);
  const limits: Omit<SolveRequest, 'model'> = {
    timeLimitSeconds: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    mipGap: options.mipGap ?? DEFAULT_MIP_GAP,
    signal: options.signal,
    onMipProgress: options.onProgress && ((mip) => options.onProgress?.({ stage: 'solve', message: 'Searching for better plans', mip })),
  };
  options.onProgress?.({ stage: 'solve', message: `Solving ${m.numRows} × ${m.numCols} with ${SOLVER_LABELS[solver.name]}` });
  const solveStart = now();
  const outcome = solver.solve({ ...limits, model: m });
  const solveMs = now() - solveStart;
  if (outcome.status === 'interrupted' && options.signal?.aborted) throwIfAborted(options.signal);

  const base = {
    solver: solver.name,
    objectiveSense: pm.network.scenario.settings.objective,
    currency: pm.network.scenario.settings.currency,
    periodLabel: pm.network.scenario.settings.periodLength,
    horizon: pm.network.horizon,
    issues: [...issues, ...notNetwork],
    model: { rows: m.numRows, columns: m.numCols, nonzeros: nonzeroCount(m), integers: integerCount(m) },
  };
  const timings = () => ({ buildMs: round(context?.buildMs ?? 0), solveMs: round(solveMs), totalMs: round((context?.buildMs ?? 0) + now() - started) });
  const empty = { flows: [], production: [], stock: [], demand: [], sites: [], lanes: [], shortfalls: [], shadowPrices: [] };

  if (outcome.hasSolution && outcome.values) {
    options.onProgress?.({ stage: 'read', message: 'Reading the plan' });
    const fixed = isMip(m) ? solveFixedDesign(pm, solver, outcome.values, limits) : undefined;
    const values = fixed?.values ?? outcome.values;
    const reading = readPlan(pm, values);
    const prices = options.shadowPrices === false ? undefined : shadowPrices(pm, fixed ?? outcome, values);
    const status = outcome.status === 'optimal' ? 'optimal' as const : 'feasible' as const;
    const stopReason = outcome.status === 'time-limit' ? 'time-limit' as const : outcome.status === 'interrupted' ? 'cancelled' as const : undefined;
    const objective = pm.model.sense === 'max' ? reading.costs.profit : reading.costs.totalCost;
    const result: PlanResult = {
      ...base, ...reading, status, issues: [...base.issues, ...planNotes(pm, reading)], stopReason, gap: isMip(m) ? outcome.gap : undefined, objective,
      shadowPrices: prices?.prices ?? [], shadowPriceBasis: prices?.basis, headline: '', timings: timings(),
    };
    return ordered({ ...result, headline: planHeadline(result, limits.timeLimitSeconds) });
  }

  if (outcome.status === 'infeasible' || outcome.status === 'unbounded') {
    throwIfAborted(options.signal);
    // The elastic and capped models are no networks: explain with a general solver.
    const explainer = solver.name === 'network' ? await loadSolver('highs', options.solverLoad) : solver;
    let infeasible = outcome.status === 'infeasible';
    let unbounded;
    if (!infeasible) {
      options.onProgress?.({ stage: 'explain', message: 'Finding what grows without limit' });
      const report = explainUnbounded(pm, explainer, limits);
      if (report === 'infeasible') infeasible = true;
      else unbounded = report;
    }
    let infeasibility;
    if (infeasible && options.explainInfeasibility !== false) {
      options.onProgress?.({ stage: 'elastic', message: 'Finding which demands or capacities cannot be met' });
      infeasibility = analyseInfeasibility(pm, explainer, limits);
    }
    const result: PlanResult = {
      ...base, ...empty, status: infeasible ? 'infeasible' : 'unbounded', infeasibility, unbounded, headline: '', timings: timings(),
    };
    return ordered({ ...result, headline: planHeadline(result, limits.timeLimitSeconds) });
  }

  const status = outcome.status === 'time-limit' || outcome.status === 'interrupted' ? 'no-solution' as const : 'error' as const;
  const result: PlanResult = {
    ...base, ...empty, status, stopReason: outcome.status === 'time-limit' ? 'time-limit' : outcome.status === 'interrupted' ? 'cancelled' : undefined,
    headline: '', timings: timings(),
    issues: outcome.message ? [...base.issues, { level: 'error', code: 'solver-error', message: outcome.message }] : base.issues,
  };
  return ordered({ ...result, headline: planHeadline(result, limits.timeLimitSeconds) });
}

/**
 * A MIP's plan with its integer decisions fixed, re-solved as an LP: the flows exactly respect the
 * binaries (no 1e-6 leaks through integrality tolerances) and the duals explain the chosen design.
 * Used only if it is as good as the MIP's own solution.
 */
function solveFixedDesign(pm: PlanModel, solver: Solver, values: Float64Array, limits: Omit<SolveRequest, 'model'>): SolveOutcome | undefined {
  const fixed = solver.solve({ ...limits, model: fixIntegers(pm.model, values), onMipProgress: undefined });
  if (fixed.status !== 'optimal' || !fixed.values) return undefined;
  const mipObjective = objectiveValue(pm.model, values);
  const better = pm.model.sense === 'min' ? (fixed.objective ?? Infinity) <= mipObjective + 1e-6 * Math.max(1, Math.abs(mipObjective)) : (fixed.objective ?? -Infinity) >= mipObjective - 1e-6 * Math.max(1, Math.abs(mipObjective));
  return better ? fixed : undefined;
}

/** LP duals explained; for a MIP, those of the LP with its design fixed (basis 'fixed-design'). */
function shadowPrices(pm: PlanModel, outcome: SolveOutcome, values: Float64Array) {
  if (!outcome.rowDuals) return undefined;
  return { prices: explainShadowPrices(pm, outcome.rowDuals, values), basis: isMip(pm.model) ? 'fixed-design' as const : 'lp' as const };
}

const KEY_ORDER: readonly (keyof PlanResult)[] = [
  'status', 'headline', 'stopReason', 'gap', 'solver', 'objectiveSense', 'objective', 'currency', 'periodLabel', 'horizon',
  'costs', 'sites', 'lanes', 'shortfalls', 'infeasibility', 'unbounded', 'flows', 'production', 'stock', 'demand',
  'shadowPriceBasis', 'shadowPrices', 'imported', 'issues', 'model', 'timings',
];

/** The result with its keys in a reading order (status first, bulky tables last) and undefined keys left out. */
function ordered(r: PlanResult): PlanResult {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (r[k] !== undefined) out[k] = r[k];
  return out as unknown as PlanResult;
}

function invalidResult(scenario: Scenario, issues: readonly PlanIssue[], ms: number): PlanResult {
  const errors = issues.filter((i) => i.level === 'error');
  return ordered({
    status: 'invalid', headline: `The scenario cannot be planned: ${errors.map((e) => e.message).join(' ')}`,
    objectiveSense: scenario.settings.objective, currency: scenario.settings.currency, periodLabel: scenario.settings.periodLength,
    horizon: scenario.settings.horizon, flows: [], production: [], stock: [], demand: [], sites: [], lanes: [], shortfalls: [], shadowPrices: [],
    issues, model: { rows: 0, columns: 0, nonzeros: 0, integers: 0 }, timings: { buildMs: 0, solveMs: 0, totalMs: round(ms) },
  });
}

function networkReason(m: LinearModel): string {
  if (isMip(m)) return 'it has integer decisions';
  const check = networkFormOf(m);
  return check.ok ? 'unknown reason' : check.reason;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
