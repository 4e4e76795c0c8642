/**
 * The result cache (src/app/results) over the real persistence layer: fake-indexeddb, which
 * structured-clones like a browser, and the memory fallback. Put/get with typed arrays intact;
 * current vs stale by the scenario fingerprint; a scenario's deletion deletes its result (also
 * through the library); oversized results stored without per-node series; a quota failure
 * reported, never thrown; the database upgrade 1 → 2 keeping every scenario.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/app/persistence/memory-store';
import { DB_SCHEMA_VERSION, openScenarioDb } from '../../../src/app/persistence/scenario-db';
import { SCHEMA_VERSION_KEY, type ResultRecords, type ScenarioStore } from '../../../src/app/persistence/store';
import { boundOutcome, describeStripped, typedArrayBytes } from '../../../src/app/results/result-bounds';
import { ResultCache, type ResultEntry } from '../../../src/app/results/result-cache';
import { readCachedResult, RESULT_FORMAT } from '../../../src/app/results/result-record';
import type { SimOutcome } from '../../../src/app/sim/run-types';
import { packSummaries } from '../../../src/app/sim/summary-pack';
import { scenarioFingerprint } from '../../../src/core/compare/fingerprint';
import { loadScenario, type Scenario } from '../../../src/core';
import { simulateScenario } from '../../../src/core/sim';
import { serial } from '../sim-fixtures';
import { DB, freshFactory, makeLibrary, openTestStore, rawDoc } from './library-helpers';

const sc = serial({ demand: [5, 5, 5, 5], dc: { policy: 'base-stock', baseStock: 20, initialStock: 10 } });
const run = simulateScenario(sc, {});
const single: SimOutcome = { kind: 'single', result: run };

function entry(over: Partial<ResultEntry> = {}): ResultEntry {
  return { scenarioId: 'a', fingerprint: scenarioFingerprint(sc), settings: { periods: 4 }, replications: 1, outcome: single, ms: 12.5, ...over };
}

const stores: ScenarioStore[] = [];
async function idb(factory = freshFactory()): Promise<ScenarioStore> {
  const s = await openTestStore(factory);
  stores.push(s);
  return s;
}
const cacheOn = (records: ResultRecords, maxBytes?: number) => new ResultCache(async () => records, { maxBytes, now: () => 1_700_000_000_000 });
afterEach(() => { stores.splice(0).forEach((s) => s.close()); vi.restoreAllMocks(); });

describe.each([
  ['indexeddb', async () => (await idb()).results!],
  ['memory', async () => createMemoryStore().results!],
])('ResultCache on %s', (_kind, records) => {
  it('stores a run and reads it back whole, typed arrays as typed arrays', async () => {
    const cache = cacheOn(await records());
    expect(await cache.save(entry())).toEqual({ ok: true, stripped: null });
    const got = await cache.get('a');
    expect(got).toMatchObject({ format: RESULT_FORMAT, version: 1, scenarioId: 'a', settings: { periods: 4 }, replications: 1, ms: 12.5, savedAt: 1_700_000_000_000, stripped: null });
    if (got?.outcome.kind !== 'single') throw new Error('expected a single run');
    expect(got.outcome.result.series.total.onHand).toBeInstanceOf(Float64Array);
    expect(got.outcome.result.series.node?.onHand).toBeInstanceOf(Float32Array);
    expect(Array.from(got.outcome.result.series.total.customerDemand)).toEqual([5, 5, 5, 5]);
    expect(got.outcome.result.summary).toEqual(run.summary);
    // A copy: changing what was read changes nothing stored.
    got.outcome.result.series.total.onHand[0] = -1;
    const again = await cache.get('a');
    expect(again?.outcome.kind === 'single' && again.outcome.result.series.total.onHand[0]).not.toBe(-1);
  });

  it('is current only for the fingerprint it was run with; stale after an edit; none when absent', async () => {
    const cache = cacheOn(await records());
    await cache.save(entry());
    expect((await cache.lookup('a', scenarioFingerprint(sc))).state).toBe('current');
    const edited: Scenario = { ...sc, sites: sc.sites.map((s) => (s.id === 'dc' ? { ...s, storageCapacity: 7 } : s)) };
    expect((await cache.lookup('a', scenarioFingerprint(edited))).state).toBe('stale');
    expect((await cache.lookup('other', scenarioFingerprint(sc))).state).toBe('none');
    // A later run of the edited scenario replaces the old record: one result per scenario.
    await cache.save(entry({ fingerprint: scenarioFingerprint(edited) }));
    expect((await cache.lookup('a', scenarioFingerprint(edited))).state).toBe('current');
    expect((await cache.lookup('a', scenarioFingerprint(sc))).state).toBe('stale');
  });

  it('reads damaged or foreign records as "not cached", never as a result', async () => {
    const r = await records();
    const cache = cacheOn(r);
    await r.put('a', { format: RESULT_FORMAT, version: 99, scenarioId: 'a' });
    await r.put('b', 'garbage');
    await cache.save(entry({ scenarioId: 'c' }));
    await r.put('c', { ...(await cache.get('c')), outcome: { kind: 'single', result: {} } });
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.lookup('c', scenarioFingerprint(sc))).state).toBe('none');
  });

  it('forgets a result with its scenario: store.delete removes both', async () => {
    const store = _kind === 'indexeddb' ? await idb() : createMemoryStore();
    const cache = cacheOn(store.results!);
    expect((await store.put(sc, null)).ok).toBe(true);
    await cache.save(entry({ scenarioId: sc.id }));
    expect(await store.results!.keys()).toEqual([sc.id]);
    await store.delete(sc.id);
    expect(await store.list()).toEqual([]);
    expect(await cache.get(sc.id)).toBeUndefined();
  });
});

describe('bounded records', () => {
  // 9 network-total series × 4 periods × 8 bytes.
  const totalBytes = 9 * 4 * 8;

  it('keeps a result under the limit whole and strips per-node series, then per-company series, above it', () => {
    expect(typedArrayBytes(run.series.total)).toBe(totalBytes);
    // Per node (site × product): 7 Float32 series × 4 periods; per arc (lane × product): 2; per party: 3 Float64.
    const nodeBytes = typedArrayBytes(run.series.node);
    const arcBytes = typedArrayBytes(run.series.arc);
    const partyBytes = typedArrayBytes(run.series.party);
    expect(nodeBytes).toBe(7 * 4 * run.series.nodes * 4);
    expect(arcBytes).toBe(2 * 4 * run.series.arcs * 4);
    expect(partyBytes).toBe(3 * 4 * run.series.parties * 8);
    const full = totalBytes + nodeBytes + arcBytes + partyBytes;
    expect(typedArrayBytes(single)).toBe(full);
    expect(boundOutcome(single, full)).toEqual({ outcome: single, stripped: null });

    const noNodes = boundOutcome(single, totalBytes + partyBytes);
    expect(noNodes.stripped).toEqual({ nodeSeries: true, partySeries: false, perReplication: false, fullBytes: full });
    if (noNodes.outcome.kind !== 'single') throw new Error('expected a single run');
    // Left out the way the engine leaves them out: undefined, count 0, no columns.
    expect(noNodes.outcome.result.series).toMatchObject({ nodes: 0, arcs: 0 });
    expect(noNodes.outcome.result.series.node).toBeUndefined();
    expect(noNodes.outcome.result.series.arc).toBeUndefined();
    expect(noNodes.outcome.result.nodes).toEqual({ siteId: [], productId: [] });
    expect(noNodes.outcome.result.arcs).toEqual({ laneId: [], productId: [], from: [], to: [] });
    expect(noNodes.outcome.result.series.party).toBe(run.series.party);
    expect(noNodes.outcome.result.series.total).toBe(run.series.total);
    expect(noNodes.outcome.result.summary).toBe(run.summary);

    const totalsOnly = boundOutcome(single, totalBytes);
    expect(totalsOnly.stripped).toMatchObject({ nodeSeries: true, partySeries: true });
    if (totalsOnly.outcome.kind !== 'single') throw new Error('expected a single run');
    expect(totalsOnly.outcome.result.series.party).toBeUndefined();
    expect(typedArrayBytes(totalsOnly.outcome)).toBe(totalBytes);
    expect(describeStripped(totalsOnly.stripped!)).toMatch(/without per-site and per-lane series and per-company series/);
  });

  it('keeps a Monte Carlo estimate but drops its per-replication summaries when they are too large', () => {
    const packed = packSummaries([run.summary, run.summary, run.summary]);
    const mc: SimOutcome = { kind: 'replications', replications: 3, seed: 1, estimate: run.summary as never, perReplication: packed, warnings: [], workers: 1 };
    expect(typedArrayBytes(mc)).toBe(packed.width * 3 * 8);
    const b = boundOutcome(mc, packed.width * 8);
    expect(b.stripped).toEqual({ nodeSeries: false, partySeries: false, perReplication: true, fullBytes: packed.width * 24 });
    if (b.outcome.kind !== 'replications') throw new Error('expected replications');
    expect(b.outcome.estimate).toBe(mc.estimate);
    expect(b.outcome.perReplication).toMatchObject({ template: packed.template, width: packed.width, count: 0 });
    expect(b.outcome.perReplication.values).toHaveLength(0);
  });

  it('stores the stripped copy and says so in the record', async () => {
    const cache = cacheOn((await idb()).results!, totalBytes);
    const saved = await cache.save(entry());
    expect(saved).toMatchObject({ ok: true, stripped: { nodeSeries: true, partySeries: true } });
    const got = await cache.get('a');
    expect(got?.stripped).toMatchObject({ nodeSeries: true });
    expect(got?.outcome.kind === 'single' && got.outcome.result.series.node).toBeUndefined();
    expect(got?.outcome.kind === 'single' && Array.from(got.outcome.result.series.total.customerDemand)).toEqual([5, 5, 5, 5]);
  });
});

describe('failures are quiet', () => {
  it('reports a full quota as a message and leaves the scenario store working (case 4)', async () => {
    const store = await idb();
    await store.put(sc, null);
    const cache = cacheOn(store.results!);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    const saved = await cache.save(entry({ scenarioId: sc.id }));
    spy.mockRestore();
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.message).toBe("The result was not kept for later (the browser's storage is full). It is shown now; comparing it after a reload needs a re-run.");
    expect(await cache.get(sc.id)).toBeUndefined();
    expect((await store.get(sc.id))?.revision).toBe(1);
    expect((await store.put(sc, 1)).ok).toBe(true);
    expect((await cache.save(entry({ scenarioId: sc.id }))).ok).toBe(true);
  });

  it('keeps results in memory when storage cannot be opened', async () => {
    const cache = new ResultCache(() => Promise.reject(new Error('IndexedDB is not available in this browser')));
    expect((await cache.save(entry())).ok).toBe(true);
    expect(cache.memoryOnly).toBe(true);
    expect((await cache.lookup('a', scenarioFingerprint(sc))).state).toBe('current');
  });

  it('reports an uncloneable result instead of throwing', async () => {
    const cache = cacheOn((await idb()).results!);
    const bad = { ...single, result: { ...run, warnings: [() => 1] } } as unknown as SimOutcome;
    const saved = await cache.save(entry({ outcome: bad }));
    expect(saved.ok).toBe(false);
  });
});

describe('database schema 1 → 2', () => {
  it('adds the results store and keeps every scenario written by version 1', async () => {
    const factory = freshFactory();
    // The database as ChainLab's schema 1 made it, with one scenario in it.
    const req = factory.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('scenarios', { keyPath: 'id' });
      db.createObjectStore('docs', { keyPath: 'id' });
      db.createObjectStore('meta');
    };
    const v1 = await new Promise<IDBDatabase>((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
    const doc = rawDoc({ id: 'kept', name: 'Kept' });
    const tx = v1.transaction(['scenarios', 'docs', 'meta'], 'readwrite');
    tx.objectStore('scenarios').put({ id: 'kept', name: 'Kept', updatedAt: 5, revision: 3, formatVersion: 1, sizeBytes: 10 });
    tx.objectStore('docs').put({ id: 'kept', doc });
    tx.objectStore('meta').put(1, SCHEMA_VERSION_KEY);
    tx.objectStore('meta').put('kept', 'lastOpenedId');
    await new Promise((res) => { tx.oncomplete = res; });
    expect([...v1.objectStoreNames]).toEqual(['docs', 'meta', 'scenarios']);
    v1.close();

    const store = await idb(factory);
    expect(DB_SCHEMA_VERSION).toBe(2);
    expect(await store.getMeta(SCHEMA_VERSION_KEY)).toBe(2);
    expect(await store.getMeta('lastOpenedId')).toBe('kept');
    expect(await store.list()).toEqual([{ id: 'kept', name: 'Kept', updatedAt: 5, revision: 3, formatVersion: 1, sizeBytes: 10 }]);
    const got = await store.get('kept');
    expect(got?.doc).toEqual(doc);
    expect(loadScenario(got?.doc).ok).toBe(true);
    // The new store works at once.
    await store.results!.put('kept', { x: new Float64Array([1, 2]) });
    expect(await store.results!.get('kept')).toEqual({ x: new Float64Array([1, 2]) });
  });

  it('a connection opened at schema 1 (an old tab) has no results: reads none, a write says why', async () => {
    const factory = freshFactory();
    const old = await openScenarioDb({ idbFactory: factory, name: DB, version: 1 });
    stores.push(old);
    expect(await old.results!.get('a')).toBeUndefined();
    expect(await old.results!.keys()).toEqual([]);
    await expect(old.results!.put('a', {})).rejects.toThrow(/no results store/);
    await old.put(sc, null);
    await old.delete(sc.id);
    expect(await old.list()).toEqual([]);
  });
});

describe('with the scenario library', () => {
  it('deleting a scenario in the library deletes its cached result', async () => {
    const factory = freshFactory();
    const lib = makeLibrary(factory);
    await lib.init();
    const id = lib.getState().currentId!;
    const current = lib.getState().current!;
    const results = (await idb(factory)).results!;
    const cache = cacheOn(results);
    await cache.save(entry({ scenarioId: id, fingerprint: scenarioFingerprint(current) }));
    expect((await cache.lookup(id, scenarioFingerprint(current))).state).toBe('current');
    const keep = await lib.createBlank('Another');
    await cache.save(entry({ scenarioId: keep }));
    await lib.remove(id);
    expect(lib.getState().list.map((m) => m.id)).toEqual([keep]);
    expect(await results.keys()).toEqual([keep]);
    lib.dispose();
  });
});

it('readCachedResult checks the id the record is stored under', async () => {
  const cache = cacheOn(createMemoryStore().results!);
  await cache.save(entry());
  const raw = await cache.get('a');
  expect(readCachedResult(raw, 'a')).not.toBeNull();
  expect(readCachedResult(raw, 'b')).toBeNull();
});
