/**
 * The solver layer: automatic choice, statuses (infeasible, unbounded explained), a MIP stopped
 * by its time limit returning its best plan with the gap, and cancel (reliability cases 17–19).
 */
import { describe, expect, it } from 'vitest';
import { generateLocationScenario } from '../../bench/plan-scenarios';
import { buildPlanModel } from '../../src/core/plan/build';
import { ModelBuilder } from '../../src/core/plan/model-builder';
import { PlanAbortedError } from '../../src/core/plan/options';
import { solvePlan, solvePlanModel } from '../../src/core/plan/solve-plan';
import { chooseSolverName, loadSolver } from '../../src/core/plan/solvers/choose';
import { IPM_MIN_ROWS, lpMethodFor } from '../../src/core/plan/solvers/highs';
import { demandRows, expectFeasible, lane, scenario, site } from '../support/plan-scenarios';

/** max Σ v_i x_i s.t. Σ w_ki x_i ≤ cap_k, x binary: a knapsack GLPK cannot close in a few ms. */
function knapsack(n: number, rows: number) {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const b = new ModelBuilder();
  const cols = Array.from({ length: n }, (_, i) => b.addColumn('open', i, -1, `x${i}`, { integer: true, lower: 0, upper: 1 }));
  cols.forEach((c) => b.addCost(c, -(Math.round(rnd() * 1000) + 100), 'revenue'));
  for (let k = 0; k < rows; k++) {
    const r = b.addRow('maxOpen', k, -1, `w${k}`, -Infinity, 12345.5);
    cols.forEach((c) => b.addEntry(r, c, Math.round(rnd() * 1000) + 100));
  }
  return b.finish('knapsack', 'max');
}

const tiny = () => scenario({
  settings: { shortagePenalty: 100 },
  sites: [site('F', 'plant'), site('C', 'customer')],
  lanes: [lane('F', 'C', { costPerUnit: 1 })],
  production: [{ siteId: 'F', productId: 'P', capacity: 10 }],
  demand: demandRows('C', [5]),
});

describe('solver choice', () => {
  it('picks GLPK for small LPs and HiGHS for real MIPs; an explicit choice wins', () => {
    const small = buildPlanModel(tiny()).model;
    expect(chooseSolverName(small)).toBe('glpk');
    expect(chooseSolverName(small, 'highs')).toBe('highs');
    const mip = buildPlanModel(generateLocationScenario({ facilities: 40, customers: 20 })).model;
    expect(chooseSolverName(mip)).toBe('highs');
    expect(chooseSolverName(mip, 'glpk')).toBe('glpk');
  });

  it('runs HiGHS\'s dual simplex on LPs up to IPM_MIN_ROWS rows, interior point above; MIPs and explicit choices as asked', () => {
    const lp = (rows: number) => {
      const b = new ModelBuilder();
      const x = b.addColumn('ship', 0, 1, 'x');
      for (let i = 0; i < rows; i++) b.addEntry(b.addRow('lane', i, 1, `r${i}`, -Infinity, 10 + i), x, 1);
      return b.finish('rows', 'min');
    };
    expect(lpMethodFor(lp(IPM_MIN_ROWS))).toBe('simplex');
    expect(lpMethodFor(lp(IPM_MIN_ROWS + 1))).toBe('ipm');
    expect(lpMethodFor(lp(IPM_MIN_ROWS + 1), 'simplex')).toBe('simplex');
    expect(lpMethodFor(lp(3), 'ipm')).toBe('ipm');
    expect(lpMethodFor(knapsack(5, 2), 'ipm')).toBe('simplex');
  });
});

