/**
 * The simulation session with the result cache: a finished run is cached with the scenario's
 * fingerprint; a new session (a reload) restores it without running, but only for the same
 * scenario version; a cache that cannot write leaves the run and its result intact and says so
 * quietly. The runner is a stub running the engine in this thread, as in sim-session.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioStore } from '../../../src/app/persistence/store';
import { ResultCache } from '../../../src/app/results/result-cache';
import type { RunRequest, RunHandlers, SimulationRunner } from '../../../src/app/sim/simulation-runner';
import { scenarioFromJson, scenarioToJson } from '../../../src/core/io/scenario-json';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { simulateScenario } from '../../../src/core/sim';
import { SimSession } from '../../../src/ui/sim/sim-session.svelte';
import { freshFactory, openTestStore } from './library-helpers';

function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

function stubRunner() {
  const requests: RunRequest[] = [];
  const runner = {
    poolFor: () => 1,
    async run(request: RunRequest, handlers: RunHandlers) {
      requests.push(request);
      handlers.onProgress?.(1);
      return { kind: 'single' as const, result: simulateScenario(request.scenario, request.settings) };
    },
  };
  return { runner: runner as unknown as SimulationRunner, requests };
}

const scenario = defaultScenario();
const stores: ScenarioStore[] = [];
afterEach(() => { stores.splice(0).forEach((s) => s.close()); vi.restoreAllMocks(); });

/** A result cache over one fake IndexedDB, as each page load would open it. */
async function cacheOn(factory: IDBFactory): Promise<ResultCache> {
  const store = await openTestStore(factory);
  stores.push(store);
  return new ResultCache(async () => store.results!);
}

describe('SimSession with the result cache', () => {
  it('caches a finished run; a new session restores it without running, for the same version only', async () => {
    const factory = freshFactory();
    const first = stubRunner();
    const cache = await cacheOn(factory);
    const session = new SimSession(() => first.runner, () => cache);
    session.formOf(scenario.id).periods = '10';
    await session.start(scenario);
    const ran = session.records.get(scenario.id)!;
    await vi.waitFor(async () => expect((await cache.lookup(scenario.id, ran.fingerprint)).state).toBe('current'));
    expect(session.cacheNotice).toBeNull();

    // "Reload": a new session and a new connection; the scenario comes back through the load path.
    const reloaded = scenarioFromJson(scenarioToJson(scenario));
    if (!reloaded.ok) throw new Error(reloaded.message);
    const second = stubRunner();
    const cacheAfter = await cacheOn(factory);
    const after = new SimSession(() => second.runner, () => cacheAfter);
    expect(await after.restore(reloaded.scenario)).toBe('restored');
    expect(second.requests).toHaveLength(0);
    const restored = after.records.get(scenario.id)!;
    expect(restored.cached?.savedAt).toBeGreaterThan(0);
    expect(restored.cached?.stripped).toBeNull();
    expect(restored.settings).toEqual({ periods: 10 });
    if (restored.outcome.kind !== 'single' || ran.outcome.kind !== 'single') throw new Error('expected single runs');
    expect(restored.outcome.result.summary).toEqual(ran.outcome.result.summary);
    expect(after.isStale(restored, reloaded.scenario)).toBe(false);
    // Asking again changes nothing: the record is in memory now.
    expect(await after.restore(reloaded.scenario)).toBe('in-memory');
  });

  it('does not restore a cached result for a changed scenario, and shows the in-memory one as stale', async () => {
    const factory = freshFactory();
    const stub = stubRunner();
    const cache = await cacheOn(factory);
    const session = new SimSession(() => stub.runner, () => cache);
    session.formOf(scenario.id).periods = '5';
    await session.start(scenario);
    await vi.waitFor(async () => expect(await cache.get(scenario.id)).toBeDefined());
    const edited: Scenario = { ...scenario, sites: scenario.sites.map((s) => (s.id === 'dc-lyon' ? { ...s, storageCapacity: 1500 } : s)) };
    expect(session.isStale(session.records.get(scenario.id)!, edited)).toBe(true);

    const after = new SimSession(() => stub.runner, () => cache);
    expect(await after.restore(edited)).toBe('stale');
    expect(after.records.has(scenario.id)).toBe(false);
    // Undoing the edit brings the same version back: its cached result is current again.
    expect(await after.restore({ ...edited, sites: scenario.sites })).toBe('restored');
  });

  it('keeps the run and its result when the cache cannot write, and says so quietly (case 4)', async () => {
    const factory = freshFactory();
    const stub = stubRunner();
    const cache = await cacheOn(factory);
    const session = new SimSession(() => stub.runner, () => cache);
    session.formOf(scenario.id).periods = '5';
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    await session.start(scenario);
    expect(session.records.get(scenario.id)?.outcome.kind).toBe('single');
    expect(session.problems.has(scenario.id)).toBe(false);
    await vi.waitFor(() => expect(session.cacheNotice).toMatch(/not kept for later \(the browser's storage is full\)/));
    vi.restoreAllMocks();
    // The next good write clears the notice.
    await session.start(scenario);
    await vi.waitFor(() => expect(session.cacheNotice).toBeNull());
  });

  it('without a cache, restore finds nothing and runs stay in memory', async () => {
    const stub = stubRunner();
    const session = new SimSession(() => stub.runner);
    expect(session.cache).toBeNull();
    expect(await session.restore(scenario)).toBe('none');
  });

  it('computes a scenario\'s fingerprint once per object', () => {
    const session = new SimSession(() => stubRunner().runner);
    const fp = session.fingerprint(scenario);
    expect(session.fingerprint(scenario)).toBe(fp);
    expect(session.fingerprint(structuredClone(scenario))).toBe(fp);
    expect(session.fingerprint({ ...scenario, name: 'Other' })).not.toBe(fp);
  });
});
