/**
 * ScenarioLibrary against fake IndexedDB: one describe per storage reliability case (1–12 of
 * docs/reliability), plus the everyday library operations. Real timers, 10 ms autosave.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, scenarioFromJson, type Scenario } from '../../../src/core';
import { ScenarioLibrary } from '../../../src/app/library/scenario-library';
import { MEMORY_ONLY_MESSAGE, NEWER_DB_MESSAGE, STORAGE_FULL_MESSAGE } from '../../../src/app/library/save-state';
import { createTabChannel, type TabChannel } from '../../../src/app/persistence/tab-channel';
import { LAST_OPENED_KEY } from '../../../src/app/persistence/store';
import {
  deferred, freshFactory, instrument, makeInstrumentedLibrary, makeLibrary, openTestStore, rawDoc, readStored, sleep, TEMPLATES,
  type RawDoc,
} from './library-helpers';

const live: ScenarioLibrary[] = [];
const channels: TabChannel[] = [];
function track<T extends ScenarioLibrary>(lib: T): T { live.push(lib); return lib; }
afterEach(() => { live.splice(0).forEach((l) => l.dispose()); channels.splice(0).forEach((c) => c.close()); });

const rename = (name: string) => (s: Scenario): Scenario => ({ ...s, name });
const addProduct = (id: string) => (s: Scenario): Scenario => ({ ...s, products: [...s.products, { ...s.products[0], id, name: id }] });
const state = (lib: ScenarioLibrary) => lib.getState();
const current = (lib: ScenarioLibrary): Scenario => {
  const c = lib.getState().current;
  if (!c) throw new Error('no current scenario');
  return c;
};

/** Writes a raw document straight into the store (bypassing the library), as an old app would have. */
async function seed(factory: IDBFactory, doc: RawDoc): Promise<void> {
  const store = await openTestStore(factory);
  const res = await store.put(doc as unknown as Scenario, null);
  store.close();
  if (!res.ok) throw new Error('seed failed');
}

async function ready(factory = freshFactory(), options = {}) {
  const lib = track(makeLibrary(factory, options));
  await lib.init();
  return { lib, factory };
}

describe('first visit and return', () => {
  it('creates the default scenario from the template on a fresh database and remembers it', async () => {
    const { lib, factory } = await ready();
    const s = state(lib);
    expect(s.ready).toBe(true);
    expect(s.current?.name).toBe('Template network');
    expect(s.current?.version).toBe(CURRENT_VERSION);
    expect(s.list.map((m) => m.id)).toEqual([s.currentId]);
    expect(s.save.kind).toBe('saved');
    expect(s.warning).toBeNull();
    await vi.waitFor(async () => {
      const store = await openTestStore(factory);
      expect(await store.getMeta(LAST_OPENED_KEY)).toBe(s.currentId);
      store.close();
    });
  });

  it('skips a remembered scenario that no longer loads, opens the next one and says why', async () => {
    const factory = freshFactory();
    await seed(factory, rawDoc({ id: 'good', name: 'Good' }));
    await seed(factory, rawDoc({ id: 'bad', name: 'Bad', version: 'x' }));
    const store = await openTestStore(factory);
    await store.setMeta(LAST_OPENED_KEY, 'bad');
    store.close();
    const { library: lib, store: opened } = makeInstrumentedLibrary(factory);
    track(lib);
    await lib.init();
    expect(state(lib)).toMatchObject({ currentId: 'good', error: expect.stringMatching(/Could not open “Bad”/) });
    expect((await opened()).puts).toEqual([]);
  });

  it('asks for persistent storage once per init, and not in memory-only mode', async () => {
    const persist = vi.fn(async () => true);
    await ready(freshFactory(), { requestPersistence: persist });
    expect(persist).toHaveBeenCalledOnce();
    const memoryPersist = vi.fn(async () => true);
    await ready(freshFactory(), { requestPersistence: memoryPersist, openStore: () => Promise.reject(new Error('no idb')) });
    expect(memoryPersist).not.toHaveBeenCalled();
  });

  it('opens the last opened scenario next time, not merely the newest', async () => {
    const { lib, factory } = await ready();
    const first = state(lib).currentId!;
    await lib.createBlank('Newer');
    await lib.open(first);
    lib.dispose();
    await sleep(5);
    const { lib: again } = await ready(factory);
    expect(state(again).currentId).toBe(first);
    expect(state(again).list).toHaveLength(2);
  });

  it('emits immutable states to subscribers, first at once', async () => {
    const lib = track(makeLibrary(freshFactory()));
    const seen: Array<ReturnType<ScenarioLibrary['getState']>> = [];
    const off = lib.subscribe((s) => seen.push(s));
    expect(seen[0]).toMatchObject({ ready: false, save: { kind: 'loading' } });
    await lib.init();
    expect(seen.at(-1)?.ready).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    expect(Object.isFrozen(seen.at(-1))).toBe(true);
    off();
    lib.update(rename('after unsubscribe'));
    expect(seen.at(-1)?.current?.name).not.toBe('after unsubscribe');
  });
});

