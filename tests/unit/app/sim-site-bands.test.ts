/**
 * Per-site bands of a Monte Carlo run (site-bands.ts): mean, min and max per stocked site and
 * period on hand-computed inputs; merging worker blocks in any order equals one block; the size
 * cap; the worker API and the runner return them; the result cache keeps, validates or strips them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundOutcome, describeStripped, typedArrayBytes } from '../../../src/app/results/result-bounds';
import { readCachedResult, RESULT_FORMAT, RESULT_VERSION } from '../../../src/app/results/result-record';
import type { SimOutcome } from '../../../src/app/sim/run-types';
import { createSimulateApi } from '../../../src/app/sim/simulate-worker-api';
import { SimulationRunner } from '../../../src/app/sim/simulation-runner';
import {
  SiteBandAccumulator, combineSiteBands, isSiteBandsValue, siteBandOf, siteBandPlan, siteBandTransferables,
  type SiteBandColumns, type SiteBands,
} from '../../../src/app/sim/site-bands';
import { packSummaries } from '../../../src/app/sim/summary-pack';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { compileNetwork, simulateScenario, simulationOf } from '../../../src/core/sim';
import { NODE_SINK, NODE_STOCK } from '../../../src/core/sim/network';
import { fakeWorkerFactory } from '../../support/fake-worker';

/** Engine layout with 3 sites (a, b, c) of which the band keeps a and c: entry t·3 + s. */
const plan: SiteBandColumns = { kind: 'columns', columns: Int32Array.from([0, 2]), siteIds: ['a', 'c'], engineSites: 3 };
/** One replication's per-site series, given per kept site as [site a per period, site c per period]; site b gets junk. */
function replication(onHand: [number[], number[]], backorders: [number[], number[]]) {
  const T = onHand[0].length;
  const make = (v: [number[], number[]]) => {
    const out = new Float64Array(3 * T);
    for (let t = 0; t < T; t++) { out[t * 3] = v[0][t]; out[t * 3 + 1] = 999; out[t * 3 + 2] = v[1][t]; }
    return out;
  };
  return { onHand: make(onHand), backorders: make(backorders) };
}

const reps = [
  replication([[4, 0], [10, 12]], [[0, 3], [1, 0]]),
  replication([[1, 5], [8, 12]], [[2, 0], [0, 0]]),
  replication([[7, 2], [6, 9]], [[0, 6], [5, 3]]),
  replication([[0, 1], [6, 15]], [[4, 3], [0, 1]]),
];

function accumulate(rows: typeof reps) {
  const acc = new SiteBandAccumulator(2, plan);
  for (const r of rows) acc.add(r, 3);
  return acc.part();
}

function expectBands(x: ReturnType<typeof combineSiteBands>): SiteBands {
  if (x.kind !== 'bands') throw new Error(`expected bands, got ${x.kind}`);
  return x;
}

