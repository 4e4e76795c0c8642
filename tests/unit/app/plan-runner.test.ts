/**
 * The plan runner on fake workers: a Comlink endpoint on a MessageChannel in this thread exposing
 * the real worker API (so GLPK and the simulator really run), or a stand-in that never answers or
 * crashes. Reliability cases 19–21: cancel terminates at once and the next run works; a crash is
 * reported and recovered from; many runs with progress leave no worker or proxy behind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import type { PlanProgress } from '../../../src/core/plan';
import { DEFAULT_SOLVE_OPTIONS, sanitizeSolveOptions } from '../../../src/app/plan/plan-options';
import { describePlanError } from '../../../src/app/plan/plan-run-error';
import { PlanRunner } from '../../../src/app/plan/plan-runner';
import { createPlanWorkerApi, type PlanWorkerApi } from '../../../src/app/plan/plan-worker-api';
import { AbortedError, WorkerCrashedError } from '../../../src/app/workers/worker-bridge';
import { fakeWorkerFactory } from '../../support/fake-worker';

function fakeWorkers(makeApi: () => Partial<PlanWorkerApi>) {
  return fakeWorkerFactory(makeApi);
}

const settle = () => new Promise((r) => setTimeout(r, 30));

/** Supplier → DC → two customers; the DC has too little storage in week 2. */
function smallScenario(): Scenario {
  const site = (id: string, kind: string, extra = {}) => ({ id, name: `Site ${id}`, kind, lat: 50, lon: 5, ...extra });
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 's', name: 'small',
    settings: { horizon: 4, shortagePenalty: 100 },
    sites: [site('S', 'supplier'), site('D', 'dc', { holdingCost: 1 }), site('A', 'customer'), site('B', 'customer')],
    products: [{ id: 'P', name: 'P' }],
    lanes: [
      { id: 'S-D', from: 'S', to: 'D', leadTime: 1, costPerUnit: 2 },
      { id: 'D-A', from: 'D', to: 'A', leadTime: 0, costPerUnit: 1 },
      { id: 'D-B', from: 'D', to: 'B', leadTime: 0, costPerUnit: 3 },
    ],
    inventory: [{ siteId: 'D', productId: 'P', policy: 'base-stock', baseStock: 20, initialStock: 20 }],
    demand: [1, 2, 3, 4].flatMap((period) => [
      { customerId: 'A', productId: 'P', period, quantity: 5 },
      { customerId: 'B', productId: 'P', period, quantity: 3 },
    ]),
  });
  if (!r.ok) throw new Error('test scenario does not load');
  return r.scenario;
}

const realApi = () => createPlanWorkerApi();

