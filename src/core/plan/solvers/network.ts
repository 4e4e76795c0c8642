/**
 * The network-simplex adapter: an LP that is a minimum-cost flow problem (network-form.ts) is
 * solved by ChainLab's own network simplex (network-simplex.ts) — pure TypeScript, no wasm to
 * load, and on the planner's large single-product LPs about five times faster than HiGHS's
 * interior point (bench/plan.ts). It returns what the other adapters return: column values, the
 * objective, and row duals with the same sign convention (∂objective/∂row bound).
 *
 * It only takes network LPs: `chooseSolverName` picks it for those and hands anything else (MIPs,
 * several products sharing a capacity, BOMs with quantities other than 1) to HiGHS.
 */
import { isMip, objectiveValue } from '../model';
import { networkFormOf, networkSolution } from './network-form';
import { solveMinCostFlow } from './network-simplex';
import type { SolveOutcome, SolveRequest, Solver } from './solver';

export function createNetworkSolver(): Solver {
  return { name: 'network', solve: solveWithNetworkSimplex };
}

export function solveWithNetworkSimplex(request: SolveRequest): SolveOutcome {
  const m = request.model;
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const base = { solver: 'network' as const };
  if (request.signal?.aborted) return { ...base, status: 'interrupted', hasSolution: false, seconds: 0 };
  if (isMip(m)) return { ...base, status: 'error', hasSolution: false, seconds: 0, message: 'the network simplex solves LPs only, not integer models' };
  const check = networkFormOf(m);
  if (!check.ok) return { ...base, status: 'error', hasSolution: false, seconds: seconds(), message: `the model is not a network: ${check.reason}` };
  const limit = request.timeLimitSeconds;
  const flow = solveMinCostFlow(check.form.problem, {
    shouldStop: () => {
      if (request.signal?.aborted) return 'interrupted';
      return limit !== undefined && seconds() >= limit ? 'time-limit' : undefined;
    },
  });
  switch (flow.status) {
    case 'optimal': {
      const solution = networkSolution(m, check.form, flow.flow as Float64Array, flow.potential as Float64Array);
      if (solution === 'unbounded') return { ...base, status: 'unbounded', hasSolution: false, seconds: seconds() };
      return {
        ...base, status: 'optimal', hasSolution: true, objective: objectiveValue(m, solution.values),
        values: solution.values, rowDuals: solution.rowDuals, seconds: seconds(),
      };
    }
    case 'infeasible':
    case 'unbounded':
      return { ...base, status: flow.status, hasSolution: false, seconds: seconds() };
    case 'time-limit':
    case 'interrupted':
      return { ...base, status: flow.status, hasSolution: false, seconds: seconds() };
  }
}