describe('case 1: edit then close within 100 ms', () => {
  it('flush writes a pending edit immediately', async () => {
    const { lib, factory } = await ready(freshFactory(), { autosaveDelayMs: 60_000 });
    const id = state(lib).currentId!;
    lib.update(rename('Edited'));
    expect(state(lib).save.kind).toBe('unsaved');
    await lib.flush();
    expect(state(lib).save.kind).toBe('saved');
    expect((await readStored(factory, id))?.name).toBe('Edited');
  });

  it('pagehide starts the write inside the event handler, and the reopened tab has the edit', async () => {
    const factory = freshFactory();
    const { library: lib, store } = makeInstrumentedLibrary(factory, { autosaveDelayMs: 60_000 });
    track(lib);
    await lib.init();
    const s = await store();
    const win = new EventTarget();
    lib.attachLifecycle(win);
    lib.update(rename('Before close'));
    const before = s.puts.length;
    win.dispatchEvent(new Event('pagehide'));
    // Synchronously: the browser may freeze the page right after the handler returns.
    expect(s.puts.length).toBe(before + 1);
    expect(s.puts.at(-1)?.doc.name).toBe('Before close');
    await vi.waitFor(async () => expect((await readStored(factory, state(lib).currentId!))?.name).toBe('Before close'));
    const { lib: reopened } = await ready(factory);
    expect(current(reopened).name).toBe('Before close');
  });

  it('visibilitychange to hidden flushes; detaching stops it', async () => {
    const { lib, factory } = await ready(freshFactory(), { autosaveDelayMs: 60_000 });
    const id = state(lib).currentId!;
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const detach = lib.attachLifecycle(new EventTarget(), doc);
    lib.update(rename('Hidden'));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(async () => expect((await readStored(factory, id))?.name).toBe('Hidden'));
    detach();
    lib.update(rename('After detach'));
    doc.dispatchEvent(new Event('visibilitychange'));
    await sleep(20);
    expect((await readStored(factory, id))?.name).toBe('Hidden');
  });

  it('autosaves on its own after the delay', async () => {
    const { lib, factory } = await ready();
    const id = state(lib).currentId!;
    lib.update(rename('Autosaved'));
    await vi.waitFor(() => expect(state(lib).save.kind).toBe('saved'));
    expect((await readStored(factory, id))?.name).toBe('Autosaved');
  });
});

