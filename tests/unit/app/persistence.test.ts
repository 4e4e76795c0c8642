/**
 * The persistence layer on its own: the IndexedDB store (fake-indexeddb, which structured-clones
 * like a browser), the memory fallback with the same rules, quota detection, the tab channel and
 * the persistent-storage request.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, loadScenario, type Scenario } from '../../../src/core';
import { createMemoryStore } from '../../../src/app/persistence/memory-store';
import { requestPersistentStorage } from '../../../src/app/persistence/persist';
import { DB_SCHEMA_VERSION, openScenarioDb } from '../../../src/app/persistence/scenario-db';
import { isQuotaError, StorageFullError, StoreClosedError } from '../../../src/app/persistence/storage-errors';
import { SCHEMA_VERSION_KEY, type ScenarioStore } from '../../../src/app/persistence/store';
import { createTabChannel, parseTabMessage, type TabMessage } from '../../../src/app/persistence/tab-channel';
import { DB, freshFactory, openTestStore, rawDoc, sleep } from './library-helpers';

function scenario(over: Record<string, unknown> = {}): Scenario {
  const r = loadScenario(rawDoc({ id: 'a', name: 'Alpha', ...over }));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

const stores: ScenarioStore[] = [];
async function idbStore(factory = freshFactory()): Promise<ScenarioStore> {
  const s = await openTestStore(factory);
  stores.push(s);
  return s;
}
afterEach(() => { stores.splice(0).forEach((s) => s.close()); vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe.each([
  ['indexeddb', () => idbStore()],
  ['memory', async () => createMemoryStore()],
])('ScenarioStore contract (%s)', (_kind, make) => {
  it('stores, lists and reads back a scenario with its meta', async () => {
    const store = await make();
    const s = scenario();
    const res = await store.put(s, null);
    expect(res).toMatchObject({ ok: true, revision: 1 });
    const [meta] = await store.list();
    expect(meta).toMatchObject({ id: 'a', name: 'Alpha', revision: 1, formatVersion: CURRENT_VERSION });
    expect(meta.sizeBytes).toBe(new TextEncoder().encode(JSON.stringify(s)).length);
    const got = await store.get('a');
    expect(got?.doc).toEqual(s);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('increments the revision per write and refuses a write based on an old revision (cases 10, 11)', async () => {
    const store = await make();
    await store.put(scenario(), null);
    expect(await store.put(scenario({ name: 'Second' }), 1)).toMatchObject({ ok: true, revision: 2 });
    const stale = await store.put(scenario({ name: 'Stale' }), 1);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2, name: 'Second' } });
    const dup = await store.put(scenario({ name: 'Dup' }), null);
    expect(dup).toMatchObject({ ok: false, reason: 'conflict' });
    expect(((await store.get('a'))?.doc as Scenario).name).toBe('Second');
  });

  it('reports a write against a deleted record as a conflict with current null', async () => {
    const store = await make();
    await store.put(scenario(), null);
    await store.delete('a');
    expect(await store.put(scenario(), 1)).toEqual({ ok: false, reason: 'conflict', current: null });
    expect(await store.list()).toEqual([]);
  });

  it('refuses to overwrite a record written by a newer format version (case 8)', async () => {
    const store = await make();
    const future = rawDoc({ id: 'a', name: 'Future', version: 99, hologram: true });
    await store.put(future as unknown as Scenario, null);
    const res = await store.put(scenario(), 1);
    expect(res.ok).toBe(false);
    if (res.ok || res.reason !== 'newer') throw new Error('expected the newer refusal');
    expect(res.message).toMatch(/newer ChainLab.*version 99.*not overwritten/);
    expect((await store.get('a'))?.doc).toEqual(future);
  });

  it('stores a Proxy-wrapped scenario as plain data (case 6)', async () => {
    const store = await make();
    const deep = (o: unknown): unknown => (typeof o === 'object' && o !== null ? new Proxy(Array.isArray(o) ? o.map(deep) : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, deep(v)])), {}) : o);
    const proxied = deep(scenario()) as Scenario;
    expect(() => structuredClone(proxied)).toThrow(/could not be cloned|DataCloneError/i);
    expect((await store.put(proxied, null)).ok).toBe(true);
    expect((await store.get('a'))?.doc).toEqual(scenario());
  });

  it('keeps meta values (lastOpenedId) and detaches stored data from the caller', async () => {
    const store = await make();
    await store.setMeta('lastOpenedId', 'a');
    expect(await store.getMeta('lastOpenedId')).toBe('a');
    const s = scenario();
    await store.put(s, null);
    (s.sites[0] as { name: string }).name = 'mutated after put';
    expect(((await store.get('a'))?.doc as Scenario).sites[0].name).toBe('Plant');
  });

  it('rejects documents without an id', async () => {
    const store = await make();
    await expect(store.put({ name: 'x' } as unknown as Scenario, null)).rejects.toThrow(/id/);
  });
});

describe('IndexedDB schema', () => {
  it('stores the schema version beside the data', async () => {
    const store = await idbStore();
    expect(await store.getMeta(SCHEMA_VERSION_KEY)).toBe(DB_SCHEMA_VERSION);
  });

  it('keeps data across connections (a reload)', async () => {
    const factory = freshFactory();
    const first = await openTestStore(factory);
    await first.put(scenario(), null);
    first.close();
    const second = await idbStore(factory);
    expect((await second.list()).map((m) => m.id)).toEqual(['a']);
  });
});

describe('case 4: storage full', () => {
  it('recognises quota errors by Chromium/WebKit name, Firefox name, legacy code and AbortError wrapping', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 1014 })).toBe(true);
    expect(isQuotaError(Object.assign(new DOMException('aborted', 'AbortError'), { inner: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } }))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', target: { error: quota } })).toBe(true);
    expect(isQuotaError(new Error('aborted', { cause: quota }))).toBe(true);
    expect(isQuotaError(new StorageFullError())).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'DataCloneError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const cyclic: { name: string; cause?: unknown } = { name: 'AbortError' };
    cyclic.cause = cyclic;
    expect(isQuotaError(cyclic)).toBe(false);
  });

  it('turns a quota failure inside the IndexedDB write into StorageFullError and writes nothing', async () => {
    const store = await idbStore();
    await store.put(scenario(), null);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    await expect(store.put(scenario({ name: 'Too big' }), 1)).rejects.toBeInstanceOf(StorageFullError);
    spy.mockRestore();
    expect(await store.get('a')).toMatchObject({ revision: 1, name: 'Alpha' });
    expect((await store.put(scenario({ name: 'Fits' }), 1)).ok).toBe(true);
  });
});

describe('case 5: IndexedDB unavailable', () => {
  it('rejects when there is no indexedDB at all, so the caller can fall back', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(openScenarioDb()).rejects.toThrow(/IndexedDB is not available/);
  });

  it('rejects when open fails', async () => {
    const factory = { open: () => { throw new DOMException('denied', 'InvalidStateError'); } } as unknown as IDBFactory;
    await expect(openScenarioDb({ idbFactory: factory })).rejects.toThrow(/denied/);
  });
});

describe('case 9: upgrades across tabs', () => {
  it('closes its own connection when a newer version opens, and says so', async () => {
    const factory = freshFactory();
    const onVersionChange = vi.fn();
    const old = await openScenarioDb({ idbFactory: factory, name: DB, onVersionChange });
    await old.put(scenario(), null);
    // The "newer tab": only succeeds because the old connection closed itself.
    const newer = await openScenarioDb({ idbFactory: factory, name: DB, version: DB_SCHEMA_VERSION + 1 });
    expect(onVersionChange).toHaveBeenCalledOnce();
    await expect(old.list()).rejects.toBeInstanceOf(StoreClosedError);
    expect(await newer.getMeta(SCHEMA_VERSION_KEY)).toBe(DB_SCHEMA_VERSION + 1);
    expect((await newer.list()).map((m) => m.id)).toEqual(['a']);
    newer.close();
  });

  it('calls onBlocked while an old connection that ignores versionchange stays open, then proceeds', async () => {
    const factory = freshFactory();
    // An old tab without our versionchange handler (e.g. an older build).
    const req = factory.open(DB, 1);
    const legacy = await new Promise<IDBDatabase>((res) => { req.onsuccess = () => res(req.result); });
    const onBlocked = vi.fn();
    const opening = openScenarioDb({ idbFactory: factory, name: DB, version: 2, onBlocked });
    await sleep(20);
    expect(onBlocked).toHaveBeenCalledOnce();
    legacy.close();
    const store = await opening;
    expect(await store.getMeta(SCHEMA_VERSION_KEY)).toBe(2);
    store.close();
  });

  it('fails with VersionError when the stored database is newer than this app', async () => {
    const factory = freshFactory();
    (await openScenarioDb({ idbFactory: factory, name: DB, version: 5 })).close();
    await expect(openScenarioDb({ idbFactory: factory, name: DB })).rejects.toMatchObject({ name: 'VersionError' });
  });
});

describe('case 10: tab channel', () => {
  it('delivers saved/deleted messages to other tabs only, and ignores foreign shapes', async () => {
    const name = `chainlab-test-${Math.random()}`;
    const a = createTabChannel(name);
    const b = createTabChannel(name);
    const gotA: TabMessage[] = [];
    const gotB: TabMessage[] = [];
    a.subscribe((m) => gotA.push(m));
    b.subscribe((m) => gotB.push(m));
    a.post({ type: 'saved', id: 'x', revision: 3 });
    a.post({ type: 'deleted', id: 'y' });
    await vi.waitFor(() => expect(gotB).toHaveLength(2));
    expect(gotB).toEqual([{ type: 'saved', id: 'x', revision: 3 }, { type: 'deleted', id: 'y' }]);
    expect(gotA).toEqual([]);
    a.close();
    b.close();
    expect(parseTabMessage({ type: 'saved', id: 'x' })).toBeNull();
    expect(parseTabMessage({ type: 'evil', id: 'x' })).toBeNull();
    expect(parseTabMessage('saved')).toBeNull();
  });

  it('is a silent no-op without BroadcastChannel', () => {
    const channel = createTabChannel('x', () => null);
    expect(() => channel.post({ type: 'saved', id: 'x', revision: 1 })).not.toThrow();
    channel.close();
  });
});

describe('requestPersistentStorage', () => {
  it('asks once, reports the answer and never throws', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    const notAsked = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => true, persist: notAsked })).toBe(true);
    expect(notAsked).not.toHaveBeenCalled();
    expect(await requestPersistentStorage({ persist: async () => { throw new Error('no'); } })).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBe(false);
    expect(await requestPersistentStorage({})).toBe(false);
  });
});