describe.each(['glpk', 'highs', 'network'] as const)('statuses with %s', (solver) => {
  it('reports an infeasible model as infeasible (an end-stock target above what can be made)', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 100 },
      sites: [site('F', 'plant', { name: 'Plant' })],
      production: [{ siteId: 'F', productId: 'P', capacity: 10 }],
      inventory: [{ siteId: 'F', productId: 'P', targetEndStock: 25 }],
    });
    const r = await solvePlan(s, { solver });
    expect(r.status).toBe('infeasible');
    expect(r.infeasibility?.targets).toEqual([expect.objectContaining({ siteId: 'F', target: 25, reachable: 20 })]);
    expect(r.infeasibility?.targets[0].message).toBe('The end-stock target of 25 Widget at Plant cannot be met: at most 20 can be left there.');
    expect(r.infeasibility?.capacityNeeds[0]).toMatchObject({ kind: 'production', siteId: 'F' });
    expect(r.flows).toEqual([]);
  });

  it('detects and explains an unbounded model: a shipment loop that earns money on every lap', async () => {
    const s = scenario({
      settings: { shortagePenalty: 100 },
      sites: [site('F', 'plant'), site('D1', 'dc'), site('D2', 'dc'), site('C', 'customer')],
      lanes: [lane('F', 'D1'), lane('D1', 'D2'), lane('D2', 'D1'), lane('D1', 'C')],
      production: [{ siteId: 'F', productId: 'P' }],
      demand: demandRows('C', [5]),
    });
    const pm = buildPlanModel(s);
    // Scenario costs cannot be negative; a doctored model stands in for a modelling error.
    const loop = pm.model.colNames.indexOf('ship(D1~D2,P,1)');
    const colCost = pm.model.colCost.slice();
    colCost[loop] = -1;
    const r = await solvePlanModel({ ...pm, model: { ...pm.model, colCost } }, { solver });
    expect(r.status).toBe('unbounded');
    expect(r.unbounded?.columns).toContain('ship(D1~D2,P,1)');
    expect(r.unbounded?.summary).toContain('shipments of Widget on lane D1 → D2 in week 1 can grow without limit; each unit lowers the cost by €1.00.');
    expect(r.headline).toMatch(/^The total cost can improve without limit\./);
  });
});

describe('time limits', () => {
  it('HiGHS: a MIP stopped by its time limit returns its best plan, labelled with the gap and "time limit"', async () => {
    const s = generateLocationScenario({ facilities: 20, customers: 60, singleSourcing: true });
    const pm = buildPlanModel(s);
    const r = await solvePlanModel(pm, { solver: 'highs', timeLimitSeconds: 3, mipGap: 0, shadowPrices: false });
    expect(r.status).toBe('feasible');
    expect(r.stopReason).toBe('time-limit');
    expect(r.gap).toBeGreaterThan(0);
    expect(r.headline).toMatch(/^Best plan found within the 3 s time limit, not proven optimal: total cost .*; it is at most [\d.]+ % from the optimum \(MIP gap\)\./);
    // The best plan may still be a poor one (even "serve nothing" is feasible): it is costed all the same.
    expect(r.objective).toBeCloseTo(r.costs?.totalCost as number, 2);
  });

  it('GLPK: a MIP stopped by its time limit returns its best solution with a gap bounded by the LP relaxation', async () => {
    const model = knapsack(300, 30);
    const glpk = await loadSolver('glpk');
    const out = glpk.solve({ model, timeLimitSeconds: 0.5, mipGap: 0 });
    expect(out.status).toBe('time-limit');
    expect(out.hasSolution).toBe(true);
    expectFeasible(model, out.values);
    expect(out.bestBound).toBeGreaterThanOrEqual(out.objective as number);
    expect(out.gap).toBeGreaterThan(0);
  });
});

describe('cancel', () => {
  it('a cancelled run rejects with an AbortError before solving', async () => {
    const run = solvePlan(tiny(), { signal: { aborted: true } });
    await expect(run).rejects.toBeInstanceOf(PlanAbortedError);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('HiGHS stops a running MIP search when the signal flips, and the next run works', async () => {
    const s = generateLocationScenario({ facilities: 20, customers: 60, singleSourcing: true });
    const signal = { aborted: false };
    const started = Date.now();
    const run = solvePlan(s, { solver: 'highs', mipGap: 0, timeLimitSeconds: 30, signal, onProgress: (p) => { if (p.mip) signal.aborted = true; } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const next = await solvePlan(tiny(), { solver: 'highs' });
    expect(next.objective).toBeCloseTo(5, 6);
  });
});

describe('results are plain data', () => {
  it('survive JSON and structured clone unchanged (worker boundary, CLI --json)', async () => {
    const infeasible = scenario({
      settings: { shortagePenalty: 100 },
      sites: [site('F', 'plant'), site('C', 'customer')],
      lanes: [lane('F', 'C', { costPerUnit: 1 })],
      production: [{ siteId: 'F', productId: 'P', capacity: 3 }],
      demand: demandRows('C', [5]),
    });
    const results = [
      await solvePlan(tiny()),
      await solvePlan(infeasible, { demand: 'must-meet' }),
      await solvePlan(generateLocationScenario({ facilities: 6, customers: 10 }), { mipGap: 0 }),
    ];
    expect(results.map((r) => r.status)).toEqual(['optimal', 'infeasible', 'optimal']);
    for (const r of results) {
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      expect(structuredClone(r)).toEqual(r);
    }
  });
});
