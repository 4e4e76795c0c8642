/**
 * The open scenario and its saving: the in-memory truth, the stored revision it is based on,
 * the throttled autosave, and what happens when a write fails (case 4) or finds someone else's
 * newer revision (cases 10, 11). The library decides *which* scenario is open; this decides
 * *whether its edits are stored*.
 */
import { loadScenario, type Scenario } from '../../core';
import { LAST_OPENED_KEY, type PutResult, type ScenarioMeta, type ScenarioStore } from '../persistence/store';
import { Autosave, type WriteOutcome } from './autosave';
import { removeMeta, UnsavedChangesError, upsertMeta, writeErrorMessage, type LibraryState } from './library-state';
import type { StoreHooks } from './library-options';
import { BLOCKED_MESSAGE, conflictMessage, MEMORY_ONLY_MESSAGE, VERSION_CHANGE_MESSAGE, type SaveState } from './save-state';

/** The library, as the session sees it. */
export interface SessionHost {
  state(): LibraryState;
  set(patch: Partial<LibraryState>): void;
  store(): ScenarioStore | null;
  /** A write landed: update the list and tell the other tabs. */
  stored(meta: ScenarioMeta): void;
}

export type Refusal = Exclude<PutResult, { ok: true }>;

export class EditSession {
  readonly #host: SessionHost;
  readonly #autosave: Autosave;
  /** Stored revision the in-memory scenario is based on; null = not stored yet. */
  #revision: number | null = null;
  /** Edits made / edits known to be stored: unequal means unsaved work. */
  #editSeq = 0;
  #savedSeq = 0;

  constructor(host: SessionHost, o: { delayMs: number; now: () => number }) {
    this.#host = host;
    this.#autosave = new Autosave({ delayMs: o.delayMs, write: () => this.#write(), now: o.now });
  }

  /** The id stored as lastOpenedId, so reopening the same scenario costs no write. */
  rememberedId: string | null = null;

  get revision(): number | null {
    return this.#revision;
  }

  /** Database upgrade news (case 9): another tab blocks ours, or ours was closed for a newer one. */
  storeHooks(): StoreHooks {
    return {
      onBlocked: () => this.#host.set({ warning: BLOCKED_MESSAGE }),
      onVersionChange: () => {
        this.#host.set({ warning: VERSION_CHANGE_MESSAGE });
        if (this.hasUnsaved()) this.#host.set({ save: { kind: 'error', message: VERSION_CHANGE_MESSAGE } });
      },
    };
  }

  /** A stored scenario becomes the clean current one, remembered for the next visit. */
  show(scenario: Scenario, meta: ScenarioMeta): void {
    this.#reset(scenario, meta.revision, this.#savedState(meta.updatedAt));
    this.#host.set({ error: null });
    if (this.rememberedId === scenario.id) return;
    this.rememberedId = scenario.id;
    void this.#host.store()?.setMeta(LAST_OPENED_KEY, scenario.id).catch(() => undefined);
  }

  /** A new scenario whose first write failed: kept in memory, stored by the next edit or flush. */
  showUnstored(scenario: Scenario, e: unknown): void {
    this.#reset(scenario, null, { kind: 'error', message: writeErrorMessage(e) });
    this.#editSeq = 1;
    this.#autosave.markDirty();
  }

  drop(): void {
    this.#autosave.cancel();
    this.#revision = null;
    this.#editSeq = 0;
    this.#savedSeq = 0;
    this.#host.set({ currentId: null, current: null });
  }

