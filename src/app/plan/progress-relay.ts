/**
 * The page's end of a progress callback handed to the plan worker through Comlink.proxy. The
 * worker releases it when its call ends (Comlink's finalizer tells us); if the worker is
 * terminated first (cancel, crash) nothing can release it, so the run retires it itself. Either
 * way it stops forwarding: a late report of a stopped run never moves a newer run's progress.
 */
import * as Comlink from 'comlink';

export interface ProxyCount {
  /** Relays still forwarding (calls in progress). */
  live: number;
  /** Proxies the worker released: one per finished call. */
  released: number;
}

export interface ProgressRelay<T> {
  readonly callback: ((value: T) => void) & Comlink.ProxyMarked;
  /** Stops forwarding (idempotent). */
  retire(): void;
}

export function progressRelay<T>(report: (value: T) => void, count: ProxyCount): ProgressRelay<T> {
  let active = true;
  count.live++;
  const retire = () => {
    if (!active) return;
    active = false;
    count.live--;
  };
  const fn = Object.assign((value: T) => { if (active) report(value); }, {
    [Comlink.finalizer]: () => { count.released++; retire(); },
  });
  return { callback: Comlink.proxy(fn), retire };
}
