/**
 * The simulation runner over fake workers that run the real engine in this thread: single runs,
 * the Monte Carlo pool (split, merge = one worker's answer), cancel, crash, refused input, and
 * no leaked workers or progress proxies (reliability cases 19–22).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { describeRunError } from '../../../src/app/sim/run-error';
import { createSimulateApi } from '../../../src/app/sim/simulate-worker-api';
import { RunnerBusyError, SimulationRunner } from '../../../src/app/sim/simulation-runner';
import { unpackSummaries } from '../../../src/app/sim/summary-pack';
import { AbortedError, WorkerCrashedError } from '../../../src/app/workers/worker-bridge';
import { fakeWorkerFactory, type FakeWorkerState } from '../../support/fake-worker';
import { runReplications, simulateScenario } from '../../../src/core/sim';

/*
 * Fake simulation workers: a Comlink endpoint on a MessageChannel in this thread, exposing the
 * real worker API (so the real engine runs) or a stand-in that never answers, with hooks to crash
 * a worker and to see which calls it received.
 */
type Call = { method: string; firstReplication?: number; replications?: number };
type FakeWorker = FakeWorkerState & {
  /** What its API was asked: method and (for replications) the block. */
  readonly calls: Call[];
};

function fakeWorkers(makeApi: () => object) {
  const calls: Call[][] = []; // one list per worker, in creation order
  const f = fakeWorkerFactory(() => {
    const mine: Call[] = [];
    calls.push(mine);
    const api = makeApi() as Record<string, (...args: unknown[]) => unknown>;
    return Object.fromEntries(Object.entries(api).map(([method, fn]) => [method, (...args: unknown[]) => {
      const opts = args[1] as { firstReplication?: number; replications?: number } | undefined;
      mine.push({ method, firstReplication: opts?.firstReplication, replications: opts?.replications });
      return fn(...args);
    }]));
  });
  const create = () => {
    const worker = f.create();
    Object.assign(f.made[f.made.length - 1], { calls: calls[calls.length - 1] });
    return worker;
  };
  return { create, made: f.made as FakeWorker[] };
}

/** The built-in default network, through the same loader the app uses. */
function defaultScenario(): Scenario {
  const doc: unknown = JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8'));
  const r = loadScenario(doc);
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

/** Lets queued MessagePort messages (progress, releases) arrive. */
const settle = () => new Promise((r) => setTimeout(r, 20));

const scenario = defaultScenario();
const noisy = { demandVariability: 'normal' as const, seed: 7 };

/** Real engine unless `hang` is set: then every call waits forever (a long run). */
function switchable() {
  const mode = { hang: false };
  const real = createSimulateApi();
  const never = () => new Promise<never>(() => undefined);
  const f = fakeWorkers(() => ({
    simulate: (...a: Parameters<typeof real.simulate>) => (mode.hang ? never() : real.simulate(...a)),
    replications: (...a: Parameters<typeof real.replications>) => (mode.hang ? never() : real.replications(...a)),
    combine: (...a: Parameters<typeof real.combine>) => real.combine(...a),
  }));
  return { ...f, mode };
}

describe('SimulationRunner: single runs', () => {
  it('returns the engine result with its time series as typed arrays, and reports progress up to 1', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 4, idleMs: Infinity });
    const progress: number[] = [];
    const out = await runner.run({ scenario, settings: { seed: 42 }, replications: 1 }, { onProgress: (p) => progress.push(p) });
    if (out.kind !== 'single') throw new Error('expected a single run');
    const direct = simulateScenario(scenario, { seed: 42 });
    expect(out.result.summary).toEqual(direct.summary);
    expect(out.result.series.node?.onHand).toBeInstanceOf(Float32Array);
    expect(Array.from(out.result.series.node!.onHand)).toEqual(Array.from(direct.series.node!.onHand));
    expect(out.result.summary.total.fillRate).toBeGreaterThan(0.9);
    await settle();
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(f.made).toHaveLength(1);
    runner.terminateAll();
  });

  it('passes the run settings: periods and seed reach the engine', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, idleMs: Infinity });
    const out = await runner.run({ scenario, settings: { periods: 10, seed: 3, demandVariability: 'poisson' }, replications: 1 });
    if (out.kind !== 'single') throw new Error('expected a single run');
    expect(out.result.summary.periods).toBe(10);
    expect(out.result.seed).toBe(3);
    expect(out.result.summary).toEqual(simulateScenario(scenario, { periods: 10, seed: 3, demandVariability: 'poisson' }).summary);
    runner.terminateAll();
  });
});

