/**
 * ScenarioLibrary: the framework-free controller behind the library UI. It decides which
 * scenario is open and manages the stored collection; the open scenario's edits and saves live
 * in EditSession. Guarantees: nothing is written before loading finished (case 3), no storage
 * means memory-only with a warning (5), a stored document always goes through loadScenario and
 * a failing one stays untouched (7, 8), switching away never drops edits that could not be
 * stored. Structural operations run one at a time (`#serial`); edits (`update`) never wait.
 */
import { scenarioFromJson, scenarioToJson, type Scenario } from '../../core';
import { createMemoryStore } from '../persistence/memory-store';
import { requestPersistentStorage } from '../persistence/persist';
import { LAST_OPENED_KEY, type ScenarioMeta, type ScenarioStore } from '../persistence/store';
import type { TabChannel, TabMessage } from '../persistence/tab-channel';
import { EditSession } from './edit-session';
import { attachPageLifecycle, type ListenerTarget, type VisibilityTarget } from './lifecycle';
import type { ExportedScenario, ImportResult, ScenarioLibraryOptions } from './library-options';
import { exportFileName } from './export-name';
import {
  errorText, INITIAL_LIBRARY_STATE, removeMeta, sortList, upsertMeta, writeErrorMessage, type LibraryState,
} from './library-state';
import { BLOCKED_MESSAGE, MEMORY_ONLY_MESSAGE } from './save-state';
import { candidateIds, loadStored, openStoreOrMemory, storedDocText, type OpenedStore } from './stored-scenarios';
import { forkScenario } from './fork';
import { blankScenario, defaultScenario, fitName, scenarioFromTemplate } from './templates';

export type { LibraryState } from './library-state';
export type { SaveState } from './save-state';
export type { ScenarioTemplate } from './templates';
export type { ExportedScenario, ImportResult, ScenarioLibraryOptions, StoreHooks } from './library-options';
export type { ListenerTarget, VisibilityTarget } from './lifecycle';
export { UnsavedChangesError } from './library-state';

export class ScenarioLibrary {
  #state: LibraryState = INITIAL_LIBRARY_STATE;
  readonly #listeners = new Set<(s: LibraryState) => void>();
  readonly #o: Required<Omit<ScenarioLibraryOptions, 'channel'>> & { channel?: TabChannel };
  readonly #session: EditSession;
  #store: ScenarioStore | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #init: Promise<void> | null = null;
  #disposing = false;
  #unsubscribeChannel: (() => void) | null = null;

