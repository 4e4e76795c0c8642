/**
 * Lot sizing with setup costs (Wagner–Whitin).
 *
 * Published case (University of Southampton, MATH3014 exercise, edshare document 4121): five
 * periods, demand 40, 20, 10, 30, 20, setup £100, holding £2 per unit at the end of a period, no
 * shortages, no initial stock. Optimum £320: produce 70 in period 1 and 50 in period 4. With 40
 * units required at the end of period 5, £380 excluding the holding of those 40 units at the end
 * of period 5 — which this planner charges (40 × £2), so £460; production 70, 0, 0, 30, 60.
 *
 * Plus Silver, Pyke & Peterson's twelve-month demand series, against the Wagner–Whitin
 * recursion computed here.
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site } from '../support/plan-scenarios';

const plant = (demand: readonly number[], K: number, h: number, targetEndStock?: number) => scenario({
  settings: { horizon: demand.length, currency: 'GBP', shortagePenalty: 10_000 },
  sites: [site('F', 'plant', { holdingCost: h }), site('C', 'customer')],
  lanes: [lane('F', 'C')],
  production: [{ siteId: 'F', productId: 'P' }],
  inventory: [{ siteId: 'F', productId: 'P', orderCost: K, ...(targetEndStock === undefined ? {} : { targetEndStock }) }],
  demand: demandRows('C', demand),
}, 'lot-sizing');

/** f(t) = min_j f(j−1) + K·[demand in j..t] + h·Σ_{k=j..t} (k − j)·d_k. */
function wagnerWhitin(d: readonly number[], K: number, h: number): number {
  const f = [0];
  for (let t = 1; t <= d.length; t++) {
    let best = Infinity;
    for (let j = 1; j <= t; j++) {
      let hold = 0;
      for (let k = j; k <= t; k++) hold += h * (k - j) * d[k - 1];
      best = Math.min(best, f[j - 1] + (d.slice(j - 1, t).some((q) => q > 0) ? K : 0) + hold);
    }
    f.push(best);
  }
  return f[d.length];
}

describe.each(['glpk', 'highs'] as const)('lot sizing with %s', (solver) => {
  it('Southampton exercise: £320, producing 70 in period 1 and 50 in period 4', async () => {
    const r = await solvePlan(plant([40, 20, 10, 30, 20], 100, 2), { solver, mipGap: 0, demand: 'must-meet' });
    expect(r.objective).toBeCloseTo(320, 6);
    expect(r.production.map((p) => [p.period, p.quantity])).toEqual([[1, 70], [4, 50]]);
  });

  it('Southampton exercise with 40 units left at the end: £380 + 40 × £2 held at the end = £460', async () => {
    const r = await solvePlan(plant([40, 20, 10, 30, 20], 100, 2, 40), { solver, mipGap: 0, demand: 'must-meet' });
    expect(r.objective).toBeCloseTo(460, 6);
    expect(r.production.map((p) => [p.period, p.quantity])).toEqual([[1, 70], [4, 30], [5, 60]]);
  });

  it('Silver–Pyke–Peterson demand series (A = 54, h = 0.4) matches the Wagner–Whitin recursion', async () => {
    const demand = [10, 62, 12, 130, 154, 129, 88, 52, 124, 160, 238, 41];
    const r = await solvePlan(plant(demand, 54, 0.4), { solver, mipGap: 0, demand: 'must-meet' });
    expect(r.objective).toBeCloseTo(wagnerWhitin(demand, 54, 0.4), 6);
  });
});
