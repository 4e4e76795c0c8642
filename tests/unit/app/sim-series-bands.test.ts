/**
 * Replication bands: per-period mean and 5–95 % quantiles (or min–max) of the network totals,
 * on hand-computed inputs; merging worker blocks equals one block; the worker API and the runner
 * return them for a Monte Carlo run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulateApi } from '../../../src/app/sim/simulate-worker-api';
import {
  BAND_METRICS, BandAccumulator, bandKindFor, combineBands, quantileSorted, type BandMetric,
} from '../../../src/app/sim/series-bands';
import { SimulationRunner } from '../../../src/app/sim/simulation-runner';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { simulationOf, compileNetwork } from '../../../src/core/sim';
import { fakeWorkerFactory } from '../../support/fake-worker';

/** Totals whose five metrics all equal `values` (the band maths is the same for each). */
const totals = (values: number[]) => Object.fromEntries(BAND_METRICS.map((m) => [m, values])) as Record<BandMetric, number[]>;

describe('quantileSorted (type 7, linear interpolation)', () => {
  it('interpolates between order statistics: h = (n − 1)p', () => {
    // n = 3: h(0.05) = 0.1 → 1 + 0.1·(2 − 1) = 1.1; h(0.95) = 1.9 → 2 + 0.9·(3 − 2) = 2.9
    expect(quantileSorted([1, 2, 3], 0.05)).toBeCloseTo(1.1, 12);
    expect(quantileSorted([1, 2, 3], 0.95)).toBeCloseTo(2.9, 12);
    // n = 21 values 0..20: h(0.05) = 1 exactly, h(0.95) = 19
    const v = Array.from({ length: 21 }, (_, i) => i);
    expect(quantileSorted(v, 0.05)).toBe(1);
    expect(quantileSorted(v, 0.95)).toBe(19);
    expect(quantileSorted([7], 0.05)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('combineBands', () => {
  it('gives the mean and the 5 % / 95 % quantiles per period', () => {
    const acc = new BandAccumulator(3, 3, true);
    acc.add(totals([1, 2, 3]));
    acc.add(totals([3, 2, 1]));
    acc.add(totals([2, 2, 8]));
    const b = combineBands([acc.part()]);
    expect(b.kind).toBe('quantiles');
    expect(b.replications).toBe(3);
    for (const m of BAND_METRICS) {
      // period 1: {1, 3, 2} → mean 2, sorted 1,2,3 → 1.1, 2.9; period 2: all 2; period 3: {3, 1, 8} → mean 4, sorted 1,3,8 → 1.2, 7.5
      expect(Array.from(b.metrics[m].mean)).toEqual([2, 2, 4]);
      expect(b.metrics[m].low[0]).toBeCloseTo(1.1, 6);
      expect(b.metrics[m].high[0]).toBeCloseTo(2.9, 6);
      expect(Array.from(b.metrics[m].low.slice(1, 2))).toEqual([2]);
      expect(b.metrics[m].low[2]).toBeCloseTo(1.2, 6);
      expect(b.metrics[m].high[2]).toBeCloseTo(7.5, 6);
    }
  });

  it('merges worker blocks into what one block would give', () => {
    const series = [[4, 0], [1, 5], [9, 2], [6, 6], [0, 1]];
    const one = new BandAccumulator(2, 5, true);
    for (const s of series) one.add(totals(s));
    const a = new BandAccumulator(2, 2, true);
    const b = new BandAccumulator(2, 3, true);
    series.slice(0, 2).forEach((s) => a.add(totals(s)));
    series.slice(2).forEach((s) => b.add(totals(s)));
    const merged = combineBands([a.part(), b.part()]);
    const whole = combineBands([one.part()]);
    expect(merged).toEqual(whole);
    // period 1: {4,1,9,6,0} mean 4, sorted 0,1,4,6,9: h(.05) = 0.2 → 0.2, h(.95) = 3.8 → 6 + 0.8·3 = 8.4
    expect(whole.metrics.onHand.mean[0]).toBe(4);
    expect(whole.metrics.onHand.low[0]).toBeCloseTo(0.2, 6);
    expect(whole.metrics.onHand.high[0]).toBeCloseTo(8.4, 6);
  });

  it('falls back to min–max when the series were too many to keep', () => {
    expect(bandKindFor(400, 52)).toBe('quantiles');
    expect(bandKindFor(10_000, 365)).toBe('range');
    const a = new BandAccumulator(2, 2, false);
    a.add(totals([1, 10]));
    a.add(totals([5, -2]));
    const b = new BandAccumulator(2, 1, false);
    b.add(totals([3, 4]));
    const band = combineBands([b.part(), a.part()]);
    expect(band.kind).toBe('range');
    expect(Array.from(band.metrics.lostSales.mean)).toEqual([3, 4]);
    expect(Array.from(band.metrics.lostSales.low)).toEqual([1, -2]);
    expect(Array.from(band.metrics.lostSales.high)).toEqual([5, 10]);
  });

  it('refuses what cannot be a band, with a message', () => {
    expect(() => new BandAccumulator(0, 1, true)).toThrow(/at least one period/);
    const acc = new BandAccumulator(3, 1, true);
    expect(() => acc.add(totals([1, 2]))).toThrow(/onHand series has 2 periods, the band 3/);
    acc.add(totals([1, 2, 3]));
    expect(() => acc.add(totals([1, 2, 3]))).toThrow(/made for 1 replications/);
    expect(() => combineBands([])).toThrow(/no replications/);
    const other = new BandAccumulator(2, 1, true);
    other.add(totals([1, 2]));
    expect(() => combineBands([acc.part(), other.part()])).toThrow(/same periods/);
  });
});

function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

describe('bands of a Monte Carlo run', () => {
  const scenario = defaultScenario();
  const options = { periods: 20, demandVariability: 'normal' as const, seed: 3 };

  it('the runner returns bands equal to the replications’ own total series, over several workers', async () => {
    const f = fakeWorkerFactory(createSimulateApi);
    const runner = new SimulationRunner({ createWorker: f.create, cores: 3, idleMs: Infinity });
    const out = await runner.run({ scenario, settings: options, replications: 7 });
    if (out.kind !== 'replications') throw new Error('expected replications');
    expect(out.workers).toBe(3);
    const bands = out.bands!;
    expect(bands.kind).toBe('quantiles');
    expect(bands.replications).toBe(7);
    expect(bands.periods).toBe(20);
    // The same replications run here, one by one: replication r on stream r of the seed.
    const net = compileNetwork(scenario, options);
    const runs = Array.from({ length: 7 }, (_, r) => {
      const sim = simulationOf(net, 3, { ...options, replication: r, series: 'totals' });
      while (sim.period < sim.periods) sim.step();
      return sim.result().series.total;
    });
    for (const t of [0, 9, 19]) {
      const col = runs.map((s) => s.onHand[t]);
      const sorted = Float64Array.from(col).sort();
      expect(bands.metrics.onHand.mean[t]).toBeCloseTo(col.reduce((a, b) => a + b, 0) / 7, 6);
      // Float32 storage: 7 significant digits.
      expect(bands.metrics.onHand.low[t]).toBeCloseTo(quantileSorted(sorted, 0.05), 1);
      expect(bands.metrics.onHand.high[t]).toBeCloseTo(quantileSorted(sorted, 0.95), 1);
      expect(bands.metrics.onHand.low[t]).toBeLessThanOrEqual(bands.metrics.onHand.high[t]);
      expect(bands.metrics.customerDemand.low[t]).toBeGreaterThanOrEqual(Math.min(...runs.map((s) => s.customerDemand[t])) - 0.01);
    }
    // The bands arrived as typed arrays.
    expect(bands.metrics.backorders.mean).toBeInstanceOf(Float64Array);
    runner.terminateAll();
  });
});
