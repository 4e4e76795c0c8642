/**
 * Reliability cases 17 and 18 (shared/design/reliability.md) on the default European network:
 * demand that cannot be met is never reported as zeros but per customer, product and week; a MIP
 * stopped by its time limit returns its best plan labelled with the gap and "time limit".
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { shippedScenario } from '../support/plan-scenarios';

describe('default European network', () => {
  it('must-meet demand: infeasible, with the shortfall per customer, product and week (case 17)', async () => {
    const r = await solvePlan(shippedScenario('default-europe.json'), { demand: 'must-meet', relaxIntegrality: true });
    expect(r.status).toBe('infeasible');
    const shortfalls = r.infeasibility?.shortfalls ?? [];
    expect(shortfalls.length).toBeGreaterThan(0);
    for (const s of shortfalls) {
      expect(s.quantity).toBeGreaterThan(0);
      expect(s.quantity).toBeLessThanOrEqual(s.demand);
      expect(s.periods.length).toBeGreaterThan(0);
      expect(s.message).toMatch(/^\S.* cannot get [\d,.]+ of [\d,.]+ units of .+ on time: short in weeks? /);
    }
    expect(r.headline).toBe(`No plan meets every requirement. ${r.infeasibility?.summary[0]}`);
  });

  it('soft demand: an optimal plan whose unmet demand is listed per customer and product, with the reason', async () => {
    const r = await solvePlan(shippedScenario('default-europe.json'), { relaxIntegrality: true });
    expect(r.status).toBe('optimal');
    const unmet = r.shortfalls.reduce((s, x) => s + x.quantity, 0);
    expect(r.headline).toContain(`units of demand stay unmet`);
    expect(unmet).toBeGreaterThan(0);
    expect(r.issues.map((i) => i.code)).toContain('backorders-at-end');
    expect(r.costs?.totalCost).toBeCloseTo(r.objective as number, 2);
  });

  it('lot sizing as a MIP stopped by a short time limit: best plan, gap and "time limit" (case 18)', async () => {
    const r = await solvePlan(shippedScenario('default-europe.json'), { solver: 'highs', timeLimitSeconds: 1, mipGap: 0, shadowPrices: false });
    // On a busy machine the first plan may take longer than 1 s: then it must say so.
    expect(['feasible', 'optimal', 'no-solution']).toContain(r.status);
    if (r.status === 'no-solution') {
      expect(r.stopReason).toBe('time-limit');
      expect(r.headline).toBe('No plan was found within the 1 s time limit: allow more time or a larger MIP gap.');
    }
    if (r.status === 'feasible') {
      expect(r.stopReason).toBe('time-limit');
      expect(r.gap).toBeGreaterThan(0);
      expect(r.headline).toMatch(/^Best plan found within the 1 s time limit, not proven optimal: total cost €[\d,.]+; it is at most [\d.]+ % from the optimum \(MIP gap\)\./);
      expect(r.flows.length).toBeGreaterThan(0);
    }
  });
});
