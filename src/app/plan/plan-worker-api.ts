/**
 * What the plan worker exposes: the planner's and the simulator's entry points with the plumbing
 * a worker boundary needs and nothing else — progress callbacks released when the call ends,
 * execution series handed over as transferred buffers. Kept apart from workers/plan.worker.ts so
 * the tests expose this very object on a MessageChannel (with the real solvers, in Node).
 *
 * Cancel: a solve is one synchronous wasm call, so the page stops it by terminating the worker
 * (WorkerBridge). Chromium lets a busy worker run on for up to 2 s after terminate()
 * (kForcibleTerminationDelay in Blink's worker_thread.cc), so when the page is cross-origin
 * isolated it also passes a shared flag: HiGHS polls it from its interrupt callbacks and returns
 * at once, and the worker is gone as soon as it is terminated.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../../core/model/types';
import {
  buildPlanModel, importPlanResult, packedTransferables, packPlanResult, solvePlan, unpackPlanResult, writeLp, writeMps,
  type ImportPlanOptions, type PackedPlanResult, type PlanProgress, type SolverLoadOptions,
} from '../../core/plan';
import { executePlan, type ExecuteOptions } from '../../core/plan/execution/execute-plan';
import { executeRolling, type RollingProgress } from '../../core/plan/execution/execute-rolling';
import { executionTransferables, type DemandVariability, type ExecutionResult } from '../../core/plan/execution/execution-types';
import type { ExecutionPlan } from '../../core/plan/execution/plan-to-execution';
import type { ModelFormat, PlanSolveOptions } from './plan-options';

export type SolveProgressCallback = (p: PlanProgress) => void;
export type FractionCallback = (fraction: number) => void;
export type RollingProgressCallback = (p: RollingProgress) => void;

/** How a plan is executed with re-planning (plain data; the worker adds where the solvers' files are). */
export interface RollingRunOptions {
  readonly replanEvery: number;
  readonly replications: number;
  readonly demandVariability?: DemandVariability;
  readonly seed?: number;
  /** How each re-plan is solved: the user's options of the first plan. */
  readonly solve: PlanSolveOptions;
}

/** An imported solution as the worker hands it over: the plan packed, or why it was refused. */
export type PackedImportOutcome =
  | { readonly ok: true; readonly packed: PackedPlanResult }
  | { readonly ok: false; readonly reason: string; readonly message: string; readonly details: readonly string[] };

export interface PlanWorkerApi {
  /**
   * The plan, packed into typed arrays that are transferred, not cloned (reliability case 22).
   * `cancelFlag`: an Int32Array on a SharedArrayBuffer; element 0 set to 1 means cancel.
   */
  solve(scenario: Scenario, options: PlanSolveOptions, onProgress?: SolveProgressCallback, cancelFlag?: Int32Array): Promise<PackedPlanResult>;
  /** An external solver's solution file of this scenario's exported model, checked and read. */
  importSolution(scenario: Scenario, text: string, options: ImportPlanOptions): PackedImportOutcome;
  /** The model as CPLEX LP or free MPS text, for an external solver. */
  exportModel(scenario: Scenario, format: ModelFormat, options: Pick<PlanSolveOptions, 'demand'>): string;
  execute(plan: ExecutionPlan, options: Omit<ExecuteOptions, 'onProgress'>, onProgress?: FractionCallback): ExecutionResult;
  /**
   * Executes `plan` (packed, transferred) on `scenario`, re-planning every few periods, next to
   * the plan followed to the end; series transferred back.
   */
  executeRolling(scenario: Scenario, plan: PackedPlanResult, options: RollingRunOptions, onProgress?: RollingProgressCallback, cancelFlag?: Int32Array): Promise<ExecutionResult>;
}

/** A comlink proxy holds a MessagePort open until released; a plain function has nothing to release. */
function release(callback: unknown): void {
  (callback as Partial<Comlink.Remote<() => void>> | undefined)?.[Comlink.releaseProxy]?.();
}

/** At most one report per `ms` (plus the last): each is a message to the page. */
function throttled<P>(report: (p: P) => void, fraction: (p: P) => number, ms = 100): (p: P) => void {
  let last = -Infinity;
  return (p) => {
    const now = Date.now();
    if (fraction(p) < 1 && now - last < ms) return;
    last = now;
    void report(p);
  };
}

const flagSignal = (flag: Int32Array | undefined) => flag && { get aborted() { return Atomics.load(flag, 0) === 1; } };

export function createPlanWorkerApi(solverLoad?: SolverLoadOptions): PlanWorkerApi {
  return {
    async solve(scenario, options, onProgress, cancelFlag) {
      try {
        const signal = flagSignal(cancelFlag);
        // The remote callback returns a promise nobody needs: progress is fire-and-forget.
        const result = await solvePlan(scenario, { ...options, solverLoad, signal, onProgress: onProgress && ((p) => { void onProgress(p); }) });
        const packed = packPlanResult(result);
        return Comlink.transfer(packed, packedTransferables(packed));
      } finally {
        release(onProgress);
      }
    },
    importSolution(scenario, text, options) {
      const outcome = importPlanResult(scenario, text, options);
      if (!outcome.ok) return outcome;
      const packed = packPlanResult(outcome.result);
      return Comlink.transfer({ ok: true, packed }, packedTransferables(packed));
    },
    exportModel(scenario, format, options) {
      const { model } = buildPlanModel(scenario, { demand: options.demand });
      return format === 'lp' ? writeLp(model) : writeMps(model);
    },
    execute(plan, options, onProgress) {
      try {
        const result = executePlan(plan, { ...options, onProgress: onProgress && throttled(onProgress, (f) => f) });
        return Comlink.transfer(result, executionTransferables(result));
      } finally {
        release(onProgress);
      }
    },
    async executeRolling(scenario, plan, options, onProgress, cancelFlag) {
      try {
        const { solver, timeLimitSeconds, mipGap, demand } = options.solve;
        const result = await executeRolling(scenario, unpackPlanResult(plan), {
          replanEvery: options.replanEvery, replications: options.replications, demandVariability: options.demandVariability, seed: options.seed,
          solve: { solver, timeLimitSeconds, mipGap, demand, solverLoad }, signal: flagSignal(cancelFlag),
          onProgress: onProgress && throttled(onProgress, (p) => p.fraction),
        });
        return Comlink.transfer(result, executionTransferables(result));
      } finally {
        release(onProgress);
      }
    },
  };
}
