/** PlanOptions: how a plan run is solved. None of these is part of the scenario. */
import type { DemandMode } from './build-context';
import type { SolverChoice } from './solvers/choose';
import type { CancelSignal, MipProgress, SolverLoadOptions } from './solvers/solver';

export type PlanStage = 'check' | 'build' | 'solve' | 'read' | 'explain' | 'elastic';

export interface PlanProgress {
  readonly stage: PlanStage;
  readonly message: string;
  /** MIP search progress, while HiGHS solves a MIP. */
  readonly mip?: MipProgress;
}

export interface PlanOptions {
  /** 'auto' (default): GLPK for small models, HiGHS for large ones and real MIPs. */
  readonly solver?: SolverChoice;
  /** Wall-clock limit per solve, in seconds (default 60). A MIP stopped by it returns its best plan with the gap. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which the search stops (default 1e-4 = 0.01 %; 0 = prove optimality). */
  readonly mipGap?: number;
  /** 'soft' (default): unmet demand is backordered or lost at its penalty; 'must-meet': all demand served on time, else infeasible. */
  readonly demand?: DemandMode;
  /** Solve the LP relaxation of a network-design model (binaries in [0, 1]). */
  readonly relaxIntegrality?: boolean;
  /** Compute shadow prices (default true): LP duals, or duals with the MIP's design fixed. */
  readonly shadowPrices?: boolean;
  /** Run the elastic analysis when the model is infeasible (default true). */
  readonly explainInfeasibility?: boolean;
  /** Cancel: checked between steps, and polled by HiGHS while it runs. */
  readonly signal?: CancelSignal;
  readonly onProgress?: (p: PlanProgress) => void;
  /** Where the solvers' wasm files are (browser/worker). */
  readonly solverLoad?: SolverLoadOptions;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 60;
export const DEFAULT_MIP_GAP = 1e-4;

/** Thrown when PlanOptions.signal is aborted; `name` is 'AbortError' like the platform's. */
export class PlanAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('the plan run was cancelled');
  }
}

export function throwIfAborted(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new PlanAbortedError();
}
