/**
 * Demand (defineDemand) and the objective: backorders carried with a penalty per period, lost
 * sales penalised once, must-meet demand, product penalties overriding the settings, and the
 * max-profit objective deciding what is worth serving.
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site } from '../support/plan-scenarios';

const shortNetwork = (settings: Record<string, unknown>, productExtra: Record<string, unknown> = {}) => scenario({
  settings: { horizon: 2, shortagePenalty: 3, ...settings },
  products: [{ id: 'P', name: 'Widget', ...productExtra }],
  sites: [site('F', 'plant', { name: 'Plant' }), site('C', 'customer', { name: 'Shop' })],
  lanes: [lane('F', 'C')],
  production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
  demand: demandRows('C', [15]),
});

describe('unmet demand', () => {
  it('backorder: 5 units wait one week at 3 each and are delivered in week 2 (15·1 + 5·3 = 30)', async () => {
    const r = await solvePlan(shortNetwork({ unmetDemand: 'backorder' }));
    expect(r.objective).toBeCloseTo(30, 6);
    expect(r.costs).toMatchObject({ production: 15, shortage: 15 });
    expect(r.demand.map((d) => [d.period, d.demand, d.served, d.unmet])).toEqual([[1, 15, 10, 5], [2, 0, 5, 0]]);
    expect(r.shortfalls).toEqual([expect.objectContaining({ quantity: 0, periods: [1], message: 'Shop gets all its Widget, some of it late (backordered in week 1).' })]);
  });

  it('lost sales: 5 units are lost once at 3 each (10·1 + 5·3 = 25)', async () => {
    const r = await solvePlan(shortNetwork({ unmetDemand: 'lost' }));
    expect(r.objective).toBeCloseTo(25, 6);
    expect(r.shortfalls).toEqual([expect.objectContaining({ customerId: 'C', quantity: 5, demand: 15, message: 'Shop loses 5 of 15 units of Widget (in week 1).' })]);
  });

  it('a product shortage penalty overrides the settings value', async () => {
    const r = await solvePlan(shortNetwork({ unmetDemand: 'lost' }, { shortagePenalty: 7 }));
    expect(r.objective).toBeCloseTo(10 + 5 * 7, 6);
  });

  it('backorders still open at the end of the horizon are reported with the reason', async () => {
    // Penalty 0.5 per week is below the production cost 1: the plan leaves the demand unserved.
    const r = await solvePlan(shortNetwork({ unmetDemand: 'backorder', shortagePenalty: 0.5 }));
    expect(r.objective).toBeCloseTo(15, 6);
    expect(r.shortfalls[0]).toMatchObject({ quantity: 15, periods: [1, 2] });
    expect(r.issues.find((i) => i.code === 'backorders-at-end')?.message).toMatch(/^15 units are still backordered at the end of the horizon/);
  });

  it('must-meet: demand above capacity is infeasible, with the shortfall and the capacity that would fix it', async () => {
    const r = await solvePlan(shortNetwork({}), { demand: 'must-meet' });
    expect(r.status).toBe('infeasible');
    expect(r.infeasibility?.shortfalls).toEqual([expect.objectContaining({ customerId: 'C', quantity: 5, periods: [1] })]);
    expect(r.infeasibility?.shortfalls[0].message).toBe('Shop cannot get 5 of 15 units of Widget on time: short in week 1 (5).');
    expect(r.infeasibility?.capacityNeeds).toEqual([expect.objectContaining({ kind: 'production', siteId: 'F', capacity: 10, extra: [{ period: 1, quantity: 5 }] })]);
    expect(r.headline).toMatch(/^No plan meets every requirement\. Shop cannot get 5 of 15/);
  });
});

describe('max-profit', () => {
  const profitNetwork = (price: number, cost: number, penalty: number) => scenario({
    settings: { objective: 'max-profit', unmetDemand: 'lost', shortagePenalty: penalty },
    products: [{ id: 'P', name: 'Widget', price }],
    sites: [site('F', 'plant'), site('C', 'customer')],
    lanes: [lane('F', 'C', { costPerUnit: 1 })],
    production: [{ siteId: 'F', productId: 'P', cost }],
    demand: demandRows('C', [20]),
  });

  it('serves demand when price exceeds cost: profit 20 · (10 − 4 − 1) = 100', async () => {
    const r = await solvePlan(profitNetwork(10, 4, 0));
    expect(r.objective).toBeCloseTo(100, 6);
    expect(r.costs).toMatchObject({ revenue: 200, totalCost: 100, profit: 100 });
    const dual = r.shadowPrices.find((p) => p.kind === 'demand');
    expect(dual?.value).toBeCloseTo(5, 6);
    expect(dual?.message).toBe('One more unit of demand for Widget at C in week 1 would add €5.00 profit.');
  });

  it('leaves unprofitable demand unserved when the lost-sale penalty is small (profit −20 · 2)', async () => {
    const r = await solvePlan(profitNetwork(10, 12, 2));
    expect(r.flows).toEqual([]);
    expect(r.objective).toBeCloseTo(-40, 6);
  });

  it('serves at a loss when not serving costs more (price 10, cost 10 + 1, penalty 2: profit −20)', async () => {
    const r = await solvePlan(profitNetwork(10, 10, 2));
    expect(r.objective).toBeCloseTo(-20, 6);
    expect(r.flows[0]?.quantity).toBeCloseTo(20, 6);
  });
});
