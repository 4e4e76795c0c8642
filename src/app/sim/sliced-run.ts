/**
 * Running a simulation to its end in slices of about 50 ms, returning to the worker's event loop
 * in between. Why: Chromium lets a worker that never returns to its event loop run on for 2 s
 * after terminate() (its forcible-termination delay). Measured here: a busy worker's close came
 * 2,014 ms after terminate(); one that yields every 50 ms closed after 30–50 ms. So Cancel stops
 * the computation, not only the waiting, within a second (reliability case 19), for ~1 % speed.
 */
import type { Simulation } from '../../core/sim';

/** Yields through a MessageChannel: unlike nested setTimeout(0), never clamped to 4 ms. */
export class Slicer {
  readonly #sliceMs: number;
  readonly #now: () => number;
  readonly #channel = new MessageChannel();
  #wake: (() => void) | null = null;
  #start: number;

  constructor(sliceMs = 50, now: () => number = () => performance.now()) {
    this.#sliceMs = sliceMs;
    this.#now = now;
    this.#start = now();
    this.#channel.port1.onmessage = () => { const wake = this.#wake; this.#wake = null; wake?.(); };
  }

  /** True when the current slice is used up (then call `pause`). */
  get due(): boolean { return this.#now() - this.#start >= this.#sliceMs; }

  /** Lets queued tasks (a terminate, messages) run, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => { this.#wake = resolve; this.#channel.port2.postMessage(null); });
    this.#start = this.#now();
  }

  close(): void {
    this.#channel.port1.onmessage = null;
    this.#channel.port1.close();
    this.#channel.port2.close();
  }
}

/**
 * Steps `sim` through its remaining periods, pausing whenever a slice is used up, and reports
 * the share of periods done at each pause and at the end. The clock is read every few thousand
 * node-periods only, so small networks are not slowed by it.
 */
export async function stepToEnd(sim: Simulation, slicer: Slicer, onFraction?: (fraction: number) => void): Promise<void> {
  const net = sim.network;
  const every = Math.max(1, Math.ceil(20_000 / (net.nNodes + net.nArcs + 1)));
  let k = 0;
  while (sim.period < sim.periods) {
    sim.step();
    if (++k % every === 0 && slicer.due) {
      onFraction?.(sim.period / sim.periods);
      await slicer.pause();
    }
  }
  onFraction?.(1);
}
