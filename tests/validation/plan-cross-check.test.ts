/**
 * Both solvers on the same models must agree on the optimum: the shipped scenarios, generated
 * LPs with lead times, capacities and storage, the default network's LP relaxation, and a
 * facility-location MIP solved to optimality.
 */
import { describe, expect, it } from 'vitest';
import { generateLocationScenario, generateNetworkScenario } from '../../bench/plan-scenarios';
import type { Scenario } from '../../src/core/model/types';
import { buildPlanModel } from '../../src/core/plan/build';
import type { PlanOptions } from '../../src/core/plan/options';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { loadSolver } from '../../src/core/plan/solvers/choose';
import { expectFeasible, shippedScenario } from '../support/plan-scenarios';

const cases: [string, () => Scenario, PlanOptions][] = [
  ['AMPL transp', () => shippedScenario('transportation-ampl.json'), {}],
  ['beer game', () => shippedScenario('beer-game.json'), {}],
  ['default Europe (LP relaxation)', () => shippedScenario('default-europe.json'), { relaxIntegrality: true }],
  ['generated 5 sites / 10 lanes / 12 periods', () => generateNetworkScenario({ sites: 5, lanes: 10, periods: 12 }), {}],
  ['generated 20 sites / 60 lanes / 26 periods, 3 products', () => generateNetworkScenario({ sites: 20, lanes: 60, periods: 26, products: 3, seed: 5 }), {}],
  ['facility location 12 × 30 (MIP)', () => generateLocationScenario({ facilities: 12, customers: 30 }), { mipGap: 0 }],
];

describe('GLPK and HiGHS agree', () => {
  it.each(cases)('%s', async (_name, make, options) => {
    const s = make();
    const [glpk, highs] = [await solvePlan(s, { ...options, solver: 'glpk' }), await solvePlan(s, { ...options, solver: 'highs' })];
    expect(glpk.status).toBe('optimal');
    expect(highs.status).toBe('optimal');
    const scale = Math.max(1, Math.abs(highs.objective as number));
    expect(Math.abs((glpk.objective as number) - (highs.objective as number)) / scale).toBeLessThan(1e-7);
    // Same cost breakdown total, and each solver's raw solution satisfies every row.
    expect(glpk.costs?.totalCost).toBeCloseTo(highs.costs?.totalCost as number, 2);
    const pm = buildPlanModel(s, { relaxIntegrality: options.relaxIntegrality });
    for (const name of ['glpk', 'highs'] as const) expectFeasible(pm.model, (await loadSolver(name)).solve({ model: pm.model, mipGap: 0 }).values);
  }, 60_000);
});
