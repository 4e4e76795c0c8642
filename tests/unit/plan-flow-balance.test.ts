/**
 * Flow balance (defineFlowBalance) on tiny networks with hand-computed optima: lane lead times,
 * production lead times, initial stock, the initial pipeline, bills of materials, implicit
 * suppliers. Every plan is also checked against the model's rows.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../../src/core/plan/build';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { loadSolver } from '../../src/core/plan/solvers/choose';
import { demandRows, expectFeasible, lane, scenario, site, sumBy } from '../support/plan-scenarios';

describe('flow balance: lane lead times', () => {
  const base = {
    sites: [site('F', 'plant', { holdingCost: 0.5 }), site('C', 'customer')],
    lanes: [lane('F', 'C', { leadTime: 2, costPerUnit: 1 })],
    production: [{ siteId: 'F', productId: 'P', cost: 2 }],
  };

  it('ships L periods ahead: demand 10 in week 3 over a 2-week lane is made and shipped in week 1 (cost 10·2 + 10·1 = 30)', async () => {
    const r = await solvePlan(scenario({ ...base, settings: { horizon: 3, shortagePenalty: 100 }, demand: demandRows('C', [0, 0, 10]) }));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(30, 6);
    expect(r.flows).toEqual([expect.objectContaining({ laneId: 'F-C', period: 1, arrival: 3, quantity: 10, cost: 10 })]);
    expect(r.production).toEqual([expect.objectContaining({ siteId: 'F', period: 1, finished: 1, quantity: 10, cost: 20 })]);
    expect(r.costs).toMatchObject({ transport: 10, production: 20, holding: 0, shortage: 0 });
  });

  it('cannot beat the lead time: demand in week 1 waits two weeks as a backorder (30 + 2 weeks · 10 units · 100 = 2,030)', async () => {
    const r = await solvePlan(scenario({ ...base, settings: { horizon: 3, shortagePenalty: 100 }, demand: demandRows('C', [10]) }));
    expect(r.objective).toBeCloseTo(2030, 6);
    expect(r.demand.filter((d) => d.unmet > 0).map((d) => [d.period, d.unmet])).toEqual([[1, 10], [2, 10]]);
    expect(r.demand.find((d) => d.period === 3)?.served).toBe(10);
    expect(r.shortfalls).toEqual([expect.objectContaining({ customerId: 'C', quantity: 0, periods: [1, 2] })]);
  });

  it('counts shipments arriving after the horizon as in transit at the end (costed, serving nothing)', async () => {
    // A 3-week lane in a 2-week horizon: nothing can arrive; the plan ships nothing and says why.
    const r = await solvePlan(scenario({ ...base, settings: { horizon: 2, shortagePenalty: 1, unmetDemand: 'lost' }, lanes: [lane('F', 'C', { leadTime: 3, costPerUnit: 1 })], demand: demandRows('C', [0, 5]) }));
    expect(r.status).toBe('optimal');
    expect(r.flows).toEqual([]);
    expect(r.objective).toBeCloseTo(5, 6);
    expect(r.issues.map((i) => i.code)).toContain('lead-time-beyond-horizon');
  });
});

describe('flow balance: production lead time', () => {
  it('production started in t is finished stock in t + L: week-2 demand is made in week 1', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 50 },
      sites: [site('F', 'plant'), site('C', 'customer')],
      lanes: [lane('F', 'C')],
      production: [{ siteId: 'F', productId: 'P', cost: 3, leadTime: 1 }],
      demand: demandRows('C', [4, 5]),
    });
    const r = await solvePlan(s);
    // Week-1 demand (4) cannot be met before week 2: one week of backorder (4 · 50); 9 units made in week 1.
    expect(r.objective).toBeCloseTo(9 * 3 + 4 * 50, 6);
    expect(r.production).toEqual([expect.objectContaining({ period: 1, finished: 2, quantity: 9 })]);
  });
});

describe('flow balance: initial stock and the initial pipeline', () => {
  it('uses stock on hand and goods in transit before producing (stock 1, 4, 1 → holding 6)', async () => {
    const s = scenario({
      settings: { horizon: 3, shortagePenalty: 100 },
      sites: [site('F', 'plant'), site('D', 'dc', { holdingCost: 1 }), site('C', 'customer')],
      lanes: [lane('F', 'D', { id: 'FD', leadTime: 1, costPerUnit: 1 }), lane('D', 'C')],
      production: [{ siteId: 'F', productId: 'P', cost: 10 }],
      inventory: [{ siteId: 'D', productId: 'P', initialStock: 4 }],
      inTransit: [{ laneId: 'FD', productId: 'P', arrivalPeriod: 2, quantity: 6 }],
      demand: demandRows('C', [3, 3, 3]),
    });
    const r = await solvePlan(s);
    expect(r.status).toBe('optimal');
    expect(r.production).toEqual([]);
    expect(r.objective).toBeCloseTo(6, 6);
    expect(r.stock.filter((x) => x.siteId === 'D').map((x) => x.quantity)).toEqual([1, 4, 1]);
  });
});

describe('flow balance: goods in transit on a lane that carries nothing more', () => {
  it('still arrive (capacity 0 stops new shipments, not those already under way)', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 5, unmetDemand: 'lost' },
      sites: [site('F', 'plant'), site('C', 'customer', { name: 'Shop' })],
      lanes: [lane('F', 'C', { id: 'FC', capacity: 0, leadTime: 1 })],
      production: [{ siteId: 'F', productId: 'P' }],
      inTransit: [{ laneId: 'FC', productId: 'P', arrivalPeriod: 2, quantity: 4 }],
      demand: demandRows('C', [0, 6]),
    });
    const r = await solvePlan(s);
    expect(r.demand).toEqual([expect.objectContaining({ period: 2, demand: 6, served: 4, unmet: 2 })]);
    expect(r.objective).toBeCloseTo(10, 6);
  });
});

describe('flow balance: bills of materials and suppliers', () => {
  it('making 5 A consumes 10 B bought from a supplier without production rows (5·1 + 10·3 + 5·1 = 40)', async () => {
    const s = scenario({
      products: [{ id: 'A', name: 'Assembly' }, { id: 'B', name: 'Part' }],
      sites: [site('S', 'supplier'), site('F', 'plant'), site('C', 'customer')],
      lanes: [lane('S', 'F', { productId: 'B', costPerUnit: 3 }), lane('F', 'C', { productId: 'A', costPerUnit: 1 })],
      production: [{ siteId: 'F', productId: 'A', cost: 1 }],
      bom: [{ productId: 'A', componentId: 'B', quantity: 2 }],
      demand: demandRows('C', [5], 'A'),
      settings: { shortagePenalty: 1000 },
    });
    const pm = buildPlanModel(s);
    const solver = await loadSolver('glpk');
    const out = solver.solve({ model: pm.model });
    expectFeasible(pm.model, out.values);
    const r = await solvePlan(s);
    expect(r.objective).toBeCloseTo(40, 6);
    expect(sumBy(r.flows, (f) => f.quantity, (f) => f.productId === 'B')).toBeCloseTo(10, 9);
    expect(r.issues.map((i) => i.code)).toContain('implicit-supplier');
  });

  it('cannot make A without its component: no route for B means A is unmet, not made from nothing', async () => {
    const s = scenario({
      products: [{ id: 'A', name: 'Assembly' }, { id: 'B', name: 'Part' }],
      sites: [site('F', 'plant'), site('C', 'customer')],
      lanes: [lane('F', 'C', { productId: 'A' })],
      production: [{ siteId: 'F', productId: 'A', cost: 1 }],
      bom: [{ productId: 'A', componentId: 'B', quantity: 2 }],
      demand: demandRows('C', [5], 'A'),
      settings: { shortagePenalty: 7, unmetDemand: 'lost' },
    });
    const r = await solvePlan(s);
    expect(r.production).toEqual([]);
    expect(r.objective).toBeCloseTo(35, 6);
    expect(r.shortfalls[0]).toMatchObject({ customerId: 'C', quantity: 5 });
  });
});
