/**
 * The one interface both solver adapters implement. A solver takes a LinearModel and returns
 * plain numbers: no solver types leak past the adapters, so the rest of the planner (and a worker
 * boundary) never depends on which solver ran.
 */
import type { LinearModel } from '../model';

export type SolverName = 'glpk' | 'highs' | 'network';

/** How a solver is named to people. */
export const SOLVER_LABELS: Readonly<Record<SolverName, string>> = { glpk: 'GLPK', highs: 'HiGHS', network: 'network simplex' };

/** Anything with an `aborted` flag: an AbortSignal, or a flag object backed by shared memory in a worker. */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface MipProgress {
  readonly seconds: number;
  /** Best plan's objective so far (model sense), if any. */
  readonly incumbent?: number;
  /** Best proven bound on the optimum. */
  readonly bound?: number;
  /** Relative gap between them (0.05 = 5 %). */
  readonly gap?: number;
}

export interface SolveRequest {
  readonly model: LinearModel;
  /** Wall-clock limit of this solve in seconds. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which the search stops (0.01 = 1 %). */
  readonly mipGap?: number;
  /** Polled by solvers that call back while they run (HiGHS); checked before every solve. */
  readonly signal?: CancelSignal;
  readonly onMipProgress?: (p: MipProgress) => void;
  /** LP algorithm where the solver offers a choice (HiGHS): 'auto' = interior point for large LPs, else simplex. */
  readonly lpAlgorithm?: 'auto' | 'simplex' | 'ipm';
}

export type SolveStatus =
  | 'optimal'
  /** Stopped by the time limit (with or without a solution). */
  | 'time-limit'
  /** Stopped by the cancel signal. */
  | 'interrupted'
  | 'infeasible'
  | 'unbounded'
  | 'error';

export interface SolveOutcome {
  readonly solver: SolverName;
  readonly status: SolveStatus;
  /** Whether `values` holds a feasible solution (optimal or best found). */
  readonly hasSolution: boolean;
  /** Objective in the model's sense, offset included. */
  readonly objective?: number;
  readonly values?: Float64Array;
  /** ∂objective/∂(row bound) per row, for LPs solved to optimality. */
  readonly rowDuals?: Float64Array;
  /** Best proven bound (MIP). */
  readonly bestBound?: number;
  /** Relative MIP gap of the returned solution, when known. */
  readonly gap?: number;
  readonly seconds: number;
  /** Solver's own words when something went wrong. */
  readonly message?: string;
}

export interface Solver {
  readonly name: SolverName;
  /** Synchronous inside: call it in a worker for anything but small models. */
  solve(request: SolveRequest): SolveOutcome;
}

/** How the wasm files are found: needed in a browser/worker when the bundler moves them. */
export interface SolverLoadOptions {
  readonly highs?: {
    /** Returns the URL of a file the HiGHS loader asks for ("highs.wasm"). */
    readonly locateFile?: (file: string) => string;
    readonly wasmBinary?: ArrayBuffer | ArrayBufferView;
    readonly wasmModule?: unknown;
  };
}

/** Relative gap |primal − bound| / max(1e-9, |primal|), the convention both solvers report. */
export function relativeGap(primal: number, bound: number): number {
  return Math.abs(primal - bound) / Math.max(1e-9, Math.abs(primal));
}
