/**
 * Rolling-horizon re-planning: where the horizon is cut, the scenario of the rest of the
 * horizon from a simulation's state, a window plan's executed part, the plan carried out costed
 * by the planner's objective — and, end to end with the simulator: deterministic demand ⇒ the
 * plans carried out cost what the first plan costs (and simulate alike); a demand shock ⇒ the
 * re-planned run recovers and serves better than the plan followed to the end (hand-computed).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/model/types';
import { buildPlanModel } from '../../src/core/plan/build';
import { sampleDemand } from '../../src/core/plan/execution/actual-demand';
import { executeRolling } from '../../src/core/plan/execution/execute-rolling';
import { PlanAbortedError } from '../../src/core/plan/options';
import { planTablesCost } from '../../src/core/plan/plan-vector';
import { designOf, executedPart, laterPart, replanPoints, windowScenario, type WindowState } from '../../src/core/plan/rolling-horizon';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, shippedScenario, site } from '../support/plan-scenarios';

/**
 * Plant F (capacity 8, €1 a unit, holding €0.5) → Shop C over a 1-week €2 lane; demand 0, 6, 10,
 * 4, 9, 7. Shipped in t, arriving t + 1: ship 6, 10, 4, 9, 7 in weeks 1–5. Weeks 2 and 4 ship more
 * than 8, so 2 units are made in week 1 and held one week (€1), 1 unit in week 3 (€0.50).
 * Cost: 36 made (€36) + 36 shipped (€72) + €1.50 holding = €109.50, the only optimum.
 */
const buildAhead = (): Scenario => scenario({
  settings: { horizon: 6, shortagePenalty: 100 },
  sites: [site('F', 'plant', { name: 'Plant', holdingCost: 0.5 }), site('C', 'customer', { name: 'Shop' })],
  lanes: [lane('F', 'C', { leadTime: 1, costPerUnit: 2 })],
  production: [{ siteId: 'F', productId: 'P', capacity: 8, cost: 1 }],
  demand: demandRows('C', [0, 6, 10, 4, 9, 7]),
});

/** Plant F (capacity 10, €1) → Shop C, no lead time, €2 a unit; demand 5 a week for 6 weeks: make and ship 5 a week (€90). */
const steady = (): Scenario => scenario({
  settings: { horizon: 6, shortagePenalty: 100 },
  sites: [site('F', 'plant', { name: 'Plant' }), site('C', 'customer', { name: 'Shop' })],
  lanes: [lane('F', 'C', { costPerUnit: 2 })],
  production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
  demand: demandRows('C', [5, 5, 5, 5, 5, 5]),
});

