/**
 * GLPK adapter (glpk.js 5, the `glpk.js/node` entry: synchronous, runs in Node, page and worker;
 * loads glpk.wasm next to its module through `new URL('glpk.wasm', import.meta.url)`, which Vite
 * emits as an asset). Loaded once, on first use, by dynamic import.
 *
 * GLPK's presolver reports an infeasible or unbounded LP as "undefined"; such a model is solved
 * again without presolve to tell which. "Infeasible" is only reported when proven (GLP_NOFEAS):
 * a simplex stopped by the time limit with an infeasible basis (GLP_INFEAS) found no plan yet. GLPK returns row duals for LPs only and no MIP bound: the
 * gap of a MIP stopped by the time limit is measured against the LP relaxation (an upper bound on
 * the true gap).
 */
import type { GLPK, LP, Result } from 'glpk.js/node';
import { isMip, relaxModel, type LinearModel } from '../model';
import { relativeGap, type SolveOutcome, type SolveRequest, type Solver } from './solver';

let loading: Promise<GLPK> | undefined;

export function loadGlpk(): Promise<GLPK> {
  loading ??= import('glpk.js/node').then((m) => m.default()).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export async function createGlpkSolver(): Promise<Solver> {
  const glpk = await loadGlpk();
  return { name: 'glpk', solve: (request) => solveWithGlpk(glpk, request) };
}

function boundType(glpk: GLPK, lower: number, upper: number): { type: number; lb: number; ub: number } {
  const lo = Number.isFinite(lower);
  const up = Number.isFinite(upper);
  if (lo && up) return { type: lower === upper ? glpk.GLP_FX : glpk.GLP_DB, lb: lower, ub: upper };
  if (lo) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
  if (up) return { type: glpk.GLP_UP, lb: 0, ub: upper };
  return { type: glpk.GLP_FR, lb: 0, ub: 0 };
}

/** The model in glpk.js's JSON shape (columns and rows by name). */
export function toGlpkProblem(glpk: GLPK, m: LinearModel): LP {
  const names = m.colNames;
  const binaries: string[] = [];
  const generals: string[] = [];
  for (let j = 0; j < m.numCols; j++) {
    if (!m.colInteger[j]) continue;
    if (m.colLower[j] === 0 && m.colUpper[j] === 1) binaries.push(names[j]);
    else generals.push(names[j]);
  }
  return {
    name: m.name,
    objective: {
      direction: m.sense === 'min' ? glpk.GLP_MIN : glpk.GLP_MAX,
      name: 'obj',
      vars: Array.from({ length: m.numCols }, (_, j) => ({ name: names[j], coef: m.colCost[j] })),
    },
    subjectTo: Array.from({ length: m.numRows }, (_, i) => {
      const vars = [];
      for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) vars.push({ name: names[m.rowIndex[k]], coef: m.rowValue[k] });
      return { name: m.rowNames[i], vars, bnds: boundType(glpk, m.rowLower[i], m.rowUpper[i]) };
    }),
    bounds: Array.from({ length: m.numCols }, (_, j) => ({ name: names[j], ...boundType(glpk, m.colLower[j], m.colUpper[j]) })),
    binaries,
    generals,
  };
}

function run(glpk: GLPK, problem: LP, request: SolveRequest, presol: boolean): Result {
  return glpk.solve(problem, {
    msglev: glpk.GLP_MSG_OFF,
    presol,
    ...(request.timeLimitSeconds !== undefined ? { tmlim: Math.max(0.001, request.timeLimitSeconds) } : {}),
    ...(request.mipGap !== undefined ? { mipgap: request.mipGap } : {}),
  });
}

export function solveWithGlpk(glpk: GLPK, request: SolveRequest): SolveOutcome {
  const m = request.model;
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  if (request.signal?.aborted) return { solver: 'glpk', status: 'interrupted', hasSolution: false, seconds: 0 };
  const mip = isMip(m);
  const problem = toGlpkProblem(glpk, m);
  const limit = request.timeLimitSeconds;
  const hitLimit = (since: number) => limit !== undefined && (Date.now() - since) / 1000 >= limit * 0.95;
  let res: Result;
  let limited: boolean;
  try {
    let since = Date.now();
    res = run(glpk, problem, request, true);
    limited = hitLimit(since);
    // Presolve reports infeasible and unbounded alike as "undefined": ask the simplex which.
    if (res.result.status === glpk.GLP_UNDEF && !limited) {
      since = Date.now();
      res = run(glpk, problem, request, false);
      limited = hitLimit(since);
    }
  } catch (e) {
    return { solver: 'glpk', status: 'error', hasSolution: false, seconds: seconds(), message: e instanceof Error ? e.message : String(e) };
  }
  const { status, z, vars, dual } = res.result;
  const values = () => Float64Array.from(m.colNames, (n) => vars[n] ?? 0);
  const elapsed = seconds();
  switch (status) {
    case glpk.GLP_OPT: {
      const rowDuals = !mip && dual ? Float64Array.from(m.rowNames, (n) => dual[n] ?? 0) : undefined;
      return { solver: 'glpk', status: 'optimal', hasSolution: true, objective: z + m.objectiveOffset, values: values(), rowDuals, gap: mip ? 0 : undefined, seconds: elapsed };
    }
    case glpk.GLP_FEAS: {
      const objective = z + m.objectiveOffset;
      if (!limited) {
        // Stopped because the requested MIP gap was reached: optimal within that gap.
        return { solver: 'glpk', status: 'optimal', hasSolution: true, objective, values: values(), gap: mip ? request.mipGap : undefined, seconds: elapsed };
      }
      const bound = mip ? relaxationBound(glpk, m, request) : undefined;
      return {
        solver: 'glpk', status: 'time-limit', hasSolution: true, objective, values: values(),
        bestBound: bound, gap: bound === undefined ? undefined : relativeGap(objective, bound), seconds: elapsed,
      };
    }
    case glpk.GLP_NOFEAS:
      return { solver: 'glpk', status: 'infeasible', hasSolution: false, seconds: elapsed };
    case glpk.GLP_UNBND:
      return { solver: 'glpk', status: 'unbounded', hasSolution: false, seconds: elapsed };
    default:
      return limited
        ? { solver: 'glpk', status: 'time-limit', hasSolution: false, seconds: elapsed }
        : { solver: 'glpk', status: 'error', hasSolution: false, seconds: elapsed, message: `GLPK ended with status ${status}` };
  }
}

/** Objective of the LP relaxation: a bound on the MIP optimum. */
function relaxationBound(glpk: GLPK, m: LinearModel, request: SolveRequest): number | undefined {
  const res = glpk.solve(toGlpkProblem(glpk, relaxModel(m)), { msglev: glpk.GLP_MSG_OFF, tmlim: Math.max(1, request.timeLimitSeconds ?? 10) });
  return res.result.status === glpk.GLP_OPT ? res.result.z + m.objectiveOffset : undefined;
}
