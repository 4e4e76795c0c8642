/**
 * Network design (MIP): opening potential sites with fixed and opening costs, the maximum number
 * of open sites, lane fixed costs, single sourcing, and setup costs (lot sizing). Optima come from
 * enumerating the decisions or from the Wagner–Whitin recursion, computed here in the test.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../../src/core/plan/build';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, site, sumBy } from '../support/plan-scenarios';

describe.each(['glpk', 'highs'] as const)('network design with %s', (solver) => {
  // Supplier S → potential DCs D1..D3 → customers C1..C4, two weeks.
  const dcs = [
    { id: 'D1', fixedCost: 40, openingCost: 30, inbound: 1, out: [2, 6, 9, 4] },
    { id: 'D2', fixedCost: 25, openingCost: 10, inbound: 2, out: [7, 1, 3, 8] },
    { id: 'D3', fixedCost: 60, openingCost: 0, inbound: 1, out: [3, 3, 2, 2] },
  ];
  const demand = [[10, 12], [8, 4], [5, 9], [7, 7]];
  const locationScenario = (settings: Record<string, unknown> = {}) => scenario({
    settings: { horizon: 2, shortagePenalty: 1000, ...settings },
    sites: [
      site('S', 'supplier'),
      ...dcs.map((d) => site(d.id, 'dc', { status: 'potential', fixedCost: d.fixedCost, openingCost: d.openingCost })),
      ...demand.map((_, c) => site(`C${c + 1}`, 'customer')),
    ],
    lanes: dcs.flatMap((d) => [lane('S', d.id, { costPerUnit: d.inbound }), ...d.out.map((cost, c) => lane(d.id, `C${c + 1}`, { costPerUnit: cost }))]),
    demand: demand.flatMap((q, c) => demandRows(`C${c + 1}`, q)),
  });

  /** Best total over every non-empty set of open DCs (at most `limit` of them): each customer takes its cheapest open route. */
  function enumerate(limit = dcs.length): { cost: number; open: string[] } {
    let best = { cost: Infinity, open: [] as string[] };
    for (let mask = 1; mask < 1 << dcs.length; mask++) {
      const open = dcs.filter((_, i) => mask & (1 << i));
      if (open.length > limit) continue;
      let cost = open.reduce((s, d) => s + d.fixedCost * 2 + d.openingCost, 0);
      demand.forEach((q, c) => { cost += (q[0] + q[1]) * Math.min(...open.map((d) => d.inbound + d.out[c])); });
      if (cost < best.cost) best = { cost, open: open.map((d) => d.id) };
    }
    return best;
  }

  it('opens the set of DCs that enumeration finds cheapest (fixed cost per period × horizon + opening cost)', async () => {
    const best = enumerate();
    const r = await solvePlan(locationScenario(), { solver, mipGap: 0 });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(best.cost, 6);
    expect(r.sites.filter((s) => s.status === 'potential' && s.open).map((s) => s.siteId)).toEqual(best.open);
    expect(r.costs?.opening).toBeCloseTo(dcs.filter((d) => best.open.includes(d.id)).reduce((s, d) => s + d.openingCost, 0), 6);
  });

  it('respects settings.maxOpenSites', async () => {
    const best = enumerate(1);
    const r = await solvePlan(locationScenario({ maxOpenSites: 1 }), { solver, mipGap: 0 });
    expect(r.objective).toBeCloseTo(best.cost, 6);
    expect(r.sites.filter((s) => s.open && s.status === 'potential')).toHaveLength(1);
  });

  it('pays a lane fixed cost only when the lane is worth using', async () => {
    const lanes = (demandQty: number) => scenario({
      settings: { shortagePenalty: 1000 },
      sites: [site('A', 'plant'), site('B', 'plant'), site('C', 'customer')],
      lanes: [lane('A', 'C', { costPerUnit: 1, fixedCost: 50 }), lane('B', 'C', { costPerUnit: 3 })],
      production: [{ siteId: 'A', productId: 'P' }, { siteId: 'B', productId: 'P' }],
      demand: demandRows('C', [demandQty]),
    });
    const small = await solvePlan(lanes(20), { solver, mipGap: 0 });
    expect(small.objective).toBeCloseTo(60, 6); // B: 20·3 < A: 20·1 + 50
    expect(small.lanes.find((l) => l.laneId === 'A-C')?.used).toBe(false);
    const large = await solvePlan(lanes(30), { solver, mipGap: 0 });
    expect(large.objective).toBeCloseTo(80, 6); // A: 30·1 + 50 < B: 30·3
    expect(large.costs?.fixed).toBeCloseTo(50, 6);
  });

  it('single sourcing: each customer gets each product from one site (150 instead of the split plan 140)', async () => {
    const sourcing = (singleSourcing: boolean) => scenario({
      settings: { shortagePenalty: 1000, singleSourcing },
      sites: [site('A', 'plant'), site('B', 'plant'), site('C1', 'customer'), site('C2', 'customer')],
      lanes: [lane('A', 'C1', { costPerUnit: 1 }), lane('A', 'C2', { costPerUnit: 1 }), lane('B', 'C1', { costPerUnit: 2 }), lane('B', 'C2', { costPerUnit: 2 })],
      production: [{ siteId: 'A', productId: 'P', capacity: 60 }, { siteId: 'B', productId: 'P', capacity: 60 }],
      demand: [...demandRows('C1', [50]), ...demandRows('C2', [50])],
    });
    const split = await solvePlan(sourcing(false), { solver, mipGap: 0 });
    expect(split.objective).toBeCloseTo(60 + 40 * 2, 6);
    const single = await solvePlan(sourcing(true), { solver, mipGap: 0 });
    expect(single.objective).toBeCloseTo(50 + 50 * 2, 6);
    for (const c of ['C1', 'C2']) expect(new Set(single.flows.filter((f) => f.to === c).map((f) => f.from)).size).toBe(1);
  });

  it('leaves closed sites out of the model', async () => {
    const s = scenario({
      settings: { shortagePenalty: 1000 },
      sites: [site('A', 'plant', { status: 'closed' }), site('B', 'plant'), site('C', 'customer')],
      lanes: [lane('A', 'C', { costPerUnit: 1 }), lane('B', 'C', { costPerUnit: 4 })],
      production: [{ siteId: 'A', productId: 'P' }, { siteId: 'B', productId: 'P' }],
      demand: demandRows('C', [10]),
    });
    const r = await solvePlan(s, { solver });
    expect(r.objective).toBeCloseTo(40, 6);
    expect(r.sites.find((x) => x.siteId === 'A')).toEqual({ siteId: 'A', open: false, status: 'closed' });
    expect(buildPlanModel(s).model.colNames.some((n) => n.includes('A~C'))).toBe(false);
  });
});