describe('case 2: an edit during a write in flight', () => {
  it('saves both edits in order, one write at a time, ending with the latest', async () => {
    const factory = freshFactory();
    const { library: lib, store } = makeInstrumentedLibrary(factory, { autosaveDelayMs: 60_000 });
    track(lib);
    await lib.init();
    const s = await store();
    const before = s.puts.length;
    const gate = deferred();
    s.gate = gate.promise;
    lib.update(addProduct('first'));
    const firstFlush = lib.flush();
    await sleep(5);
    expect(state(lib).save.kind).toBe('saving');
    lib.update(addProduct('second'));
    gate.resolve();
    s.gate = null;
    await firstFlush;
    await lib.flush();
    const writes = s.puts.slice(before);
    expect(writes.map((w) => w.doc.products.map((p) => p.id))).toEqual([['widget', 'first'], ['widget', 'first', 'second']]);
    expect(writes.map((w) => w.expected)).toEqual([1, 2]);
    expect(s.maxInFlight).toBe(1);
    const stored = await readStored(factory, state(lib).currentId!);
    expect(stored?.revision).toBe(3);
    expect(stored?.doc).toEqual(current(lib));
    expect(state(lib).save.kind).toBe('saved');
  });

  it('a burst of edits is throttled into few writes and the last one wins', async () => {
    const factory = freshFactory();
    const { library: lib, store } = makeInstrumentedLibrary(factory, { autosaveDelayMs: 30 });
    track(lib);
    await lib.init();
    const s = await store();
    const before = s.puts.length;
    for (let i = 0; i < 25; i++) lib.update(rename(`typing ${i}`));
    await vi.waitFor(() => expect(state(lib).save.kind).toBe('saved'));
    expect(s.puts.length - before).toBe(1);
    expect((await readStored(factory, state(lib).currentId!))?.name).toBe('typing 24');
  });
});

describe('case 3: closing before the initial load finished', () => {
  it('writes nothing when disposed while the store is opening', async () => {
    const factory = freshFactory();
    await seed(factory, rawDoc({ id: 'kept', name: 'Kept' }));
    const before = await readStored(factory, 'kept');
    const opening = deferred();
    let opened: ReturnType<typeof instrument> | undefined;
    const lib = new ScenarioLibrary({
      openStore: async () => {
        await opening.promise;
        opened = instrument(await openTestStore(factory));
        return opened;
      },
      templates: TEMPLATES, defaultTemplateId: 'default', autosaveDelayMs: 10,
    });
    const init = lib.init();
    lib.update(rename('too early'));
    lib.dispose();
    opening.resolve();
    await init;
    expect(state(lib).ready).toBe(false);
    expect(opened?.puts).toEqual([]);
    expect(opened?.setMetaCalls).toBe(0);
    expect(await readStored(factory, 'kept')).toEqual(before);
  });

  it('never creates the default scenario when disposed during the first-visit template load', async () => {
    const factory = freshFactory();
    const templateLoad = deferred<unknown>();
    const { library: lib, store } = makeInstrumentedLibrary(factory, {
      templates: [{ id: 'default', name: 'Slow', load: () => templateLoad.promise }],
    });
    const init = lib.init();
    const s = await store();
    await sleep(5);
    lib.dispose();
    templateLoad.resolve(rawDoc());
    await init;
    expect(s.puts).toHaveLength(0);
    expect(s.setMetaCalls).toBe(0);
    const check = await openTestStore(factory);
    expect(await check.list()).toEqual([]);
    check.close();
  });

  it('ignores edits before init and makes no write while loading', async () => {
    const factory = freshFactory();
    await seed(factory, rawDoc({ id: 'kept', name: 'Kept' }));
    const { library: lib, store } = makeInstrumentedLibrary(factory);
    track(lib);
    lib.update(rename('ignored'));
    await lib.flush();
    await lib.init();
    const s = await store();
    expect(s.puts).toHaveLength(0);
    expect(current(lib).name).toBe('Kept');
  });
});

