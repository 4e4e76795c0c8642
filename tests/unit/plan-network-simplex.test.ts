/**
 * The network simplex (solvers/network-simplex.ts) and the LP → flow rewrite (network-form.ts):
 * hand-computed min-cost flows, infeasible and unbounded networks, which plan models are
 * networks (and why the others are not), and on generated plan models the same optimum as HiGHS
 * with duals proven optimal by the KKT conditions (primal feasible, dual feasible, complementary
 * slack) — so its shadow prices are right even where they differ from HiGHS's (degenerate LPs
 * have several optimal duals).
 */
import { describe, expect, it } from 'vitest';
import { generateLocationScenario, generateNetworkScenario } from '../../bench/plan-scenarios';
import { loadScenario } from '../../src/core/model/load';
import { buildPlanModel } from '../../src/core/plan/build';
import { rowActivities, type LinearModel } from '../../src/core/plan/model';
import { solvePlan, solvePlanModel } from '../../src/core/plan/solve-plan';
import { chooseSolverName, isNetworkLp, loadSolver } from '../../src/core/plan/solvers/choose';
import { solveWithNetworkSimplex } from '../../src/core/plan/solvers/network';
import { buildNetworkForm } from '../../src/core/plan/solvers/network-form';
import { solveMinCostFlow, type FlowProblem } from '../../src/core/plan/solvers/network-simplex';
import { demandRows, expectFeasible, lane, scenario, site } from '../support/plan-scenarios';

function flowProblem(nodes: number, supply: number[], arcs: [number, number, number, number][]): FlowProblem {
  return {
    nodes, supply: Float64Array.from(supply),
    source: Int32Array.from(arcs.map((a) => a[0])), target: Int32Array.from(arcs.map((a) => a[1])),
    capacity: Float64Array.from(arcs.map((a) => a[2])), cost: Float64Array.from(arcs.map((a) => a[3])),
  };
}

const totalCost = (p: FlowProblem, flow: Float64Array) => flow.reduce((s, f, a) => s + f * p.cost[a], 0);

/**
 * KKT conditions of an LP solution (x, row duals y in the solvers' convention ∂objective/∂bound):
 * reduced costs d = c − Aᵀy (minimisation orientation) are ≥ 0 at a lower bound, ≤ 0 at an upper
 * one, 0 in between; a row strictly inside its bounds has y = 0, at its lower bound y ≥ 0, at its
 * upper bound y ≤ 0. Returns the largest violation.
 */
function kktViolation(m: LinearModel, x: Float64Array, y: Float64Array, tol = 1e-6): number {
  const s = m.sense === 'max' ? -1 : 1;
  const d = Float64Array.from(m.colCost, (c) => s * c);
  for (let i = 0; i < m.numRows; i++) for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) d[m.rowIndex[k]] -= m.rowValue[k] * s * y[i];
  const side = (v: number, lo: number, up: number, dual: number) => {
    const atLower = Math.abs(v - lo) <= tol * Math.max(1, Math.abs(lo));
    const atUpper = Math.abs(v - up) <= tol * Math.max(1, Math.abs(up));
    if (atLower && atUpper) return 0;
    if (atLower) return Math.max(0, -dual);
    if (atUpper) return Math.max(0, dual);
    return Math.abs(dual);
  };
  let worst = 0;
  for (let j = 0; j < m.numCols; j++) worst = Math.max(worst, side(x[j], m.colLower[j], m.colUpper[j], d[j]));
  const activity = rowActivities(m, x);
  for (let i = 0; i < m.numRows; i++) worst = Math.max(worst, side(activity[i], m.rowLower[i], m.rowUpper[i], s * y[i]));
  return worst;
}

