/**
 * (s, S) with Poisson demand, evaluated exactly by its Markov chain (Scarf's model; e.g.
 * Zipkin ch. 6, Snyder & Shen §4.5). Lead time 0: the order of t arrives before the demand of
 * t + 1. Let y be the inventory position after ordering (s < y ≤ S); next period ends at y − D
 * (holding h on (y − D)⁺, backorder cost p on (y − D)⁻), and orders up to S, paying K, when
 * y − D ≤ s. The stationary distribution of y gives the expected cost per period.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/core/sim';
import { poissonPmf, standardError } from './sim-analytic';
import { singleStage, steadyDemand } from './sim-scenarios';

const lambda = 3;
const s = 4;
const S = 12;
const h = 1;
const p = 5;
const K = 10;

function exactCost(): { cost: number; orderRate: number } {
  const pmf = poissonPmf(lambda, 80);
  const states = Array.from({ length: S - s }, (_, i) => s + 1 + i);
  let pi = states.map(() => 1 / states.length);
  for (let iter = 0; iter < 5000; iter++) {
    const next = states.map(() => 0);
    states.forEach((y, i) => {
      pmf.forEach((q, d) => {
        const x = y - d;
        next[x <= s ? states.length - 1 : x - s - 1] += pi[i] * q;
      });
    });
    pi = next;
  }
  let cost = 0;
  let orderRate = 0;
  states.forEach((y, i) => {
    pmf.forEach((q, d) => {
      const x = y - d;
      cost += pi[i] * q * (h * Math.max(x, 0) + p * Math.max(-x, 0) + (x <= s ? K : 0));
      if (x <= s) orderRate += pi[i] * q;
    });
  });
  return { cost, orderRate };
}

describe('(s, S) policy, Poisson demand, exact Markov chain', () => {
  const exact = exactCost();
  const periods = 3000;
  const r = runReplications(singleStage({
    periods,
    inventory: { policy: 's-S', reorderPoint: s, orderUpTo: S, initialStock: S, holdingCost: h, orderCost: K },
    demand: steadyDemand('cust', periods, lambda),
    settings: { demandVariability: 'poisson', seed: 33 },
    product: { shortagePenalty: p },
  }), { replications: 16, warmup: 10 });

  it(`expected cost per period ${exact.cost.toFixed(4)}`, () => {
    const perPeriod = r.summaries.map((x) => x.total.costs.total / x.measuredPeriods);
    const mean = perPeriod.reduce((a, b) => a + b, 0) / perPeriod.length;
    expect(Math.abs(mean - exact.cost)).toBeLessThan(4 * standardError(perPeriod));
  });

  it(`order frequency ${exact.orderRate.toFixed(4)} per period`, () => {
    const rate = r.summaries.map((x) => x.total.costs.ordering / K / x.measuredPeriods);
    const mean = rate.reduce((a, b) => a + b, 0) / rate.length;
    expect(Math.abs(mean - exact.orderRate)).toBeLessThan(4 * standardError(rate));
  });
});