describe('windows', () => {
  it('re-plans after every k periods, below the horizon', () => {
    expect(replanPoints(10, 3)).toEqual([3, 6, 9]);
    expect(replanPoints(12, 4)).toEqual([4, 8]);
    expect(replanPoints(10, 0)).toEqual([]);
    expect(replanPoints(10, 10)).toEqual([]);
    expect(replanPoints(10, Number.NaN)).toEqual([]);
  });

  it('the rest of the horizon from a simulated state: stock on hand, pipeline and demand shifted, backorders owed in period 1', () => {
    const s = scenario({
      settings: { horizon: 8, shortagePenalty: 100 },
      sites: [site('F', 'plant'), site('D', 'dc'), site('N', 'dc', { status: 'potential', fixedCost: 50, openingCost: 500 }), site('C', 'customer'), site('R', 'customer')],
      lanes: [lane('F', 'D', { leadTime: 2 }), lane('D', 'C'), lane('N', 'R', { fixedCost: 9 }), lane('D', 'R')],
      production: [{ siteId: 'F', productId: 'P', capacity: 10 }],
      inventory: [{ siteId: 'D', productId: 'P', initialStock: 30, holdingCost: 2 }],
      demand: [...demandRows('C', [4, 4, 4, 4, 6, 6, 6, 6]), ...demandRows('R', [0, 0, 0, 2, 0, 3])],
    });
    const state: WindowState = {
      period: 3,
      stock: [
        { siteId: 'D', productId: 'P', onHand: 7, backorders: 0 },
        { siteId: 'F', productId: 'P', onHand: 0, backorders: 0 },
        { siteId: 'C', productId: 'P', onHand: 0, backorders: 2.5 },
        { siteId: 'R', productId: 'P', onHand: 1, backorders: 0 },
      ],
      inTransit: [{ laneId: 'F-D', productId: 'P', quantity: 9, arrivalPeriod: 5 }],
      inProduction: [{ siteId: 'F', productId: 'P', quantity: 4 }],
    };
    const w = windowScenario(s, state, { openSites: new Set(), usedLanes: new Set() });
    expect(w.settings.horizon).toBe(5);
    // D keeps its row (and holding cost); R's stock and F's production under way get rows.
    expect(w.inventory).toHaveLength(3);
    expect(w.inventory).toEqual(expect.arrayContaining([
      expect.objectContaining({ siteId: 'D', productId: 'P', initialStock: 7, holdingCost: 2 }),
      expect.objectContaining({ siteId: 'F', productId: 'P', initialStock: 4 }),
      expect.objectContaining({ siteId: 'R', productId: 'P', initialStock: 1 }),
    ]));
    expect(w.inTransit).toEqual([{ laneId: 'F-D', productId: 'P', quantity: 9, arrivalPeriod: 2 }]);
    // C's 2.5 backorders join its week-4 demand (window week 1); R's weeks 4 and 6 become 1 and 3.
    expect(w.demand.map((d) => [d.customerId, d.period, d.quantity])).toEqual([
      ['C', 1, 6.5], ['R', 1, 2], ['C', 2, 6], ['C', 3, 6], ['R', 3, 3], ['C', 4, 6], ['C', 5, 6],
    ]);
    // The design stays the first plan's: the potential site it did not open is closed, its fixed-cost lane carries nothing.
    expect(w.sites.find((x) => x.id === 'N')?.status).toBe('closed');
    expect(w.lanes.find((x) => x.id === 'N-R')?.capacity).toBe(0);
    const opened = windowScenario(s, state, { openSites: new Set(['N']), usedLanes: new Set(['N-R']) });
    expect(opened.sites.find((x) => x.id === 'N')).toMatchObject({ status: 'existing', openingCost: 0, fixedCost: 50 });
    expect(opened.lanes.find((x) => x.id === 'N-R')).toMatchObject({ fixedCost: 0 });
    // The original scenario is untouched.
    expect(s.demand.find((d) => d.customerId === 'C' && d.period === 4)?.quantity).toBe(4);
    expect(s.inventory[0].initialStock).toBe(30);
  });

  it('for planning, goods travelling to a customer that keeps no stock serve its demand; for simulating they stay shipments', () => {
    const s = buildAhead();
    const state: WindowState = { period: 2, stock: [], inTransit: [{ laneId: 'F-C', productId: 'P', quantity: 10, arrivalPeriod: 3 }] };
    const plan = windowScenario(s, state, designOf({ sites: [], lanes: [] }));
    expect(plan.inTransit).toEqual([]);
    expect(plan.demand.map((d) => [d.period, d.quantity])).toEqual([[1, 0], [2, 4], [3, 9], [4, 7]]);
    const simulate = windowScenario(s, state, designOf({ sites: [], lanes: [] }), s.demand, 'simulate');
    expect(simulate.inTransit).toEqual([{ laneId: 'F-C', productId: 'P', quantity: 10, arrivalPeriod: 1 }]);
    expect(simulate.demand.map((d) => [d.period, d.quantity])).toEqual([[1, 10], [2, 4], [3, 9], [4, 7]]);
  });

  it('a window plan\'s executed part in absolute periods, and its later part renumbered', () => {
    const f = (period: number, quantity: number) => ({ laneId: 'F-C', from: 'F', to: 'C', productId: 'P', period, arrival: period + 1, quantity, cost: 2 * quantity });
    const m = (period: number, quantity: number) => ({ siteId: 'F', productId: 'P', period, finished: period, quantity, cost: quantity });
    const tables = { flows: [f(1, 4), f(2, 9), f(3, 7)], production: [m(1, 5), m(2, 8), m(3, 7)], stock: [{ siteId: 'F', productId: 'P', period: 1, quantity: 1 }], demand: [] };
    const done = executedPart(tables, 2, 2, false);
    expect(done.flows.map((x) => [x.period, x.arrival, x.quantity])).toEqual([[3, 4, 4], [4, 5, 9]]);
    expect(done.production.map((x) => [x.period, x.quantity])).toEqual([[3, 5], [4, 8]]);
    expect(done.stock).toEqual([{ siteId: 'F', productId: 'P', period: 3, quantity: 1 }]);
    expect(executedPart(tables, 2, 2, true).flows).toHaveLength(3);
    expect(laterPart(tables, 2).flows.map((x) => [x.period, x.arrival, x.quantity])).toEqual([[1, 2, 7]]);
  });

  it('a plan\'s own tables, costed by the objective, cost what the plan costs', async () => {
    const lp = buildAhead();
    const r = await solvePlan(lp);
    expect(planTablesCost(buildPlanModel(lp), r, designOf(r))).toEqual(r.costs);
    // A MIP solved to a 0.5 % gap may keep a setup on in a period without deliveries: the tables
    // (which carry no setups) turn setups on exactly where something arrives; the rest is equal.
    const mip = shippedScenario('default-europe.json');
    const m = await solvePlan(mip, { mipGap: 0.005 });
    const cost = planTablesCost(buildPlanModel(mip), m, designOf(m));
    for (const kind of ['transport', 'holding', 'production', 'fixed', 'shortage'] as const) expect(cost[kind]).toBeCloseTo(m.costs?.[kind] as number, 4);
    expect(cost.setup).toBeLessThanOrEqual(m.costs?.setup as number);
  });
});

