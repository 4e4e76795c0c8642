/**
 * Plan → fixed-plan orders: the timing shift between the planner and the simulator, the cases
 * an order cannot express (initial orders, production in period 1, shipments into producers),
 * the scenario copy (never the user's scenario), and — the real check — that a deterministic
 * plan executed by the simulator reproduces the plan's own stock and costs.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import { formatIssue } from '../../../src/core/model/issue';
import type { Scenario } from '../../../src/core/model/types';
import { solvePlan, type PlanFlow, type PlanProduction } from '../../../src/core/plan';
import { executePlan } from '../../../src/core/plan/execution/execute-plan';
import { planToExecution } from '../../../src/core/plan/execution/plan-to-execution';
import { compareRows, planKpis } from '../../../src/core/plan/execution/plan-vs-actual';

type Row = Record<string, unknown>;

function scenario(doc: Row): Scenario {
  const r = loadScenario({ format: 'chainlab.scenario', version: 2, id: 't', name: 't', ...doc });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario;
}
const site = (id: string, kind: string, extra: Row = {}): Row => ({ id, name: `Site ${id}`, kind, lat: 48, lon: 2, ...extra });

/** Plant F (makes P, 1 period) → DC D (2 periods, order delay 1) → customer C (same period). */
function chain(extra: Row = {}): Scenario {
  return scenario({
    settings: { horizon: 10, shortagePenalty: 50 },
    sites: [site('F', 'plant', { holdingCost: 0.5 }), site('D', 'dc', { holdingCost: 1 }), site('C', 'customer')],
    products: [{ id: 'P', name: 'Product' }],
    lanes: [
      { id: 'F-D', from: 'F', to: 'D', leadTime: 2, infoDelay: 1, costPerUnit: 2 },
      { id: 'D-C', from: 'D', to: 'C', leadTime: 0, costPerUnit: 1 },
    ],
    production: [{ siteId: 'F', productId: 'P', capacity: 100, cost: 5, leadTime: 1 }],
    inventory: [{ siteId: 'D', productId: 'P', policy: 'base-stock', baseStock: 40, initialStock: 10 }],
    demand: [3, 4, 5, 6, 7, 8].map((q, i) => ({ customerId: 'C', productId: 'P', period: i + 5, quantity: q * 5 })),
    ...extra,
  });
}

const flow = (laneId: string, from: string, to: string, period: number, quantity: number, lead: number): PlanFlow =>
  ({ laneId, from, to, productId: 'P', period, arrival: period + lead, quantity, cost: 0 });
const make = (siteId: string, period: number, quantity: number): PlanProduction =>
  ({ siteId, productId: 'P', period, finished: period + 1, quantity, cost: 0 });

describe('planToExecution: orders', () => {
  const sc = chain();
  const planned = {
    flows: [flow('F-D', 'F', 'D', 2, 12, 2), flow('F-D', 'F', 'D', 5, 30, 2), flow('D-C', 'D', 'C', 4, 20, 0)],
    production: [make('F', 1, 12), make('F', 4, 30)],
    sites: [],
  };
  const exec = planToExecution(sc, planned);

  it('orders a shipment planned for s in s − 1 − infoDelay on its lane, at the destination', () => {
    // F-D has infoDelay 1: shipped in 5 ⇒ ordered by D in 3 (reaches F in 3 + 1 + 1 = 5).
    expect(exec.plan).toContainEqual({ siteId: 'D', productId: 'P', period: 3, quantity: 30, laneId: 'F-D' });
    // D-C has no delay: shipped in 4 ⇒ ordered by C in 3.
    expect(exec.plan).toContainEqual({ siteId: 'C', productId: 'P', period: 3, quantity: 20, laneId: 'D-C' });
  });

  it('turns a shipment that would have to be ordered before period 1 into an initial order reaching the origin when it leaves', () => {
    expect(exec.initialOrders).toEqual([{ laneId: 'F-D', productId: 'P', arrivalPeriod: 2, quantity: 12 }]);
    expect(exec.plan.some((e) => e.laneId === 'F-D' && e.quantity === 12)).toBe(false);
  });

  it('starts planned production one period earlier, without a lane (the simulator finishes it in o + 1 + Lp)', () => {
    expect(exec.plan).toContainEqual({ siteId: 'F', productId: 'P', period: 3, quantity: 30 });
  });

  it('puts production planned for period 1 on hand at the start, and says so', () => {
    const plant = exec.scenario.inventory.find((r) => r.siteId === 'F');
    expect(plant?.initialStock).toBe(12);
    expect(exec.notes.join(' ')).toMatch(/12 units of production planned for week 1 are on hand at the start/);
  });

  it('sets every policy to fixed-plan and adds rows where the plan needs a stock node, keeping initial stock', () => {
    expect(exec.scenario.inventory.map((r) => [r.siteId, r.policy, r.initialStock])).toEqual([
      ['D', 'fixed-plan', 10], ['C', 'fixed-plan', 0], ['F', 'fixed-plan', 12],
    ]);
  });

  it('never modifies the user\'s scenario', () => {
    const before = structuredClone(sc);
    planToExecution(sc, planned);
    expect(sc).toEqual(before);
    expect(sc.inventory).toHaveLength(1);
    expect(sc.inventory[0].policy).toBe('base-stock');
  });

  it('leaves out shipments into a producing site and counts them', () => {
    const r = planToExecution(sc, { ...planned, flows: [flow('F-D', 'D', 'F', 3, 9, 2)] });
    expect(r.plan.filter((e) => e.laneId !== undefined)).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/9 units the plan ships into producing sites/);
  });

  it('opens the potential sites the plan opens, and only those', () => {
    const r = planToExecution(sc, { ...planned, sites: [
      { siteId: 'D', open: true, status: 'potential' }, { siteId: 'F', open: true, status: 'existing' }, { siteId: 'C', open: false, status: 'potential' },
    ] });
    expect(r.openSites).toEqual(['D']);
  });
});

