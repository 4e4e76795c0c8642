/**
 * HiGHS adapter (npm `highs` 1.15, HiGHS compiled to wasm). The model goes in as sparse arrays
 * (no LP text to write and parse), runs synchronously, and reports status, primal values, row
 * duals (LP), MIP gap and bound. Time limit and MIP gap are HiGHS options; cancel and progress go
 * through its interrupt and MIP-logging callbacks.
 *
 * Loading: in Node the loader reads highs.wasm beside build/highs.mjs. In a browser or worker the
 * bundler must serve highs.wasm and the caller passes `locateFile` (or `wasmBinary`/`wasmModule`)
 * through SolverLoadOptions; the first load's options are used for the life of the page.
 */
import type { Highs, HighsCallbackMap, InitOptions, Model } from 'highs';
import { isMip, type LinearModel } from '../model';
import type { SolveOutcome, SolveRequest, Solver, SolverLoadOptions } from './solver';

let loading: Promise<Highs> | undefined;

/**
 * LPs with more rows than this are solved by interior point + crossover, smaller ones by the dual
 * simplex. Measured (bench:plan, generated plans): the simplex wins up to 18,000 rows (50 sites /
 * 200 lanes / 52 weeks with 2, 3 and 5 products: 2.6 vs 3.2 s, 3.1 vs 5.9 s, 5.6 vs 10.2 s) and
 * interior point from 30,000 (200 / 1,000 / 52 with 1 and 3 products: 5.7 vs 15.5 s, 37 vs 92 s).
 * The count of nonzeros does not separate them (149,000 favours the simplex, 144,000 not).
 */
export const IPM_MIN_ROWS = 25_000;

export function loadHighs(options: SolverLoadOptions['highs'] = {}): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default(options as InitOptions)).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export async function createHighsSolver(options?: SolverLoadOptions['highs']): Promise<Solver> {
  const highs = await loadHighs(options);
  return { name: 'highs', solve: (request) => solveWithHighs(highs, request) };
}

/** HiGHS's LP method for a model: the request's choice, else by size (IPM_MIN_ROWS); a MIP: branch and cut on the simplex. */
export function lpMethodFor(m: LinearModel, algorithm: SolveRequest['lpAlgorithm'] = 'auto'): 'simplex' | 'ipm' {
  if (isMip(m) || algorithm === 'simplex') return 'simplex';
  return algorithm === 'ipm' || m.numRows > IPM_MIN_ROWS ? 'ipm' : 'simplex';
}

function createModel(highs: Highs, m: LinearModel): Model {
  return highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: m.sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    offset: m.objectiveOffset,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.rowStart, indices: m.rowIndex, values: m.rowValue },
    ...(isMip(m) ? { integrality: Int32Array.from(m.colInteger) } : {}),
  });
}

/** Seconds between two progress reports during a MIP search. */
const PROGRESS_EVERY = 0.5;

function callbacks(highs: Highs, request: SolveRequest): HighsCallbackMap | undefined {
  const { signal, onMipProgress } = request;
  if (!signal && !onMipProgress) return undefined;
  const type = highs.constants.callbackType;
  const map: Record<number, (event: never) => undefined> = {};
  const stop = (event: { interrupt(): void }) => { if (signal?.aborted) event.interrupt(); return undefined; };
  map[type.simplexInterrupt] = stop;
  map[type.ipmInterrupt] = stop;
  let reported = -Infinity;
  // mipInterrupt fires throughout the search (mipLogging only when HiGHS logs): it carries the progress too.
  map[type.mipInterrupt] = (event: { interrupt(): void; data: { running_time?: number; mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number } }) => {
    stop(event);
    const d = event.data;
    const seconds = d.running_time ?? 0;
    if (onMipProgress && seconds - reported >= PROGRESS_EVERY) {
      reported = seconds;
      const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : undefined);
      onMipProgress({ seconds, incumbent: finite(d.mip_primal_bound), bound: finite(d.mip_dual_bound), gap: finite(d.mip_gap) });
    }
    return undefined;
  };
  return map as HighsCallbackMap;
}

export function solveWithHighs(highs: Highs, request: SolveRequest): SolveOutcome {
  const m = request.model;
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  if (request.signal?.aborted) return { solver: 'highs', status: 'interrupted', hasSolution: false, seconds: 0 };
  if (m.numCols === 0) {
    const feasible = Array.from(m.rowLower).every((lo, i) => lo <= 0 && m.rowUpper[i] >= 0);
    return feasible
      ? { solver: 'highs', status: 'optimal', hasSolution: true, objective: m.objectiveOffset, values: new Float64Array(0), rowDuals: new Float64Array(m.numRows), seconds: 0 }
      : { solver: 'highs', status: 'infeasible', hasSolution: false, seconds: 0 };
  }
  let model: Model | undefined;
  try {
    model = createModel(highs, m);
    model.options.set({
      output_flag: false,
      // Interior point (with crossover, so duals stay exact) beats dual simplex on large LPs (bench/plan.ts).
      ...(lpMethodFor(m, request.lpAlgorithm) === 'ipm' ? { solver: 'ipm' } : {}),
      ...(request.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.001, request.timeLimitSeconds) } : {}),
      ...(request.mipGap !== undefined ? { mip_rel_gap: request.mipGap } : {}),
    });
    const hooks = callbacks(highs, request);
    model.run(hooks);
    const ms = highs.constants.modelStatus;
    let status = model.getModelStatus();
    if (status === ms.unboundedOrInfeasible) {
      model.options.set({ presolve: 'off' });
      model.run(hooks);
      status = model.getModelStatus();
    }
    return readOutcome(highs, model, m, status, seconds());
  } catch (e) {
    return { solver: 'highs', status: 'error', hasSolution: false, seconds: seconds(), message: e instanceof Error ? e.message : String(e) };
  } finally {
    model?.dispose();
  }
}

function readOutcome(highs: Highs, model: Model, m: LinearModel, status: number, seconds: number): SolveOutcome {
  const ms = highs.constants.modelStatus;
  const mip = isMip(m);
  const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const base = { solver: 'highs' as const, seconds };
  const solution = () => {
    const s = model.getSolution();
    const objective = model.getObjectiveValue();
    if (!mip) return { objective, values: s.colValue, rowDuals: status === ms.optimal ? s.rowDual : undefined };
    const bound = Number(model.info.get('mip_dual_bound'));
    const gap = Number(model.info.get('mip_gap'));
    return { objective, values: s.colValue, bestBound: Number.isFinite(bound) ? bound : undefined, gap: Number.isFinite(gap) ? gap : undefined };
  };
  switch (status) {
    case ms.optimal:
      return { ...base, status: 'optimal', hasSolution: true, ...solution() };
    case ms.infeasible:
      return { ...base, status: 'infeasible', hasSolution: false };
    case ms.unbounded:
    case ms.unboundedOrInfeasible:
      return { ...base, status: 'unbounded', hasSolution: false };
    case ms.timeLimit:
    case ms.iterationLimit:
    case ms.solutionLimit:
      return hasSolution ? { ...base, status: 'time-limit', hasSolution: true, ...solution() } : { ...base, status: 'time-limit', hasSolution: false };
    case ms.interrupted:
      return hasSolution ? { ...base, status: 'interrupted', hasSolution: true, ...solution() } : { ...base, status: 'interrupted', hasSolution: false };
    default:
      return { ...base, status: 'error', hasSolution: false, message: `HiGHS ended with model status ${status}` };
  }
}
