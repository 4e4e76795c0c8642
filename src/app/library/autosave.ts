/**
 * Throttled, single-flight autosave (reliability cases 1 and 2).
 *
 * - An edit marks the work dirty and starts a timer; later edits do not restart it, so steady
 *   typing still saves every `delayMs` (a throttle, not a debounce that could starve).
 * - At most one write runs at a time. The write reads the latest state when it starts, so an
 *   edit arriving during a write is picked up by the next write, which starts as soon as the
 *   current one ends but never sooner than `delayMs` after the previous write started.
 * - A failed write leaves the work dirty without re-arming the timer: retrying a full disk in a
 *   loop helps nobody; the next edit or `flush()` retries.
 */
export type WriteOutcome = 'done' | 'failed';

export interface AutosaveOptions {
  delayMs: number;
  /** Writes the latest state; must not throw (a throw counts as 'failed'). */
  write: () => Promise<WriteOutcome>;
  now?: () => number;
}

export class Autosave {
  #dirty = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<WriteOutcome> | null = null;
  #lastStart = Number.NEGATIVE_INFINITY;
  #disposed = false;
  readonly #o: Required<AutosaveOptions>;

  constructor(o: AutosaveOptions) {
    this.#o = { now: Date.now, ...o };
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  get writing(): boolean {
    return this.#inFlight !== null;
  }

  /** Something changed: save it within `delayMs`. */
  schedule(): void {
    if (this.#disposed) return;
    this.#dirty = true;
    if (!this.#inFlight) this.#arm(this.#o.delayMs);
  }

  /** Something is unsaved but should wait for the next edit or flush (e.g. after a failure). */
  markDirty(): void {
    this.#dirty = true;
  }

  /** Writes pending work now: waits for a write in flight, then writes once more if still dirty. */
  async flush(): Promise<WriteOutcome> {
    this.#disarm();
    if (this.#inFlight) await this.#inFlight;
    if (!this.#dirty || this.#disposed) return 'done';
    this.#disarm();
    return this.#start();
  }

  /** Resolves when no write is in flight (without writing anything new). */
  async idle(): Promise<void> {
    while (this.#inFlight) await this.#inFlight;
  }

  /** Forget pending work (the scenario was discarded or replaced). A write in flight finishes. */
  cancel(): void {
    this.#disarm();
    this.#dirty = false;
  }

  dispose(): void {
    this.cancel();
    this.#disposed = true;
  }

  #arm(ms: number): void {
    if (this.#timer !== null || this.#disposed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#dirty && !this.#inFlight) void this.#start();
    }, Math.max(0, ms));
  }

  #disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #start(): Promise<WriteOutcome> {
    this.#dirty = false;
    this.#lastStart = this.#o.now();
    const run = this.#o.write().catch((): WriteOutcome => 'failed').then((outcome) => {
      this.#inFlight = null;
      if (outcome === 'failed') this.#dirty = true;
      else if (this.#dirty) this.#arm(this.#o.delayMs - (this.#o.now() - this.#lastStart));
      return outcome;
    });
    this.#inFlight = run;
    return run;
  }
}
