/**
 * The editor's controller (framework-free): every edit is an EditCommand applied by the core's
 * `applyEdit`, written to the library (which autosaves) and recorded for undo. A scenario that
 * changes from outside — another scenario opened, another tab's version loaded — resets the
 * undo history, since its steps no longer lead anywhere.
 */
import { applyEdit, type EditResult } from '../../core/edit/apply-edit';
import type { EditCommand } from '../../core/edit/commands';
import { History } from '../../core/edit/history';
import type { ModelIssue } from '../../core/model/issue';
import type { Scenario } from '../../core/model/types';
import type { LibraryState } from '../library/library-state';

/** The part of ScenarioLibrary the editor needs (tests pass a fake). */
export interface EditableLibrary {
  getState(): LibraryState;
  subscribe(fn: (s: LibraryState) => void): () => void;
  update(mutate: (s: Scenario) => Scenario): void;
  /** Why edits are refused right now (a shared scenario shown read-only), or null. */
  readOnly?(): string | null;
}

export interface EditorSnapshot {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | undefined;
  readonly redoLabel: string | undefined;
  /** Why the last edit was refused (empty after a successful one). */
  readonly issues: readonly ModelIssue[];
}

export class EditorSession {
  #lib: EditableLibrary;
  #history: History<Scenario | null>;
  #scenarioId: string | null = null;
  #issues: readonly ModelIssue[] = [];
  #listeners = new Set<(s: EditorSnapshot) => void>();
  #unsubscribe: () => void;

  constructor(lib: EditableLibrary) {
    this.#lib = lib;
    const st = lib.getState();
    this.#history = new History<Scenario | null>(st.current);
    this.#scenarioId = st.currentId;
    this.#unsubscribe = lib.subscribe((s) => this.#follow(s));
  }

  /** Applies an edit; on refusal the scenario is untouched and `issues` say why and where. */
  dispatch(cmd: EditCommand, coalesceKey?: string): EditResult {
    const current = this.#lib.getState().current;
    if (!current) return { ok: false, issues: [{ table: 'scenario', message: 'no scenario is open' }] };
    const locked = this.#lib.readOnly?.() ?? null;
    if (locked !== null) {
      this.#issues = [{ table: 'scenario', message: locked }];
      this.#emit();
      return { ok: false, issues: this.#issues };
    }
    const r = applyEdit(current, cmd);
    if (!r.ok) {
      this.#issues = r.issues;
      this.#emit();
      return r;
    }
    this.#issues = [];
    this.#history.push(r.scenario, r.label, coalesceKey);
    this.#lib.update(() => r.scenario);
    this.#emit();
    return r;
  }

  undo(): boolean {
    return this.#travel(() => this.#history.undo());
  }

  redo(): boolean {
    return this.#travel(() => this.#history.redo());
  }

  /** Clears the last refusal message (the user dismissed it or fixed the field). */
  clearIssues(): void {
    if (this.#issues.length === 0) return;
    this.#issues = [];
    this.#emit();
  }

  snapshot(): EditorSnapshot {
    const h = this.#history;
    return { canUndo: h.canUndo, canRedo: h.canRedo, undoLabel: h.undoLabel, redoLabel: h.redoLabel, issues: this.#issues };
  }

  subscribe(fn: (s: EditorSnapshot) => void): () => void {
    this.#listeners.add(fn);
    fn(this.snapshot());
    return () => this.#listeners.delete(fn);
  }

  dispose(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  #travel(move: () => Scenario | null | undefined): boolean {
    if ((this.#lib.readOnly?.() ?? null) !== null) return false;
    const target = move();
    if (!target) return false;
    this.#issues = [];
    this.#lib.update(() => target);
    this.#emit();
    return true;
  }

  #follow(s: LibraryState): void {
    if (s.currentId === this.#scenarioId && s.current === this.#history.present) return;
    // Not our edit: a different scenario, or another tab's version. Undo cannot span it.
    this.#scenarioId = s.currentId;
    this.#history.reset(s.current);
    this.#issues = [];
    this.#emit();
  }

  #emit(): void {
    const snap = this.snapshot();
    for (const fn of this.#listeners) fn(snap);
  }
}
