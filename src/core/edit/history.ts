/**
 * Undo/redo as a stack of immutable snapshots: each edit keeps the previous scenario object, and
 * since edits share unchanged tables, a snapshot costs only the tables it changed. Consecutive
 * edits with the same `coalesceKey` (typing in one field, dragging one site) merge into one step.
 */
export interface HistoryEntry<T> {
  /** The state before (in `past`) or after (in `future`) the edit. */
  readonly state: T;
  /** The edit that leads from the past entry to the next state. */
  readonly label: string;
}

export class History<T> {
  #past: HistoryEntry<T>[] = [];
  #future: HistoryEntry<T>[] = [];
  #present: T;
  #lastKey: string | undefined;
  readonly limit: number;

  constructor(initial: T, limit = 200) {
    this.#present = initial;
    this.limit = limit;
  }

  get present(): T { return this.#present; }
  get canUndo(): boolean { return this.#past.length > 0; }
  get canRedo(): boolean { return this.#future.length > 0; }
  /** The edit undo would revert, the edit redo would repeat. */
  get undoLabel(): string | undefined { return this.#past.at(-1)?.label; }
  get redoLabel(): string | undefined { return this.#future.at(-1)?.label; }
  get depth(): number { return this.#past.length; }

  /** Records `next` as the result of an edit called `label`. */
  push(next: T, label: string, coalesceKey?: string): void {
    this.#future = [];
    if (coalesceKey !== undefined && coalesceKey === this.#lastKey && this.#past.length > 0) {
      this.#present = next; // one more step of the same gesture: merge
      return;
    }
    this.#past.push({ state: this.#present, label });
    if (this.#past.length > this.limit) this.#past.shift();
    this.#present = next;
    this.#lastKey = coalesceKey;
  }

  undo(): T | undefined {
    const prev = this.#past.pop();
    if (!prev) return undefined;
    this.#future.push({ state: this.#present, label: prev.label });
    this.#present = prev.state;
    this.#lastKey = undefined;
    return this.#present;
  }

  redo(): T | undefined {
    const next = this.#future.pop();
    if (!next) return undefined;
    this.#past.push({ state: this.#present, label: next.label });
    this.#present = next.state;
    this.#lastKey = undefined;
    return this.#present;
  }

  /** Forget everything, e.g. when another scenario opens or another tab's version is loaded. */
  reset(state: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = state;
    this.#lastKey = undefined;
  }
}
