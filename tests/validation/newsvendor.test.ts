/**
 * Newsvendor (Snyder & Shen, Fundamentals of Supply Chain Theory, Example 4.3): h = 0.18,
 * p = 0.70, D ~ Normal(50, 8²): S* = 56.604, expected cost 1.9976; D ~ Poisson(50): S* = 56,
 * expected cost 1.7972.
 *
 * In the engine, a base-stock DC with lead time 0 is a sequence of independent newsvendors: the
 * order of t arrives before the demand of t + 1, so each period starts at S and ends at S − D
 * (holding h on what is left, backorder cost p on what is short, both per period).
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/core/sim';
import { normalLoss, normalPdf, poissonExcess } from './sim-analytic';
import { singleStage, steadyDemand } from './sim-scenarios';

const H = 0.18;
const P = 0.7;
const PERIODS = 2000;
const REPLICATIONS = 20;

function costPerPeriod(S: number, variability: 'normal' | 'poisson') {
  const s = singleStage({
    periods: PERIODS,
    inventory: { policy: 'base-stock', baseStock: S, initialStock: S, holdingCost: H },
    demand: steadyDemand('cust', PERIODS, 50, variability === 'normal' ? 8 : undefined),
    settings: { demandVariability: variability, seed: 4 },
    product: { shortagePenalty: P },
  });
  const r = runReplications(s, { replications: REPLICATIONS });
  const perRep = r.summaries.map((x) => x.total.costs.total / x.measuredPeriods);
  const mean = perRep.reduce((a, b) => a + b, 0) / perRep.length;
  const se = Math.sqrt(perRep.reduce((a, b) => a + (b - mean) ** 2, 0) / (perRep.length - 1) / perRep.length);
  return { mean, se, ci: r.estimate.total.costs.total };
}

describe('newsvendor, Snyder & Shen Example 4.3', () => {
  it('the published numbers follow from the formulas (check of the reference itself)', () => {
    // Normal: z* = Φ⁻¹(0.7/0.88) = 0.8255, cost = (h + p)·σ·φ(z*).
    expect((H + P) * 8 * normalPdf((56.604 - 50) / 8)).toBeCloseTo(1.9976, 3);
    expect(H * 8 * (normalLoss(-(6.604 / 8))) + P * 8 * normalLoss(6.604 / 8)).toBeCloseTo(1.9976, 3);
    // Poisson: cost(S) = h·E(S − D)⁺ + p·E(D − S)⁺ with E(S − D)⁺ = S − λ + E(D − S)⁺.
    const poissonCost = (S: number) => H * (S - 50 + poissonExcess(50, S)) + P * poissonExcess(50, S);
    expect(poissonCost(56)).toBeCloseTo(1.7972, 3);
    expect(poissonCost(56)).toBeLessThan(poissonCost(55));
    expect(poissonCost(56)).toBeLessThan(poissonCost(57));
  });

  it('normal demand, S = 56.604: simulated cost per period agrees with 1.9976', () => {
    const { mean, se, ci } = costPerPeriod(56.604, 'normal');
    expect(Math.abs(mean - 1.9976)).toBeLessThan(3 * se);
    expect(se).toBeLessThan(0.01);
    expect(ci.n).toBe(REPLICATIONS);
  });

  it('Poisson demand, S = 56: simulated cost per period agrees with 1.7972', () => {
    const { mean, se } = costPerPeriod(56, 'poisson');
    expect(Math.abs(mean - 1.7972)).toBeLessThan(3 * se);
    expect(se).toBeLessThan(0.01);
  });
});
