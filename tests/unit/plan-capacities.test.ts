/**
 * Capacities (lane, production, storage) on tiny networks with hand-computed optima, and their
 * shadow prices where the LP is non-degenerate (so the duals are unique).
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import type { ShadowPrice } from '../../src/core/plan/result';
import { demandRows, lane, scenario, site, sumBy } from '../support/plan-scenarios';

const price = (prices: readonly ShadowPrice[], where: Partial<ShadowPrice>) =>
  prices.find((p) => Object.entries(where).every(([k, v]) => p[k as keyof ShadowPrice] === v));

describe.each(['glpk', 'highs', 'network'] as const)('capacities with %s', (solver) => {
  it('lane capacity: 100 units on the capped €5 lane, 50 on the €8 one (cost 900); its shadow price is 8 − 5 = 3', async () => {
    const s = scenario({
      settings: { shortagePenalty: 1000 },
      sites: [site('A', 'plant'), site('B', 'plant'), site('C', 'customer', { name: 'Customer C' })],
      lanes: [lane('A', 'C', { costPerUnit: 5, capacity: 100 }), lane('B', 'C', { costPerUnit: 8 })],
      production: [{ siteId: 'A', productId: 'P' }, { siteId: 'B', productId: 'P' }],
      demand: demandRows('C', [150]),
    });
    const r = await solvePlan(s, { solver });
    expect(r.objective).toBeCloseTo(900, 6);
    expect(sumBy(r.flows, (f) => f.quantity, (f) => f.laneId === 'A-C')).toBeCloseTo(100, 6);
    const lanePrice = price(r.shadowPrices, { kind: 'lane', laneId: 'A-C', period: 1 });
    expect(lanePrice?.value).toBeCloseTo(3, 6);
    expect(lanePrice?.message).toBe('One more unit of capacity on lane A → Customer C in week 1 would save €3.00.');
    // One more unit of demand comes over the €8 lane.
    expect(price(r.shadowPrices, { kind: 'demand', siteId: 'C', period: 1 })?.value).toBeCloseTo(8, 6);
  });

  it('lane capacity is shared by all products on the lane', async () => {
    const s = scenario({
      settings: { shortagePenalty: 1000 },
      products: [{ id: 'X', name: 'X' }, { id: 'Y', name: 'Y' }],
      sites: [site('A', 'plant'), site('B', 'plant'), site('C', 'customer')],
      lanes: [lane('A', 'C', { costPerUnit: 1, capacity: 10 }), lane('B', 'C', { costPerUnit: 4 })],
      production: ['X', 'Y'].flatMap((p) => [{ siteId: 'A', productId: p }, { siteId: 'B', productId: p }]),
      demand: [...demandRows('C', [8], 'X'), ...demandRows('C', [8], 'Y')],
    });
    const r = await solvePlan(s, { solver });
    // 10 of the 16 units take the €1 lane, 6 the €4 lane: 10 + 24 = 34.
    expect(r.objective).toBeCloseTo(34, 6);
    expect(sumBy(r.flows, (f) => f.quantity, (f) => f.laneId === 'A-C')).toBeCloseTo(10, 6);
  });

  it('production capacity: builds ahead of a shortfall and holds stock (multi-period with storage)', async () => {
    // Capacity 10 per week, demand 4, 15, 8: week 2 needs 5 units made in week 1 and held (2 each).
    const s = scenario({
      settings: { horizon: 3, shortagePenalty: 100 },
      sites: [site('F', 'plant', { name: 'Plant', holdingCost: 2 }), site('C', 'customer')],
      lanes: [lane('F', 'C')],
      production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
      demand: demandRows('C', [4, 15, 8]),
    });
    const r = await solvePlan(s, { solver });
    expect(r.objective).toBeCloseTo(27 * 1 + 5 * 2, 6);
    expect(r.production.map((p) => p.quantity)).toEqual([9, 10, 8]);
    expect(r.stock).toEqual([expect.objectContaining({ siteId: 'F', period: 1, quantity: 5 })]);
    // One more unit of week-2 capacity saves holding one unit for a week: 2.
    const cap2 = price(r.shadowPrices, { kind: 'production', period: 2 });
    expect(cap2?.value).toBeCloseTo(2, 6);
    expect(cap2?.message).toBe('One more unit of Widget production capacity at Plant in week 2 would save €2.00.');
    expect(price(r.shadowPrices, { kind: 'production', period: 1 })).toBeUndefined();
    // Marginal demand: week 1 and 3 made in the week (1), week 2 made in week 1 and held (1 + 2).
    expect([1, 2, 3].map((t) => price(r.shadowPrices, { kind: 'demand', period: t })?.value)).toEqual([1, 3, 1].map((v) => expect.closeTo(v, 6)));
  });

  it('storage capacity: the cheap DC holds what it can, the plant the rest; each extra DC slot saves 1 − 0.5', async () => {
    const s = scenario({
      settings: { horizon: 3, shortagePenalty: 100 },
      sites: [site('F', 'plant', { holdingCost: 1 }), site('D', 'dc', { name: 'DC', holdingCost: 0.5, storageCapacity: 5 }), site('C', 'customer')],
      lanes: [lane('F', 'D'), lane('D', 'C')],
      production: [{ siteId: 'F', productId: 'P', capacity: 10 }],
      demand: demandRows('C', [0, 0, 30]),
    });
    const r = await solvePlan(s, { solver });
    // End of week 1: 10 units, 5 at the DC (2.5) and 5 at the plant (5); week 2: 20, 5 (2.5) + 15 (15).
    expect(r.objective).toBeCloseTo(25, 6);
    expect(r.stock.filter((x) => x.siteId === 'D').map((x) => x.quantity)).toEqual([5, 5]);
    for (const t of [1, 2]) {
      const p = price(r.shadowPrices, { kind: 'storage', siteId: 'D', period: t });
      expect(p?.value).toBeCloseTo(0.5, 6);
      expect(p?.message).toBe(`One more unit of storage at DC in week ${t} would save €0.50.`);
    }
  });
});
