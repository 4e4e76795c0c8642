/**
 * The page's plan runner, framework-free: solve, export and execute on one plan worker through
 * the WorkerBridge. Cancel = terminate (a solve is one synchronous wasm call); a crash rejects
 * with a clear error; either way the next call starts a fresh worker. Progress callbacks go
 * through relays that stop forwarding when their call ends or is stopped, so nothing leaks and a
 * stopped run never reports into a newer one.
 *
 * Callers pass plain data: a Svelte `$state` scenario must be `$state.snapshot`-ed first.
 */
import type * as Comlink from 'comlink';
import type { Scenario } from '../../core/model/types';
import type { PlanProgress, PlanResult } from '../../core/plan';
import { WorkerBridge, type WorkerLike } from '../workers/worker-bridge';
import type { ExecuteOptions } from './execute-plan';
import type { ExecutionResult } from './execution-types';
import type { ModelFormat, PlanSolveOptions } from './plan-options';
import { planToExecution, type ExecutablePlan, type ExecutionPlan } from './plan-to-execution';
import type { PlanWorkerApi } from './plan-worker-api';
import { progressRelay, type ProxyCount } from './progress-relay';

export interface RunControl<P> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: P) => void;
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

  solve(scenario: Scenario, options: PlanSolveOptions, control: RunControl<PlanProgress> = {}): Promise<PlanResult> {
    // Registered before the bridge's own abort listener: the flag is set before the worker is terminated.
    const flag = sharedCancelFlag(control.signal, this.#sharedCancel);
    return this.#withProgress(control, (api, progress) => api.solve(scenario, options, progress, flag));
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
