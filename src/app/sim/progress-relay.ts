/**
 * The page's end of a progress callback handed to a worker through Comlink.proxy. The worker
 * releases it in `finally`, which reaches us as Comlink's finalizer; if the worker is terminated
 * first (cancel, crash) nothing can call it any more, so the run retires it itself. Either way it
 * stops forwarding: a late report from a finished or stopped run never moves a newer run's bar.
 */
import * as Comlink from 'comlink';
import type { ProgressCallback } from './run-types';

export interface ProxyCount {
  /** Relays still forwarding (a run in progress). */
  live: number;
  /** Proxies the workers released (Comlink's finalizer ran): one per finished call. */
  released: number;
}

export interface ProgressRelay {
  /** Pass this to the worker call. */
  readonly callback: ProgressCallback & Comlink.ProxyMarked;
  /** Stops forwarding and forgets the proxy (idempotent). */
  retire(): void;
}

export function progressRelay(report: ProgressCallback, count: ProxyCount): ProgressRelay {
  let active = true;
  count.live++;
  const retire = () => {
    if (!active) return;
    active = false;
    count.live--;
  };
  const released = () => { count.released++; retire(); };
  const fn = Object.assign((fraction: number) => { if (active) report(fraction); }, { [Comlink.finalizer]: released });
  return { callback: Comlink.proxy(fn), retire };
}
