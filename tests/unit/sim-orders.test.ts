/**
 * Order statuses and ages, by hand, on the paths where orders go without a record until they
 * need one (deferred-orders.ts): end-customer orders filled at once, orders between sites shipped
 * on arrival, an initial pipeline ahead of them, and a shortage that needs the records; and the
 * shortcut against recording every order, on larger networks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../bench/sim-network';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import type { Scenario } from '../../src/core/model/types';
import { compileNetwork, type SimOptions } from '../../src/core/sim';
import { createState } from '../../src/core/sim/state';
import { stepPeriod } from '../../src/core/sim/step';
import { buildSummary } from '../../src/core/sim/summary';
import { demandRows, run, scenario, serial, site, site$ } from './sim-fixtures';

describe('orders filled on arrival', () => {
  // sup → dc: lead 2 (an order reaches sup the next period, ships then, arrives 2 later: age 3);
  // dc → cust: lead 1 (filled the period it is placed, delivered the next: age 1). Stock never
  // runs short (S = 10, demand 2 a period).
  const r = run(serial({ demand: [2, 2, 2, 2, 2], lead: 2, customerLead: 1, dc: { policy: 'base-stock', baseStock: 10, initialStock: 10 } }));

  it('customer orders: four delivered at age 1, the fifth in transit', () => {
    expect(site$(r, 'cust').orders).toEqual({
      placed: 5, open: 0, backordered: 0, partlyShipped: 0, shipped: 1, delivered: 4, cancelled: 0, late: 0,
      averageAgeDelivered: 1, averageAgeOutstanding: 0,
    });
  });

  it('DC orders: two delivered at age 3, two in transit, one on its way to the supplier', () => {
    // Placed in t1..t5; t1 and t2 arrive in t4 and t5; t3 and t4 shipped in t4 and t5; t5 reaches sup in t6.
    expect(site$(r, 'dc').orders).toEqual({
      placed: 5, open: 1, backordered: 0, partlyShipped: 0, shipped: 2, delivered: 2, cancelled: 0, late: 0,
      averageAgeDelivered: 3, averageAgeOutstanding: (2 + 1 + 0) / 3,
    });
    expect(r.summary.total.orders.averageAgeDelivered).toBeCloseTo((4 * 1 + 2 * 3) / 6, 12);
  });
});

describe('an initial pipeline on the lane comes first', () => {
  it('orders count as delivered once the pipeline units ahead of them have arrived', () => {
    // 5 units already travelling to the customer arrive in t3; the units belong to no order but
    // stand ahead of the orders in the lane's cumulative counts: the orders of t1 and t2
    // (delivered at once, lead time 0) count as delivered in t3, at ages 2 and 1; t3, t4 at age 0.
    const s = serial({
      demand: [2, 2, 2, 2], dc: { policy: 'none', initialStock: 20 },
      extra: { inTransit: [{ laneId: 'dc-cust', productId: 'p', arrivalPeriod: 3, quantity: 5 }] },
    });
    const orders = site$(run(s), 'cust').orders;
    expect(orders.delivered).toBe(4);
    expect(orders.averageAgeDelivered).toBeCloseTo((2 + 1 + 0 + 0) / 4, 12);
  });
});

describe('a shortage needs the records', () => {
  it('FIFO across two customers: one order filled, the other partly shipped and late', () => {
    // The DC holds 5; both customers order 4 in t1 (same arrival: lane order decides). c1 gets 4,
    // c2 gets 1; lead time 1, so c1's order is delivered in t2 (age 1), c2's stays partly shipped.
    const s = scenario({
      settings: { horizon: 2 },
      sites: [site('dc', 'dc'), site('c1', 'customer'), site('c2', 'customer')],
      products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 'dc-c1', from: 'dc', to: 'c1', leadTime: 1 }, { id: 'dc-c2', from: 'dc', to: 'c2', leadTime: 1 }],
      demand: [...demandRows('c1', 'p', [4, 0]), ...demandRows('c2', 'p', [4, 0])],
      inventory: [{ siteId: 'dc', productId: 'p', policy: 'none', initialStock: 5 }],
    });
    const r = run(s);
    expect(site$(r, 'c1').orders).toMatchObject({ placed: 1, delivered: 1, averageAgeDelivered: 1, late: 0 });
    expect(site$(r, 'c2').orders).toMatchObject({ placed: 1, delivered: 0, partlyShipped: 1, late: 1, averageAgeOutstanding: 1 });
  });
});

describe('orders without a record change nothing', () => {
  // The same runs with every order recorded (the straightforward book-keeping) and with the
  // shortcut; every KPI and series must be identical, bit for bit.
  const runBoth = (s: Scenario, options: SimOptions = {}) => {
    const net = compileNetwork(s, options);
    const results = [false, true].map((recordEveryOrder) => {
      const st = createState(net, s.settings.seed, 0, options.warmup ?? 0, 'nodes', undefined, recordEveryOrder);
      for (let t = 0; t < net.periods; t++) stepPeriod(st);
      return { summary: buildSummary(st), series: st.series };
    });
    return results;
  };

  it.each([
    ['a generated network with random demand', generateScenario({ sites: 40, products: 2, periods: 120 }), {}],
    ['the same, lost sales and fair share', generateScenario({ sites: 40, products: 2, periods: 120 }), { overrides: { unmetDemand: 'lost', allocation: 'fair-share' } }],
    ['the built-in European network', europe(), { warmup: 4 }],
    ['the European network, priority rule, information sharing', europe(), { overrides: { allocation: 'priority', informationSharing: true } }],
  ] as const)('%s', (_name, s, options) => {
    const [recorded, shortcut] = runBoth(s as Scenario, options as SimOptions);
    expect(shortcut.summary).toEqual(recorded.summary);
    for (const group of ['node', 'total', 'party', 'arc'] as const) {
      const a = recorded.series[group] as Record<string, ArrayLike<number>> | undefined;
      const b = shortcut.series[group] as Record<string, ArrayLike<number>> | undefined;
      for (const key of Object.keys(a ?? {})) expect([group, key, Array.from(b![key])]).toEqual([group, key, Array.from(a![key])]);
    }
    // The case is not trivial: orders were placed and delivered, some late.
    expect(recorded.summary.total.orders.delivered).toBeGreaterThan(100);
  });
});

function europe(): Scenario {
  const loaded = scenarioFromJson(readFileSync('scenarios/default-europe.json', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return { ...loaded.scenario, settings: { ...loaded.scenario.settings, demandVariability: 'normal' } };
}
