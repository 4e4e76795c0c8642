/**
 * Capacitated facility location (network design MIP), with the optimum found here by brute force:
 *
 *   - split sourcing: every set of open plants, each priced by an independent min-cost flow of
 *     all demand through the open plants' capacities (no LP solver involved);
 *   - single sourcing: every assignment of customers to plants (4^6), within capacities.
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { minCostFlow } from '../support/plan-min-cost-flow';
import { demandRows, lane, scenario, site } from '../support/plan-scenarios';

const PLANTS = [
  { id: 'F1', capacity: 80, fixedCost: 300, openingCost: 50, cost: [4, 6, 9, 5, 8, 7] },
  { id: 'F2', capacity: 60, fixedCost: 200, openingCost: 0, cost: [7, 3, 4, 8, 6, 5] },
  { id: 'F3', capacity: 120, fixedCost: 450, openingCost: 100, cost: [6, 6, 5, 4, 3, 6] },
  { id: 'F4', capacity: 50, fixedCost: 150, openingCost: 20, cost: [9, 7, 3, 9, 4, 2] },
];
const DEMAND = [25, 30, 20, 35, 30, 15];

const cfl = (singleSourcing: boolean) => scenario({
  settings: { horizon: 1, singleSourcing, shortagePenalty: 1000 },
  sites: [
    ...PLANTS.map((p) => site(p.id, 'plant', { status: 'potential', fixedCost: p.fixedCost, openingCost: p.openingCost })),
    ...DEMAND.map((_, c) => site(`C${c}`, 'customer')),
  ],
  lanes: PLANTS.flatMap((p) => p.cost.map((costPerUnit, c) => lane(p.id, `C${c}`, { costPerUnit }))),
  production: PLANTS.map((p) => ({ siteId: p.id, productId: 'P', capacity: p.capacity })),
  demand: DEMAND.flatMap((q, c) => demandRows(`C${c}`, [q])),
}, 'cfl');

const total = DEMAND.reduce((a, b) => a + b, 0);

function bestSplit(): { cost: number; open: string[] } {
  let best = { cost: Infinity, open: [] as string[] };
  for (let mask = 1; mask < 1 << PLANTS.length; mask++) {
    const open = PLANTS.filter((_, i) => mask & (1 << i));
    const arcs = [
      ...open.map((p) => ({ from: 's', to: p.id, capacity: p.capacity, cost: 0 })),
      ...open.flatMap((p) => p.cost.map((cost, c) => ({ from: p.id, to: `C${c}`, capacity: Infinity, cost }))),
      ...DEMAND.map((q, c) => ({ from: `C${c}`, to: 't', capacity: q, cost: 0 })),
    ];
    const cost = open.reduce((s, p) => s + p.fixedCost + p.openingCost, 0) + minCostFlow(arcs, 's', 't', total);
    if (cost < best.cost) best = { cost, open: open.map((p) => p.id) };
  }
  return best;
}

function bestSingle(): number {
  let best = Infinity;
  const assign = new Array<number>(DEMAND.length).fill(0);
  const visit = (c: number) => {
    if (c === DEMAND.length) {
      const load = PLANTS.map(() => 0);
      DEMAND.forEach((q, i) => { load[assign[i]] += q; });
      if (load.some((l, p) => l > PLANTS[p].capacity)) return;
      const fixed = PLANTS.reduce((s, p, i) => s + (load[i] > 0 ? p.fixedCost + p.openingCost : 0), 0);
      best = Math.min(best, fixed + DEMAND.reduce((s, q, i) => s + q * PLANTS[assign[i]].cost[i], 0));
      return;
    }
    for (let p = 0; p < PLANTS.length; p++) { assign[c] = p; visit(c + 1); }
  };
  visit(0);
  return best;
}

describe.each(['glpk', 'highs'] as const)('capacitated facility location with %s', (solver) => {
  it('split sourcing: matches the best of all opening sets priced by min-cost flow', async () => {
    const best = bestSplit();
    const r = await solvePlan(cfl(false), { solver, mipGap: 0, demand: 'must-meet' });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(best.cost, 6);
    expect(r.sites.filter((s) => s.open).map((s) => s.siteId).filter((id) => id.startsWith('F'))).toEqual(best.open);
  });

  it('single sourcing: matches the best of all 4^6 assignments within capacity', async () => {
    const best = bestSingle();
    const r = await solvePlan(cfl(true), { solver, mipGap: 0, demand: 'must-meet' });
    expect(r.objective).toBeCloseTo(best, 6);
    expect(best).toBeGreaterThan(bestSplit().cost);
    for (let c = 0; c < DEMAND.length; c++) expect(new Set(r.flows.filter((f) => f.to === `C${c}`).map((f) => f.from)).size).toBe(1);
  });
});
