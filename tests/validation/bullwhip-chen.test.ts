/**
 * The bullwhip effect of a moving-average order-up-to policy (Chen, Drezner, Ryan & Simchi-Levi
 * 2000, Management Science 46(3)): with i.i.d. demand, a p-period moving-average forecast and
 * lead time L (order placed at the end of t received at the start of t + L),
 *   Var(q) / Var(D) ≥ 1 + 2L/p + 2L²/p²,
 * with equality when the order-up-to level is L · forecast (no safety stock term). In the engine an
 * order placed in t with lead time ℓ arrives in t + 1 + ℓ, so Chen's L = ℓ + 1 (the forecast
 * policy's protection interval with R = 1).
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/core/sim';
import { standardError } from './sim-analytic';
import { singleStage, steadyDemand } from './sim-scenarios';

function bullwhip(lead: number, p: number, z: number) {
  const periods = 3000;
  const r = runReplications(singleStage({
    periods, lead,
    inventory: { policy: 'forecast', forecastMethod: 'moving-average', forecastWindow: p, safetyFactor: z, initialStock: 100 * (lead + 1) },
    demand: steadyDemand('cust', periods, 100, 10),
    settings: { demandVariability: 'normal', seed: 2000 },
  }), { replications: 12, warmup: p + lead + 10 });
  const ratios = r.summaries.map((s) => s.sites.find((x) => x.siteId === 'dc')!.bullwhip);
  return { mean: ratios.reduce((a, b) => a + b, 0) / ratios.length, se: standardError(ratios) };
}

const bound = (L: number, p: number) => 1 + 2 * L / p + 2 * L * L / (p * p);

describe('bullwhip of a moving-average order-up-to policy (Chen et al. 2000)', () => {
  it.each([
    [0, 4], [1, 5], [3, 10], [2, 3],
  ])('lead time %i (L = ℓ + 1), p = %i, no safety stock: the ratio equals the bound', (lead, p) => {
    const L = lead + 1;
    const b = bound(L, p);
    const r = bullwhip(lead, p, 0);
    expect(Math.abs(r.mean - b)).toBeLessThan(4 * r.se + 0.005 * b);
    expect(r.se / b).toBeLessThan(0.02);
  });

  it('with safety stock z·σ̂·√L (σ̂ estimated from the same window) the ratio lies above the bound', () => {
    const r = bullwhip(1, 5, 1.65);
    expect(r.mean - 4 * r.se).toBeGreaterThan(bound(2, 5));
  });

  it('a longer window damps the bullwhip, a longer lead time amplifies it', () => {
    expect(bullwhip(1, 10, 0).mean).toBeLessThan(bullwhip(1, 4, 0).mean);
    expect(bullwhip(3, 5, 0).mean).toBeGreaterThan(bullwhip(1, 5, 0).mean);
  });
});