describe('SimulationRunner: the Monte Carlo pool', () => {
  it('spreads replications over min(cores, replications, 8) workers in contiguous blocks', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 3, idleMs: Infinity });
    const out = await runner.run({ scenario, settings: { ...noisy, periods: 12 }, replications: 10 });
    expect(out.kind === 'replications' && out.workers).toBe(3);
    const blocks = f.made.map((w) => w.calls.filter((c) => c.method === 'replications').map((c) => [c.firstReplication, c.replications]));
    expect(blocks).toEqual([[[0, 4]], [[4, 3]], [[7, 3]]]);
    expect(runner.poolFor(2)).toBe(2);
    expect(new SimulationRunner({ createWorker: f.create, cores: 64 }).poolFor(1000)).toBe(8);
    runner.terminateAll();
  });

  it('merged estimates equal one worker running every replication with the same seed', async () => {
    const f = fakeWorkers(createSimulateApi);
    const pool = new SimulationRunner({ createWorker: f.create, cores: 3, idleMs: Infinity });
    const one = new SimulationRunner({ createWorker: f.create, cores: 1, idleMs: Infinity });
    const request = { scenario, settings: { ...noisy, periods: 20 }, replications: 7 };
    const [a, b] = [await pool.run(request), await one.run(request)];
    if (a.kind !== 'replications' || b.kind !== 'replications') throw new Error('expected Monte Carlo results');
    const reference = runReplications(scenario, { ...noisy, periods: 20, replications: 7 });
    expect(a.estimate).toEqual(reference.estimate);
    expect(b.estimate).toEqual(reference.estimate);
    expect(unpackSummaries(a.perReplication)).toEqual(reference.summaries);
    // The noise is real: replications differ, so the interval has a width.
    expect(a.estimate.total.costs.total.halfWidth).toBeGreaterThan(0);
    expect(a.estimate.total.fillRate.n).toBe(7);
    pool.terminateAll();
    one.terminateAll();
  });

  it('aggregates progress over the workers, ending at 1', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 2, idleMs: Infinity });
    const progress: number[] = [];
    await runner.run({ scenario, settings: { ...noisy, periods: 8 }, replications: 6 }, { onProgress: (p) => progress.push(p) });
    await settle();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Math.max(...progress)).toBeCloseTo(1, 12);
    runner.terminateAll();
  });
});

