/**
 * The page's simulation state, outliving the Simulate view (switching tabs neither stops a run
 * nor loses its result): the run in progress, and per scenario id the last result, the last
 * problem and the run settings form. A result remembers the fingerprint of the scenario it was
 * computed from, so the view can say when the scenario changed since.
 *
 * With a result cache (the page's session has one), every finished run is also stored in
 * IndexedDB, and `restore` brings a cached result back into `records` when its fingerprint
 * still matches the scenario — after a reload, or for a scenario run in another tab. A cached
 * result of an earlier version of the scenario is never restored as the current one.
 */
import { SvelteMap } from 'svelte/reactivity';
import { createResultCache } from '../../app/results/create-result-cache';
import type { CacheLookup, CacheWrite, ResultEntry } from '../../app/results/result-cache';
import type { StrippedParts } from '../../app/results/result-record';
import { createSimulationRunner } from '../../app/sim/create-simulation-runner';
import { describeRunError, type RunProblem } from '../../app/sim/run-error';
import { defaultRunForm, parseRunForm, type RunForm, type RunFormErrors } from '../../app/sim/run-settings';
import type { RunSettings, SimOutcome } from '../../app/sim/run-types';
import type { SimulationRunner } from '../../app/sim/simulation-runner';
import { scenarioFingerprint } from '../../core/compare/fingerprint';
import type { Scenario } from '../../core/model/types';

export interface SimRecord {
  readonly scenario: Scenario;
  /** scenarioFingerprint of the scenario as run: an equal scenario in a new object is not "changed". */
  readonly fingerprint: string;
  readonly settings: RunSettings;
  readonly replications: number;
  readonly outcome: SimOutcome;
  readonly ms: number;
  /** Set when the record was read back from the result cache rather than run in this page. */
  readonly cached?: { readonly savedAt: number; readonly stripped: StrippedParts | null };
}

/** The part of ResultCache the session uses (tests pass a ResultCache over fake or memory storage). */
export interface SessionResultCache {
  save(entry: ResultEntry): Promise<CacheWrite>;
  lookup(scenarioId: string, fingerprint: string): Promise<CacheLookup>;
}

/** What `restore` found for a scenario. */
export type RestoreState = 'in-memory' | 'restored' | 'stale' | 'none';

export interface ActiveRun {
  readonly scenarioId: string;
  readonly scenarioName: string;
  readonly replications: number;
  readonly workers: number;
  readonly controller: AbortController;
}

export class SimSession {
  readonly #makeRunner: () => SimulationRunner;
  #runner: SimulationRunner | null = null;
  readonly #makeCache: (() => SessionResultCache) | null;
  #cache: SessionResultCache | null = null;
  /** Fingerprints per scenario object (scenarios are replaced on edit, never mutated). */
  readonly #fingerprints = new WeakMap<object, string>();
  /** Lookups in flight (id + fingerprint): views asking at once share one read of storage. Not state: never rendered. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping of promises, nothing reads it reactively
  readonly #lookups = new Map<string, Promise<RestoreState>>();
  /** Last result per scenario id (raw: its typed arrays are never proxied). */
  readonly records = new SvelteMap<string, SimRecord>();
  readonly problems = new SvelteMap<string, RunProblem>();
  active = $state.raw<ActiveRun | null>(null);
  progress = $state(0);
  /** The settings form per scenario: stable $state objects the inputs bind to. */
  readonly #forms: Record<string, RunForm> = {};
  formErrors = $state.raw<Readonly<Record<string, RunFormErrors>>>({});
  /** Why the last result could not be cached (a quiet notice; the result itself is fine). */
  cacheNotice = $state<string | null>(null);

  /** `makeCache`: the result cache, created on first use; null = results in memory only. */
  constructor(makeRunner: () => SimulationRunner = createSimulationRunner, makeCache: (() => SessionResultCache) | null = null) {
    this.#makeRunner = makeRunner;
    this.#makeCache = makeCache;
  }

