/**
 * Bad input never crashes and never yields a silent zero plan: no demand, no supply, zero
 * capacities, lead times beyond the horizon, demand no route reaches, demand above capacity.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanNetwork } from '../../src/core/plan/network';
import { checkPlanInput } from '../../src/core/plan/check';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site } from '../support/plan-scenarios';

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('bad input', () => {
  it('no demand: refuses to plan, and says so', async () => {
    const r = await solvePlan(scenario({
      sites: [site('F', 'plant'), site('C', 'customer')], lanes: [lane('F', 'C')], production: [{ siteId: 'F', productId: 'P' }],
    }));
    expect(r.status).toBe('invalid');
    expect(r.issues[0]).toMatchObject({ level: 'error', code: 'no-demand', table: 'demand' });
    expect(r.headline).toMatch(/^The scenario cannot be planned: The scenario has no demand/);
    expect(r.flows).toEqual([]);
  });

  it('demand that is all zero is "no demand" too', async () => {
    const r = await solvePlan(scenario({
      sites: [site('F', 'plant'), site('C', 'customer')], lanes: [lane('F', 'C')], production: [{ siteId: 'F', productId: 'P' }],
      demand: [{ customerId: 'C', productId: 'P', period: 1, quantity: 0 }],
    }));
    expect(r.status).toBe('invalid');
    expect(r.issues[0].message).toMatch(/All demand is zero/);
  });

  it('no supply: refuses to plan, and says so', async () => {
    const r = await solvePlan(scenario({ sites: [site('D', 'dc'), site('C', 'customer')], lanes: [lane('D', 'C')], demand: demandRows('C', [5]) }));
    expect(r.status).toBe('invalid');
    expect(codes(r.issues.filter((i) => i.level === 'error'))).toEqual(['no-supply']);
  });

  it('a zero-capacity lane carries nothing and is named; the demand it would serve shows as unmet', async () => {
    const r = await solvePlan(scenario({
      settings: { shortagePenalty: 4, unmetDemand: 'lost' },
      sites: [site('F', 'plant'), site('C', 'customer', { name: 'Shop' })], lanes: [lane('F', 'C', { capacity: 0 })],
      production: [{ siteId: 'F', productId: 'P' }], demand: demandRows('C', [5]),
    }));
    expect(r.status).toBe('optimal');
    expect(codes(r.issues)).toEqual(expect.arrayContaining(['zero-capacity-lane', 'unreachable-demand']));
    expect(r.issues.find((i) => i.code === 'unreachable-demand')?.message).toBe('No route brings Widget to Shop: all 5 units demanded will be unmet.');
    expect(r.objective).toBeCloseTo(20, 6);
    expect(r.shortfalls[0]).toMatchObject({ quantity: 5 });
  });

  it('lead times not shorter than the horizon are named (lanes and production)', () => {
    const s = scenario({
      settings: { horizon: 3 },
      sites: [site('F', 'plant'), site('C', 'customer')], lanes: [lane('F', 'C', { leadTime: 3 })],
      production: [{ siteId: 'F', productId: 'P', leadTime: 5 }], demand: demandRows('C', [0, 0, 5]),
    });
    const issues = checkPlanInput(buildPlanNetwork(s));
    expect(issues.filter((i) => i.level === 'warning')).toEqual([
      expect.objectContaining({ code: 'lead-time-beyond-horizon', table: 'lanes', row: 0 }),
      expect.objectContaining({ code: 'production-lead-time-beyond-horizon', table: 'production', row: 0 }),
      expect.objectContaining({ code: 'unreachable-demand' }),
    ]);
  });

  it('demand above everything that can be made is flagged before solving (reliability case 17)', async () => {
    const r = await solvePlan(scenario({
      settings: { horizon: 2, shortagePenalty: 9 },
      sites: [site('F', 'plant'), site('C', 'customer')], lanes: [lane('F', 'C')],
      production: [{ siteId: 'F', productId: 'P', capacity: 10 }], demand: demandRows('C', [15, 15]),
    }));
    expect(r.issues.find((i) => i.code === 'demand-above-capacity')?.message).toBe('Demand for Widget (30 units) exceeds everything that can be made or is in stock (20): at least 10 units will be unmet.');
    expect(r.status).toBe('optimal');
    expect(r.shortfalls).toEqual([expect.objectContaining({ customerId: 'C', quantity: 10 })]);
    expect(r.headline).toMatch(/10 units of demand stay unmet\.$/);
  });

  it('demand at a closed site is ignored with a warning; lanes to closed sites with a note', async () => {
    const r = await solvePlan(scenario({
      settings: { shortagePenalty: 9 },
      sites: [site('F', 'plant'), site('C', 'customer'), site('X', 'customer', { status: 'closed' })],
      lanes: [lane('F', 'C', { costPerUnit: 1 }), lane('F', 'X')],
      production: [{ siteId: 'F', productId: 'P' }], demand: [...demandRows('C', [5]), ...demandRows('X', [7])],
    }));
    expect(r.objective).toBeCloseTo(5, 6);
    expect(codes(r.issues)).toEqual(expect.arrayContaining(['demand-at-closed-site', 'lane-to-closed-site']));
  });

  it('max-profit without prices warns that nothing is earned by serving', async () => {
    const r = await solvePlan(scenario({
      settings: { objective: 'max-profit', shortagePenalty: 0, unmetDemand: 'lost' },
      sites: [site('F', 'plant'), site('C', 'customer')], lanes: [lane('F', 'C', { costPerUnit: 1 })],
      production: [{ siteId: 'F', productId: 'P' }], demand: demandRows('C', [5]),
    }));
    expect(codes(r.issues)).toContain('no-prices');
    expect(r.objective).toBe(0);
  });
});