describe('SimulationRunner: cancel, crash, refused input (cases 19, 20)', () => {
  it('cancel terminates every worker of the run at once, rejects as aborted, and the next run works', async () => {
    const f = switchable();
    const runner = new SimulationRunner({ createWorker: f.create, cores: 4, idleMs: Infinity });
    f.mode.hang = true;
    const ctl = new AbortController();
    const pending = runner.run({ scenario, settings: noisy, replications: 2000 }, { signal: ctl.signal, onProgress: () => undefined });
    await settle();
    expect(runner.workersAlive).toBe(4);
    const t0 = Date.now();
    ctl.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(f.made.every((w) => w.terminated)).toBe(true);
    expect(runner.workersAlive).toBe(0);
    expect(describeRunError(await pending.catch((e: unknown) => e)).kind).toBe('cancelled');

    f.mode.hang = false;
    const next = await runner.run({ scenario, settings: { periods: 5 }, replications: 1 });
    expect(next.kind).toBe('single');
    runner.terminateAll();
  });

  it('a cancelled single run stops its worker within a second', async () => {
    const f = switchable();
    const runner = new SimulationRunner({ createWorker: f.create, idleMs: Infinity });
    f.mode.hang = true;
    const ctl = new AbortController();
    const pending = runner.run({ scenario, settings: {}, replications: 1 }, { signal: ctl.signal });
    await settle();
    ctl.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(f.made[0].terminated).toBe(true);
    expect(runner.busy).toBe(false);
  });

  it('a crash in one pool worker rejects the run clearly, stops the others, and the next run works', async () => {
    const f = switchable();
    const runner = new SimulationRunner({ createWorker: f.create, cores: 3, idleMs: Infinity });
    f.mode.hang = true;
    const pending = runner.run({ scenario, settings: noisy, replications: 30 }, {});
    await settle();
    f.made[1].crash('Out of memory');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    const problem = describeRunError(error);
    expect(problem.kind).toBe('crashed');
    expect(problem.message).toMatch(/worker crashed: Out of memory.*scenario is unchanged/i);
    expect(f.made.every((w) => w.terminated)).toBe(true);
    expect(runner.workersAlive).toBe(0);

    f.mode.hang = false;
    const next = await runner.run({ scenario, settings: { ...noisy, periods: 6 }, replications: 3 });
    expect(next.kind === 'replications' && next.estimate.total.fillRate.n).toBe(3);
    runner.terminateAll();
  });

  it('input the engine refuses comes back as its message naming the table, row and field', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 2, idleMs: Infinity });
    const broken = { ...scenario, inventory: scenario.inventory.filter((r) => r.siteId !== 'dc-lyon') };
    const before = structuredClone(broken);
    const single = await runner.run({ scenario: broken, settings: {}, replications: 1 }).catch((e: unknown) => e);
    const problem = describeRunError(single);
    expect(problem.kind).toBe('refused');
    expect(problem.message).toMatch(/^The scenario cannot be simulated: sites\[2\]: "dc-lyon" has no inventory row/);
    expect(problem.message).toMatch(/Nothing was run; your scenario is unchanged\.$/);
    const pooled = await runner.run({ scenario: broken, settings: {}, replications: 4 }).catch((e: unknown) => e);
    expect(describeRunError(pooled)).toEqual(problem);
    // The same runner still works, and the scenario object was not touched.
    expect((await runner.run({ scenario, settings: { periods: 4 }, replications: 1 })).kind).toBe('single');
    expect(broken).toEqual(before);
    runner.terminateAll();
  });

  it('refuses a second run while one is in progress', async () => {
    const f = switchable();
    const runner = new SimulationRunner({ createWorker: f.create, idleMs: Infinity });
    f.mode.hang = true;
    const ctl = new AbortController();
    const first = runner.run({ scenario, settings: {}, replications: 1 }, { signal: ctl.signal });
    await expect(runner.run({ scenario, settings: {}, replications: 1 })).rejects.toBeInstanceOf(RunnerBusyError);
    ctl.abort();
    await expect(first).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('SimulationRunner: no leaks (case 21)', () => {
  it('100 runs with progress leave no extra workers and no unreleased progress proxies', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 2, idleMs: Infinity });
    let calls = 0;
    for (let i = 0; i < 100; i++) {
      const replications = i % 10 === 0 ? 4 : 1;
      calls += replications === 1 ? 1 : 2;
      await runner.run({ scenario, settings: { periods: 6, ...(replications > 1 ? noisy : {}) }, replications }, { onProgress: () => undefined });
    }
    await settle();
    expect(runner.stats.created).toBe(2);
    expect(runner.workersAlive).toBe(2);
    expect(runner.proxies.live).toBe(0);
    // Every proxy was released by the worker itself (Comlink's finalizer ran on the page side).
    expect(runner.proxies.released).toBe(calls);
    runner.terminateAll();
    expect(runner.workersAlive).toBe(0);
    expect(f.made.every((w) => w.terminated)).toBe(true);
  });

  it('stops idle workers after the idle time and starts them again on demand', async () => {
    const f = fakeWorkers(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 2, idleMs: 10 });
    await runner.run({ scenario, settings: { periods: 4, ...noisy }, replications: 2 });
    expect(runner.workersAlive).toBe(2);
    await settle();
    expect(runner.workersAlive).toBe(0);
    expect((await runner.run({ scenario, settings: { periods: 4 }, replications: 1 })).kind).toBe('single');
    expect(runner.stats.created).toBe(3);
    runner.terminateAll();
  });
});