  get cache(): SessionResultCache | null {
    if (!this.#cache && this.#makeCache) this.#cache = this.#makeCache();
    return this.#cache;
  }

  /**
   * The scenario's fingerprint, computed once per scenario object (~2 ms for the default
   * network): the app's scenarios are values — an edit makes a new object, never mutates one.
   */
  fingerprint(scenario: Scenario): string {
    const key = scenario as object;
    let fp = this.#fingerprints.get(key);
    if (fp === undefined) {
      fp = scenarioFingerprint(scenario);
      this.#fingerprints.set(key, fp);
    }
    return fp;
  }

  get runner(): SimulationRunner {
    this.#runner ??= this.#makeRunner();
    return this.#runner;
  }

  formOf(scenarioId: string): RunForm {
    const existing = this.#forms[scenarioId];
    if (existing) return existing;
    const form = $state(defaultRunForm());
    this.#forms[scenarioId] = form;
    return form;
  }

  /** True when `scenario` differs from the one the record was computed from. */
  isStale(record: SimRecord, scenario: Scenario): boolean {
    return record.scenario !== scenario && record.fingerprint !== this.fingerprint(scenario);
  }

  /**
   * Makes sure `records` holds this scenario's result when one exists: the in-memory one, or
   * the cached one when its fingerprint matches the scenario as it is now. 'stale': the cache
   * only has a result of an earlier version (not restored). Never rejects.
   */
  restore(scenario: Scenario): Promise<RestoreState> {
    const id = scenario.id;
    if (this.records.has(id)) return Promise.resolve('in-memory');
    const cache = this.cache;
    if (!cache) return Promise.resolve('none');
    const fingerprint = this.fingerprint(scenario);
    const key = `${id}\n${fingerprint}`;
    let pending = this.#lookups.get(key);
    if (!pending) {
      pending = this.#restoreFrom(cache, scenario, fingerprint).finally(() => this.#lookups.delete(key));
      this.#lookups.set(key, pending);
    }
    return pending;
  }

  async #restoreFrom(cache: SessionResultCache, scenario: Scenario, fingerprint: string): Promise<RestoreState> {
    const found = await cache.lookup(scenario.id, fingerprint).catch((): CacheLookup => ({ state: 'none' }));
    // A run that finished meanwhile is newer than anything cached.
    if (this.records.has(scenario.id)) return 'in-memory';
    if (found.state !== 'current') return found.state;
    const r = found.result;
    this.records.set(scenario.id, {
      scenario, fingerprint, settings: r.settings, replications: r.replications, outcome: r.outcome, ms: r.ms,
      cached: { savedAt: r.savedAt, stripped: r.stripped },
    });
    return 'restored';
  }

  /** Starts a run of `scenario` with its form's settings; resolves when it ends (never rejects). */
  async start(scenario: Scenario): Promise<void> {
    if (this.active) return;
    const id = scenario.id;
    // Workers get a plain copy: a Svelte proxy cannot be structured-cloned (reliability case 6).
    // Through JSON rather than $state.snapshot: a scenario is JSON data, and on a large network
    // the snapshot's recursive copy holds the page several times longer (see plan-session.svelte.ts).
    const plain = JSON.parse(JSON.stringify(scenario)) as Scenario;
    const fingerprint = this.fingerprint(scenario);
    const parsed = parseRunForm(this.formOf(id));
    this.formErrors = { ...this.formErrors, [id]: parsed.ok ? {} : parsed.errors };
    if (!parsed.ok) return;
    this.#setProblem(id, null);
    const controller = new AbortController();
    const runner = this.runner;
    this.progress = 0;
    this.active = { scenarioId: id, scenarioName: scenario.name, replications: parsed.replications, workers: parsed.replications > 1 ? runner.poolFor(parsed.replications) : 1, controller };
    const t0 = performance.now();
    try {
      const outcome = await runner.run({ scenario: plain, settings: parsed.settings, replications: parsed.replications }, {
        signal: controller.signal,
        onProgress: (f) => { if (this.active?.controller === controller) this.progress = f; },
      });
      const record: SimRecord = { scenario, fingerprint, settings: parsed.settings, replications: parsed.replications, outcome, ms: performance.now() - t0 };
      this.records.set(id, record);
      this.progress = 1;
      void this.#saveToCache(record);
    } catch (e) {
      this.#setProblem(id, describeRunError(e));
    } finally {
      if (this.active?.controller === controller) this.active = null;
    }
  }

  /** Stops the run now: its workers are terminated (the promise of start() settles as cancelled). */
  cancel(): void {
    this.active?.controller.abort();
  }

  /** Caches a finished run; a failure only sets `cacheNotice` (the run and scenario are fine). */
  async #saveToCache(record: SimRecord): Promise<void> {
    const cache = this.cache;
    if (!cache) return;
    const written = await cache.save({
      scenarioId: record.scenario.id, fingerprint: record.fingerprint, settings: record.settings,
      replications: record.replications, outcome: record.outcome, ms: record.ms,
    }).catch((e: unknown): CacheWrite => ({ ok: false, message: `The result was not kept for later (${String(e)}).` }));
    this.cacheNotice = written.ok ? null : written.message;
  }

  #setProblem(id: string, problem: RunProblem | null): void {
    if (problem) this.problems.set(id, problem);
    else this.problems.delete(id);
  }
}

/** One session per page, caching results in IndexedDB. */
export const simSession = new SimSession(createSimulationRunner, createResultCache);