describe('case 4: storage full', () => {
  it('shows "not saved" with the export hint, keeps the work, and a later retry writes everything', async () => {
    const factory = freshFactory();
    const { library: lib, store } = makeInstrumentedLibrary(factory, { autosaveDelayMs: 60_000 });
    track(lib);
    await lib.init();
    const s = await store();
    const id = state(lib).currentId!;
    const storedBefore = await readStored(factory, id);
    s.failPut = new DOMException('quota', 'QuotaExceededError');
    lib.update(addProduct('one'));
    await lib.flush();
    expect(state(lib).save).toEqual({ kind: 'error', message: STORAGE_FULL_MESSAGE });
    expect(STORAGE_FULL_MESSAGE).toMatch(/storage is full.*Export/);
    lib.update(addProduct('two'));
    await lib.flush();
    expect(state(lib).save.kind).toBe('error');
    expect(current(lib).products.map((p) => p.id)).toEqual(['widget', 'one', 'two']);
    expect(await readStored(factory, id)).toEqual(storedBefore);
    // Switching away would drop the unsaved work: refused, with the reason.
    await expect(lib.createBlank('elsewhere')).rejects.toThrow(/not stored.*storage is full/);
    expect(state(lib).error).toMatch(/not stored/);
    expect(state(lib).currentId).toBe(id);
    s.failPut = null;
    lib.update(addProduct('three'));
    await lib.flush();
    expect(state(lib).save.kind).toBe('saved');
    expect((await readStored(factory, id))?.doc).toEqual(current(lib));
    expect(current(lib).products.map((p) => p.id)).toEqual(['widget', 'one', 'two', 'three']);
  });

  it('an AbortError wrapping the Firefox quota error counts as storage full too', async () => {
    const { library: lib, store } = makeInstrumentedLibrary(freshFactory(), { autosaveDelayMs: 60_000 });
    track(lib);
    await lib.init();
    (await store()).failPut = Object.assign(new DOMException('aborted', 'AbortError'), { inner: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } });
    lib.update(rename('x'));
    await lib.flush();
    expect(state(lib).save).toEqual({ kind: 'error', message: STORAGE_FULL_MESSAGE });
  });

  it('discardUnsavedChanges returns to the stored version', async () => {
    const { library: lib, store } = makeInstrumentedLibrary(freshFactory(), { autosaveDelayMs: 60_000 });
    track(lib);
    await lib.init();
    (await store()).failPut = new DOMException('quota', 'QuotaExceededError');
    lib.update(rename('lost on purpose'));
    await lib.flush();
    await lib.discardUnsavedChanges();
    expect(current(lib).name).toBe('Template network');
    expect(state(lib).save.kind).toBe('saved');
  });
});

describe('case 5: IndexedDB unavailable', () => {
  it('runs memory-only with a warning, and every operation works', async () => {
    const lib = track(new ScenarioLibrary({
      openStore: () => Promise.reject(new DOMException('no', 'InvalidStateError')),
      templates: TEMPLATES, defaultTemplateId: 'default', autosaveDelayMs: 10,
    }));
    await lib.init();
    expect(state(lib).warning).toBe(MEMORY_ONLY_MESSAGE);
    expect(state(lib).save).toEqual({ kind: 'memory-only', message: MEMORY_ONLY_MESSAGE });
    const first = state(lib).currentId!;
    lib.update(rename('Edited in memory'));
    await lib.flush();
    expect(state(lib).list.find((m) => m.id === first)?.name).toBe('Edited in memory');
    const copy = await lib.duplicate(first);
    expect(current(lib).name).toBe('Copy of Edited in memory');
    await lib.rename(first, 'Renamed');
    const blank = await lib.createBlank('Blank');
    await lib.createFromTemplate('other');
    const { text } = await lib.exportJson(first);
    const imported = await lib.importJson(text);
    expect(imported.ok).toBe(true);
    await lib.remove(blank);
    await lib.open(first);
    expect(current(lib).name).toBe('Renamed');
    expect(state(lib).list.map((m) => m.id)).toContain(copy);
    expect(state(lib).list).toHaveLength(4);
    expect(state(lib).save.kind).toBe('memory-only');
  });

  it('falls back to memory when the store opens but cannot be read, leaving it untouched', async () => {
    const factory = freshFactory();
    await seed(factory, rawDoc({ id: 'kept', name: 'Kept' }));
    const before = await readStored(factory, 'kept');
    let broken: ReturnType<typeof instrument> | undefined;
    const lib = track(makeLibrary(factory, {
      openStore: async () => {
        broken = instrument(await openTestStore(factory));
        broken.get = () => Promise.reject(new DOMException('disk gone', 'UnknownError'));
        return broken;
      },
    }));
    await lib.init();
    expect(state(lib)).toMatchObject({ ready: true, warning: MEMORY_ONLY_MESSAGE, save: { kind: 'memory-only' } });
    expect(state(lib).error).toMatch(/Could not read your saved scenarios: disk gone/);
    expect(current(lib).name).toBe('Template network');
    expect(broken?.puts).toEqual([]);
    expect(await readStored(factory, 'kept')).toEqual(before);
  });

  it('says to reload when the database belongs to a newer ChainLab', async () => {
    const lib = track(new ScenarioLibrary({
      openStore: () => Promise.reject(new DOMException('newer', 'VersionError')),
      templates: TEMPLATES, defaultTemplateId: 'default',
    }));
    await lib.init();
    expect(state(lib).warning).toBe(NEWER_DB_MESSAGE);
    expect(state(lib).current).not.toBeNull();
  });
});