  constructor(options: ScenarioLibraryOptions) {
    this.#o = {
      autosaveDelayMs: 400,
      now: Date.now,
      newId: () => crypto.randomUUID(),
      requestPersistence: () => requestPersistentStorage(),
      ...options,
    };
    this.#session = new EditSession({
      state: () => this.#state,
      store: () => this.#store,
      set: (patch) => this.#set(patch),
      stored: (meta) => this.#stored(meta),
    }, { delayMs: this.#o.autosaveDelayMs, now: this.#o.now });
  }

  /** `fn` runs now and after every change; each state is a new frozen object. */
  subscribe(fn: (s: LibraryState) => void): () => void {
    this.#listeners.add(fn);
    fn(this.#state);
    return () => { this.#listeners.delete(fn); };
  }

  getState(): LibraryState {
    return this.#state;
  }

  init(): Promise<void> {
    this.#init ??= this.#serial(() => this.#doInit());
    return this.#init;
  }

  createBlank(name?: string): Promise<string> {
    return this.#op(() => this.#createAndOpen(blankScenario(this.#o.newId(), name)));
  }

  createFromTemplate(templateId: string): Promise<string> {
    return this.#op(async () => {
      const template = this.#o.templates.find((t) => t.id === templateId);
      if (!template) throw new Error(`there is no template “${templateId}”`);
      return this.#createAndOpen(await scenarioFromTemplate(template, this.#o.newId()));
    });
  }

  /** Opens a stored scenario; if it does not load, `error` says why and the current one stays (7). */
  open(id: string): Promise<void> {
    return this.#serial(async () => {
      if (id === this.#state.currentId) return;
      const loaded = await loadStored(this.#requireStore(), id);
      if (!loaded.ok) { this.#set({ error: loaded.message }); return; }
      try {
        await this.#session.leave();
      } catch (e) {
        this.#set({ error: errorText(e) });
        return;
      }
      this.#session.show(loaded.scenario, loaded.meta);
    });
  }

  duplicate(id: string): Promise<string> {
    return this.#op(async () => {
      const source = await this.#scenarioFor(id);
      return this.#createAndOpen({ ...source, id: this.#o.newId(), name: fitName(`Copy of ${source.name}`) });
    });
  }

  /** A what-if copy of `id` (see fork.ts), opened at once; resolves to its id. */
  fork(id: string): Promise<string> {
    return this.#op(async () => {
      const source = await this.#scenarioFor(id);
      const taken = this.#state.list.map((m) => m.name);
      return this.#createAndOpen(forkScenario(source, this.#o.newId(), taken, new Date(this.#o.now?.() ?? Date.now())));
    });
  }

  rename(id: string, name: string): Promise<void> {
    return this.#report(async () => {
      if (name.trim() === '') throw new Error('A scenario needs a name.');
      const fitted = fitName(name);
      if (id === this.#state.currentId) {
        this.update((s) => ({ ...s, name: fitted }));
        await this.#session.flush();
        return;
      }
      const loaded = await loadStored(this.#requireStore(), id);
      if (!loaded.ok) throw new Error(loaded.message);
      const res = await this.#requireStore().put({ ...loaded.scenario, name: fitted }, loaded.meta.revision)
        .catch((e: unknown) => { throw new Error(writeErrorMessage(e)); });
      if (!res.ok) throw new Error(res.reason === 'newer' ? res.message : `“${loaded.meta.name}” was changed in another tab; try again.`);
      this.#stored(res.meta);
    });
  }

  /** Deletes a scenario; deleting the open one opens another (or a new default). */
  remove(id: string): Promise<void> {
    return this.#report(async () => {
      const wasCurrent = id === this.#state.currentId;
      if (wasCurrent) {
        // The user asked to throw this scenario away: its pending edits go with it.
        this.#session.cancel();
        await this.#session.idle();
      }
      await this.#requireStore().delete(id);
      this.#post({ type: 'deleted', id });
      this.#set({ list: removeMeta(this.#state.list, id) });
      if (wasCurrent) {
        this.#session.drop();
        await this.#openAnother(null, id);
      }
    });
  }

  /** Every edit goes through here: the result is the in-memory truth at once; saving follows. */
  update(mutate: (s: Scenario) => Scenario): void {
    if (!this.#disposing) this.#session.update(mutate);
  }

  /** Writes pending changes now (pagehide, tab hidden). */
  async flush(): Promise<void> {
    if (this.#state.ready) await this.#session.flush();
  }

  /** Imports a scenario file as a new scenario (a fresh id if its id is taken) and opens it. */
  importJson(text: string): Promise<ImportResult> {
    return this.#serial(async (): Promise<ImportResult> => {
      const r = scenarioFromJson(text);
      if (!r.ok) return { ok: false, message: r.message, issues: [...r.issues] };
      try {
        const taken = (await this.#requireStore().get(r.scenario.id)) !== undefined;
        return { ok: true, id: await this.#createAndOpen(taken ? { ...r.scenario, id: this.#o.newId() } : r.scenario) };
      } catch (e) {
        this.#set({ error: errorText(e) });
        return { ok: false, message: errorText(e), issues: [] };
      }
    });
  }

  /** The open scenario exports its in-memory state; a stored one that no longer loads exports raw. */
  async exportJson(id?: string): Promise<ExportedScenario> {
    const target = id ?? this.#state.currentId;
    const current = this.#state.current;
    if (current && target === this.#state.currentId) return { fileName: exportFileName(current.name), text: scenarioToJson(current) };
    if (target === null) throw new Error('no scenario is open');
    const rec = await this.#requireStore().get(target);
    if (!rec) throw new Error('that scenario no longer exists');
    return { fileName: exportFileName(rec.name), text: storedDocText(rec.doc) };
  }

  /** 'theirs': drop my edits, show the stored version. 'mine-as-copy': my version becomes a new scenario. */
  resolveConflict(choice: 'theirs' | 'mine-as-copy'): Promise<void> {
    return this.#report(async () => {
      if (this.#state.save.kind !== 'conflict') return;
      await (choice === 'theirs' ? this.#revertToStored() : this.#saveMineAsCopy());
    });
  }

  /** Drops unsaved edits of the open scenario and reopens its stored version (e.g. storage full). */
  discardUnsavedChanges(): Promise<void> {
    return this.#report(() => this.#revertToStored());
  }

  /** Flush when the page goes away or is hidden (case 1); recheck staleness when it is shown (11). */
  attachLifecycle(target: ListenerTarget, doc?: VisibilityTarget): () => void {
    return attachPageLifecycle(target, doc, {
      hide: () => { void this.flush(); },
      visible: () => {
        if (this.#state.ready) void this.#serial(() => this.#session.checkStale()).catch(() => undefined);
      },
    });
  }

  /** Stops listeners and timers; pending edits of a loaded scenario are flushed, then the store closes. */
  dispose(): void {
    if (this.#disposing) return;
    this.#disposing = true;
    this.#unsubscribeChannel?.();
    this.#listeners.clear();
    const final = this.#state.ready ? this.#session.flush() : Promise.resolve();
    void final.finally(() => {
      this.#session.dispose();
      this.#store?.close();
    });
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  async #doInit(): Promise<void> {
    const opened = await openStoreOrMemory(() => this.#o.openStore(this.#session.storeHooks()), this.#o.now);
    if (this.#disposing) { opened.store.close(); return; }
    try {
      await this.#start(opened);
    } catch (e) {
      if (this.#disposing) return;
      // Storage that opened but then failed to read: carry on in memory rather than not at all.
      this.#unsubscribeChannel?.();
      opened.store.close();
      await this.#start({ store: createMemoryStore(this.#o.now), list: [], warning: MEMORY_ONLY_MESSAGE });
      this.#set({ error: `Could not read your saved scenarios: ${errorText(e)}` });
    }
    if (!this.#disposing) this.#set({ ready: true });
  }

  async #start(opened: OpenedStore): Promise<void> {
    this.#store = opened.store;
    const blocked = this.#state.warning === BLOCKED_MESSAGE;
    this.#set({
      list: sortList(opened.list),
      warning: opened.warning ?? (blocked ? null : this.#state.warning),
      ...(opened.warning ? { save: { kind: 'memory-only', message: opened.warning } } : {}),
    });
    if (!opened.warning) void this.#o.requestPersistence().catch(() => false);
    // A memory store is private to this tab: nothing to tell or hear from the others.
    if (!opened.warning) this.#unsubscribeChannel = this.#o.channel?.subscribe((m) => this.#onTabMessage(m)) ?? null;
    const last = await opened.store.getMeta(LAST_OPENED_KEY).catch(() => undefined);
    if (this.#disposing) return;
    this.#session.rememberedId = typeof last === 'string' ? last : null;
    await this.#openAnother(this.#session.rememberedId, null);
  }

  /** Shows `preferred`, else the newest stored scenario that loads, else a new default. */
  async #openAnother(preferred: string | null, exclude: string | null): Promise<void> {
    const store = this.#requireStore();
    const list = sortList(await store.list());
    this.#set({ list });
    let error: string | null = null;
    let shown = false;
    for (const id of candidateIds(list, preferred, exclude)) {
      if (this.#disposing) return;
      const loaded = await loadStored(store, id);
      if (loaded.ok) { this.#session.show(loaded.scenario, loaded.meta); shown = true; break; }
      // A remembered id that is gone is not news; a stored scenario that fails to load is.
      if (list.some((m) => m.id === id)) error ??= loaded.message;
    }
    // Case 3: a tab closed while loading must leave storage exactly as it found it.
    if (this.#disposing) return;
    if (!shown) await this.#createInitial();
    // Said last, so opening the replacement does not clear why the other one was skipped.
    if (error !== null) this.#set({ error });
  }

  /** First visit (or nothing left): the default template, or a blank scenario if that fails. */
  async #createInitial(): Promise<void> {
    const { scenario, notice } = await defaultScenario(this.#o.templates, this.#o.defaultTemplateId, this.#o.newId);
    if (this.#disposing) return;
    try {
      const res = await this.#requireStore().put(scenario, null);
      if (!res.ok) throw new Error('a new scenario id collided with a stored one');
      this.#stored(res.meta);
      this.#session.show(scenario, res.meta);
    } catch (e) {
      this.#session.showUnstored(scenario, e);
    }
    if (notice !== null) this.#set({ error: notice });
  }

  async #createAndOpen(scenario: Scenario): Promise<string> {
    await this.#session.leave();
    const meta = await this.#putNew(scenario);
    this.#session.show(scenario, meta);
    return scenario.id;
  }

  async #putNew(scenario: Scenario): Promise<ScenarioMeta> {
    const res = await this.#requireStore().put(scenario, null).catch((e: unknown) => { throw new Error(writeErrorMessage(e)); });
    if (!res.ok) throw new Error(`a scenario with id “${scenario.id}” already exists`);
    this.#stored(res.meta);
    return res.meta;
  }

  async #scenarioFor(id: string): Promise<Scenario> {
    if (id === this.#state.currentId && this.#state.current) return this.#state.current;
    const loaded = await loadStored(this.#requireStore(), id);
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.scenario;
  }

  async #revertToStored(): Promise<void> {
    const id = this.#state.currentId;
    this.#session.cancel();
    await this.#session.idle();
    if (id === null) return;
    const loaded = await loadStored(this.#requireStore(), id);
    if (loaded.ok) { this.#session.show(loaded.scenario, loaded.meta); return; }
    this.#session.drop();
    await this.#openAnother(null, id);
    this.#set({ error: loaded.message });
  }

  /** Conflict resolution that loses nothing: my version becomes a new scenario, theirs stays. */
  async #saveMineAsCopy(): Promise<void> {
    const mine = this.#state.current;
    if (!mine) return;
    await this.#session.idle();
    const copy: Scenario = { ...mine, id: this.#o.newId(), name: fitName(`${mine.name} (my copy)`) };
    const meta = await this.#putNew(copy);
    const latest = this.#state.current;
    this.#session.show(copy, meta);
    // Edits made while the copy was being written carry over to it.
    if (latest && latest !== mine) this.#session.update(() => ({ ...latest, id: copy.id, name: copy.name }));
  }

  #onTabMessage(m: TabMessage): void {
    if (this.#disposing || !this.#state.ready) return;
    if (m.type === 'deleted') {
      this.#set({ list: removeMeta(this.#state.list, m.id) });
      if (m.id === this.#state.currentId) this.#session.enterConflict({ ok: false, reason: 'conflict', current: null });
      return;
    }
    void this.#serial(async () => {
      this.#set({ list: sortList(await this.#requireStore().list()) });
      if (m.id === this.#state.currentId && m.revision !== this.#session.revision) await this.#session.checkStale();
    }).catch(() => undefined);
  }

  /** A write landed: update the list and tell the other tabs. */
  #stored(meta: ScenarioMeta): void {
    this.#set({ list: upsertMeta(this.#state.list, meta) });
    this.#post({ type: 'saved', id: meta.id, revision: meta.revision });
  }

  #post(message: TabMessage): void {
    if (this.#store?.kind !== 'memory') this.#o.channel?.post(message);
  }

  #requireStore(): ScenarioStore {
    if (!this.#store) throw new Error('the scenario library is not initialised: call init() first');
    return this.#store;
  }

  /** A serial operation that reports failure only through `state.error` (UI handlers need no catch). */
  #report(fn: () => Promise<void>): Promise<void> {
    return this.#op(fn).catch(() => undefined);
  }

  /** A serial operation whose failure is also put into `state.error` before it propagates. */
  #op<T>(fn: () => Promise<T>): Promise<T> {
    return this.#serial(async () => {
      try {
        return await fn();
      } catch (e) {
        this.#set({ error: errorText(e) });
        throw e;
      }
    });
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #set(patch: Partial<LibraryState>): void {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    for (const fn of this.#listeners) {
      try {
        fn(this.#state);
      } catch (e) {
        // A broken subscriber must not break saving; surface it without unwinding our stack.
        queueMicrotask(() => { throw e; });
      }
    }
  }
}
