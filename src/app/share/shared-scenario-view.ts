/**
 * A scenario opened from a share link, shown read-only on top of the library (issue 6, case 24).
 *
 * The library never sees the shared scenario: it keeps the user's own scenario open underneath,
 * so nothing is written to storage, autosave has nothing to save, the last-opened scenario stays
 * what it was, and a local scenario with the same id is untouched. This view is what the editor
 * and the UI read instead of the library: the library's state with the shared scenario as
 * `current` (and `currentId` null, as it is no stored scenario), and edits refused.
 *
 * It closes itself when the library opens another scenario (the user picked, created or imported
 * one); "Save a copy" imports the shared scenario under a new id and name "… (shared)".
 */
import { scenarioToJson, type Scenario } from '../../core';
import type { EditableLibrary } from '../editor/editor-session';
import type { ImportResult } from '../library/library-options';
import type { LibraryState } from '../library/library-state';
import type { SaveState } from '../library/save-state';
import { fitName, MAX_NAME_LENGTH } from '../library/templates';

/** The library as this view needs it (ScenarioLibrary in the app, a fake in tests). */
export interface SharedHost extends EditableLibrary {
  importJson(text: string): Promise<ImportResult>;
}

export const READ_ONLY_MESSAGE = 'this shared scenario is read only — choose “Save a copy to my library” to change it';
/** What the save indicator says while a shared scenario is shown. */
export const SHARED_SAVE_STATE: SaveState = Object.freeze({
  kind: 'memory-only', message: 'A shared scenario, not stored in this browser: save a copy to keep it.',
});
const COPY_SUFFIX = ' (shared)';

/** "Name (shared)", cutting the name (not the suffix) to the format's 200-character limit. */
export function sharedCopyName(name: string): string {
  return `${fitName(name).slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

export interface SharedViewOptions {
  /** Removes the share fragment from the address, so a reload opens the user's own work. */
  forgetLink: () => void;
  newId?: () => string;
}

export class SharedScenarioView implements EditableLibrary {
  readonly #host: SharedHost;
  readonly #o: Required<SharedViewOptions>;
  readonly #listeners = new Set<(s: LibraryState) => void>();
  readonly #sharedListeners = new Set<(s: Scenario | null) => void>();
  #base: LibraryState;
  #shared: Scenario | null = null;
  #merged: LibraryState;
  readonly #unsubscribe: () => void;

  constructor(host: SharedHost, options: SharedViewOptions) {
    this.#host = host;
    this.#o = { newId: () => crypto.randomUUID(), ...options };
    this.#base = host.getState();
    this.#merged = this.#base;
    this.#unsubscribe = host.subscribe((s) => this.#onLibrary(s));
  }

  /** The shared scenario on show, or null when the library's own scenario is. */
  get shared(): Scenario | null {
    return this.#shared;
  }

  getState(): LibraryState {
    return this.#merged;
  }

  /** `fn` runs now and after every change of what is shown (as ScenarioLibrary.subscribe). */
  subscribe(fn: (s: LibraryState) => void): () => void {
    this.#listeners.add(fn);
    fn(this.#merged);
    return () => { this.#listeners.delete(fn); };
  }

  /** `fn` runs now and whenever a shared scenario is shown or closed. */
  subscribeShared(fn: (s: Scenario | null) => void): () => void {
    this.#sharedListeners.add(fn);
    fn(this.#shared);
    return () => { this.#sharedListeners.delete(fn); };
  }

  /** Why edits are refused, or null when the library's own scenario is shown. */
  readOnly(): string | null {
    return this.#shared ? READ_ONLY_MESSAGE : null;
  }

  /** Edits reach the library only when its own scenario is shown; a shared one is never changed. */
  update(mutate: (s: Scenario) => Scenario): void {
    if (!this.#shared) this.#host.update(mutate);
  }

  /** Shows `scenario` read-only (replacing a shared one already shown). */
  show(scenario: Scenario): void {
    this.#shared = scenario;
    this.#emit();
  }

  /** Back to the library's scenario (the user's last opened); the link leaves the address. */
  close(): void {
    if (!this.#shared) return;
    this.#shared = null;
    this.#o.forgetLink();
    this.#emit();
  }

  /**
   * Stores the shared scenario as a new scenario of the library (new id, "… (shared)") and opens
   * it, editable. On failure (e.g. the user's open scenario has edits that cannot be stored) the
   * shared view stays and the message says why.
   */
  async saveCopy(): Promise<ImportResult> {
    const source = this.#shared;
    if (!source) return { ok: false, message: 'no shared scenario is shown', issues: [] };
    const copy: Scenario = { ...source, id: this.#o.newId(), name: sharedCopyName(source.name) };
    const r = await this.#host.importJson(scenarioToJson(copy));
    if (r.ok && this.#shared === source) this.close();
    return r;
  }

  dispose(): void {
    this.#unsubscribe();
    this.#listeners.clear();
    this.#sharedListeners.clear();
  }

  #onLibrary(next: LibraryState): void {
    const prev = this.#base;
    this.#base = next;
    // Loading (not ready → ready) is not a choice of the user; after it, another open scenario is.
    if (this.#shared && prev.ready && next.ready && prev.currentId !== next.currentId) {
      this.close();
      return;
    }
    this.#emit(false);
  }

  #emit(sharedChanged = true): void {
    const base = this.#base;
    this.#merged = this.#shared ? Object.freeze({ ...base, currentId: null, current: this.#shared, save: SHARED_SAVE_STATE }) : base;
    for (const fn of this.#listeners) fn(this.#merged);
    if (sharedChanged) for (const fn of this.#sharedListeners) fn(this.#shared);
  }
}
