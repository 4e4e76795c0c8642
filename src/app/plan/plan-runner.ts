/**
 * The page's plan runner, framework-free: solve, export and execute on one plan worker through
 * the WorkerBridge. Cancel = terminate (a solve is one synchronous wasm call); a crash rejects
 * with a clear error; either way the next call starts a fresh worker. Progress callbacks go
 * through relays that stop forwarding when their call ends or is stopped, so nothing leaks and a
 * stopped run never reports into a newer one.
 *
 * Callers pass plain data: a Svelte `$state` scenario must be `$state.snapshot`-ed first.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../../core/model/types';
import {
  packedTransferables, packPlanResult, unpackPlanResult,
  type ImportPlanOptions, type ImportPlanOutcome, type PackedPlanResult, type PlanProgress, type PlanResult,
} from '../../core/plan';
import type { RollingProgress } from '../../core/plan/execution/execute-rolling';
import { WorkerBridge, type WorkerLike } from '../workers/worker-bridge';
import type { ExecuteOptions } from '../../core/plan/execution/execute-plan';
import type { ExecutionResult } from '../../core/plan/execution/execution-types';
import type { ModelFormat, PlanSolveOptions } from './plan-options';
import { planToExecution, type ExecutablePlan, type ExecutionPlan } from '../../core/plan/execution/plan-to-execution';
import type { PackedImportOutcome, PlanWorkerApi, RollingRunOptions } from './plan-worker-api';
import { progressRelay, type ProxyCount } from './progress-relay';

export interface RunControl<P> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: P) => void;
  /** Milliseconds the page spent turning the worker's packed result back into objects. */
  readonly onReceived?: (ms: number) => void;
}

export interface PlanExecution {
  /** What the conversion did: the orders and the notes on where execution departs from the plan. */
  readonly plan: ExecutionPlan;
  readonly result: ExecutionResult;
}

/**
 * A flag the worker can read while it computes: only with SharedArrayBuffer, which browsers give
 * to cross-origin-isolated pages only. Set on abort, before the worker is terminated.
 */
function sharedCancelFlag(signal: AbortSignal | undefined, enabled: boolean): Int32Array | undefined {
  if (!signal || !enabled) return undefined;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  signal.addEventListener('abort', () => Atomics.store(flag, 0, 1), { once: true });
  return flag;
}

/** The packed result back as objects, timed (the only main-thread work a result costs before it is drawn). */
function received(packed: PackedPlanResult, control: RunControl<never> | RunControl<PlanProgress>): PlanResult {
  const t0 = performance.now();
  const result = unpackPlanResult(packed);
  control.onReceived?.(performance.now() - t0);
  return result;
}

const isolated = () => typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

export class PlanRunner {
  readonly #bridge: WorkerBridge<PlanWorkerApi>;
  readonly #sharedCancel: boolean;
  /** Progress proxies in flight and released (reliability case 21: none may leak). */
  readonly proxies: ProxyCount = { live: 0, released: 0 };

  /** `sharedCancel`: pass a shared cancel flag (default: when the page is cross-origin isolated). */
  constructor(createWorker: () => WorkerLike, options: { sharedCancel?: boolean } = {}) {
    this.#bridge = new WorkerBridge<PlanWorkerApi>(createWorker);
    this.#sharedCancel = options.sharedCancel ?? isolated();
  }

  /** Workers started so far (a cancel or crash makes the next call start another). */
  get workersStarted(): number { return this.#bridge.started; }
  get workerRunning(): boolean { return this.#bridge.running; }

  async solve(scenario: Scenario, options: PlanSolveOptions, control: RunControl<PlanProgress> = {}): Promise<PlanResult> {
    // Registered before the bridge's own abort listener: the flag is set before the worker is terminated.
    const flag = sharedCancelFlag(control.signal, this.#sharedCancel);
    const packed = await this.#withProgress(control, (api, progress) => api.solve(scenario, options, progress, flag));
    return received(packed, control);
  }

  /** Reads an external solver's solution of the scenario's exported model (checked in the worker). */
  async importSolution(scenario: Scenario, text: string, options: ImportPlanOptions, control: RunControl<never> = {}): Promise<ImportPlanOutcome> {
    const outcome = await this.#bridge.call<PackedImportOutcome>((api) => api.importSolution(scenario, text, options) as Promise<PackedImportOutcome>, control.signal);
    if (!outcome.ok) return { ok: false, reason: outcome.reason as Extract<ImportPlanOutcome, { ok: false }>['reason'], message: outcome.message, details: outcome.details };
    return { ok: true, result: received(outcome.packed, control) };
  }

  exportModel(scenario: Scenario, format: ModelFormat, options: Pick<PlanSolveOptions, 'demand'>, signal?: AbortSignal): Promise<string> {
    return this.#bridge.call((api) => api.exportModel(scenario, format, { demand: options.demand }), signal);
  }

  /** Converts the plan to fixed-plan orders (here: cheap, and the notes stay on the page) and simulates it in the worker. */
  async execute(
    scenario: Scenario, plan: ExecutablePlan, options: Omit<ExecuteOptions, 'onProgress'>, control: RunControl<number> = {},
  ): Promise<PlanExecution> {
    const execution = planToExecution(scenario, plan);
    const result = await this.#withProgress(control, (api, progress) => api.execute(execution, options, progress));
    return { plan: execution, result };
  }

  /**
   * Executes the plan re-planning every `options.replanEvery` periods (and, for comparison, the
   * plan followed to the end) in the worker. The plan goes over packed and transferred; its
   * orders are converted here too, for the notes on how it is executed.
   */
  async executeRolling(
    scenario: Scenario, plan: PlanResult, options: RollingRunOptions, control: RunControl<RollingProgress> = {},
  ): Promise<PlanExecution> {
    const execution = planToExecution(scenario, plan);
    const flag = sharedCancelFlag(control.signal, this.#sharedCancel);
    const result = await this.#withProgress(control, (api, progress) => {
      const packed = packPlanResult(plan);
      return api.executeRolling(scenario, Comlink.transfer(packed, packedTransferables(packed)), options, progress, flag);
    });
    return { plan: execution, result };
  }

  /** Stops whatever runs now (pending calls reject); the next call starts a fresh worker. */
  terminate(): void {
    this.#bridge.terminate();
  }

  async #withProgress<P, R>(
    control: RunControl<P>,
    fn: (api: Comlink.Remote<PlanWorkerApi>, progress: ((p: P) => void) | undefined) => Promise<R>,
  ): Promise<R> {
    const relay = control.onProgress ? progressRelay(control.onProgress, this.proxies) : undefined;
    try {
      return await this.#bridge.call((api) => fn(api, relay?.callback), control.signal);
    } catch (e) {
      // A stopped worker can no longer release its proxy. A finished call releases it itself,
      // after its last report (same port, in order), so those reports still arrive.
      relay?.retire();
      throw e;
    }
  }
}
