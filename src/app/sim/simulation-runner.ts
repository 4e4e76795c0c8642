/**
 * Runs simulations off the page: single runs on one worker, Monte Carlo replications spread
 * over a pool of workers (one per core, at most 8), each running a contiguous block of
 * replications, then merged in replication order — the same numbers one worker would report.
 * Cancel (an AbortSignal) terminates every worker of the run at once; a crash or an error in one
 * worker stops the others. Workers stay warm between runs and are stopped when idle.
 * Framework-free: the page passes a worker factory, tests pass fake workers.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../../core/model/types';
import type { SimOptions } from '../../core/sim';
import { WorkerBridge, type WorkerLike } from '../workers/worker-bridge';
import { progressRelay, type ProxyCount } from './progress-relay';
import { MAX_POOL, poolSize, splitReplications } from './replication-split';
import type { RunSettings, SimOutcome } from './run-types';
import { bandKindFor, bandTransferables, type BandPart } from './series-bands';
import type { SimulateApi } from './simulate-worker-api';
import { siteBandTransferables, type SiteBandPart, type SiteBandsSkipped } from './site-bands';

export interface RunnerOptions {
  readonly createWorker: () => WorkerLike;
  /** Cores to use (navigator.hardwareConcurrency). */
  readonly cores?: number;
  readonly maxWorkers?: number;
  /** Idle workers are stopped after this many ms (they hold the engine in memory). Default 60 s. */
  readonly idleMs?: number;
}

export interface RunRequest {
  /** A plain object (`$state.snapshot`): it is structured-cloned to every worker. */
  readonly scenario: Scenario;
  readonly settings: RunSettings;
  /** 1: one seeded run with time series; more: Monte Carlo with confidence intervals. */
  readonly replications: number;
}

export interface RunHandlers {
  readonly signal?: AbortSignal;
  /** Share of the run done, 0..1 (throttled in the workers). */
  readonly onProgress?: (fraction: number) => void;
}

export class RunnerBusyError extends Error {
  override readonly name = 'RunnerBusyError';
  constructor() { super('A simulation is already running: cancel it or wait for it to finish.'); }
}

function optionsOf(settings: RunSettings): SimOptions {
  const o: { -readonly [K in keyof SimOptions]: SimOptions[K] } = {};
  if (settings.periods !== undefined) o.periods = settings.periods;
  if (settings.seed !== undefined) o.seed = settings.seed;
  if (settings.demandVariability !== undefined) o.demandVariability = settings.demandVariability;
  return o;
}

export class SimulationRunner {
  readonly #create: () => WorkerLike;
  readonly #cores: number;
  readonly #max: number;
  readonly #idleMs: number;
  readonly #bridges: WorkerBridge<SimulateApi>[] = [];
  #busy = false;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Workers started and stopped, and progress proxies not yet released: what a leak would show. */
  readonly stats = { created: 0, terminated: 0 };
  readonly proxies: ProxyCount = { live: 0, released: 0 };

  constructor(options: RunnerOptions) {
    this.#create = options.createWorker;
    this.#cores = options.cores ?? 1;
    this.#max = options.maxWorkers ?? MAX_POOL;
    this.#idleMs = options.idleMs ?? 60_000;
  }

