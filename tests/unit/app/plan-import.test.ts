/**
 * Importing an external solver's solution in the app: the runner hands the file's text to the
 * real plan worker API (on a fake worker in this thread), which checks it and sends the plan back
 * packed; the session (a runes class) keeps it as the scenario's plan, or keeps the refusal with
 * its particulars — and the scenario is never touched. Also: a solve's result arrives packed and
 * unpacks to what the planner returned.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOLVE_OPTIONS, MAX_SOLUTION_BYTES } from '../../../src/app/plan/plan-options';
import { PlanRunner } from '../../../src/app/plan/plan-runner';
import { createPlanWorkerApi } from '../../../src/app/plan/plan-worker-api';
import { AbortedError } from '../../../src/app/workers/worker-bridge';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { solvePlan } from '../../../src/core/plan';
import { PlanSession } from '../../../src/ui/plan/plan-session.svelte';
import { fakeWorkerFactory } from '../../support/fake-worker';

/** Plant F (capacity 10, €1) → Shop C (€2 a unit), demand 6 and 8: the optimum costs 14 + 28 = 42. */
function tiny(): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 'tiny', name: 'tiny',
    settings: { horizon: 2, shortagePenalty: 100 },
    sites: [{ id: 'F', name: 'Plant', kind: 'plant', lat: 0, lon: 0 }, { id: 'C', name: 'Shop', kind: 'customer', lat: 0, lon: 1 }],
    products: [{ id: 'P', name: 'Widget' }],
    lanes: [{ id: 'F-C', from: 'F', to: 'C', leadTime: 0, costPerUnit: 2 }],
    production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
    demand: [{ customerId: 'C', productId: 'P', period: 1, quantity: 6 }, { customerId: 'C', productId: 'P', period: 2, quantity: 8 }],
  });
  if (!r.ok) throw new Error('test scenario does not load');
  return r.scenario;
}

const optimum = 'make(F,P,1) 6\nmake(F,P,2) 8\nship(F~C,P,1) 6\nship(F~C,P,2) 8\n';
const realRunner = () => new PlanRunner(fakeWorkerFactory(() => createPlanWorkerApi()).create);
const file = (text: string, name: string) => Object.assign(new Blob([text], { type: 'text/plain' }), { name });

describe('PlanRunner.importSolution', () => {
  it('returns the plan the file describes, unpacked on the page, and says how long unpacking took', async () => {
    const received: number[] = [];
    const r = await realRunner().importSolution(tiny(), optimum, { demand: 'soft', fileName: 'tiny.sol' }, { onReceived: (ms) => received.push(ms) });
    if (!r.ok) throw new Error(r.message);
    expect(r.result.objective).toBe(42);
    expect(r.result.imported).toEqual({ fileName: 'tiny.sol', columnsGiven: 4 });
    expect(r.result.flows.map((f) => [f.period, f.quantity])).toEqual([[1, 6], [2, 8]]);
    expect(received).toHaveLength(1);
    expect(received[0]).toBeGreaterThanOrEqual(0);
  });

  it('passes a refusal through with its reason and particulars', async () => {
    const r = await realRunner().importSolution(tiny(), 'make(F,P,1) 12\nship(F~C,P,1) 12\n', { demand: 'soft', fileName: 'bad.sol' });
    expect(r).toMatchObject({ ok: false, reason: 'infeasible' });
    expect(r.ok === false && r.details).toContain('production capacity for Widget at Plant in week 1 is violated by 2 (value 12; at most 10).');
  });

  it('a cancelled import rejects as aborted and the next call works', async () => {
    const runner = realRunner();
    const ctl = new AbortController();
    ctl.abort();
    await expect(runner.importSolution(tiny(), optimum, { demand: 'soft' }, { signal: ctl.signal })).rejects.toBeInstanceOf(AbortedError);
    expect((await runner.importSolution(tiny(), optimum, { demand: 'soft' })).ok).toBe(true);
  });

  it('a solve\'s result crosses packed and unpacks to exactly what the planner returned', async () => {
    const s = tiny();
    const received: number[] = [];
    const viaWorker = await realRunner().solve(s, { ...DEFAULT_SOLVE_OPTIONS, solver: 'glpk' }, { onReceived: (ms) => received.push(ms) });
    const direct = await solvePlan(s, { solver: 'glpk', timeLimitSeconds: 30, mipGap: 0.005 });
    expect({ ...viaWorker, timings: undefined }).toEqual({ ...direct, timings: undefined });
    expect(received).toHaveLength(1);
  });
});

describe('PlanSession.importSolution', () => {
  it('keeps an imported plan as the scenario\'s plan, like a solved one', async () => {
    const session = new PlanSession(realRunner);
    const s = tiny();
    await session.importSolution(s, file(optimum, 'tiny.sol'));
    const record = session.records.get('tiny');
    expect(record?.result.status).toBe('feasible');
    expect(record?.result.imported?.fileName).toBe('tiny.sol');
    expect(record?.result.objective).toBe(42);
    expect(record?.receiveMs).toBeGreaterThanOrEqual(0);
    expect(session.problems.get('tiny')).toBeUndefined();
    expect(session.active).toBeNull();
  });

  it('keeps a refusal as the scenario\'s problem, with the line that cannot be read, and leaves the last plan alone', async () => {
    const session = new PlanSession(realRunner);
    const s = tiny();
    await session.importSolution(s, file(optimum, 'good.sol'));
    await session.importSolution(s, file('make(F,P,1) 6\nmake(F,P,2) eight\n', 'typo.sol'));
    expect(session.problems.get('tiny')).toEqual({
      kind: 'refused',
      message: '“typo.sol” cannot be read: line 2: the value of make(F,P,2) is not a number ("eight").',
      details: ['Line 2: the value of make(F,P,2) is not a number ("eight").'],
    });
    expect(session.records.get('tiny')?.result.imported?.fileName).toBe('good.sol');
  });

  it('refuses a file above the size limit without reading it', async () => {
    const session = new PlanSession(realRunner);
    const huge = { name: 'huge.sol', size: MAX_SOLUTION_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob & { name: string };
    await session.importSolution(tiny(), huge);
    expect(session.problems.get('tiny')?.message).toBe('“huge.sol” is too large (50 MB): the browser reads solution files up to 50 MB. Check it with the CLI instead (chainlab plan --solution).');
  });
});