describe('SiteBandAccumulator and combineSiteBands', () => {
  it('gives per site and period the mean, minimum and maximum over the replications', () => {
    const b = expectBands(combineSiteBands([accumulate(reps)]));
    expect(b.replications).toBe(4);
    expect(b.siteIds).toEqual(['a', 'c']);
    // site a on hand: period 1 {4,1,7,0} mean 3, min 0, max 7; period 2 {0,5,2,1} mean 2, 0, 5.
    // site c on hand: period 1 {10,8,6,6} mean 7.5, 6, 10; period 2 {12,12,9,15} mean 12, 9, 15.
    const a = siteBandOf(b, 'a', 'onHand')!;
    expect(Array.from(a.mean)).toEqual([3, 2]);
    expect(Array.from(a.low)).toEqual([0, 0]);
    expect(Array.from(a.high)).toEqual([7, 5]);
    const c = siteBandOf(b, 'c', 'onHand')!;
    expect(Array.from(c.mean)).toEqual([7.5, 12]);
    expect(Array.from(c.low)).toEqual([6, 9]);
    expect(Array.from(c.high)).toEqual([10, 15]);
    // site c backorders: period 1 {1,0,5,0} mean 1.5, 0, 5; period 2 {0,0,3,1} mean 1, 0, 3.
    const cb = siteBandOf(b, 'c', 'backorders')!;
    expect(Array.from(cb.mean)).toEqual([1.5, 1]);
    expect(Array.from(cb.low)).toEqual([0, 0]);
    expect(Array.from(cb.high)).toEqual([5, 3]);
    // Site-major: a site's series is a view of the arrays, not a copy; the site not kept has none.
    expect(c.mean.buffer).toBe(b.metrics.onHand.mean.buffer);
    expect(siteBandOf(b, 'b', 'onHand')).toBeNull();
  });

  it('merges worker blocks in any order into what one block gives', () => {
    const whole = combineSiteBands([accumulate(reps)]);
    const blocks = [accumulate(reps.slice(0, 1)), accumulate(reps.slice(1, 3)), accumulate(reps.slice(3))];
    expect(combineSiteBands(blocks)).toEqual(whole);
    expect(combineSiteBands([blocks[2], blocks[0], blocks[1]])).toEqual(whole);
    expect(combineSiteBands([blocks[1], blocks[2], blocks[0]])).toEqual(whole);
    // An empty block changes nothing.
    expect(combineSiteBands([new SiteBandAccumulator(2, plan).part(), ...blocks])).toEqual(whole);
  });

  it('keeps the mean inside the band after rounding to Float32', () => {
    const acc = new SiteBandAccumulator(1, { kind: 'columns', columns: Int32Array.from([0]), siteIds: ['a'], engineSites: 1 });
    for (let r = 0; r < 3; r++) acc.add({ onHand: Float64Array.of(0.1), backorders: Float64Array.of(1 / 3) }, 1);
    const b = expectBands(combineSiteBands([acc.part()]));
    for (const m of ['onHand', 'backorders'] as const) {
      expect(b.metrics[m].mean[0]).toBeGreaterThanOrEqual(b.metrics[m].low[0]);
      expect(b.metrics[m].mean[0]).toBeLessThanOrEqual(b.metrics[m].high[0]);
    }
    expect(b.metrics.onHand.mean[0]).toBeCloseTo(0.1, 6);
  });

  it('a skipped block skips the run; bad input is refused with a message', () => {
    const skipped = { kind: 'skipped', reason: 'size', sites: 5000, periods: 365 } as const;
    expect(combineSiteBands([accumulate(reps), skipped])).toEqual(skipped);
    expect(siteBandTransferables(skipped)).toEqual([]);
    expect(() => combineSiteBands([])).toThrow(/no replications/);
    expect(() => new SiteBandAccumulator(0, plan)).toThrow(/at least one period/);
    const acc = new SiteBandAccumulator(2, plan);
    expect(() => acc.add(undefined, undefined)).toThrow(/no per-site series/);
    expect(() => acc.add({ onHand: new Float64Array(3), backorders: new Float64Array(3) }, 3)).toThrow(/has 3 entries, the band needs 6/);
    const other = new SiteBandAccumulator(3, plan);
    other.add(replication([[1, 2, 3], [1, 2, 3]], [[0, 0, 0], [0, 0, 0]]), 3);
    expect(() => combineSiteBands([accumulate(reps), other.part()])).toThrow(/same periods and sites/);
  });
});

describe('siteBandPlan', () => {
  const net = (periods: number) => ({
    periods,
    // nodes: s0 stock, s1 sink (customer), s2 stock ×2, s3 none
    nodeKind: Uint8Array.from([NODE_STOCK, NODE_SINK, NODE_STOCK, NODE_STOCK]),
    nodeSite: Int32Array.from([0, 1, 2, 2]),
    labels: { sites: [{ id: 's0' }, { id: 's1' }, { id: 's2' }, { id: 's3' }] },
  });

  it('keeps the sites that hold stock, in the network’s order', () => {
    const p = siteBandPlan(net(10));
    expect(p.kind).toBe('columns');
    if (p.kind !== 'columns') return;
    expect(Array.from(p.columns)).toEqual([0, 2]);
    expect(p.siteIds).toEqual(['s0', 's2']);
    expect(p.engineSites).toBe(4);
  });

  it('keeps none above the budget of kept sites × periods, and says how large the run was', () => {
    expect(siteBandPlan(net(50), 100).kind).toBe('columns');
    expect(siteBandPlan(net(51), 100)).toEqual({ kind: 'skipped', reason: 'size', sites: 2, periods: 51 });
  });
});

function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