describe('executing with re-planning', () => {
  it('deterministic demand: every re-plan continues the optimum, so the plans carried out cost €109.50 for any k, and simulate like the plan followed', async () => {
    const s = buildAhead();
    const first = await solvePlan(s);
    expect(first.objective).toBe(109.5);
    for (const k of [1, 2, 3, 5]) {
      const x = await executeRolling(s, first, { replanEvery: k, replications: 5 });
      expect(x.replications).toBe(1); // nothing is random
      expect(x.rolling?.replanAt).toEqual(replanPoints(6, k));
      expect(x.rolling?.failedReplans).toBe(0);
      expect(x.rolling?.plannedCost.mean).toBeCloseTo(109.5, 9);
      // The simulator makes and ships what the plans say: the same cost as the plan followed, and as the plan.
      expect(x.total.costs.total.mean).toBeCloseTo(x.rolling?.fixed.total.costs.total.mean as number, 9);
      expect(x.total.costs.total.mean).toBeCloseTo(109.5, 9);
      expect(x.total.fillRate.mean).toBe(1);
      expect(x.total.customerDemand.mean).toBe(36);
    }
  });

  it('a demand shock in week 3 (10 instead of 5): re-planning after week 4 catches up, the fixed plan never does', async () => {
    const s = steady();
    const first = await solvePlan(s);
    expect(first.objective).toBe(90);
    const shock = s.demand.map((d) => (d.period === 3 ? { ...d, quantity: 10 } : d));
    const x = await executeRolling(s, first, { replanEvery: 2, replications: 1, actualDemand: shock });
    const fixed = x.rolling?.fixed.total;
    // Plan followed: week 3 serves 5 of 10; from then on each week's 5 go to the older backorders
    // first, so 5 stay open to the end: on time 5 + 5 + 5 of 35, backorders 5 at the end of weeks
    // 3–6 (average 20/6), shortage 5 × 4 × €100.
    expect(fixed?.customerDemand.mean).toBe(35);
    expect(fixed?.customerFilled.mean).toBe(15);
    expect(fixed?.backordersAvg.mean).toBeCloseTo(20 / 6, 9);
    expect(fixed?.costs.shortage.mean).toBe(2000);
    // Re-planned after weeks 2 and 4: the plan after week 4 sees 5 backorders and makes 10 in
    // week 5 (capacity 10): on time 5 + 5 + 5 + 0 + 5 + 5 of 35, backorders only in weeks 3–4.
    expect(x.total.customerDemand.mean).toBe(35);
    expect(x.total.customerFilled.mean).toBe(25);
    expect(x.total.fillRate.mean).toBeCloseTo(25 / 35, 9);
    expect(x.total.backordersAvg.mean).toBeCloseTo(10 / 6, 9);
    expect(x.total.costs.shortage.mean).toBe(1000);
    // The plans themselves never planned a backorder (the shock was news to each): 35 made and shipped at €3.
    expect(x.rolling?.plannedCost.mean).toBeCloseTo(35 * 3, 9);
  });

  it('random demand: both runs face the same demand in every replication; results repeat with the seed', async () => {
    const s = shippedScenario('default-europe.json');
    const first = await solvePlan(s, { mipGap: 0.005 });
    const options = { replanEvery: 13, replications: 3, demandVariability: 'normal' as const, solve: { mipGap: 0.005 } };
    const progress: number[] = [];
    const x = await executeRolling(s, first, { ...options, onProgress: (p) => progress.push(p.fraction) });
    expect(x.replications).toBe(3);
    expect(x.random).toBe(true);
    expect(x.rolling?.replanAt).toEqual([13, 26, 39]);
    expect(x.total.customerDemand.mean).toBeCloseTo(x.rolling?.fixed.total.customerDemand.mean as number, 6);
    expect(x.total.customerDemand.n).toBe(3);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const again = await executeRolling(s, first, options);
    expect(again.total.costs.total.mean).toBe(x.total.costs.total.mean);
    expect(x.stock.find((q) => q.siteId === 'dc-lyon' && q.productId === 'espresso')?.mean).toHaveLength(52);
  });

  it('stops when cancelled', async () => {
    const s = buildAhead();
    const first = await solvePlan(s);
    await expect(executeRolling(s, first, { replanEvery: 2, replications: 1, signal: { aborted: true } })).rejects.toBeInstanceOf(PlanAbortedError);
  });
});

