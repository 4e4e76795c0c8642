/**
 * The options a user sets for one plan run in the app (none of them is part of the scenario),
 * their defaults, and how to read them from form input safely.
 *
 * The app's default MIP gap is 0.5 %, not the planner's 0.01 %: network-design and lot-sizing
 * models reach 0.5 % in seconds and may need minutes to prove 0.01 % (docs/planning.md, Limits) —
 * an interactive tool should answer first and refine on request.
 */
import type { DemandMode, SolverChoice } from '../../core/plan';

export type ModelFormat = 'lp' | 'mps';

/** What crosses to the worker: plain data (no signal, no callbacks). */
export interface PlanSolveOptions {
  readonly solver: SolverChoice;
  readonly timeLimitSeconds: number;
  /** Relative gap, 0.005 = 0.5 %. */
  readonly mipGap: number;
  readonly demand: DemandMode;
}

export const DEFAULT_SOLVE_OPTIONS: PlanSolveOptions = { solver: 'auto', timeLimitSeconds: 30, mipGap: 0.005, demand: 'soft' };

export const TIME_LIMIT_RANGE = { min: 1, max: 3600 } as const;

/** Largest solution file the page reads (reliability case 15: a huge file is refused, not choked on). */
export const MAX_SOLUTION_BYTES = 50_000_000;
export const MIP_GAP_PERCENT_RANGE = { min: 0, max: 50 } as const;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Options from untrusted form values: unknown choices and non-numbers fall back to the defaults. */
export function sanitizeSolveOptions(input: Partial<Record<keyof PlanSolveOptions, unknown>>): PlanSolveOptions {
  const d = DEFAULT_SOLVE_OPTIONS;
  const solver = input.solver === 'glpk' || input.solver === 'highs' || input.solver === 'network' || input.solver === 'auto' ? input.solver : d.solver;
  const demand = input.demand === 'must-meet' || input.demand === 'soft' ? input.demand : d.demand;
  const time = Number(input.timeLimitSeconds);
  const gap = Number(input.mipGap);
  return {
    solver, demand,
    timeLimitSeconds: Number.isFinite(time) && time > 0 ? clamp(time, TIME_LIMIT_RANGE.min, TIME_LIMIT_RANGE.max) : d.timeLimitSeconds,
    mipGap: Number.isFinite(gap) && gap >= 0 ? clamp(gap, MIP_GAP_PERCENT_RANGE.min / 100, MIP_GAP_PERCENT_RANGE.max / 100) : d.mipGap,
  };
}
