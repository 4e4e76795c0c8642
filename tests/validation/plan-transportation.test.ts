/**
 * Open case 1 (shared/validation/open-cases.md): the transportation LP of Fourer, Gay &
 * Kernighan, AMPL, model "transp" — supplies GARY 1400, CLEV 2600, PITT 2900; demands FRA 900,
 * DET 1200, LAN 600, WIN 400, STL 1700, FRE 1100, LAF 1000. Published optimum: 196,200.
 * Run through the shipped scenario file, the same API the CLI uses, with both solvers.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { buildPlanModel } from '../../src/core/plan/build';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { loadSolver } from '../../src/core/plan/solvers/choose';
import { expectFeasible, shippedScenario, sumBy } from '../support/plan-scenarios';

const SUPPLY = { GARY: 1400, CLEV: 2600, PITT: 2900 };
const DEMAND = { FRA: 900, DET: 1200, LAN: 600, WIN: 400, STL: 1700, FRE: 1100, LAF: 1000 };

describe.each(['glpk', 'highs', 'network'] as const)('AMPL transp with %s', (solver) => {
  it('reaches the published optimum 196,200, shipping every plant\'s supply and meeting every demand', async () => {
    const s = shippedScenario('transportation-ampl.json');
    const r = await solvePlan(s, { solver });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(196200, 6);
    expect(r.costs?.transport).toBeCloseTo(196200, 6);
    for (const [plant, q] of Object.entries(SUPPLY)) expect(sumBy(r.flows, (f) => f.quantity, (f) => f.from === plant)).toBeCloseTo(q, 6);
    for (const [city, q] of Object.entries(DEMAND)) expect(sumBy(r.flows, (f) => f.quantity, (f) => f.to === city)).toBeCloseTo(q, 6);
    expect(r.shortfalls).toEqual([]);
    const pm = buildPlanModel(s);
    expectFeasible(pm.model, (await loadSolver(solver)).solve({ model: pm.model }).values);
  });
});

describe('AMPL transp through the CLI', () => {
  it('prints 196,200 as JSON', async () => {
    let out = '';
    const io: CliIo = { stdout: (t) => { out += t; }, stderr: () => undefined };
    const code = await runCli(['plan', new URL('../../scenarios/transportation-ampl.json', import.meta.url).pathname, '--json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(out).objective).toBe(196200);
  });
});