/**
 * Wagner–Whitin: with setup cost K, holding h and no capacity, an optimal plan orders in period j
 * exactly the demand of j..t for some t. f(t) = min_j f(j−1) + K + h·Σ_{k=j..t} (k − j)·d_k.
 */
function wagnerWhitin(d: readonly number[], K: number, h: number): number {
  const f = [0];
  for (let t = 1; t <= d.length; t++) {
    let best = Infinity;
    for (let j = 1; j <= t; j++) {
      let hold = 0;
      for (let k = j; k <= t; k++) hold += h * (k - j) * d[k - 1];
      const setup = d.slice(j - 1, t).some((q) => q > 0) ? K : 0;
      best = Math.min(best, f[j - 1] + setup + hold);
    }
    f.push(best);
  }
  return f[d.length];
}

describe.each(['glpk', 'highs'] as const)('lot sizing (setup costs) with %s', (solver) => {
  const demand = [20, 50, 10, 50, 50, 10, 20, 40];
  const K = 100;
  const h = 1;

  it(`ordering: a retailer with order cost ${K} and holding ${h} matches Wagner–Whitin (${wagnerWhitin(demand, K, h)})`, async () => {
    const s = scenario({
      settings: { horizon: demand.length, shortagePenalty: 1000 },
      sites: [site('S', 'supplier'), site('R', 'retailer', { holdingCost: h })],
      lanes: [lane('S', 'R')],
      inventory: [{ siteId: 'R', productId: 'P', orderCost: K }],
      demand: demandRows('R', demand),
    });
    const r = await solvePlan(s, { solver, mipGap: 0 });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(wagnerWhitin(demand, K, h), 6);
    expect(r.costs?.setup).toBeCloseTo(K * r.flows.length, 6);
  });

  it('production: a plant with setup cost matches Wagner–Whitin, and capacity makes it dearer', async () => {
    const plant = (capacity?: number) => scenario({
      settings: { horizon: demand.length, shortagePenalty: 1000 },
      sites: [site('F', 'plant', { holdingCost: h }), site('C', 'customer')],
      lanes: [lane('F', 'C')],
      production: [{ siteId: 'F', productId: 'P', capacity }],
      inventory: [{ siteId: 'F', productId: 'P', orderCost: K }],
      demand: demandRows('C', demand),
    });
    const free = await solvePlan(plant(), { solver, mipGap: 0 });
    expect(free.objective).toBeCloseTo(wagnerWhitin(demand, K, h), 6);
    const capped = await solvePlan(plant(60), { solver, mipGap: 0 });
    expect(capped.objective).toBeGreaterThan(free.objective as number);
    expect(Math.max(...capped.production.map((p) => p.quantity))).toBeLessThanOrEqual(60 + 1e-6);
    expect(sumBy(capped.production, (p) => p.quantity)).toBeCloseTo(demand.reduce((a, b) => a + b, 0), 6);
  });
});