describe('PlanRunner with the real worker API', () => {
  it('solves, reporting the planner\'s stages, and releases its progress proxy', async () => {
    const f = fakeWorkers(realApi);
    const runner = new PlanRunner(f.create);
    const stages: string[] = [];
    const r = await runner.solve(smallScenario(), { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' }, { onProgress: (p: PlanProgress) => stages.push(p.stage) });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('glpk');
    // 4 weeks × 8 units; 20 in stock, 12 bought over a 1-week lane at 2, delivered at 1 (A) and 3 (B).
    expect(r.costs?.transport).toBeCloseTo(12 * 2 + 20 * 1 + 12 * 3, 6);
    await settle();
    expect(stages).toEqual(expect.arrayContaining(['check', 'build', 'solve', 'read']));
    expect(runner.proxies).toEqual({ live: 0, released: 1 });
  });

  it('exports the model as CPLEX LP and free MPS text', async () => {
    const runner = new PlanRunner(fakeWorkers(realApi).create);
    const lp = await runner.exportModel(smallScenario(), 'lp', { demand: 'soft' });
    const mps = await runner.exportModel(smallScenario(), 'mps', { demand: 'soft' });
    expect(lp).toMatch(/^\\ ChainLab plan model/);
    expect(lp).toMatch(/^Minimize$/m);
    expect(lp).toMatch(/ship\(S~D,P,1\)/);
    expect(mps).toMatch(/^ROWS$/m);
    expect(mps).toMatch(/^ENDATA/m);
  });

  it('executes a plan: orders converted on the page, simulated in the worker, series transferred', async () => {
    const runner = new PlanRunner(fakeWorkers(realApi).create);
    const sc = smallScenario();
    const plan = await runner.solve(sc, { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' });
    const fractions: number[] = [];
    const { plan: exec, result } = await runner.execute(sc, plan, { replications: 5 }, { onProgress: (f) => fractions.push(f) });
    expect(exec.plan.length).toBeGreaterThan(0);
    expect(result.replications).toBe(1);
    expect(result.stock.find((s) => s.siteId === 'D')?.mean).toBeInstanceOf(Float64Array);
    expect(result.total.fillRate.mean).toBeCloseTo(1, 9);
    await settle();
    expect(fractions.at(-1)).toBe(1);
    expect(sc.inventory[0].policy).toBe('base-stock');
  });

  it('case 21: 100 solves with progress start one worker and leave no proxy behind', async () => {
    const f = fakeWorkers(realApi);
    const runner = new PlanRunner(f.create);
    const sc = smallScenario();
    for (let i = 0; i < 100; i++) {
      const r = await runner.solve(sc, { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' }, { onProgress: () => undefined });
      expect(r.status).toBe('optimal');
    }
    await settle();
    expect(runner.workersStarted).toBe(1);
    expect(runner.proxies).toEqual({ live: 0, released: 100 });
  }, 60_000);
});

describe('PlanRunner when runs are stopped', () => {
  /** A solve that reports once and never answers (a long MIP), next to a real API. */
  const stuckApi = () => ({
    ...createPlanWorkerApi(),
    solve: (_s: Scenario, _o: unknown, onProgress?: (p: PlanProgress) => void) => {
      void onProgress?.({ stage: 'solve', message: 'Searching for better plans' });
      return new Promise<never>(() => undefined);
    },
  });

  it('case 19: cancel terminates the worker within 1 s, rejects as aborted, and the next run works', async () => {
    let stuck = true;
    const f = fakeWorkers(() => (stuck ? stuckApi() : realApi()));
    const runner = new PlanRunner(f.create);
    const ctl = new AbortController();
    const seen: string[] = [];
    const pending = runner.solve(smallScenario(), DEFAULT_SOLVE_OPTIONS, { signal: ctl.signal, onProgress: (p) => seen.push(p.message) });
    await settle();
    expect(seen).toEqual(['Searching for better plans']);
    const t0 = Date.now();
    ctl.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(f.made[0].terminated).toBe(true);
    expect(runner.proxies.live).toBe(0);
    expect(describePlanError(new AbortedError(), 'Optimisation')).toEqual({ kind: 'cancelled', message: 'Optimisation cancelled. Your scenario is unchanged.' });

    stuck = false;
    const r = await runner.solve(smallScenario(), { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' });
    expect(r.status).toBe('optimal');
    expect(runner.workersStarted).toBe(2);
  });

  it('case 20: a crashed worker rejects with a clear error, the scenario is unchanged, the next run works', async () => {
    let stuck = true;
    const f = fakeWorkers(() => (stuck ? stuckApi() : realApi()));
    const runner = new PlanRunner(f.create);
    const sc = smallScenario();
    const before = structuredClone(sc);
    const pending = runner.solve(sc, DEFAULT_SOLVE_OPTIONS);
    await settle();
    f.made[0].crash('out of memory');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    const problem = describePlanError(error, 'Optimisation');
    expect(problem.kind).toBe('crashed');
    expect(problem.message).toMatch(/out of memory.*unchanged/);
    expect(sc).toEqual(before);

    stuck = false;
    expect((await runner.solve(sc, { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' })).status).toBe('optimal');
  });

  it('a refused execution says why in the simulator\'s words', () => {
    const e = Object.assign(new Error('the scenario cannot be simulated: lanes[2].capacity: must be above 0'), { name: 'SimInputError' });
    expect(describePlanError(e, 'Plan execution')).toEqual({
      kind: 'refused', message: 'The plan cannot be executed: lanes[2].capacity: must be above 0. Your scenario is unchanged.',
    });
  });
});

describe('the worker API\'s shared cancel flag (cross-origin-isolated pages)', () => {
  it('stops a long HiGHS MIP from inside the solve, within a second of the flag being set', async () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8'));
    const loaded = loadScenario(doc);
    if (!loaded.ok) throw new Error('the default scenario does not load');
    const api = createPlanWorkerApi();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    let setAt = 0;
    // Proving this lot-sizing MIP optimal (gap 0) takes HiGHS a minute; the flag is set at its first progress report.
    const onProgress = (p: PlanProgress) => { if (p.mip && setAt === 0) { setAt = Date.now(); Atomics.store(flag, 0, 1); } };
    const error = await api.solve(loaded.scenario, { solver: 'highs', mipGap: 0, timeLimitSeconds: 120, demand: 'soft' }, onProgress, flag).catch((e: unknown) => e);
    expect(setAt).toBeGreaterThan(0);
    expect(Date.now() - setAt).toBeLessThan(1000);
    expect(error).toMatchObject({ name: 'AbortError' });
  }, 60_000);
});

describe('sanitizeSolveOptions', () => {
  it('keeps valid choices and replaces unknown or out-of-range input by defaults or limits', () => {
    expect(sanitizeSolveOptions({ solver: 'highs', demand: 'must-meet', timeLimitSeconds: '12', mipGap: 0.01 }))
      .toEqual({ solver: 'highs', demand: 'must-meet', timeLimitSeconds: 12, mipGap: 0.01 });
    expect(sanitizeSolveOptions({ solver: 'cplex', demand: '<img>', timeLimitSeconds: 'abc', mipGap: -1 })).toEqual(DEFAULT_SOLVE_OPTIONS);
    expect(sanitizeSolveOptions({ timeLimitSeconds: 1e9, mipGap: 3 })).toMatchObject({ timeLimitSeconds: 3600, mipGap: 0.5 });
  });
});