describe('the demand that happens', () => {
  const s = scenario({
    settings: { horizon: 200, demandCv: 0.3 },
    sites: [site('C', 'customer')],
    demand: demandRows('C', Array.from({ length: 200 }, (_, t) => (t % 2 === 0 ? 10 : 30))),
  });

  it('none: the forecast; normal and Poisson: around it, never below 0, the same for the same seed and replication', () => {
    expect(sampleDemand(s, 'none', 1, 0).map((d) => d.quantity)).toEqual(s.demand.map((d) => d.quantity));
    for (const v of ['normal', 'poisson'] as const) {
      const a = sampleDemand(s, v, 7, 2);
      expect(sampleDemand(s, v, 7, 2)).toEqual(a);
      expect(sampleDemand(s, v, 7, 3)).not.toEqual(a);
      expect(a.every((d) => d.quantity >= 0)).toBe(true);
      const mean = a.reduce((t, d) => t + d.quantity, 0) / a.length;
      expect(Math.abs(mean - 20)).toBeLessThan(2); // forecast mean 20, σ of the mean ≈ 0.5
    }
    expect(sampleDemand(s, 'poisson', 7, 2).every((d) => Number.isInteger(d.quantity))).toBe(true);
  });

  it('bootstrap: every period draws one of the customer\'s own quantities', () => {
    const b = sampleDemand(s, 'bootstrap', 3, 0);
    expect(b).toHaveLength(200);
    expect(new Set(b.map((d) => d.quantity))).toEqual(new Set([10, 30]));
  });
});
