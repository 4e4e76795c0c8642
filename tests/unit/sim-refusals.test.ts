/**
 * Bad input: each case either simulates correctly or is refused before running, with messages
 * naming the table, row and field (the `table[row].field: message` form of validation).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/model/issue';
import { loadScenario } from '../../src/core/model/load';
import { compileNetwork, SimInputError, simulateScenario, type SimOptions } from '../../src/core/sim';
import type { Scenario } from '../../src/core/model/types';
import { demandRows, nodeSeries, run, scenario, serial, site } from './sim-fixtures';

function refusal(s: Scenario, options: SimOptions = {}): string[] {
  try {
    simulateScenario(s, options);
  } catch (e) {
    if (e instanceof SimInputError) return e.issues.map(formatIssue);
    throw e;
  }
  throw new Error('the simulation was not refused');
}

const ok = { policy: 'base-stock', baseStock: 5, initialStock: 5 };

describe('horizon', () => {
  it('0 periods and 100,001 periods are refused, naming the option', () => {
    expect(refusal(serial({ demand: [1], dc: ok }), { periods: 0 })).toEqual([expect.stringMatching(/^options\.periods: the horizon must be a whole number of periods from 1 to 100,000 \(got 0\)/)]);
    expect(refusal(serial({ demand: [1], dc: ok }), { periods: 100_001 })[0]).toMatch(/^options\.periods: .*got 100001/);
  });

  it('settings.horizon 0 is refused by validation', () => {
    const r = loadScenario({ format: 'chainlab.scenario', version: 2, id: 'x', name: 'x', settings: { horizon: 0 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map(formatIssue)).toContain('settings.horizon: must be at least 1 (got 0)');
  });

  it('100,000 periods run, with per-node series kept only when they fit', () => {
    const s = serial({ demand: [1], dc: ok });
    const r = simulateScenario(s, { periods: 100_000 });
    expect(r.summary.periods).toBe(100_000);
    expect(r.series.total.onHand.length).toBe(100_000);
    expect(r.summary.total.customerDemand).toBe(1); // demand only in period 1
    const big = compileNetwork(s, { periods: 100_000 });
    expect(big.nNodes * 100_000).toBeLessThanOrEqual(4_000_000);
    expect(simulateScenario(s, { periods: 100_000, series: 'totals' }).series.node).toBeUndefined();
  });
});

describe('policies', () => {
  it.each([
    [{ policy: 'base-stock' }, 'inventory[0].baseStock: base-stock policy needs the base-stock level S (site "dc", product "p")'],
    [{ policy: 's-S', orderUpTo: 5 }, 'inventory[0].reorderPoint: (s,S) policy needs the reorder point s (site "dc", product "p")'],
    [{ policy: 's-S', reorderPoint: 1 }, 'inventory[0].orderUpTo: (s,S) policy needs the order-up-to level S (site "dc", product "p")'],
    [{ policy: 'r-Q', reorderPoint: 1 }, 'inventory[0].orderQuantity: (r,Q) policy needs the order quantity Q (site "dc", product "p")'],
    [{ policy: 'periodic', reviewPeriod: 2 }, 'inventory[0].orderUpTo: periodic (R,S) policy needs the order-up-to level S (orderUpTo, or baseStock) (site "dc", product "p")'],
  ])('%o is refused', (row, message) => {
    expect(refusal(serial({ demand: [1], dc: row }))).toEqual([message]);
  });

  it('a site asked for goods without an inventory row is refused, naming the site', () => {
    const s = scenario({
      sites: [site('sup', 'supplier'), site('dc', 'dc'), site('cust', 'customer')],
      products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 'a', from: 'sup', to: 'dc' }, { id: 'b', from: 'dc', to: 'cust' }],
      demand: demandRows('cust', 'p', [1]),
    });
    expect(refusal(s)).toEqual(['sites[1]: "dc" has no inventory row for "p" (no policy, no stock), but "cust" orders "p" on lane "b": add an inventory row for "dc" / "p" (a policy and initial stock), or a production row']);
  });

  it('a policy whose orders have nowhere to go is refused', () => {
    const s = scenario({
      sites: [site('dc', 'dc'), site('cust', 'customer')],
      products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 'b', from: 'dc', to: 'cust' }],
      demand: demandRows('cust', 'p', [1]),
      inventory: [{ siteId: 'dc', productId: 'p', policy: 'base-stock', baseStock: 3, initialStock: 3 }],
    });
    expect(refusal(s)[0]).toMatch(/^inventory\[0\]\.policy: "dc" \/ "p" has policy base-stock, but no open lane ends there and it has no production row/);
    // The same DC with policy none simply sells its 3 units.
    const none = scenario({ ...s, inventory: [{ ...s.inventory[0], policy: 'none' }] });
    expect(run(none).summary.total.customerFilled).toBe(1);
  });
});

describe('network', () => {
  it('a customer without any lane and without stock is refused, naming its demand row', () => {
    const s = scenario({
      sites: [site('cust', 'customer')], products: [{ id: 'p', name: 'p' }], demand: demandRows('cust', 'p', [1, 1]),
    });
    expect(refusal(s)).toEqual(['demand[0].customerId: customer "cust" has demand for "p" but no lane with a share above 0 brings it there and it holds no stock (no inventory row)']);
  });

  it('no path from any supply to a customer is refused', () => {
    const s = serial({ demand: [1], dc: { policy: 'none', initialStock: 0 } });
    expect(refusal(s)).toEqual(['demand[0].customerId: no path from any supply to customer "cust" for "p": no supplier, production or stock upstream of it can ever send it goods']);
  });

  it('lanes with share 0 only do not count as a path', () => {
    const s = serial({ demand: [1], dc: ok, lanes: { customer: { share: 0 } } });
    expect(refusal(s)[0]).toMatch(/^demand\[0\]\.customerId: customer "cust" has demand for "p" but no lane with a share above 0/);
  });

  it('information sharing on a cycle of lanes is refused', () => {
    const s = scenario({
      settings: { informationSharing: true },
      sites: [site('sup', 'supplier'), site('a', 'dc'), site('b', 'dc'), site('cust', 'customer')],
      products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 's-a', from: 'sup', to: 'a' }, { id: 'a-b', from: 'a', to: 'b' }, { id: 'b-a', from: 'b', to: 'a' }, { id: 'b-c', from: 'b', to: 'cust' }],
      demand: demandRows('cust', 'p', [1]),
      inventory: [{ siteId: 'a', productId: 'p', ...ok }, { siteId: 'b', productId: 'p', ...ok }],
    });
    expect(refusal(s)).toEqual([expect.stringMatching(/^settings\.informationSharing: information sharing needs a network whose lanes .* form no cycle/)]);
    expect(() => run({ ...s, settings: { ...s.settings, informationSharing: false } })).not.toThrow();
  });

  it('closed and unopened potential sites are left out (with a warning); a potential site can be opened', () => {
    const s = serial({ demand: [1], dc: ok, lanes: { customer: { share: 1 } },
      extra: { sites: [site('sup', 'supplier'), site('dc', 'dc'), site('cust', 'customer'), site('dc2', 'dc', { status: 'potential' })],
        lanes: [{ id: 'sup-dc', from: 'sup', to: 'dc', leadTime: 0 }, { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: 0 }, { id: 'dc2-cust', from: 'dc2', to: 'cust', leadTime: 0 }] } });
    expect(run(s).warnings.join()).toMatch(/dc2 \(potential\)/);
    // Opened, dc2 takes half the demand and has no inventory row: refused.
    expect(refusal(s, { openSites: ['dc2'] })[0]).toMatch(/^sites\[3\]: "dc2" has no inventory row/);
    expect(refusal(s, { openSites: ['nowhere'] })).toEqual(['options.openSites[0]: unknown site "nowhere"']);
  });
});

describe('stock and capacities', () => {
  it('zero initial stock simulates: demand is backordered at the start', () => {
    const r = run(serial({ demand: [3, 3, 3], lead: 1, dc: { policy: 'base-stock', baseStock: 6, initialStock: 0 } }));
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([3, 6, 0]);
  });

  it('negative initial stock is refused by validation', () => {
    expect(() => serial({ demand: [1], dc: { policy: 'none', initialStock: -1 } })).toThrow(/inventory\[0\]\.initialStock: must be at least 0/);
  });

  it('zero lead times everywhere simulate (goods cross the network in one period)', () => {
    const r = run(serial({ demand: [4, 4], lead: 0, dc: { policy: 'base-stock', baseStock: 4, initialStock: 4 } }));
    expect(r.summary.total.fillRate).toBe(1);
  });

  it('production capacity 0 simulates and warns', () => {
    const s = scenario({
      sites: [site('plant', 'plant'), site('cust', 'customer')], products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 'l', from: 'plant', to: 'cust', leadTime: 0 }], demand: demandRows('cust', 'p', [2, 2]),
      production: [{ siteId: 'plant', productId: 'p', capacity: 0 }],
    });
    const r = run({ ...s, settings: { ...s.settings, horizon: 2 } });
    expect(r.summary.total.customerFilled).toBe(0);
    expect(r.warnings.join()).toMatch(/production with capacity 0 makes nothing: plant\/p/);
  });
});

describe('options', () => {
  it('plan entries naming unknown sites, products, lanes or bad quantities are refused with their position', () => {
    const s = serial({ demand: [1], dc: { policy: 'fixed-plan' } });
    expect(refusal(s, { plan: [
      { siteId: 'nowhere', productId: 'p', period: 1, quantity: 1 },
      { siteId: 'dc', productId: 'p', period: 0, quantity: -2 },
      { siteId: 'dc', productId: 'p', period: 1, quantity: 1, laneId: 'dc-cust' },
    ] })).toEqual([
      'options.plan[0].siteId: unknown site "nowhere"',
      'options.plan[1].period: must be a whole number from 1 (got 0)',
      'options.plan[1].quantity: must be a number at least 0 (got -2)',
      'options.plan[2].laneId: lane "dc-cust" does not end at site "dc"',
    ]);
  });

  it('a bad seed or warm-up is refused', () => {
    const s = serial({ demand: [1, 1], dc: ok });
    expect(refusal(s, { seed: -1 })[0]).toMatch(/^options\.seed: /);
    expect(refusal(s, { warmup: 2 })[0]).toMatch(/^options\.warmup: /);
  });
});