describe('per-site bands of a Monte Carlo run', () => {
  const scenario = defaultScenario();
  const options = { periods: 20, demandVariability: 'normal' as const, seed: 3 };

  it('the runner returns per-site bands equal to the replications’ own node series, over several workers', async () => {
    const f = fakeWorkerFactory(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 3, idleMs: Infinity });
    const out = await runner.run({ scenario, settings: options, replications: 7 });
    runner.terminateAll();
    if (out.kind !== 'replications') throw new Error('expected replications');
    expect(out.workers).toBe(3);
    const bands = expectBands(out.siteBands!);
    expect(bands.replications).toBe(7);
    expect(bands.periods).toBe(20);
    // The stocked sites (plants and DCs, in the scenario's order); customers hold no stock.
    expect(bands.siteIds).toEqual(scenario.sites.filter((s) => s.kind !== 'customer').map((s) => s.id));
    // The same replications run here with per-node series: a site's value is the sum of its nodes.
    const net = compileNetwork(scenario, options);
    const runs = Array.from({ length: 7 }, (_, r) => {
      const sim = simulationOf(net, 3, { ...options, replication: r, series: 'nodes' });
      while (sim.period < sim.periods) sim.step();
      return sim.result();
    });
    for (const siteId of bands.siteIds) {
      const onHand = siteBandOf(bands, siteId, 'onHand')!;
      const backorders = siteBandOf(bands, siteId, 'backorders')!;
      for (const t of [0, 9, 19]) {
        const values = (m: 'onHand' | 'backorders') => runs.map((res) => {
          let v = 0;
          res.nodes.siteId.forEach((s, k) => { if (s === siteId) v += res.series.node![m][t * res.series.nodes + k]; });
          return v;
        });
        const oh = values('onHand');
        const bo = values('backorders');
        expect(onHand.mean[t]).toBeCloseTo(oh.reduce((a, b) => a + b, 0) / 7, 1);
        expect(onHand.low[t]).toBeCloseTo(Math.min(...oh), 1);
        expect(onHand.high[t]).toBeCloseTo(Math.max(...oh), 1);
        expect(backorders.mean[t]).toBeCloseTo(bo.reduce((a, b) => a + b, 0) / 7, 1);
        expect(backorders.high[t]).toBeCloseTo(Math.max(...bo), 1);
        expect(onHand.low[t]).toBeLessThanOrEqual(onHand.mean[t]);
        expect(onHand.mean[t]).toBeLessThanOrEqual(onHand.high[t]);
      }
    }
    // Random demand makes the DC's stock vary between replications somewhere in the run.
    const lyon = siteBandOf(bands, 'dc-lyon', 'onHand')!;
    expect(lyon.high.some((h, t) => h > lyon.low[t])).toBe(true);
    // The network-total bands are unchanged by the per-site ones.
    expect(out.bands?.kind).toBe('quantiles');
  });

  it('a worker asked for none returns none, and runs the replications exactly as before', async () => {
    const api = createSimulateApi();
    const block = { ...options, replications: 2, firstReplication: 0 };
    const plain = await api.replications(scenario, block);
    const withSites = await api.replications(scenario, { ...block, siteBands: true });
    expect(plain.siteBands).toBeUndefined();
    expect(withSites.siteBands?.kind).toBe('part');
    expect(Array.from(withSites.packed.values)).toEqual(Array.from(plain.packed.values));
  });
});

describe('per-site bands in the result cache', () => {
  const sc = defaultScenario();
  const one = simulateScenario(sc, { periods: 4 });
  const packed = packSummaries([one.summary, one.summary]);
  const acc = new SiteBandAccumulator(4, { kind: 'columns', columns: Int32Array.from([0, 1]), siteIds: ['dc-lyon', 'plant-leipzig'], engineSites: 2 });
  acc.add({ onHand: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]), backorders: new Float64Array(8) }, 2);
  const siteBands = combineSiteBands([acc.part()]);
  const mc: SimOutcome = { kind: 'replications', replications: 2, seed: 1, estimate: one.summary as never, perReplication: packed, warnings: [], workers: 1, siteBands };
  const record = (outcome: unknown) => ({
    format: RESULT_FORMAT, version: RESULT_VERSION, scenarioId: 'a', fingerprint: 'f', settings: {}, replications: 2, outcome, ms: 1, savedAt: 1, stripped: null,
  });

  it('reads valid bands back, drops damaged ones, and loads a record from before they existed', () => {
    const got = readCachedResult(structuredClone(record(mc)), 'a');
    expect(got?.outcome.kind === 'replications' && got.outcome.siteBands).toEqual(siteBands);
    expect(isSiteBandsValue(siteBands)).toBe(true);
    const damaged = structuredClone(record(mc)) as { outcome: { siteBands: { metrics: { onHand: { mean: unknown } } } } };
    damaged.outcome.siteBands.metrics.onHand.mean = new Float32Array(3);
    const read = readCachedResult(damaged, 'a');
    expect(read).not.toBeNull();
    expect(read?.outcome.kind === 'replications' && 'siteBands' in read.outcome).toBe(false);
    const { siteBands: _none, ...old } = mc as Extract<SimOutcome, { kind: 'replications' }>;
    const oldRead = readCachedResult(record(old), 'a');
    expect(oldRead?.outcome.kind).toBe('replications');
    expect(oldRead?.outcome.kind === 'replications' && oldRead.outcome.siteBands).toBeUndefined();
    for (const bad of [{ kind: 'bands' }, { kind: 'skipped', reason: 'why', sites: 1, periods: 1 }, null, 'x']) expect(isSiteBandsValue(bad)).toBe(false);
  });

  it('a record too large drops the per-site bands before the per-replication summaries, and says so', () => {
    const bandBytes = typedArrayBytes(siteBands);
    const full = typedArrayBytes(mc);
    expect(boundOutcome(mc, full).stripped).toBeNull();
    const b = boundOutcome(mc, full - bandBytes);
    expect(b.stripped).toEqual({ nodeSeries: false, partySeries: false, perReplication: false, siteBands: true, fullBytes: full });
    expect(b.outcome.kind === 'replications' && b.outcome.siteBands).toEqual({ kind: 'skipped', reason: 'cache', sites: 2, periods: 4 });
    expect(b.outcome.kind === 'replications' && b.outcome.perReplication.count).toBe(2);
    expect(describeStripped(b.stripped!)).toMatch(/without per-site bands/);
    const both = boundOutcome(mc, 8);
    expect(both.stripped).toMatchObject({ perReplication: true, siteBands: true });
  });
});