describe('min-cost flow by the network simplex', () => {
  it('routes 4 units the cheapest way through capacities: 2 on s→b→t (3 each), 2 on s→a→b→t (4 each) = 14', () => {
    // s=0, a=1, b=2, t=3. Arcs: [from, to, capacity, cost].
    const p = flowProblem(4, [4, 0, 0, -4], [[0, 1, 4, 2], [0, 2, 2, 2], [1, 2, 2, 1], [1, 3, 3, 3], [2, 3, 5, 1]]);
    const r = solveMinCostFlow(p);
    expect(r.status).toBe('optimal');
    expect(Array.from(r.flow ?? [])).toEqual([2, 2, 2, 0, 4]);
    expect(totalCost(p, r.flow as Float64Array)).toBe(14);
    // Potentials price the tree arcs at 0 and the idle arc a→t (3 + π_a − π_t) at ≥ 0.
    const pi = r.potential as Float64Array;
    expect(p.cost[4] + pi[2] - pi[3]).toBeCloseTo(0, 9);
    expect(p.cost[3] + pi[1] - pi[3]).toBeGreaterThanOrEqual(-1e-9);
  });

  it('saturates a cheap arc and reports the price of its capacity through the potentials', () => {
    // 10 units from s to t: the €1 arc takes its 6, the €5 arc the other 4; one more unit of the
    // cheap arc's capacity would save 5 − 1 = 4 = −(1 + π_s − π_t).
    const p = flowProblem(2, [10, -10], [[0, 1, 6, 1], [0, 1, Infinity, 5]]);
    const r = solveMinCostFlow(p);
    expect(Array.from(r.flow ?? [])).toEqual([6, 4]);
    const pi = r.potential as Float64Array;
    expect(-(1 + pi[0] - pi[1])).toBeCloseTo(4, 9);
  });

  it('says infeasible when the supply cannot get through, and unbounded for a negative cycle without capacity', () => {
    expect(solveMinCostFlow(flowProblem(2, [5, -5], [[0, 1, 3, 1]])).status).toBe('infeasible');
    expect(solveMinCostFlow(flowProblem(3, [0, 0, 0], [[0, 1, Infinity, -1], [1, 2, Infinity, 0], [2, 0, Infinity, 0]])).status).toBe('unbounded');
    // The same cycle with a capacity is merely used to the full: 3 laps at −1.
    const capped = flowProblem(3, [0, 0, 0], [[0, 1, 3, -1], [1, 2, Infinity, 0], [2, 0, Infinity, 0]]);
    const r = solveMinCostFlow(capped);
    expect(r.status).toBe('optimal');
    expect(totalCost(capped, r.flow as Float64Array)).toBe(-3);
  });

  it('does not cycle on a highly degenerate network (a grid of equal-cost paths)', () => {
    // 12 × 12 grid, all arcs cost 1 and capacity 1, 12 units from the left column to the right one.
    const n = 12;
    const id = (r: number, c: number) => r * n + c;
    const arcs: [number, number, number, number][] = [];
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (c + 1 < n) arcs.push([id(r, c), id(r, c + 1), 1, 1]);
        if (r + 1 < n) { arcs.push([id(r, c), id(r + 1, c), 1, 1]); arcs.push([id(r + 1, c), id(r, c), 1, 1]); }
      }
    }
    const supply = Array.from({ length: n * n }, (_, k) => (k % n === 0 ? 1 : k % n === n - 1 ? -1 : 0));
    const p = flowProblem(n * n, supply, arcs);
    const r = solveMinCostFlow(p);
    expect(r.status).toBe('optimal');
    // Every unit goes straight along its row: 11 arcs each.
    expect(totalCost(p, r.flow as Float64Array)).toBe(n * (n - 1));
  });

  it('stops when asked to (cancel, time limit)', () => {
    const p = flowProblem(4, [4, 0, 0, -4], [[0, 1, 4, 2], [0, 2, 2, 2], [1, 2, 2, 1], [1, 3, 3, 3], [2, 3, 5, 1]]);
    const pm = buildPlanModel(generateNetworkScenario({ sites: 30, lanes: 100, periods: 26, products: 1 }));
    expect(solveWithNetworkSimplex({ model: pm.model, signal: { aborted: true } }).status).toBe('interrupted');
    expect(solveWithNetworkSimplex({ model: pm.model, timeLimitSeconds: 0 }).status).toBe('time-limit');
    expect(solveMinCostFlow(p, { shouldStop: () => 'interrupted' }).status).toBe('optimal'); // 3 pivots: never reaches a check
  });
});