  update(mutate: (s: Scenario) => Scenario): void {
    const { current, currentId: id, save } = this.#host.state();
    if (!current || id === null) return;
    const next = mutate(current);
    if (next === current) return;
    this.#editSeq++;
    // Ids are the storage key and the concurrency scope: an edit cannot move a scenario.
    this.#host.set({
      current: next.id === id ? next : { ...next, id },
      save: save.kind === 'conflict' || save.kind === 'error' || save.kind === 'memory-only' ? save : { kind: 'unsaved' },
    });
    // In conflict nothing is written until the user chooses (resolveConflict).
    if (save.kind !== 'conflict') this.#autosave.schedule();
  }

  async flush(): Promise<void> {
    await this.#autosave.flush();
  }

  idle(): Promise<void> {
    return this.#autosave.idle();
  }

  /** Forget pending edits (the user discards them or deletes the scenario). */
  cancel(): void {
    this.#autosave.cancel();
  }

  dispose(): void {
    this.#autosave.dispose();
  }

  hasUnsaved(): boolean {
    return this.#host.state().current !== null && (this.#editSeq !== this.#savedSeq || this.#revision === null);
  }

  /** Before another scenario replaces this one: store it, or refuse rather than drop edits. */
  async leave(): Promise<void> {
    const current = this.#host.state().current;
    if (!current) return;
    await this.#autosave.flush();
    if (!this.hasUnsaved()) return;
    const save = this.#host.state().save;
    const why = 'message' in save ? save.message : 'not saved yet';
    throw new UnsavedChangesError(`“${current.name}” has changes that are not stored (${why}). Export it, resolve the conflict or discard the changes first.`);
  }

  enterConflict(res: Refusal): void {
    const { current, currentId, list } = this.#host.state();
    const name = current?.name ?? 'this scenario';
    const message = res.reason === 'newer' ? `${res.message} Keep yours as a copy, or reload theirs.` : conflictMessage(name, res.current === null);
    this.#host.set({
      list: res.current ? upsertMeta(list, res.current) : removeMeta(list, currentId ?? ''),
      save: { kind: 'conflict', message },
    });
  }

  /**
   * Another tab may have written this scenario (a tab message, or this tab became visible):
   * a clean copy follows the stored one; a copy with unsaved edits shows the conflict.
   */
  async checkStale(): Promise<void> {
    const id = this.#host.state().currentId;
    const store = this.#host.store();
    // Never stored yet (its first write failed): there is no stored copy to compare with.
    if (id === null || !store || this.#revision === null || this.#inConflict()) return;
    await this.#autosave.idle();
    const rec = await store.get(id);
    if (this.#host.state().currentId !== id || this.#inConflict()) return;
    if (!rec) { this.enterConflict({ ok: false, reason: 'conflict', current: null }); return; }
    if (rec.revision === this.#revision) return;
    const { doc, ...meta } = rec;
    const r = loadScenario(doc);
    if (this.hasUnsaved() || this.#autosave.writing || !r.ok) {
      this.enterConflict({ ok: false, reason: 'conflict', current: meta });
      return;
    }
    this.show(r.scenario.id === id ? r.scenario : { ...r.scenario, id }, meta);
  }

  /** The autosave write: the latest in-memory scenario on top of the revision it came from. */
  async #write(): Promise<WriteOutcome> {
    const store = this.#host.store();
    const { currentId: id, current: doc } = this.#host.state();
    if (!store || id === null || !doc) return 'done';
    if (this.#inConflict()) return 'failed';
    const seq = this.#editSeq;
    if (store.kind !== 'memory') this.#host.set({ save: { kind: 'saving' } });
    let res: PutResult;
    try {
      res = await store.put(doc, this.#revision);
    } catch (e) {
      if (this.#host.state().currentId === id) this.#host.set({ save: { kind: 'error', message: writeErrorMessage(e) } });
      return 'failed';
    }
    if (this.#host.state().currentId !== id) return 'done';
    if (!res.ok) { this.enterConflict(res); return 'failed'; }
    this.#revision = res.revision;
    this.#savedSeq = seq;
    this.#host.stored(res.meta);
    this.#host.set({ save: seq === this.#editSeq ? this.#savedState(res.meta.updatedAt) : this.#unsavedState() });
    return 'done';
  }

  #inConflict(): boolean {
    return this.#host.state().save.kind === 'conflict';
  }

  #reset(scenario: Scenario, revision: number | null, save: SaveState): void {
    this.#autosave.cancel();
    this.#revision = revision;
    this.#editSeq = 0;
    this.#savedSeq = 0;
    this.#host.set({ currentId: scenario.id, current: scenario, save });
  }

  #savedState(at: number): SaveState {
    return this.#host.store()?.kind === 'memory' ? this.#memoryState() : { kind: 'saved', at };
  }

  #unsavedState(): SaveState {
    return this.#host.store()?.kind === 'memory' ? this.#memoryState() : { kind: 'unsaved' };
  }

  #memoryState(): SaveState {
    return { kind: 'memory-only', message: this.#host.state().warning ?? MEMORY_ONLY_MESSAGE };
  }
}
