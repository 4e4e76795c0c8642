/**
 * Opening a shared link never touches local work (issue 6, reliability case 24): the shared
 * scenario is shown through SharedScenarioView over a real ScenarioLibrary on fake IndexedDB,
 * with an instrumented store that counts every write. Also: edits refused through the editor,
 * Close, "Save a copy", the link-opening flow, and the address/clipboard helpers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EditorSession } from '../../src/app/editor/editor-session';
import type { ScenarioLibrary } from '../../src/app/library/scenario-library';
import { copyText } from '../../src/app/share/copy-text';
import { openSharedLink } from '../../src/app/share/open-shared-link';
import { hasShareFragment, removeShareFragment, shareUrl, type HistoryLike } from '../../src/app/share/share-location';
import { READ_ONLY_MESSAGE, SharedScenarioView, sharedCopyName } from '../../src/app/share/shared-scenario-view';
import { streamCompressor } from '../../src/app/share/stream-compressor';
import { LAST_OPENED_KEY } from '../../src/app/persistence/store';
import { loadScenario } from '../../src/core/model/load';
import type { Scenario } from '../../src/core/model/types';
import { encodeShareFragment } from '../../src/core/share/share-codec';
import { freshFactory, makeInstrumentedLibrary, openTestStore, rawDoc, readStored, sleep, type InstrumentedStore } from './app/library-helpers';

const live: Array<{ dispose(): void }> = [];
afterEach(() => { live.splice(0).reverse().forEach((x) => x.dispose()); });

function scenario(over: Record<string, unknown>): Scenario {
  const r = loadScenario(rawDoc(over));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

/** A library that already holds the user's work: "mine" (last opened) and "other". */
async function withLocalWork() {
  const factory = freshFactory();
  const seedStore = await openTestStore(factory);
  await seedStore.put(scenario({ id: 'mine', name: 'My network' }), null);
  await seedStore.put(scenario({ id: 'other', name: 'Other work' }), null);
  await seedStore.setMeta(LAST_OPENED_KEY, 'mine');
  seedStore.close();
  const { library, store } = makeInstrumentedLibrary(factory);
  live.push(library);
  let forgotten = 0;
  const view = new SharedScenarioView(library, { forgetLink: () => { forgotten++; }, newId: () => 'copy-id' });
  live.push(view);
  return { factory, library, store, view, forgotten: () => forgotten };
}

async function settle(lib: ScenarioLibrary, store: InstrumentedStore): Promise<void> {
  await lib.flush();
  await sleep(30); // longer than the 10 ms autosave of the test library
  expect(store.maxInFlight).toBeLessThanOrEqual(1);
}

/** The shared scenario has the same id as the user's own, to prove ids do not mix. */
const sharedOne = () => scenario({ id: 'mine', name: 'Their network', lanes: [] });

