/**
 * The simulation worker's API across a real Comlink boundary (a MessageChannel): results arrive
 * with their typed arrays moved, not copied; progress is thinned out and its proxy released;
 * refused input arrives as an Error with the engine's message; long runs yield in slices.
 */
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { throttleProgress } from '../../../src/app/sim/progress-throttle';
import { createSimulateApi, type SimulateApi } from '../../../src/app/sim/simulate-worker-api';
import { unpackSummaries } from '../../../src/app/sim/summary-pack';
import { Slicer, stepToEnd } from '../../../src/app/sim/sliced-run';
import { createSimulation, runReplications, simulateScenario } from '../../../src/core/sim';

/** The built-in default network, through the same loader the app uses. */
function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

/** Lets queued MessagePort messages (progress, releases) arrive. */
const settle = () => new Promise((r) => setTimeout(r, 20));

const scenario = defaultScenario();

function connect() {
  const { port1, port2 } = new MessageChannel();
  const api = createSimulateApi();
  // Spy on what the worker side hands back, to see its buffers detached after the transfer.
  const sent: { buffers: ArrayBufferLike[] } = { buffers: [] };
  const spied: SimulateApi = {
    ...api,
    async simulate(...a) {
      const r = await api.simulate(...a);
      sent.buffers = [r.series.total.onHand.buffer, r.series.node!.onHand.buffer];
      return r;
    },
  };
  Comlink.expose(spied, port2 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<SimulateApi>(port1 as unknown as Comlink.Endpoint);
  return { remote, sent, close: () => { remote[Comlink.releaseProxy](); port1.close(); port2.close(); } };
}

describe('simulate worker API', () => {
  it('moves the time series (transfer, no copy) and keeps every value', async () => {
    const c = connect();
    const r = await c.remote.simulate(scenario, { seed: 42 });
    expect(r.series.node!.onHand).toBeInstanceOf(Float32Array);
    expect(r.series.node!.onHand.length).toBe(52 * r.series.nodes);
    expect(r.series.total.onHand.some((v) => v > 0)).toBe(true);
    // Transferred buffers are detached on the sending side.
    expect(c.sent.buffers.map((b) => b.byteLength)).toEqual([0, 0]);
    c.close();
  });

  it('reports throttled progress and releases the progress proxy when done', async () => {
    const c = connect();
    const seen: number[] = [];
    let released = 0;
    const cb = Object.assign((f: number) => { seen.push(f); }, { [Comlink.finalizer]: () => { released++; } });
    // 400 replications report 400 times in the engine; a fast machine runs them in well under a second.
    const t0 = performance.now();
    await c.remote.replications(scenario, { periods: 4, replications: 400, firstReplication: 0 }, Comlink.proxy(cb));
    const seconds = (performance.now() - t0) / 1000;
    await settle();
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 2);
    expect(released).toBe(1);
    c.close();
  });

  it('returns a block of replications packed, equal to the engine run on that block', async () => {
    const c = connect();
    const part = await c.remote.replications(scenario, { periods: 6, demandVariability: 'poisson', replications: 3, firstReplication: 5 });
    expect(part).toMatchObject({ firstReplication: 5, replications: 3, seed: 42 });
    expect(part.packed.values).toBeInstanceOf(Float64Array);
    const direct = runReplications(scenario, { periods: 6, demandVariability: 'poisson', replications: 3, firstReplication: 5 });
    expect(unpackSummaries(part.packed)).toEqual(direct.summaries);
    const combined = await c.remote.combine([part.packed]);
    expect(combined.estimate).toEqual(direct.estimate);
    c.close();
  });

  it('refused input rejects with the engine message (table, row, field), not a crash', async () => {
    const c = connect();
    const error = await c.remote.simulate(scenario, { periods: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('SimInputError');
    expect((error as Error).message).toMatch(/options\.periods: the horizon must be a whole number of periods from 1 to 100,000 \(got 0\)/);
    // The endpoint still answers.
    expect((await c.remote.simulate(scenario, { periods: 2 })).summary.periods).toBe(2);
    c.close();
  });
});

describe('throttleProgress', () => {
  it('forwards at most one report per interval and always the final one', () => {
    let now = 0;
    const got: number[] = [];
    const report = throttleProgress((f) => got.push(f), 50, () => now);
    report(0.1); // first one passes
    now = 10; report(0.2);
    now = 49; report(0.3);
    now = 60; report(0.4);
    now = 61; report(1);
    now = 200; report(1);
    expect(got).toEqual([0.1, 0.4, 1]);
  });
});

describe('sliced runs', () => {
  it('return to the event loop during a long run (so a terminate can land) and give the unsliced result', async () => {
    const sim = createSimulation(scenario, { periods: 20_000 });
    const slicer = new Slicer(2);
    let periodWhenTimerRan = -1;
    setTimeout(() => { periodWhenTimerRan = sim.period; }, 1);
    const fractions: number[] = [];
    await stepToEnd(sim, slicer, (f) => fractions.push(f));
    slicer.close();
    expect(periodWhenTimerRan).toBeGreaterThan(0);
    expect(periodWhenTimerRan).toBeLessThan(20_000);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect(sim.result().summary).toEqual(simulateScenario(scenario, { periods: 20_000 }).summary);
  });
});
