/**
 * Demand patterns, each checked against values worked out by hand from the formula in
 * src/core/demand/patterns.ts; the noise by its seed determinism and its statistics.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERN, generateDemand, parsePeriodList, patternMean, type DemandPattern } from '../../src/core/demand/patterns';

const p = (over: Partial<DemandPattern>): DemandPattern => ({ ...DEFAULT_PATTERN, ...over });
const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const variance = (xs: readonly number[]) => { const m = mean(xs); return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1); };

describe('deterministic patterns', () => {
  it('constant level', () => {
    expect(generateDemand(p({ level: 40 }), 4)).toEqual([40, 40, 40, 40]);
  });

  it('step: the level changes from period k on', () => {
    expect(generateDemand(p({ level: 100, step: { period: 3, level: 60 } }), 5)).toEqual([100, 100, 60, 60, 60]);
  });

  it('trend: + g per period from period 1, never below 0', () => {
    expect(generateDemand(p({ level: 10, trend: 2.5, round: false }), 4)).toEqual([10, 12.5, 15, 17.5]);
    expect(generateDemand(p({ level: 10, trend: -4 }), 5)).toEqual([10, 6, 2, 0, 0]);
  });

  it('step and trend add: 100 + 5(t − 1), then 50 + 5(t − 1) from period 3', () => {
    expect(generateDemand(p({ level: 100, trend: 5, step: { period: 3, level: 50 } }), 4)).toEqual([100, 105, 60, 65]);
  });

  it('seasonality: level × (1 + A sin(2π(t − 1 − φ)/L))', () => {
    // A = 0.5, L = 4: sin at 0, π/2, π, 3π/2 → 100, 150, 100, 50, and again.
    expect(generateDemand(p({ level: 100, season: { amplitude: 0.5, cycle: 4, phase: 0 } }), 8)).toEqual([100, 150, 100, 50, 100, 150, 100, 50]);
    // Phase 1 shifts the cycle one period later.
    expect(generateDemand(p({ level: 100, season: { amplitude: 0.5, cycle: 4, phase: 1 } }), 4)).toEqual([50, 100, 150, 100]);
    // L = 12, A = 0.3, t = 2: 200 · (1 + 0.3 · sin(π/6)) = 200 · 1.15 = 230.
    expect(patternMean(p({ level: 200, season: { amplitude: 0.3, cycle: 12, phase: 0 } }), 2)).toBeCloseTo(230, 10);
  });

  it('promotions multiply the listed periods only', () => {
    expect(generateDemand(p({ level: 20, promotions: { periods: [2, 4], multiplier: 2.5 } }), 5)).toEqual([20, 50, 20, 50, 20]);
  });

  it('rounding off keeps fractions (and drops floating-point dust)', () => {
    const s = generateDemand(p({ level: 10, round: false, season: { amplitude: 0.25, cycle: 4, phase: 0 } }), 4);
    expect(s).toEqual([10, 12.5, 10, 7.5]);
  });
});

describe('noise', () => {
  const normal = p({ level: 100, noise: { kind: 'normal', cv: 0.2, seed: 42 }, round: false });
  const poisson = p({ level: 7, noise: { kind: 'poisson', seed: 42 } });

  it('is the same for the same seed and differs for another seed', () => {
    expect(generateDemand(normal, 50)).toEqual(generateDemand(normal, 50));
    expect(generateDemand(poisson, 50)).toEqual(generateDemand(poisson, 50));
    expect(generateDemand({ ...normal, noise: { ...normal.noise, seed: 43 } }, 50)).not.toEqual(generateDemand(normal, 50));
  });

  it('is seeded per period: a promotion elsewhere leaves the other periods\' draws alone', () => {
    const plain = generateDemand(normal, 20);
    const promoted = generateDemand({ ...normal, promotions: { periods: [5], multiplier: 3 } }, 20);
    expect(promoted.filter((_, i) => i !== 4)).toEqual(plain.filter((_, i) => i !== 4));
    expect(promoted[4]).not.toBe(plain[4]);
  });

  it('normal: mean ≈ level and standard deviation ≈ cv × level over 20 000 periods', () => {
    const xs = generateDemand(normal, 20_000);
    // Standard errors: 20/√20000 ≈ 0.14 for the mean; ≈ 0.1 for the sd.
    expect(mean(xs)).toBeGreaterThan(99.5);
    expect(mean(xs)).toBeLessThan(100.5);
    expect(Math.sqrt(variance(xs))).toBeGreaterThan(19.5);
    expect(Math.sqrt(variance(xs))).toBeLessThan(20.5);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('Poisson: whole numbers with mean ≈ variance ≈ λ, also above the method switch at λ = 30', () => {
    for (const level of [7, 80]) {
      const xs = generateDemand({ ...poisson, level }, 20_000);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(Math.abs(mean(xs) - level)).toBeLessThan(4 * Math.sqrt(level / 20_000));
      expect(Math.abs(variance(xs) / level - 1)).toBeLessThan(0.05);
    }
  });

  it('normal noise follows the pattern: mean of each season phase ≈ its seasonal level', () => {
    const seasonal = { ...normal, season: { amplitude: 0.5, cycle: 4, phase: 0 } };
    const xs = generateDemand(seasonal, 40_000);
    const phase = (k: number) => mean(xs.filter((_, i) => i % 4 === k));
    expect(phase(1)).toBeGreaterThan(148);
    expect(phase(1)).toBeLessThan(152);
    expect(phase(3)).toBeGreaterThan(49);
    expect(phase(3)).toBeLessThan(51);
  });
});

describe('parsePeriodList', () => {
  it('reads periods and inclusive ranges, sorted and unique', () => {
    expect(parsePeriodList('5, 12-14; 30 5', 52)).toEqual({ ok: true, periods: [5, 12, 13, 14, 30] });
  });
  it('refuses what is no period or beyond the horizon', () => {
    expect(parsePeriodList('3, x', 52)).toEqual({ ok: false, message: '"x" is no period or range (e.g. 5, 12-14)' });
    expect(parsePeriodList('50-60', 52)).toEqual({ ok: false, message: '"50-60" is outside periods 1–52' });
  });
});