describe('a deterministic plan executed by the simulator', () => {
  it('reproduces the plan: same stock every period, same transport, production and shortage cost', async () => {
    const sc = chain();
    const plan = await solvePlan(sc, { solver: 'glpk' });
    expect(plan.status).toBe('optimal');
    expect(plan.flows.length).toBeGreaterThan(3);
    // Production in period 1 would be moved to the start; this plan needs none (demand starts in week 5).
    expect(plan.production.some((p) => p.period === 1)).toBe(false);
    const exec = planToExecution(sc, plan);
    const actual = executePlan(exec, { replications: 20 });
    expect(actual.replications).toBe(1);
    expect(actual.random).toBe(false);

    const dc = actual.stock.find((s) => s.siteId === 'D');
    const planned = Array.from({ length: 10 }, (_, t) => plan.stock.find((s) => s.siteId === 'D' && s.period === t + 1)?.quantity ?? 0);
    expect(Array.from(dc!.mean)).toEqual(planned);

    const rows = compareRows(planKpis(plan, 'backorder'), actual);
    for (const key of ['transport', 'production', 'shortage', 'holding', 'fill-rate', 'total']) {
      const row = rows.find((r) => r.key === key)!;
      expect(row.actual, key).toBeCloseTo(row.plan, 6);
    }
  });

  it('under random demand runs the replications and reports a confidence interval', async () => {
    const sc = chain({ settings: { horizon: 10, shortagePenalty: 50, demandVariability: 'normal', demandCv: 0.3 } });
    const plan = await solvePlan(sc, { solver: 'glpk' });
    const actual = executePlan(planToExecution(sc, plan), { replications: 12 });
    expect(actual.replications).toBe(12);
    expect(actual.total.fillRate.n).toBe(12);
    expect(actual.total.fillRate.halfWidth).toBeGreaterThan(0);
    // A plan without safety stock cannot keep its promise when demand varies.
    expect(actual.total.fillRate.mean).toBeLessThan(planKpis(plan, 'backorder').fillRate);
    const dc = actual.stock.find((s) => s.siteId === 'D')!;
    expect(Array.from(dc.low).every((lo, t) => lo <= dc.mean[t] + 1e-9 && dc.mean[t] <= dc.high[t] + 1e-9)).toBe(true);
  });
});

describe('planKpis', () => {
  it('counts demand served in its own period after the older backlog (first come, first served)', () => {
    // Period 1: demand 10, served 4 → backlog 6. Period 2: demand 10, served 12 → 6 go to the backlog, 6 of 10 on time.
    const k = planKpis({
      horizon: 2, stock: [], costs: undefined,
      demand: [
        { customerId: 'C', productId: 'P', period: 1, demand: 10, served: 4, unmet: 6 },
        { customerId: 'C', productId: 'P', period: 2, demand: 10, served: 12, unmet: 4 },
      ],
    }, 'backorder');
    expect(k.fillRate).toBeCloseTo((4 + 6) / 20, 12);
    expect(k.backordersAvg).toBe(5);
  });
});
