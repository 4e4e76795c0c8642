/** `chainlab plan`: text and JSON output, exports, solution check, exit codes, usage errors. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli';

const AMPL = new URL('../../scenarios/transportation-ampl.json', import.meta.url).pathname;

const run = runCliCaptured;

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'chainlab-plan-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const writeScenario = async (doc: Record<string, unknown>) => {
  const path = join(dir, 'scenario.json');
  await writeFile(path, JSON.stringify({ format: 'chainlab.scenario', version: 2, id: 'cli', name: 'CLI case', ...doc }), 'utf8');
  return path;
};

describe('chainlab plan', () => {
  it('solves the AMPL transportation case and prints status, objective, costs, flows and shadow prices', async () => {
    const r = await run('plan', AMPL);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('status: optimal\n');
    expect(r.stdout).toContain('objective: 196,200.00 USD (min-cost)\n');
    expect(r.stdout).toMatch(/costs \(USD\):\n {2}transport +196,200\.00\n/);
    expect(r.stdout).toMatch(/\n {2}PITT-STL +steel +1 → 1 +1,700 +47,600\.00\n/);
    expect(r.stdout).toContain('shadow prices:\n');
  });

  it('--json prints one document with the documented shape', async () => {
    const r = await run('plan', AMPL, '--json', '--solver', 'highs');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      format: 'chainlab.plan-result', version: 1, scenario: { id: 'transportation-ampl' }, status: 'optimal', solver: 'highs',
      objectiveSense: 'min-cost', objective: 196200, currency: 'USD', periodLabel: 'week', horizon: 1,
      costs: { transport: 196200, totalCost: 196200 }, model: { rows: 13, columns: 34, integers: 0 },
    });
    expect(doc.flows.reduce((s: number, f: { quantity: number }) => s + f.quantity, 0)).toBe(6900);
    expect(doc.flows[0]).toEqual({ laneId: expect.any(String), from: expect.any(String), to: expect.any(String), productId: 'steel', period: 1, arrival: 1, quantity: expect.any(Number), cost: expect.any(Number) });
    expect(doc.shadowPrices[0]).toEqual({ kind: expect.any(String), siteId: expect.any(String), productId: 'steel', period: 1, value: expect.any(Number), message: expect.any(String) });
  });

  it('--lp/--mps with --export-only write the model and stop; --solution checks a solution of it', async () => {
    const lp = join(dir, 'm.lp');
    const mps = join(dir, 'm.mps');
    const r = await run('plan', AMPL, '--lp', lp, '--mps', mps, '--export-only');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(await readFile(lp, 'utf8')).toMatch(/^\\ ChainLab plan model "transportation-ampl": 13 rows, 34 columns\nMinimize\n/);
    expect(await readFile(mps, 'utf8')).toContain('\nROWS\n N  obj\n');
    const sol = join(dir, 'm.sol');
    await writeFile(sol, 'ship(GARY~FRE,steel,1) 1100\nship(GARY~LAF,steel,1) 300\nmake(GARY,steel,1) 1400\n', 'utf8');
    const bad = await run('plan', AMPL, '--solution', sol);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^solution: 3 of 34 columns given, \d+ violations\n/);
    expect(bad.stdout).toContain('violated: demand for Steel at Detroit, MI in week 1 is violated by 1,200');
  });

  it('exit 3 with the shortfall explanation when must-meet demand cannot be met', async () => {
    const path = await writeScenario({
      sites: [{ id: 'F', name: 'Plant', kind: 'plant', lat: 0, lon: 0 }, { id: 'C', name: 'Shop', kind: 'customer', lat: 0, lon: 0 }],
      products: [{ id: 'P', name: 'Widget' }], lanes: [{ id: 'FC', from: 'F', to: 'C', leadTime: 0 }],
      production: [{ siteId: 'F', productId: 'P', capacity: 10 }], demand: [{ customerId: 'C', productId: 'P', period: 1, quantity: 15 }],
      settings: { horizon: 1 },
    });
    const r = await run('plan', path, '--demand', 'must-meet');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('status: infeasible\n');
    expect(r.stdout).toContain('infeasible: Shop cannot get 5 of 15 units of Widget on time: short in week 1 (5).\n');
    expect(r.stdout).toContain('infeasible: Production of Widget at Plant (capacity 10 per week) would need up to 5 more units per week in week 1 (5 in total).\n');
  });

  it('exit 1 with the reason for a scenario that cannot be planned, or an invalid or missing file', async () => {
    const path = await writeScenario({ sites: [{ id: 'C', name: 'Shop', kind: 'customer', lat: 0, lon: 0 }], products: [{ id: 'P', name: 'Widget' }] });
    const r = await run('plan', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error: The scenario has no demand/);
    expect((await run('plan', join(dir, 'missing.json'))).code).toBe(1);
    const invalid = await writeScenario({ sites: [{ id: 'C', name: 'Shop', kind: 'customer', lat: 95, lon: 0 }] });
    const bad = await run('plan', invalid);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('sites[0].lat: must be at most 90');
  });

  it('--execute simulates the plan; --replan-every re-plans every k periods next to the plan followed', async () => {
    // Plant (capacity 8) → Shop over a 1-week lane, demand 0, 6, 10, 4, 9, 7: the optimum costs 109.50 (tests/unit/plan-rolling.test.ts).
    const path = await writeScenario({
      sites: [{ id: 'F', name: 'Plant', kind: 'plant', lat: 0, lon: 0, holdingCost: 0.5 }, { id: 'C', name: 'Shop', kind: 'customer', lat: 0, lon: 1 }],
      products: [{ id: 'P', name: 'Widget' }], lanes: [{ id: 'FC', from: 'F', to: 'C', leadTime: 1, costPerUnit: 2 }],
      production: [{ siteId: 'F', productId: 'P', capacity: 8, cost: 1 }],
      demand: [6, 10, 4, 9, 7].map((quantity, i) => ({ customerId: 'C', productId: 'P', period: i + 2, quantity })),
      settings: { horizon: 6, shortagePenalty: 100, currency: 'EUR' },
    });
    const once = await run('plan', path, '--execute');
    expect(once.code).toBe(0);
    expect(once.stdout).toContain('execution: one run (nothing is random), seed 1\n');
    expect(once.stdout).toMatch(/\n {2}Fill rate \(demand served on time\) +100\.0 % +100\.0 %\n/);
    const rolling = await run('plan', path, '--execute', '--replan-every', '2');
    expect(rolling.code).toBe(0);
    expect(rolling.stdout).toContain('re-planned every 2 weeks, after weeks 2, 4\n');
    expect(rolling.stdout).toContain('plans carried out cost 109.50 EUR by the planner\'s objective (first plan 109.50)\n');
    expect(rolling.stdout).toMatch(/\n {2}Fill rate \(demand served on time\) +100\.0 % +100\.0 % +100\.0 %\n/);
    const json = JSON.parse((await run('plan', path, '--execute', '--replan-every', '3', '--json')).stdout);
    expect(json.execution.rolling).toMatchObject({ replanEvery: 3, replanAt: [3], failedReplans: 0, plannedCost: { mean: 109.5 } });
    expect(json.execution.total.fillRate.mean).toBe(1);
    expect(json.execution.stock).toBeUndefined();
  });

  it('exit 2 on wrong usage', async () => {
    for (const argv of [
      ['plan'], ['plan', AMPL, '--solver', 'cplex'], ['plan', AMPL, '--time-limit', '0'], ['plan', AMPL, '--mip-gap', 'x'], ['plan', AMPL, '--export-only'], ['plan', AMPL, '--bogus'],
      ['plan', AMPL, '--replan-every', '4'], ['plan', AMPL, '--execute', '--replan-every', '0'], ['plan', AMPL, '--execute', '--replan-every', '2.5'],
      ['plan', AMPL, '--execute', '--variability', 'gaussian'], ['plan', AMPL, '--execute', '--replications', '0'], ['plan', AMPL, '--execute', '--solution', 'x.sol'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: chainlab plan <scenario> [options]');
    }
  });
});
