/**
 * Which solver runs a model. GLPK is small (126 kB gzip) and starts fast: the default for small
 * LPs and tiny MIPs. Above that size an LP that is a minimum-cost flow problem (every column
 * links at most two balance rows: single-product networks, network-form.ts) goes to ChainLab's
 * own network simplex — no wasm to load, and about five times faster than HiGHS on the large
 * benchmark LP. Anything else large, and every real MIP, goes to HiGHS (about 1 MB gzip, loaded
 * only then): several times faster than GLPK on medium and large LPs, with a proper MIP bound,
 * gap and interruptible search (bench/plan.ts).
 *
 * A forced choice is kept, except 'network' for a model that is no network: HiGHS solves it.
 */
import { integerCount, isMip, nonzeroCount, type LinearModel } from '../model';
import { createGlpkSolver } from './glpk';
import { createHighsSolver } from './highs';
import { createNetworkSolver } from './network';
import { networkFormOf } from './network-form';
import type { Solver, SolverLoadOptions, SolverName } from './solver';

export type SolverChoice = SolverName | 'auto';

/** Above these sizes 'auto' picks the network simplex (network LPs) or HiGHS. */
export const AUTO_GLPK_MAX_NONZEROS = 20_000;
export const AUTO_GLPK_MAX_INTEGERS = 30;

/** Whether the network simplex can solve a model (an LP that is a min-cost flow problem). */
export const isNetworkLp = (model: LinearModel): boolean => !isMip(model) && networkFormOf(model).ok;

export function chooseSolverName(model: LinearModel, choice: SolverChoice = 'auto'): SolverName {
  if (choice === 'network') return isNetworkLp(model) ? 'network' : 'highs';
  if (choice !== 'auto') return choice;
  if (nonzeroCount(model) <= AUTO_GLPK_MAX_NONZEROS && integerCount(model) <= AUTO_GLPK_MAX_INTEGERS) return 'glpk';
  return isNetworkLp(model) ? 'network' : 'highs';
}

export function loadSolver(name: SolverName, options: SolverLoadOptions = {}): Promise<Solver> {
  if (name === 'network') return Promise.resolve(createNetworkSolver());
  return name === 'glpk' ? createGlpkSolver() : createHighsSolver(options.highs);
}
