/**
 * Multi-echelon serial systems.
 *
 * 1. Deterministic three-stage chain, hand-computed: constant demand 10, installation base-stock
 *    S_i = 10·(L_i + 1) + buffer at each stage; once the initial transient is over every stage
 *    holds exactly its buffer at the end of each period.
 *
 * 2. Two-stage stochastic chain with installation base-stock and Poisson demand, against its
 *    exact evaluation (the serial-system recursion behind Clark–Scarf; e.g. Zipkin §8.3, Snyder &
 *    Shen §6.2). Retailer R (lead time L1 from warehouse W), W (lead time L2 from an unlimited
 *    supplier), both ordering what they receive. With Y_k the demand over k periods:
 *      W's net inventory   NI₂ = S₂ − Y_{L2+1},           W's backorders B₂ = (Y_{L2+1} − S₂)⁺
 *      R's net inventory   NI₁ = S₁ − Y_{L1+1} − B₂',     B₂' independent of Y_{L1+1}
 *    so E[on hand] and E[backorders] of both stages follow by convolution.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, simulateScenario } from '../../src/core/sim';
import { convolve, poissonPmf, standardError } from './sim-analytic';
import { scenario, site, steadyDemand, type Row } from './sim-scenarios';

function serial(o: { periods: number; stages: { id: string; lead: number; inventory: Row }[]; demand: Row[]; settings?: Row }) {
  // stages listed upstream first; an unlimited supplier feeds the first, a customer the last.
  const ids = ['sup', ...o.stages.map((s) => s.id), 'cust'];
  return scenario({
    settings: { horizon: o.periods, ...o.settings },
    sites: [site('sup', 'supplier'), ...o.stages.map((s) => site(s.id, 'dc')), site('cust', 'customer')],
    products: [{ id: 'p', name: 'p' }],
    lanes: ids.slice(1).map((to, i) => ({ id: `${ids[i]}-${to}`, from: ids[i], to, leadTime: to === 'cust' ? 0 : o.stages[i].lead })),
    demand: o.demand,
    inventory: o.stages.map((s) => ({ siteId: s.id, productId: 'p', ...s.inventory })),
  });
}

describe('deterministic three-stage serial chain (hand-computed)', () => {
  // Stages F → D → R with lead times 2, 1, 3; buffers 5, 3, 4; holding 0.2, 0.5, 1 per unit-period.
  const stages = [
    { id: 'F', lead: 2, buffer: 5, h: 0.2 },
    { id: 'D', lead: 1, buffer: 3, h: 0.5 },
    { id: 'R', lead: 3, buffer: 4, h: 1 },
  ];
  const periods = 40;
  const r = simulateScenario(serial({
    periods,
    stages: stages.map((s) => ({ id: s.id, lead: s.lead, inventory: { policy: 'base-stock', baseStock: 10 * (s.lead + 1) + s.buffer, initialStock: 10 * (s.lead + 1) + s.buffer, holdingCost: s.h } })),
    demand: steadyDemand('cust', periods, 10),
  }), { warmup: 10 });

  it('every stage ends each period with exactly its buffer, never short', () => {
    for (const s of stages) {
      const kpi = r.summary.sites.find((x) => x.siteId === s.id)!;
      expect(kpi.onHandAvg).toBeCloseTo(s.buffer, 12);
      expect(kpi.backordersAvg).toBe(0);
      expect(kpi.fillRate).toBe(1);
    }
  });

  it('holding cost = Σ h_i · buffer_i per period', () => {
    const perPeriod = stages.reduce((a, s) => a + s.h * s.buffer, 0);
    expect(r.summary.total.costs.holding / r.summary.measuredPeriods).toBeCloseTo(perPeriod, 12);
    expect(perPeriod).toBeCloseTo(0.2 * 5 + 0.5 * 3 + 1 * 4, 12);
  });
});

describe('two-stage serial chain, Poisson demand, exact evaluation', () => {
  const lambda = 4;
  const L1 = 1;
  const L2 = 2;
  const S1 = 10;
  const S2 = 13;
  const periods = 4000;
  const r = runReplications(serial({
    periods,
    stages: [
      { id: 'W', lead: L2, inventory: { policy: 'base-stock', baseStock: S2, initialStock: S2 } },
      { id: 'R', lead: L1, inventory: { policy: 'base-stock', baseStock: S1, initialStock: S1 } },
    ],
    demand: steadyDemand('cust', periods, lambda),
    settings: { demandVariability: 'poisson', seed: 77 },
  }), { replications: 16, warmup: 20 });

  // Distributions: Y_{L2+1} ~ Poisson(λ(L2+1)) gives B₂; NI₁ = S₁ − (Y_{L1+1} + B₂).
  const max = 120;
  const y2 = poissonPmf(lambda * (L2 + 1), max);
  const b2 = new Array<number>(max + 1).fill(0);
  y2.forEach((q, k) => { b2[Math.max(0, k - S2)] += q; });
  const shortfall = convolve(poissonPmf(lambda * (L1 + 1), max), b2);
  const expect1 = (f: (x: number) => number, pmf: number[]) => pmf.reduce((a, q, k) => a + q * f(k), 0);
  const exact = {
    wOnHand: expect1((k) => Math.max(S2 - k, 0), y2),
    wBackorders: expect1((k) => Math.max(k - S2, 0), y2),
    rOnHand: expect1((k) => Math.max(S1 - k, 0), shortfall),
    rBackorders: expect1((k) => Math.max(k - S1, 0), shortfall),
  };
  const kpi = (id: string, f: (s: { onHandAvg: number; backordersAvg: number }) => number) =>
    r.summaries.map((x) => f(x.sites.find((s) => s.siteId === id)!));
  const agree = (values: number[], expected: number) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError(values));
  };

  it(`warehouse: on hand ${exact.wOnHand.toFixed(3)}, backorders ${exact.wBackorders.toFixed(3)}`, () => {
    agree(kpi('W', (s) => s.onHandAvg), exact.wOnHand);
    agree(kpi('W', (s) => s.backordersAvg), exact.wBackorders);
  });

  it(`retailer (delayed by the warehouse's backorders): on hand ${exact.rOnHand.toFixed(3)}, backorders ${exact.rBackorders.toFixed(3)}`, () => {
    agree(kpi('R', (s) => s.onHandAvg), exact.rOnHand);
    agree(kpi('R', (s) => s.backordersAvg), exact.rBackorders);
    // Without the warehouse's backorders the retailer would do better: the echelon effect is real.
    const alone = expect1((k) => Math.max(k - S1, 0), poissonPmf(lambda * (L1 + 1), max));
    expect(exact.rBackorders).toBeGreaterThan(alone * 1.2);
  });
});