describe('case 6: a proxied scenario (Svelte $state)', () => {
  it('saves without DataCloneError', async () => {
    const { lib, factory } = await ready();
    const id = state(lib).currentId!;
    lib.update((s) => new Proxy({ ...s, name: 'Proxied', sites: new Proxy([...s.sites], {}) }, {}));
    expect(() => structuredClone(current(lib))).toThrow();
    await lib.flush();
    expect(state(lib).save.kind).toBe('saved');
    expect((await readStored(factory, id))?.name).toBe('Proxied');
  });
});

describe('case 7: stored documents always go through loadScenario', () => {
  it('opens a stored format-1 document (defaults omitted) as a valid current scenario', async () => {
    const factory = freshFactory();
    await seed(factory, { format: 'chainlab.scenario', version: 1, id: 'old', name: 'Old v1' });
    const { lib } = await ready(factory);
    expect(state(lib).currentId).toBe('old');
    expect(current(lib)).toMatchObject({ version: CURRENT_VERSION, settings: { horizon: 52, periodLength: 'week' }, sites: [] });
    // Opening migrated in memory only: the stored original stays as it was until an edit.
    expect((await readStored(factory, 'old'))?.doc).toEqual({ format: 'chainlab.scenario', version: 1, id: 'old', name: 'Old v1' });
  });

  it('a stored document that fails to load leaves the current one and the record untouched', async () => {
    const factory = freshFactory();
    const bad = rawDoc({ id: 'bad', name: 'Broken', sites: [{ id: 'x', name: 'X', kind: 'dc', lat: 200, lon: 0 }] });
    await seed(factory, bad);
    const { lib } = await ready(factory);
    // init skipped it (and said so), creating the default instead.
    expect(state(lib).currentId).not.toBe('bad');
    expect(state(lib).error).toMatch(/Could not open “Broken”: the scenario has \d+ problems?/);
    const before = JSON.stringify(await readStored(factory, 'bad'));
    const { currentId, current: cur } = state(lib);
    await lib.open('bad');
    expect(state(lib).error).toMatch(/Could not open “Broken”/);
    expect(state(lib).currentId).toBe(currentId);
    expect(state(lib).current).toBe(cur);
    await lib.flush();
    expect(JSON.stringify(await readStored(factory, 'bad'))).toBe(before);
  });
});

