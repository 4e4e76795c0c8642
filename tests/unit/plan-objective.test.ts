/**
 * End-of-horizon stock targets (defineEndStockTargets) and the objective's less common terms:
 * holding in transit (settings.pipelineHolding, owner by title transfer) and fixed costs of sites
 * that are always open. Hand-computed optima.
 */
import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site } from '../support/plan-scenarios';

describe('end-of-horizon stock targets', () => {
  it('leaves the target on hand at the end: capacity 12, demand 8 + 8, target 3 → make 8 then 11, hold 3 at the end', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 100 },
      sites: [site('F', 'plant', { holdingCost: 1 }), site('C', 'customer')],
      lanes: [lane('F', 'C')],
      production: [{ siteId: 'F', productId: 'P', capacity: 12, cost: 3 }],
      inventory: [{ siteId: 'F', productId: 'P', targetEndStock: 3 }],
      demand: demandRows('C', [8, 8]),
    });
    const r = await solvePlan(s);
    // 19 units made (57) and 3 held at the end of week 2 (3); no capacity binds, so the duals are unique.
    expect(r.objective).toBeCloseTo(60, 6);
    expect(r.production.map((p) => [p.period, p.quantity])).toEqual([[1, 8], [2, 11]]);
    expect(r.stock.map((x) => [x.period, x.quantity])).toEqual([[2, 3]]);
    // One more unit at the end is made in week 2 (3) and held at the end (1).
    const target = r.shadowPrices.find((p) => p.kind === 'target');
    expect(target?.value).toBeCloseTo(4, 6);
    expect(target?.message).toBe('Leaving one more unit of Widget at F at the end would cost €4.00.');
  });
});

describe('holding in transit (settings.pipelineHolding)', () => {
  const transit = (pipelineHolding: boolean, titleTransfer: 'shipment' | 'delivery') => scenario({
    settings: { horizon: 3, shortagePenalty: 1000, pipelineHolding },
    sites: [site('F', 'plant', { holdingCost: 0.25 }), site('D', 'dc', { holdingCost: 0.5 }), site('C', 'customer')],
    lanes: [lane('F', 'D', { leadTime: 2, costPerUnit: 1, titleTransfer }), lane('D', 'C')],
    production: [{ siteId: 'F', productId: 'P' }],
    demand: demandRows('C', [0, 0, 10]),
  });

  it('is not charged by default', async () => {
    expect((await solvePlan(transit(false, 'delivery'))).objective).toBeCloseTo(10, 6);
  });

  it('is charged per period in transit at the owner\'s rate: the origin until delivery, the destination from shipment', async () => {
    const delivery = await solvePlan(transit(true, 'delivery'));
    expect(delivery.objective).toBeCloseTo(10 + 10 * 2 * 0.25, 6);
    const shipment = await solvePlan(transit(true, 'shipment'));
    expect(shipment.objective).toBeCloseTo(10 + 10 * 2 * 0.5, 6);
    expect(shipment.costs).toMatchObject({ transport: 10, holding: 10 });
  });
});

describe('fixed costs', () => {
  it('counts the fixed cost per period of sites that are always open, over the horizon', async () => {
    const s = scenario({
      settings: { horizon: 3, shortagePenalty: 100 },
      sites: [site('F', 'plant', { fixedCost: 7, openingCost: 1000 }), site('C', 'customer')],
      lanes: [lane('F', 'C', { costPerUnit: 1 })],
      production: [{ siteId: 'F', productId: 'P' }],
      demand: demandRows('C', [1, 1, 1]),
    });
    const r = await solvePlan(s);
    // An existing site's opening cost is sunk; its fixed cost is paid every period.
    expect(r.objective).toBeCloseTo(3 + 21, 6);
    expect(r.costs).toMatchObject({ fixed: 21, opening: 0, transport: 3 });
  });
});