describe('which plan models are networks', () => {
  it('a single-product network is one; two products sharing lane capacities, a BOM with 2 per unit, or a MIP are not', () => {
    expect(buildNetworkForm(buildPlanModel(generateNetworkScenario({ sites: 20, lanes: 60, periods: 8, products: 1 })).model).ok).toBe(true);
    const shared = buildNetworkForm(buildPlanModel(generateNetworkScenario({ sites: 20, lanes: 60, periods: 8, products: 2 })).model);
    expect(shared).toMatchObject({ ok: false, reason: expect.stringMatching(/^column (ship|stock)\(.*\) links more than two rows$/) });
    const bom = scenario({
      products: [{ id: 'P', name: 'Widget' }, { id: 'Q', name: 'Part' }],
      sites: [site('S', 'supplier'), site('F', 'plant'), site('C', 'customer')],
      lanes: [lane('S', 'F', { productId: 'Q' }), lane('F', 'C', { productId: 'P' })],
      production: [{ siteId: 'F', productId: 'P' }],
      bom: [{ productId: 'P', componentId: 'Q', quantity: 2 }],
      demand: demandRows('C', [5]),
    });
    expect(buildNetworkForm(buildPlanModel(bom).model)).toMatchObject({ ok: false, reason: expect.stringContaining('has the coefficient 2') });
    expect(buildNetworkForm(buildPlanModel(generateLocationScenario({ facilities: 3, customers: 4 })).model)).toEqual({ ok: false, reason: 'it has integer columns' });
  });

  it('auto picks the network simplex for large network LPs, HiGHS for large other LPs, GLPK for small ones', () => {
    const large = buildPlanModel(generateNetworkScenario({ sites: 50, lanes: 200, periods: 52, products: 1 })).model;
    const twoProducts = buildPlanModel(generateNetworkScenario({ sites: 50, lanes: 200, periods: 52, products: 2 })).model;
    const small = buildPlanModel(generateNetworkScenario({ sites: 5, lanes: 10, periods: 12, products: 1 })).model;
    expect(chooseSolverName(large)).toBe('network');
    expect(isNetworkLp(twoProducts)).toBe(false);
    expect(chooseSolverName(twoProducts)).toBe('highs');
    expect(chooseSolverName(small)).toBe('glpk');
    // An explicit choice wins; 'network' on a model that is none goes to HiGHS.
    expect(chooseSolverName(large, 'highs')).toBe('highs');
    expect(chooseSolverName(small, 'network')).toBe('network');
    expect(chooseSolverName(twoProducts, 'network')).toBe('highs');
  });

  it('a forced network simplex on a model that is none is solved by HiGHS, and the plan says so', async () => {
    const r = await solvePlan(generateNetworkScenario({ sites: 10, lanes: 30, periods: 4, products: 2 }), { solver: 'network' });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('highs');
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'not-a-network', message: expect.stringMatching(/^The network simplex cannot solve this model \(column (ship|stock)\(.*\) links more than two rows\): HiGHS solved it\.$/) }));
  });
});

describe('network simplex against HiGHS on generated plans', () => {
  it.each([
    { sites: 12, lanes: 40, periods: 12, seed: 1 },
    { sites: 30, lanes: 120, periods: 26, seed: 2 },
    { sites: 50, lanes: 200, periods: 52, seed: 3 },
  ])('$sites sites / $lanes lanes / $periods periods: same optimum, feasible plan, optimal duals', async (spec) => {
    const pm = buildPlanModel(generateNetworkScenario({ ...spec, products: 1 }));
    const m = pm.model;
    const highs = (await loadSolver('highs')).solve({ model: m });
    const network = solveWithNetworkSimplex({ model: m });
    expect(network.status).toBe('optimal');
    expect(network.objective).toBeCloseTo(highs.objective as number, 4);
    expectFeasible(m, network.values);
    expect(kktViolation(m, network.values as Float64Array, network.rowDuals as Float64Array)).toBeLessThan(1e-6);
    // The same checker accepts HiGHS's duals (it is no stricter than the solvers).
    expect(kktViolation(m, highs.values as Float64Array, highs.rowDuals as Float64Array)).toBeLessThan(1e-6);
  });

  it('max-profit plans too (duals in the maximisation sense), with initial stock and pipeline shifting the supplies', async () => {
    const base = generateNetworkScenario({ sites: 20, lanes: 70, periods: 10, products: 1, seed: 5 });
    const loaded = loadScenario({
      ...base,
      settings: { ...base.settings, objective: 'max-profit', unmetDemand: 'lost' },
      inventory: [{ siteId: 'dc-0', productId: 'p0', initialStock: 300 }],
      inTransit: [{ laneId: 'L0', productId: 'p0', quantity: 120, arrivalPeriod: 2 }],
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const s = loaded.scenario;
    const pm = buildPlanModel(s);
    const network = solveWithNetworkSimplex({ model: pm.model });
    const highs = (await loadSolver('highs')).solve({ model: pm.model });
    expect(network.status).toBe('optimal');
    expect(network.objective).toBeCloseTo(highs.objective as number, 4);
    expect(kktViolation(pm.model, network.values as Float64Array, network.rowDuals as Float64Array)).toBeLessThan(1e-6);
    const r = await solvePlanModel(pm, { solver: 'network' });
    expect(r.solver).toBe('network');
    expect(r.objective).toBeCloseTo(highs.objective as number, 4);
  });
});