describe('case 8: data from a newer version', () => {
  const future = rawDoc({ id: 'future', name: 'From the future', version: 99, teleporters: [{ id: 't1' }] });

  it('open refuses with the reason; the record is untouched; export still hands it out verbatim', async () => {
    const factory = freshFactory();
    const { lib } = await ready(factory);
    await seed(factory, future);
    const before = await readStored(factory, 'future');
    const { currentId } = state(lib);
    await lib.open('future');
    expect(state(lib).error).toMatch(/newer ChainLab.*version 99.*not changed/);
    expect(state(lib).currentId).toBe(currentId);
    await lib.rename('future', 'Overwrite attempt');
    expect(state(lib).error).toMatch(/newer ChainLab/);
    expect(await readStored(factory, 'future')).toEqual(before);
    const exported = await lib.exportJson('future');
    expect(JSON.parse(exported.text)).toEqual(future);
  });

  it('put refuses to overwrite it even with the right revision', async () => {
    const factory = freshFactory();
    await seed(factory, future);
    const store = await openTestStore(factory);
    const res = await store.put({ ...(await scenarioLike()), id: 'future' }, 1);
    expect(res).toMatchObject({ ok: false, reason: 'newer' });
    expect((await store.get('future'))?.doc).toEqual(future);
    store.close();
  });

  async function scenarioLike(): Promise<Scenario> {
    const r = scenarioFromJson(JSON.stringify(rawDoc()));
    if (!r.ok) throw new Error(r.message);
    return r.scenario;
  }
});

describe('case 9: database upgrade in another tab', () => {
  it('the old tab learns its connection closed and says to reload; later writes fail visibly, work kept', async () => {
    const factory = freshFactory();
    const { lib } = await ready(factory, { autosaveDelayMs: 60_000 });
    const { openScenarioDb, DB_SCHEMA_VERSION } = await import('../../../src/app/persistence/scenario-db');
    const newer = await openScenarioDb({ idbFactory: factory, name: 'chainlab-test', version: DB_SCHEMA_VERSION + 1 });
    expect(state(lib).warning).toMatch(/updated in another tab.*reload/);
    lib.update(rename('after upgrade'));
    await lib.flush();
    expect(state(lib).save).toMatchObject({ kind: 'error', message: expect.stringMatching(/reload/) });
    expect(current(lib).name).toBe('after upgrade');
    newer.close();
  });

  it('tells the user while an old tab blocks the upgrade, and clears it once open', async () => {
    const factory = freshFactory();
    const req = factory.open('chainlab-test', 1);
    const legacy = await new Promise<IDBDatabase>((res) => { req.onsuccess = () => res(req.result); });
    const { openScenarioDb } = await import('../../../src/app/persistence/scenario-db');
    const lib = track(new ScenarioLibrary({
      openStore: (hooks) => openScenarioDb({ idbFactory: factory, name: 'chainlab-test', version: 2, ...hooks }),
      templates: TEMPLATES, defaultTemplateId: 'default',
    }));
    const init = lib.init();
    await vi.waitFor(() => expect(state(lib).warning).toMatch(/close or reload the other ChainLab tabs/));
    legacy.close();
    await init;
    expect(state(lib).warning).toBeNull();
    expect(state(lib).ready).toBe(true);
  });
});

