/**
 * Demand patterns: a series for periods 1..T built from the pieces planners combine by hand,
 *
 *   level(t)  = (t ≥ k ? b : a) + g·(t − 1)                    constant a, step to b at k, trend g
 *   mean(t)   = max(0, level(t)) · (1 + A·sin(2π(t − 1 − φ)/L)) · m(t)    seasonality, promotions
 *   demand(t) = mean(t)                     (no noise)
 *             | max(0, mean(t) + cv·mean(t)·z_t)                          normal noise, z_t ~ N(0,1)
 *             | Poisson(mean(t))                                          Poisson noise
 *
 * with m(t) = the promotion multiplier in promoted periods, else 1; A the seasonal amplitude as a
 * share of the level (0.3 = ±30 %), L the cycle length and φ the phase (periods until the cycle
 * starts rising). Rounding to whole units is optional (Poisson draws are whole already).
 *
 * Noise is seeded per period (stream t of the seed), so the same seed always gives the same series,
 * and changing a promotion or the trend does not reshuffle the noise of the other periods.
 */
import { Rng } from '../sim/rng';

export type NoiseKind = 'none' | 'normal' | 'poisson';

export interface DemandPattern {
  /** Level a from period 1. */
  readonly level: number;
  /** Optional step: from period `period` on the level is `level` instead of a. */
  readonly step?: { readonly period: number; readonly level: number };
  /** Change of the level per period (may be negative; the mean never goes below 0). */
  readonly trend: number;
  readonly season?: { readonly amplitude: number; readonly cycle: number; readonly phase: number };
  readonly promotions?: { readonly periods: readonly number[]; readonly multiplier: number };
  readonly noise: { readonly kind: NoiseKind; readonly cv?: number; readonly seed: number };
  /** Round every period to whole units. */
  readonly round: boolean;
}

export const DEFAULT_PATTERN: DemandPattern = {
  level: 100,
  trend: 0,
  noise: { kind: 'none', cv: 0.2, seed: 1 },
  round: true,
};

/** The expected demand of period t (1-based), before noise and rounding. */
export function patternMean(p: DemandPattern, t: number): number {
  const base = p.step && t >= p.step.period ? p.step.level : p.level;
  const level = Math.max(0, base + p.trend * (t - 1));
  let mean = level;
  if (p.season && p.season.cycle > 0 && p.season.amplitude !== 0) {
    mean *= 1 + p.season.amplitude * Math.sin((2 * Math.PI * (t - 1 - p.season.phase)) / p.season.cycle);
  }
  if (p.promotions && p.promotions.periods.includes(t)) mean *= p.promotions.multiplier;
  return Math.max(0, mean);
}

/** Rounds away floating-point dust (1e-13 from sin(π)) before a value is shown or stored. */
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

/** The series for periods 1..horizon (index 0 is period 1). */
export function generateDemand(p: DemandPattern, horizon: number): number[] {
  const out: number[] = [];
  for (let t = 1; t <= horizon; t++) {
    const mean = patternMean(p, t);
    let d = mean;
    if (p.noise.kind === 'normal') {
      const rng = new Rng(p.noise.seed, t);
      d = Math.max(0, mean + (p.noise.cv ?? 0) * mean * rng.normal());
    } else if (p.noise.kind === 'poisson') {
      d = new Rng(p.noise.seed, t).poisson(mean);
    }
    out.push(p.round ? Math.round(d) : clean(d));
  }
  return out;
}

/** Periods listed as text: "5, 12-14; 30" → [5, 12, 13, 14, 30] (ranges inclusive, at most `max`). */
export function parsePeriodList(text: string, max: number): { ok: true; periods: number[] } | { ok: false; message: string } {
  const out = new Set<number>();
  for (const part of text.split(/[\s,;]+/).filter((x) => x !== '')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return { ok: false, message: `"${part}" is no period or range (e.g. 5, 12-14)` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to > max) return { ok: false, message: `"${part}" is outside periods 1–${max}` };
    for (let t = from; t <= to; t++) out.add(t);
  }
  return { ok: true, periods: [...out].sort((a, b) => a - b) };
}
