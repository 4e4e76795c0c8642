/**
 * Multi-period production with storage: Sailco (Winston, Operations Research, Example 3.10).
 * Demand for sailboats over four quarters: 40, 60, 75, 25; 10 boats in stock at the start.
 * Regular-time production: at most 40 per quarter at $400; overtime: unlimited at $450; $20 per
 * boat held at the end of a quarter; demand must be met on time. Published optimum: $78,450
 * (regular 40, 40, 40, 25; overtime 0, 10, 35, 0). Regular and overtime production are two
 * production sites feeding the warehouse (the format allows one production row per site and
 * product); holding costs $20 wherever boats wait, so where they wait does not matter.
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site, sumBy } from '../support/plan-scenarios';

const sailco = () => scenario({
  settings: { horizon: 4, periodLength: 'month', currency: 'USD', shortagePenalty: 10_000 },
  products: [{ id: 'boat', name: 'Sailboat' }],
  sites: [
    site('regular', 'plant', { name: 'Regular time', holdingCost: 20 }),
    site('overtime', 'plant', { name: 'Overtime', holdingCost: 20 }),
    site('yard', 'dc', { name: 'Boat yard', holdingCost: 20 }),
    site('market', 'customer'),
  ],
  lanes: [lane('regular', 'yard'), lane('overtime', 'yard'), lane('yard', 'market')],
  production: [
    { siteId: 'regular', productId: 'boat', capacity: 40, cost: 400 },
    { siteId: 'overtime', productId: 'boat', cost: 450 },
  ],
  inventory: [{ siteId: 'yard', productId: 'boat', initialStock: 10 }],
  demand: demandRows('market', [40, 60, 75, 25], 'boat'),
}, 'sailco');

describe.each(['glpk', 'highs', 'network'] as const)('Sailco with %s', (solver) => {
  it('costs $78,450 with the published production schedule (demand must be met on time)', async () => {
    const r = await solvePlan(sailco(), { solver, demand: 'must-meet' });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(78450, 6);
    const made = (where: string) => [1, 2, 3, 4].map((t) => sumBy(r.production, (p) => p.quantity, (p) => p.siteId === where && p.period === t));
    expect(made('regular')).toEqual([40, 40, 40, 25].map((v) => expect.closeTo(v, 6)));
    expect(made('overtime')).toEqual([0, 10, 35, 0].map((v) => expect.closeTo(v, 6)));
    expect(r.costs).toMatchObject({ production: 78250, holding: 200 });
  });

  it('with soft demand and a high penalty, the same plan', async () => {
    const r = await solvePlan(sailco(), { solver });
    expect(r.objective).toBeCloseTo(78450, 6);
    expect(r.shortfalls).toEqual([]);
  });
});