describe('case 10: two tabs edit the same scenario', () => {
  async function twoTabs(withChannel = false) {
    const factory = freshFactory();
    const name = `chainlab-${Math.random()}`;
    const channel = (): TabChannel | undefined => {
      if (!withChannel) return undefined;
      const c = createTabChannel(name);
      channels.push(c);
      return c;
    };
    const a = track(makeLibrary(factory, { autosaveDelayMs: 60_000, channel: channel() }));
    await a.init();
    const b = track(makeLibrary(factory, { autosaveDelayMs: 60_000, channel: channel() }));
    await b.init();
    expect(state(b).currentId).toBe(state(a).currentId);
    return { a, b, factory, id: state(a).currentId! };
  }

  it('B gets a conflict instead of overwriting A; mine-as-copy keeps both', async () => {
    const { a, b, factory, id } = await twoTabs();
    a.update(rename('A wins the race'));
    await a.flush();
    b.update(rename('B was second'));
    await b.flush();
    expect(state(b).save).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Another tab saved/) });
    expect((await readStored(factory, id))?.name).toBe('A wins the race');
    b.update(addProduct('more-b'));
    await b.flush();
    expect((await readStored(factory, id))?.name).toBe('A wins the race');
    await b.resolveConflict('mine-as-copy');
    const copyId = state(b).currentId!;
    expect(copyId).not.toBe(id);
    expect(state(b).save.kind).toBe('saved');
    const copy = await readStored(factory, copyId);
    expect(copy?.name).toBe('B was second (my copy)');
    expect((copy?.doc as Scenario).products.map((p) => p.id)).toContain('more-b');
    expect((await readStored(factory, id))?.name).toBe('A wins the race');
    expect(state(b).list.map((m) => m.id).sort()).toEqual([id, copyId].sort());
  });

  it("resolveConflict('theirs') shows A's version and drops B's edits", async () => {
    const { a, b, id } = await twoTabs();
    a.update(rename('Theirs'));
    await a.flush();
    b.update(rename('Mine'));
    await b.flush();
    await b.resolveConflict('theirs');
    expect(state(b)).toMatchObject({ currentId: id, save: { kind: 'saved' } });
    expect(current(b).name).toBe('Theirs');
    b.update(rename('Mine, on top of theirs'));
    await b.flush();
    expect(state(b).save.kind).toBe('saved');
  });

  it('with the tab channel, a clean tab follows the other one, a dirty tab shows the conflict before writing', async () => {
    const { a, b, factory, id } = await twoTabs(true);
    a.update(rename('Synced'));
    await a.flush();
    await vi.waitFor(() => expect(current(b).name).toBe('Synced'));
    expect(state(b).save.kind).toBe('saved');
    b.update(rename('B pending'));
    a.update(rename('A again'));
    await a.flush();
    await vi.waitFor(() => expect(state(b).save.kind).toBe('conflict'));
    expect(current(b).name).toBe('B pending');
    expect((await readStored(factory, id))?.name).toBe('A again');
  });

  it('a deletion in another tab is a conflict too, and mine-as-copy saves the work', async () => {
    const { a, b, factory, id } = await twoTabs();
    await a.remove(id);
    b.update(rename('Still mine'));
    await b.flush();
    expect(state(b).save).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/deleted in another tab/) });
    await b.resolveConflict('mine-as-copy');
    expect((await readStored(factory, state(b).currentId!))?.name).toBe('Still mine (my copy)');
  });
});

describe('case 11: a hidden/background tab', () => {
  it('never overwrites a newer revision, and follows it when shown again', async () => {
    const factory = freshFactory();
    const a = track(makeLibrary(factory));
    await a.init();
    const id = state(a).currentId!;
    const b = track(makeLibrary(factory, { autosaveDelayMs: 60_000 }));
    await b.init();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    b.attachLifecycle(new EventTarget(), doc);
    b.update(rename('stale background edit'));
    for (const n of [1, 2, 3]) { a.update(addProduct(`a${n}`)); await a.flush(); }
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(state(b).save.kind).toBe('conflict'));
    const stored = await readStored(factory, id);
    expect(stored?.revision).toBe(4);
    expect(stored?.doc).toEqual(current(a));
    // A clean background tab catches up when it becomes visible again.
    await b.resolveConflict('theirs');
    a.update(rename('while B was hidden'));
    await a.flush();
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(current(b).name).toBe('while B was hidden'));
    expect(current(b)).toEqual(current(a));
  });
});