  get workersAlive(): number { return this.stats.created - this.stats.terminated; }
  get busy(): boolean { return this.#busy; }
  /** Workers a run of `replications` would use. */
  poolFor(replications: number): number { return poolSize(this.#cores, replications, this.#max); }

  async run(request: RunRequest, handlers: RunHandlers = {}): Promise<SimOutcome> {
    if (this.#busy) throw new RunnerBusyError();
    this.#busy = true;
    clearTimeout(this.#idleTimer);
    try {
      return request.replications <= 1 ? await this.#single(request, handlers) : await this.#monteCarlo(request, handlers);
    } finally {
      this.#busy = false;
      this.#scheduleIdleStop();
    }
  }

  /** Stops every worker now (pending calls reject); the runner stays usable. */
  terminateAll(): void {
    clearTimeout(this.#idleTimer);
    for (const b of this.#bridges) b.terminate();
  }

  async #single(request: RunRequest, { signal, onProgress }: RunHandlers): Promise<SimOutcome> {
    const relay = onProgress ? progressRelay(onProgress, this.proxies) : undefined;
    try {
      const result = await this.#bridge(0).call((api) => api.simulate(request.scenario, optionsOf(request.settings), relay?.callback), signal);
      return { kind: 'single', result };
    } finally {
      relay?.retire();
    }
  }

  async #monteCarlo(request: RunRequest, { signal, onProgress }: RunHandlers): Promise<SimOutcome> {
    const n = request.replications;
    const blocks = splitReplications(n, this.poolFor(n));
    // Bands of the total series: 5–95 % quantiles when every replication's series fits, else min–max.
    const bands = bandKindFor(n, request.settings.periods ?? request.scenario.settings.horizon);
    // One controller for the whole run: the user's cancel, or the first failure, stops every worker.
    const stop = new AbortController();
    const onCancel = () => stop.abort();
    signal?.addEventListener('abort', onCancel, { once: true });
    if (signal?.aborted) stop.abort();
    const done = new Float64Array(blocks.length);
    const report = () => { if (onProgress) onProgress(done.reduce((a, b) => a + b, 0) / n); };
    const relays = blocks.map((b, i) => (onProgress ? progressRelay((f) => { done[i] = f * b.replications; report(); }, this.proxies) : undefined));
    let firstError: unknown;
    try {
      const settled = await Promise.allSettled(blocks.map((block, i) => this.#bridge(i).call(
        (api) => api.replications(request.scenario, { ...optionsOf(request.settings), ...block, bands, siteBands: true }, relays[i]?.callback), stop.signal,
      ).catch((e: unknown) => {
        firstError ??= e;
        stop.abort();
        throw e;
      })));
      if (firstError !== undefined) throw firstError;
      const parts = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<SimulateApi['replications']>>>).value);
      // The parts move to the merging worker (transferred, not copied: they are not used here again).
      const packed = parts.map((p) => p.packed);
      const bandParts = parts.every((p) => p.bands) ? parts.map((p) => p.bands as BandPart) : undefined;
      const siteParts = parts.every((p) => p.siteBands) ? parts.map((p) => p.siteBands as SiteBandPart | SiteBandsSkipped) : undefined;
      const buffers = [
        ...packed.map((p) => p.values.buffer as ArrayBuffer), ...(bandParts ?? []).flatMap(bandTransferables),
        ...(siteParts ?? []).flatMap(siteBandTransferables),
      ];
      const combined = await this.#bridge(0).call((api) => api.combine(Comlink.transfer(packed, buffers), bandParts, siteParts), stop.signal);
      return {
        kind: 'replications', replications: n, seed: parts[0].seed, estimate: combined.estimate,
        perReplication: combined.packed, warnings: parts[0].warnings, workers: blocks.length,
        ...(combined.bands ? { bands: combined.bands } : {}), ...(combined.siteBands ? { siteBands: combined.siteBands } : {}),
      };
    } finally {
      signal?.removeEventListener('abort', onCancel);
      for (const r of relays) r?.retire();
    }
  }

  #bridge(i: number): WorkerBridge<SimulateApi> {
    while (this.#bridges.length <= i) this.#bridges.push(new WorkerBridge<SimulateApi>(() => this.#counted()));
    return this.#bridges[i];
  }

  /** A worker from the factory whose terminate() is counted once. */
  #counted(): WorkerLike {
    const worker = this.#create();
    this.stats.created++;
    const terminate = worker.terminate.bind(worker);
    let stopped = false;
    worker.terminate = () => {
      if (!stopped) { stopped = true; this.stats.terminated++; }
      terminate();
    };
    return worker;
  }

  #scheduleIdleStop(): void {
    clearTimeout(this.#idleTimer);
    if (!Number.isFinite(this.#idleMs)) return;
    this.#idleTimer = setTimeout(() => { if (!this.#busy) this.terminateAll(); }, this.#idleMs);
  }
}
