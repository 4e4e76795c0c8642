/**
 * Reliability cases 19–21 at the bridge: abort terminates and rejects at once, a crash rejects
 * and recovers, many calls with progress callbacks start one worker and leave none behind.
 * The "worker" is tests/support/fake-worker.ts.
 */
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { AbortedError, WorkerBridge, WorkerCrashedError } from '../../../src/app/workers/worker-bridge';
import { fakeWorkerFactory } from '../../support/fake-worker';

interface Api {
  echo(x: number): Promise<number>;
  never(): Promise<number>;
  withProgress(n: number, cb: (f: number) => void): Promise<number>;
}

const api = (): Api => ({
  echo: async (x) => x * 2,
  never: () => new Promise<number>(() => undefined),
  async withProgress(n, cb) {
    try {
      for (let i = 1; i <= n; i++) await cb(i / n);
      return n;
    } finally {
      (cb as unknown as Comlink.ProxyMarked & { [Comlink.releaseProxy](): void })[Comlink.releaseProxy]?.();
    }
  },
});
const fakeWorkers = () => fakeWorkerFactory(api);

describe('WorkerBridge', () => {
  it('starts the worker on first use and reuses it', async () => {
    const f = fakeWorkers();
    const bridge = new WorkerBridge<Api>(f.create);
    expect(bridge.running).toBe(false);
    expect(await bridge.call((api) => api.echo(21))).toBe(42);
    expect(await bridge.call((api) => api.echo(1))).toBe(2);
    expect(bridge.started).toBe(1);
  });

  it('case 19: abort terminates the worker, rejects as aborted at once, and the next call works', async () => {
    const f = fakeWorkers();
    const bridge = new WorkerBridge<Api>(f.create);
    const ctl = new AbortController();
    const pending = bridge.call((api) => api.never(), ctl.signal);
    const t0 = Date.now();
    ctl.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(f.made[0].terminated).toBe(true);
    expect(await bridge.call((api) => api.echo(5))).toBe(10);
    expect(bridge.started).toBe(2);
  });

  it('an already-aborted signal never starts a worker', async () => {
    const f = fakeWorkers();
    const bridge = new WorkerBridge<Api>(f.create);
    const ctl = new AbortController();
    ctl.abort();
    await expect(bridge.call((api) => api.echo(1), ctl.signal)).rejects.toBeInstanceOf(AbortedError);
    expect(bridge.started).toBe(0);
  });

  it('case 20: a crash rejects the pending call with a clear error and the bridge recovers', async () => {
    const f = fakeWorkers();
    const bridge = new WorkerBridge<Api>(f.create);
    const pending = bridge.call((api) => api.never());
    await Promise.resolve();
    f.made[0].crash('Out of memory');
    await expect(pending).rejects.toThrow(WorkerCrashedError);
    await expect(pending).rejects.toThrow(/Out of memory.*unchanged/);
    expect(f.made[0].terminated).toBe(true);
    expect(await bridge.call((api) => api.echo(3))).toBe(6);
  });

  it('case 21: 100 runs with progress callbacks use one worker and report every step', async () => {
    const f = fakeWorkers();
    const bridge = new WorkerBridge<Api>(f.create);
    let steps = 0;
    for (let i = 0; i < 100; i++) {
      const r = await bridge.call((api) => api.withProgress(3, Comlink.proxy(() => { steps++; })));
      expect(r).toBe(3);
    }
    expect(steps).toBe(300);
    expect(bridge.started).toBe(1);
    expect(bridge.busy).toBe(false);
    bridge.terminate();
    expect(f.made.every((w) => w.terminated)).toBe(true);
  });
});