describe('case 12: export → import round trip', () => {
  it('is deep-equal, including Unicode names, floats and ids', async () => {
    const name = 'Zürich Lager 東京 🚚';
    const doc = rawDoc({
      id: 'zh:lager.01', name,
      sites: [
        { id: 'plant_1', name: 'Zürich Werk ü', kind: 'plant', lat: 47.376886, lon: 8.541694 },
        { id: 'cust:tokyo', name: '東京 顧客 🚚', kind: 'customer', lat: 35.689487, lon: 139.691706 },
      ],
      lanes: [{ id: 'l.1', from: 'plant_1', to: 'cust:tokyo', costPerUnit: 0.1 + 0.2, distance: 9597.123456789 }],
      demand: [{ customerId: 'cust:tokyo', productId: 'widget', period: 1, quantity: 1e-7 }],
    });
    const { lib } = await ready();
    const first = await lib.importJson(JSON.stringify(doc));
    expect(first).toEqual({ ok: true, id: 'zh:lager.01' });
    const original = current(lib);
    const exported = await lib.exportJson();
    expect(exported.fileName).toBe('zurich-lager-東京.json');
    // Into a different browser profile: same id, deep-equal.
    const { lib: other } = await ready();
    expect(await other.importJson(exported.text)).toEqual({ ok: true, id: 'zh:lager.01' });
    expect(current(other)).toEqual(original);
    expect((await other.exportJson()).text).toBe(exported.text);
    expect(current(other).lanes[0].costPerUnit).toBe(0.30000000000000004);
    // Into the same library: the id is taken, so only the id changes.
    const again = await lib.importJson(exported.text);
    if (!again.ok) throw new Error(again.message);
    expect(again.id).not.toBe('zh:lager.01');
    expect({ ...current(lib), id: 'zh:lager.01' }).toEqual(original);
  });

  it('garbage is refused with a message and nothing is stored', async () => {
    const { lib, factory } = await ready();
    const before = state(lib);
    for (const text of ['not json', '{"format":"chainlab.scenario","version":1}', '{"__proto__":{"x":1}}', '[]']) {
      const r = await lib.importJson(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
    expect(state(lib).currentId).toBe(before.currentId);
    const store = await openTestStore(factory);
    expect(await store.list()).toHaveLength(1);
    store.close();
  });
});

describe('library operations', () => {
  it('duplicate, rename, remove and list', async () => {
    const { lib, factory } = await ready();
    const original = state(lib).currentId!;
    lib.update(rename('Base'));
    const copy = await lib.duplicate(original);
    expect(state(lib)).toMatchObject({ currentId: copy, current: { name: 'Copy of Base', id: copy } });
    expect({ ...current(lib), id: original, name: 'Base' }).toEqual((await readStored(factory, original))?.doc);
    await lib.rename(original, 'Base renamed');
    expect((await readStored(factory, original))?.name).toBe('Base renamed');
    await lib.rename(copy, '  Copy renamed  ');
    expect(current(lib).name).toBe('Copy renamed');
    await lib.rename(copy, '   ');
    expect(state(lib).error).toBe('A scenario needs a name.');
    expect(current(lib).name).toBe('Copy renamed');
    expect(state(lib).list.map((m) => m.name).sort()).toEqual(['Base renamed', 'Copy renamed']);
    await lib.remove(copy);
    expect(state(lib).currentId).toBe(original);
    expect(state(lib).list.map((m) => m.id)).toEqual([original]);
    expect(await readStored(factory, copy)).toBeUndefined();
    await lib.remove(original);
    expect(state(lib).list).toHaveLength(1);
    expect(current(lib).name).toBe('Template network');
  });

  it('creates from a template or blank and opens it; unknown templates are an error', async () => {
    const { lib } = await ready();
    const other = await lib.createFromTemplate('other');
    expect(state(lib)).toMatchObject({ currentId: other, current: { name: 'Other network' } });
    const blank = await lib.createBlank();
    expect(current(lib)).toMatchObject({ id: blank, name: 'Untitled scenario', sites: [] });
    await expect(lib.createFromTemplate('nope')).rejects.toThrow(/no template/);
    expect(state(lib).error).toMatch(/no template/);
    expect(state(lib).list).toHaveLength(3);
  });

  it('falls back to a blank scenario when the default template fails to load', async () => {
    const { lib } = await ready(freshFactory(), { templates: [{ id: 'default', name: 'Broken', load: async () => ({ format: 'nope' }) }] });
    expect(current(lib).name).toBe('Untitled scenario');
    expect(state(lib).error).toMatch(/default scenario could not be loaded/);
  });

  it('an edit cannot change the scenario id', async () => {
    const { lib, factory } = await ready();
    const id = state(lib).currentId!;
    lib.update((s) => ({ ...s, id: 'hijack', name: 'moved?' }));
    await lib.flush();
    expect(current(lib).id).toBe(id);
    expect((await readStored(factory, id))?.name).toBe('moved?');
    expect(await readStored(factory, 'hijack')).toBeUndefined();
  });
});
