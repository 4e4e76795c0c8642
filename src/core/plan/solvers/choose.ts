/**
 * Which solver runs a model. GLPK is small (126 kB gzip) and starts fast: the default for small
 * LPs and tiny MIPs. HiGHS (about 1 MB gzip) is loaded only when chosen or when the model is large
 * or a real MIP: measured several times faster on medium and large LPs (bench/plan.ts), with a
 * proper MIP bound, gap and interruptible search.
 */
import { integerCount, nonzeroCount, type LinearModel } from '../model';
import { createGlpkSolver } from './glpk';
import { createHighsSolver } from './highs';
import type { Solver, SolverLoadOptions, SolverName } from './solver';

export type SolverChoice = SolverName | 'auto';

/** Above these sizes 'auto' picks HiGHS. */
export const AUTO_GLPK_MAX_NONZEROS = 20_000;
export const AUTO_GLPK_MAX_INTEGERS = 30;

export function chooseSolverName(model: LinearModel, choice: SolverChoice = 'auto'): SolverName {
  if (choice !== 'auto') return choice;
  return nonzeroCount(model) <= AUTO_GLPK_MAX_NONZEROS && integerCount(model) <= AUTO_GLPK_MAX_INTEGERS ? 'glpk' : 'highs';
}

export function loadSolver(name: SolverName, options: SolverLoadOptions = {}): Promise<Solver> {
  return name === 'glpk' ? createGlpkSolver() : createHighsSolver(options.highs);
}
