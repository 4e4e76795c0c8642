/**
 * Base-stock with a lead time (periodic review, backorders; e.g. Zipkin, Foundations of
 * Inventory Management, ch. 6; Snyder & Shen ch. 4). An order placed in t arrives in t + L + 1,
 * so the protection interval is L + 1 periods and, with Y_k the demand over k periods,
 *   end-of-period backorders  B = (Y_{L+1} − S)⁺
 *   cycle service level       P(no backorder at the end of a period) = P(Y_{L+1} ≤ S)
 *   fill rate                 1 − (E(Y_{L+1} − S)⁺ − E(Y_L − S)⁺) / E[D]
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/core/sim';
import { convolve, normalCdf, normalLoss, poissonExcess, poissonPmf, standardError } from './sim-analytic';
import { singleStage, steadyDemand } from './sim-scenarios';

const PERIODS = 3000;

function simulate(S: number, lead: number, variability: 'normal' | 'poisson', mean: number, sd?: number) {
  const s = singleStage({
    periods: PERIODS, lead,
    inventory: { policy: 'base-stock', baseStock: S, initialStock: S },
    demand: steadyDemand('cust', PERIODS, mean, sd),
    settings: { demandVariability: variability, seed: 21 },
  });
  const r = runReplications(s, { replications: 16, warmup: 20 });
  const dc = (i: number) => r.summaries[i].sites.find((x) => x.siteId === 'dc')!;
  const pick = (f: (i: number) => number) => r.summaries.map((_, i) => f(i));
  const stat = (values: number[]) => ({ mean: values.reduce((a, b) => a + b, 0) / values.length, se: standardError(values) });
  return {
    backorders: stat(pick((i) => dc(i).backordersAvg)),
    csl: stat(pick((i) => dc(i).cycleServiceLevel)),
    fill: stat(pick((i) => dc(i).fillRate)),
  };
}

describe('base-stock with lead time, normal demand', () => {
  // μ = 100, σ = 20, L = 2 → protection 3 periods; S = 3μ + 1.5·σ·√3.
  const mu = 100;
  const sigma = 20;
  const L = 2;
  const sdL = sigma * Math.sqrt(L + 1);
  const S = mu * (L + 1) + 1.5 * sdL;
  const r = simulate(S, L, 'normal', mu, sigma);
  const expectedBackorders = sdL * normalLoss(1.5);
  const excessL = sigma * Math.sqrt(L) * normalLoss((S - mu * L) / (sigma * Math.sqrt(L)));

  it(`cycle service level Φ(1.5) = ${normalCdf(1.5).toFixed(4)}`, () => {
    expect(Math.abs(r.csl.mean - normalCdf(1.5))).toBeLessThan(4 * r.csl.se);
  });

  it(`expected backorders σ√(L+1)·L(z) = ${expectedBackorders.toFixed(4)}`, () => {
    expect(Math.abs(r.backorders.mean - expectedBackorders)).toBeLessThan(4 * r.backorders.se);
  });

  it('fill rate 1 − (E(Y₃ − S)⁺ − E(Y₂ − S)⁺)/μ', () => {
    const expected = 1 - (expectedBackorders - excessL) / mu;
    expect(Math.abs(r.fill.mean - expected)).toBeLessThan(4 * r.fill.se);
  });
});

describe('base-stock with lead time, Poisson demand', () => {
  // λ = 5, L = 1 → protection 2 periods, Y₂ ~ Poisson(10); S = 14.
  const r = simulate(14, 1, 'poisson', 5);
  const p2 = convolve(poissonPmf(5, 60), poissonPmf(5, 60));
  const csl = p2.slice(0, 15).reduce((a, b) => a + b, 0);

  it(`cycle service level P(Y₂ ≤ 14) = ${csl.toFixed(4)}`, () => {
    expect(Math.abs(r.csl.mean - csl)).toBeLessThan(4 * r.csl.se);
  });

  it('expected backorders E(Y₂ − 14)⁺ and fill rate', () => {
    const b = poissonExcess(10, 14);
    expect(Math.abs(r.backorders.mean - b)).toBeLessThan(4 * r.backorders.se);
    const fill = 1 - (b - poissonExcess(5, 14)) / 5;
    expect(Math.abs(r.fill.mean - fill)).toBeLessThan(4 * r.fill.se);
  });
});