describe('a shared scenario shown over local work', () => {
  it('is what the app sees, read-only, while the library keeps the user\'s scenario and writes nothing', async () => {
    const { factory, library, store, view } = await withLocalWork();
    const shared = sharedOne();
    view.show(shared); // before init, as on a page load with a link
    await library.init();
    const s = await store();
    expect(view.getState()).toMatchObject({ ready: true, currentId: null, current: shared, save: { kind: 'memory-only' } });
    expect(view.getState().list.map((m) => m.id).sort()).toEqual(['mine', 'other']);
    expect(library.getState()).toMatchObject({ currentId: 'mine', current: { name: 'My network' } });

    const editor = new EditorSession(view);
    live.push(editor);
    const r = editor.dispatch({ kind: 'set-meta', name: 'Renamed by the viewer' });
    expect(r).toEqual({ ok: false, issues: [{ table: 'scenario', message: READ_ONLY_MESSAGE }] });
    expect(editor.snapshot()).toMatchObject({ canUndo: false, issues: [{ message: READ_ONLY_MESSAGE }] });
    expect(editor.undo()).toBe(false);
    view.update((x) => ({ ...x, name: 'sneaked past the editor' }));
    expect(view.getState().current).toBe(shared);
    expect(library.getState().current?.name).toBe('My network');

    await settle(library, s);
    expect(s.puts).toEqual([]);
    expect(s.setMetaCalls).toBe(0);
    expect(s.deletes).toBe(0);
    const stored = await readStored(factory, 'mine');
    expect(stored).toMatchObject({ name: 'My network', revision: 1 });
    const check = await openTestStore(factory);
    expect(await check.getMeta(LAST_OPENED_KEY)).toBe('mine');
    check.close();
  });

  it('Close goes back to the user\'s last-opened scenario and forgets the link; edits work again', async () => {
    const { library, store, view, forgotten } = await withLocalWork();
    await library.init();
    view.show(sharedOne());
    const seen: Array<string | undefined> = [];
    view.subscribe((st) => seen.push(st.current?.name));
    view.close();
    expect(forgotten()).toBe(1);
    expect(view.shared).toBeNull();
    expect(view.getState()).toBe(library.getState());
    expect(seen).toEqual(['Their network', 'My network']);
    view.close();
    expect(forgotten()).toBe(1);

    const editor = new EditorSession(view);
    live.push(editor);
    expect(editor.dispatch({ kind: 'set-meta', name: 'Mine, edited' }).ok).toBe(true);
    await library.flush();
    expect((await store()).puts.map((p) => p.doc.name)).toEqual(['Mine, edited']);
  });

  it('"Save a copy" stores it under a new id as "… (shared)" and opens it; the same-id original is untouched', async () => {
    const { factory, library, store, view, forgotten } = await withLocalWork();
    await library.init();
    const shared = sharedOne();
    view.show(shared);
    const r = await view.saveCopy();
    expect(r).toEqual({ ok: true, id: 'copy-id' });
    expect(view.shared).toBeNull();
    expect(forgotten()).toBe(1);
    expect(view.getState()).toMatchObject({ currentId: 'copy-id', current: { name: 'Their network (shared)', lanes: [] } });
    expect(library.getState().list.map((m) => m.id).sort()).toEqual(['copy-id', 'mine', 'other']);
    const copy = await readStored(factory, 'copy-id');
    expect(copy?.doc).toStrictEqual({ ...shared, id: 'copy-id', name: 'Their network (shared)' });
    expect(await readStored(factory, 'mine')).toMatchObject({ name: 'My network', revision: 1 });
    expect((await store()).puts.map((p) => p.doc.id)).toEqual(['copy-id']);
  });

  it('closes by itself when the user opens another scenario of the library', async () => {
    const { library, view, forgotten } = await withLocalWork();
    await library.init();
    view.show(sharedOne());
    await library.open('other');
    expect(view.shared).toBeNull();
    expect(forgotten()).toBe(1);
    expect(view.getState().current?.name).toBe('Other work');
  });

  it('stays open while the library finishes loading, and when the library only saves', async () => {
    const { library, view } = await withLocalWork();
    view.show(sharedOne());
    await library.init();
    library.update((x) => ({ ...x, description: 'saved underneath' })); // e.g. a flush of earlier work
    await library.flush();
    expect(view.shared?.name).toBe('Their network');
  });

  it('names the copy within the 200-character limit, keeping the suffix', () => {
    expect(sharedCopyName('Base')).toBe('Base (shared)');
    const long = sharedCopyName('n'.repeat(200));
    expect(long).toHaveLength(200);
    expect(long.endsWith('n (shared)')).toBe(true);
  });
});

describe('opening the app with a link', () => {
  function env(hash: string) {
    const replaced: string[] = [];
    const location = { href: `https://chainlab.example/app/?x=1${hash}`, hash };
    const history: HistoryLike = { state: { keep: 1 }, replaceState: (_d, _u, url) => { replaced.push(String(url)); } };
    return { location, history, replaced };
  }
  const shown: Scenario[] = [];
  const target = { show: (s: Scenario) => { shown.push(s); } };

  it('a good link shows its scenario and leaves the address alone', async () => {
    shown.length = 0;
    const s = scenario({ id: 'shared', name: 'Shared one' });
    const enc = await encodeShareFragment(s, streamCompressor);
    if (!enc.ok) throw new Error(enc.message);
    const e = env(`#${enc.fragment}`);
    expect(await openSharedLink(target, e)).toEqual({ kind: 'shown', name: 'Shared one' });
    expect(shown).toEqual([s]);
    expect(e.replaced).toEqual([]);
  });

  it('a bad link is refused with its reason and removed from the address', async () => {
    shown.length = 0;
    const e = env('#share=v1.AAAA');
    const r = await openSharedLink(target, e);
    expect(r.kind === 'refused' && r.failure.kind).toBe('truncated');
    expect(shown).toEqual([]);
    expect(e.replaced).toEqual(['https://chainlab.example/app/?x=1']);
  });

  it('an address without a share fragment is no link at all', async () => {
    const e = env('#section-2');
    expect(await openSharedLink(target, e)).toEqual({ kind: 'none' });
    expect(e.replaced).toEqual([]);
  });
});

describe('address and clipboard helpers', () => {
  it('builds the link from the page address and removes only a share fragment', () => {
    const loc = { href: 'https://h.example/p/?q=1#share=v1.old', hash: '#share=v1.old' };
    expect(shareUrl(loc, 'share=v1.new')).toBe('https://h.example/p/?q=1#share=v1.new');
    expect(hasShareFragment(loc)).toBe(true);
    const calls: unknown[][] = [];
    const history: HistoryLike = { state: 'st', replaceState: (...a) => { calls.push(a); } };
    removeShareFragment(loc, history);
    expect(calls).toEqual([['st', '', 'https://h.example/p/?q=1']]);
    removeShareFragment({ href: 'https://h.example/#other', hash: '#other' }, history);
    expect(calls).toHaveLength(1);
  });

  it('copies through the clipboard, or asks for a manual copy when it is missing or refused', async () => {
    const written: string[] = [];
    expect(await copyText('L', { writeText: async (t) => { written.push(t); } })).toBe('copied');
    expect(written).toEqual(['L']);
    expect(await copyText('L', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })).toBe('manual');
    expect(await copyText('L', undefined)).toBe('manual');
  });
});
