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
import { buildPlanModel, solvePlan, writeLp, writeMps, type PlanProgress, type PlanResult, type SolverLoadOptions } from '../../core/plan';
import { executePlan, type ExecuteOptions } from './execute-plan';
import { executionTransferables, type ExecutionResult } from './execution-types';
import type { ExecutionPlan } from './plan-to-execution';
import type { ModelFormat, PlanSolveOptions } from './plan-options';

export type SolveProgressCallback = (p: PlanProgress) => void;
export type FractionCallback = (fraction: number) => void;

export interface PlanWorkerApi {
  /** `cancelFlag`: an Int32Array on a SharedArrayBuffer; element 0 set to 1 means cancel. */
  solve(scenario: Scenario, options: PlanSolveOptions, onProgress?: SolveProgressCallback, cancelFlag?: Int32Array): Promise<PlanResult>;
  /** The model as CPLEX LP or free MPS text, for an external solver. */
  exportModel(scenario: Scenario, format: ModelFormat, options: Pick<PlanSolveOptions, 'demand'>): string;
  execute(plan: ExecutionPlan, options: Omit<ExecuteOptions, 'onProgress'>, onProgress?: FractionCallback): ExecutionResult;
}

/** A comlink proxy holds a MessagePort open until released; a plain function has nothing to release. */
function release(callback: unknown): void {
  (callback as Partial<Comlink.Remote<() => void>> | undefined)?.[Comlink.releaseProxy]?.();
}

/** At most one report per `ms` (plus the last): each is a message to the page. */
function throttled(report: FractionCallback, ms = 100): FractionCallback {
  let last = -Infinity;
  return (f) => {
    const now = Date.now();
    if (f < 1 && now - last < ms) return;
    last = now;
    void report(f);
  };
}

export function createPlanWorkerApi(solverLoad?: SolverLoadOptions): PlanWorkerApi {
  return {
    async solve(scenario, options, onProgress, cancelFlag) {
      try {
        const signal = cancelFlag && { get aborted() { return Atomics.load(cancelFlag, 0) === 1; } };
        // The remote callback returns a promise nobody needs: progress is fire-and-forget.
        return await solvePlan(scenario, { ...options, solverLoad, signal, onProgress: onProgress && ((p) => { void onProgress(p); }) });
      } finally {
        release(onProgress);
      }
    },
    exportModel(scenario, format, options) {
      const { model } = buildPlanModel(scenario, { demand: options.demand });
      return format === 'lp' ? writeLp(model) : writeMps(model);
    },
    execute(plan, options, onProgress) {
      try {
        const result = executePlan(plan, { ...options, onProgress: onProgress && throttled(onProgress) });
        return Comlink.transfer(result, executionTransferables(result));
      } finally {
        release(onProgress);
      }
    },
  };
}
