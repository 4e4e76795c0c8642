/**
 * Re-planning in the app: the session executes with a "re-plan every k" field (0 = never), the
 * runner sends the plan packed to the real worker API (on a fake worker in this thread), progress
 * says which re-plan of which replication runs, and the page's plan is left intact.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOLVE_OPTIONS } from '../../../src/app/plan/plan-options';
import { PlanRunner } from '../../../src/app/plan/plan-runner';
import { createPlanWorkerApi } from '../../../src/app/plan/plan-worker-api';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import type { RollingProgress } from '../../../src/core/plan/execution/execute-rolling';
import { PlanSession, replanPeriods } from '../../../src/ui/plan/plan-session.svelte';
import { fakeWorkerFactory } from '../../support/fake-worker';

/** Plant F (capacity 8) → Shop C over a 1-week lane, demand 0, 6, 10, 4, 9, 7: the optimum costs €109.50 (tests/unit/plan-rolling.test.ts). */
function buildAhead(): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 'ahead', name: 'ahead',
    settings: { horizon: 6, shortagePenalty: 100 },
    sites: [{ id: 'F', name: 'Plant', kind: 'plant', lat: 0, lon: 0, holdingCost: 0.5 }, { id: 'C', name: 'Shop', kind: 'customer', lat: 0, lon: 1 }],
    products: [{ id: 'P', name: 'Widget' }],
    lanes: [{ id: 'F-C', from: 'F', to: 'C', leadTime: 1, costPerUnit: 2 }],
    production: [{ siteId: 'F', productId: 'P', capacity: 8, cost: 1 }],
    demand: [6, 10, 4, 9, 7].map((quantity, i) => ({ customerId: 'C', productId: 'P', period: i + 2, quantity })),
  });
  if (!r.ok) throw new Error('test scenario does not load');
  return r.scenario;
}

const settle = () => new Promise((r) => setTimeout(r, 30));
const realRunner = () => new PlanRunner(fakeWorkerFactory(() => createPlanWorkerApi()).create);

describe('PlanRunner.executeRolling', () => {
  it('re-plans in the worker, reports each re-plan, transfers the series back, and leaves the page\'s plan as it was', async () => {
    const runner = realRunner();
    const s = buildAhead();
    const plan = await runner.solve(s, { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' });
    const flows = plan.flows.length;
    const seen: RollingProgress[] = [];
    const { plan: exec, result } = await runner.executeRolling(s, plan, { replanEvery: 2, replications: 3, solve: { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' } }, { onProgress: (p) => seen.push(p) });
    expect(result.rolling?.replanAt).toEqual([2, 4]);
    expect(result.rolling?.plannedCost.mean).toBeCloseTo(109.5, 9);
    expect(result.total.costs.total.mean).toBeCloseTo(109.5, 9);
    expect(result.stock.find((x) => x.siteId === 'F')?.mean).toBeInstanceOf(Float64Array);
    expect(exec.notes.length).toBeGreaterThan(0);
    await settle();
    expect(seen.at(-1)?.fraction).toBe(1);
    // Reports are throttled to one per 100 ms (plus the last): each names the replication and the step.
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) expect(p.message).toMatch(/^Replication 1 of 1: (re-planning after week [24] \([12] of 2\)|simulated weeks \d–\d)$/);
    expect(runner.proxies.live).toBe(0);
    expect(plan.flows).toHaveLength(flows);
    expect(plan.flows[0].quantity).toBeGreaterThan(0);
  });
});

describe('PlanSession.execute with re-planning', () => {
  it('"re-plan every k" picks the rolling execution; 0, empty or nonsense means never', async () => {
    const session = new PlanSession(realRunner);
    const s = buildAhead();
    session.formOf('ahead').solver = 'glpk';
    await session.optimise(s);
    expect(session.records.get('ahead')?.result.objective).toBe(109.5);
    session.executeFormOf('ahead').replanEvery = 3;
    await session.execute(s);
    expect(session.records.get('ahead')?.execution?.result.rolling?.replanAt).toEqual([3]);
    session.executeFormOf('ahead').replanEvery = 0;
    await session.execute(s);
    expect(session.records.get('ahead')?.execution?.result.rolling).toBeUndefined();
    expect(session.problems.get('ahead')).toBeUndefined();
  });

  it('reads the field safely', () => {
    expect(replanPeriods(4, 52)).toBe(4);
    expect(replanPeriods('13', 52)).toBe(13);
    expect(replanPeriods(2.7, 52)).toBe(2);
    for (const bad of [0, -3, Number.NaN, '', 'x', 52, 80, undefined]) expect(replanPeriods(bad, 52)).toBe(0);
  });
});
