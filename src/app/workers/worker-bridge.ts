/**
 * One owner for a worker's lifecycle (after squoosh's worker bridge): the worker starts on first
 * use; every call can be aborted, and abort means `terminate()` — the only way to stop a
 * synchronous computation — with a fresh worker next time. Comlink never settles a call whose
 * worker died, so every call races its own abort and crash signals (reliability cases 19–21).
 */
import * as Comlink from 'comlink';

export class AbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'Cancelled.') { super(message); }
}

export class WorkerCrashedError extends Error {
  override readonly name = 'WorkerCrashedError';
}

/** The part of `Worker` the bridge uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, fn: (e: Event) => void): void;
  removeEventListener(type: string, fn: (e: Event) => void): void;
  terminate(): void;
}

interface Live<T> {
  readonly worker: WorkerLike;
  readonly api: Comlink.Remote<T>;
  /** Rejects when the worker reports an uncaught error or fails to load. */
  readonly crashed: Promise<never>;
}

export class WorkerBridge<T> {
  #create: () => WorkerLike;
  #live: Live<T> | null = null;
  #busy = 0;
  /** How many workers this bridge has started (tests check nothing leaks). */
  started = 0;

  constructor(create: () => WorkerLike) {
    this.#create = create;
  }

  get running(): boolean { return this.#live !== null; }
  get busy(): boolean { return this.#busy > 0; }

  async call<R>(fn: (api: Comlink.Remote<T>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) throw new AbortedError();
    const live = this.#ensure();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => { this.terminate(); reject(new AbortedError()); };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    this.#busy++;
    try {
      return await Promise.race([fn(live.api), aborted, live.crashed]);
    } finally {
      this.#busy--;
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Stops the worker now; pending calls reject (abort/crash paths), the next call starts anew. */
  terminate(): void {
    const live = this.#live;
    if (!live) return;
    this.#live = null;
    live.api[Comlink.releaseProxy]();
    live.worker.terminate();
  }

  #ensure(): Live<T> {
    if (this.#live) return this.#live;
    const worker = this.#create();
    this.started++;
    let fail: (e: Error) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => { fail = reject; });
    crashed.catch(() => undefined); // observed by the calls that race it
    const onError = (e: Event) => {
      const message = (e as ErrorEvent).message || 'the computation stopped unexpectedly (out of memory or a bug)';
      if (this.#live?.worker === worker) this.#live = null;
      worker.terminate();
      fail(new WorkerCrashedError(`The worker crashed: ${message}. Your scenario is unchanged.`));
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const api = Comlink.wrap<T>(worker as unknown as Comlink.Endpoint);
    this.#live = { worker, api, crashed };
    return this.#live;
  }
}
