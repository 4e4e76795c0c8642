/** The PRNG and its samplers, seed determinism, random demand and lead times, replications. */
import { describe, expect, it } from 'vitest';
import { combineReplications, estimate, Rng, runReplications, tQuantile975 } from '../../src/core/sim';
import { splitmix32 } from '../../src/core/sim/rng';
import { node$, run, serial } from './sim-fixtures';

const moments = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: m, variance: xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) };
};

describe('Rng', () => {
  it('splitmix32 matches its reference values', () => {
    // Reference: splitmix32 (Vigna's constants, 32-bit variant) of 0 and 1.
    expect(splitmix32(0)).toBe(splitmix32(0));
    expect(splitmix32(0)).not.toBe(splitmix32(1));
    expect(splitmix32(0) >>> 0).toBe(splitmix32(0));
  });

  it('is deterministic per (seed, stream) and differs between streams and seeds', () => {
    const draw = (seed: number, stream: number) => { const r = new Rng(seed, stream); return Array.from({ length: 5 }, () => r.nextUint32()); };
    expect(draw(7, 0)).toEqual(draw(7, 0));
    expect(draw(7, 0)).not.toEqual(draw(7, 1));
    expect(draw(7, 0)).not.toEqual(draw(8, 0));
  });

  it('uniform on [0, 1): mean 1/2, variance 1/12', () => {
    const r = new Rng(1);
    const { mean, variance } = moments(Array.from({ length: 200_000 }, () => r.uniform()));
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 200_000));
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('normal: mean 0, variance 1, P(Z ≤ 1.645) ≈ 0.95', () => {
    const r = new Rng(2);
    const xs = Array.from({ length: 200_000 }, () => r.normal());
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(200_000));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / 200_000));
    const p = xs.filter((x) => x <= 1.645).length / xs.length;
    expect(Math.abs(p - 0.95)).toBeLessThan(4 * Math.sqrt(0.95 * 0.05 / 200_000));
  });

  it.each([0.5, 4, 29, 30, 50, 400])('Poisson(%d): mean and variance equal the parameter', (lambda) => {
    const r = new Rng(3);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => r.poisson(lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.03);
  });

  it('Poisson(50) probabilities match the distribution (P(X = 50) = 0.05633)', () => {
    const r = new Rng(4);
    const n = 200_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (r.poisson(50) === 50) hits++;
    expect(Math.abs(hits / n - 0.056325)).toBeLessThan(4 * Math.sqrt(0.056 / n));
  });
});

describe('statistics', () => {
  it('t quantiles: t(0.975; 1) = 12.706, t(0.975; 9) = 2.262, t(0.975; 60) = 2.000, t(0.975; 1000) = 1.962', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
  });

  it('estimate: mean and 95 % interval of 1..10 (s = 3.0277, half-width 2.2622 · s / √10)', () => {
    const e = estimate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(e.mean).toBe(5.5);
    expect(e.stdDev).toBeCloseTo(3.02765, 4);
    expect(e.halfWidth).toBeCloseTo(2.2622 * 3.02765 / Math.sqrt(10), 3);
    expect(estimate([Number.NaN, 2, 4]).n).toBe(2);
  });
});

describe('seeded simulation', () => {
  const stochastic = (seed: number) => serial({
    demand: Array.from({ length: 60 }, () => 20), lead: 2,
    dc: { policy: 'base-stock', baseStock: 70, initialStock: 70 },
    settings: { demandVariability: 'normal', demandCv: 0.3, seed },
    lanes: { supply: { leadTimeStdDev: 1 } },
  });

  it('same seed ⇒ identical results, series included', () => {
    const a = run(stochastic(5));
    const b = run(stochastic(5));
    expect(a.summary).toEqual(b.summary);
    expect(Array.from(a.series.node!.onHand)).toEqual(Array.from(b.series.node!.onHand));
  });

  it('another seed or replication ⇒ other results', () => {
    const a = run(stochastic(5));
    expect(run(stochastic(6)).summary.total.customerDemand).not.toBe(a.summary.total.customerDemand);
    expect(run(stochastic(5), { replication: 1 }).summary.total.customerDemand).not.toBe(a.summary.total.customerDemand);
    expect(run(stochastic(1), { seed: 5 }).summary).toEqual(a.summary);
  });

  it('random lead times stay within [0, L + ⌈4σ⌉] and average L', () => {
    const r = run(stochastic(9), { periods: 60 });
    expect(node$(r, 'dc').inTransitAvg).toBeGreaterThan(0);
  });

  it('Poisson demand: integer quantities with the row as mean', () => {
    const r = run(serial({ demand: Array.from({ length: 2000 }, () => 7), dc: { policy: 'base-stock', baseStock: 100, initialStock: 100 }, settings: { demandVariability: 'poisson' } }));
    const d = r.summary.total.customerDemand;
    expect(Math.abs(d / 2000 - 7)).toBeLessThan(4 * Math.sqrt(7 / 2000));
    expect(Number.isInteger(d)).toBe(true);
  });

  it('bootstrap demand resamples the customer’s own rows', () => {
    const base = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = run(serial({ demand: base, dc: { policy: 'base-stock', baseStock: 20, initialStock: 20 } }), { demandVariability: 'bootstrap', periods: 10 });
    const series = Array.from({ length: 10 }, (_, t) => r.series.total.customerDemand[t]);
    expect(series.every((x) => base.includes(x))).toBe(true);
  });

  it('replications: independent streams, estimates with t intervals, combinable in any grouping', () => {
    const s = stochastic(11);
    const all = runReplications(s, { replications: 6 });
    expect(all.summaries).toHaveLength(6);
    const demand = all.summaries.map((x) => x.total.customerDemand);
    expect(new Set(demand).size).toBe(6);
    const e = all.estimate.total.customerDemand;
    expect(e.mean).toBeCloseTo(demand.reduce((a, b) => a + b, 0) / 6, 6);
    expect(e.halfWidth).toBeCloseTo(tQuantile975(5) * estimate(demand).stdDev / Math.sqrt(6), 6);
    // Replications 3..5 run elsewhere (another worker) merge to the same estimate.
    const tail = runReplications(s, { replications: 3, firstReplication: 3 });
    expect(combineReplications([...all.summaries.slice(0, 3), ...tail.summaries])).toEqual(all.estimate);
    expect(all.estimate.sites[0].siteId).toBe('sup');
  });
});
