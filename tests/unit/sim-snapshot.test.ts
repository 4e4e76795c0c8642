/**
 * The snapshot between periods (rolling-horizon re-planning): stock, shipments in transit and
 * orders under way after k periods, checked by hand; and a scenario built from it continues a
 * deterministic run exactly as the original does.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/model/types';
import { createSimulation, type SimOptions, type SimResult, type SimSnapshot } from '../../src/core/sim';
import { demandRows, nodeSeries, run, scenario, serial, site, type Row } from './sim-fixtures';

function runFor(s: Scenario, k: number, options: SimOptions = {}): SimSnapshot {
  const sim = createSimulation(s, options);
  for (let t = 0; t < k; t++) sim.step();
  return sim.snapshot();
}

const byArrival = <T extends { laneId: string; arrivalPeriod: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.laneId.localeCompare(b.laneId) || a.arrivalPeriod - b.arrivalPeriod);

// sup → dc lead 2 → cust lead 1; DC base-stock S = 20 (see sim-flows.test.ts for the run by hand).
const chain = (demand: number[], dc: Row = { policy: 'base-stock', baseStock: 20, initialStock: 20 }) =>
  serial({ demand, lead: 2, customerLead: 1, dc });

describe('snapshot, by hand', () => {
  it('after 3 periods: stock, shipments travelling, the order on its way', () => {
    // Demand 4, 6, 2: the DC ships 4, 6, 2 (on hand 16, 10, 8) and orders 4, 6, 2; the supplier
    // ships 4 in t2 (arrives t4) and 6 in t3 (t5); the 2 ordered in t3 reach it in t4.
    const snap = runFor(chain([4, 6, 2, 5, 0]), 3);
    expect(snap.period).toBe(3);
    expect(snap.stock).toEqual(expect.arrayContaining([
      { siteId: 'dc', productId: 'p', onHand: 8, backorders: 0 },
      { siteId: 'sup', productId: 'p', onHand: 0, backorders: 0 },
      { siteId: 'cust', productId: 'p', onHand: 0, backorders: 0 },
    ]));
    expect(snap.stock).toHaveLength(3);
    expect(byArrival(snap.inTransit)).toEqual([
      { laneId: 'dc-cust', productId: 'p', quantity: 2, arrivalPeriod: 4 },
      { laneId: 'sup-dc', productId: 'p', quantity: 4, arrivalPeriod: 4 },
      { laneId: 'sup-dc', productId: 'p', quantity: 6, arrivalPeriod: 5 },
    ]);
    expect(snap.orders).toEqual([{ laneId: 'sup-dc', productId: 'p', quantity: 2, arrivalPeriod: 4 }]);
  });

  it('backorders, and orders waiting at the supplier', () => {
    // S = 5: t1 ships 4 (1 left), orders 4; t2 demand 6: ships 1, 5 backordered; IP = 0 + 4 − 5 → orders 6.
    const snap = runFor(chain([4, 6, 0], { policy: 'base-stock', baseStock: 5, initialStock: 5 }), 2);
    expect(snap.stock.find((x) => x.siteId === 'dc')).toEqual({ siteId: 'dc', productId: 'p', onHand: 0, backorders: 5 });
    expect(byArrival(snap.inTransit)).toEqual([
      { laneId: 'dc-cust', productId: 'p', quantity: 1, arrivalPeriod: 3 },
      { laneId: 'sup-dc', productId: 'p', quantity: 4, arrivalPeriod: 4 },
    ]);
    // The 5 unshipped units of the customer's order of t2 wait at the DC since t2; the DC's order
    // of t2 reaches the supplier in t3.
    expect(byArrival(snap.orders!)).toEqual([
      { laneId: 'dc-cust', productId: 'p', quantity: 5, arrivalPeriod: 2 },
      { laneId: 'sup-dc', productId: 'p', quantity: 6, arrivalPeriod: 3 },
    ]);
  });

  it('before the first period: the initial stock and the scenario pipeline', () => {
    const s = chain([1, 1, 1, 1]);
    const withPipeline = { ...s, inTransit: [{ laneId: 'sup-dc', productId: 'p', arrivalPeriod: 2, quantity: 7 }] };
    const snap = runFor(withPipeline, 0);
    expect(snap.period).toBe(0);
    expect(snap.stock.find((x) => x.siteId === 'dc')!.onHand).toBe(20);
    expect(snap.inTransit).toEqual([{ laneId: 'sup-dc', productId: 'p', quantity: 7, arrivalPeriod: 2 }]);
    expect(snap.orders).toEqual([]);
  });

  it('information delays: orders still travelling upstream carry their arrival period', () => {
    // infoDelay 2: the order of t1 (3) reaches the supplier in t4, that of t2 (1) in t5.
    const snap = runFor(serial({ demand: [3, 1, 0], lead: 1, info: 2, dc: { policy: 'base-stock', baseStock: 9, initialStock: 9 } }), 2);
    expect(byArrival(snap.orders!)).toEqual([
      { laneId: 'sup-dc', productId: 'p', quantity: 3, arrivalPeriod: 4 },
      { laneId: 'sup-dc', productId: 'p', quantity: 1, arrivalPeriod: 5 },
    ]);
  });

  it('taking a snapshot changes nothing', () => {
    const s = chain([4, 6, 2, 5, 0, 3]);
    const sim = createSimulation(s);
    for (let t = 0; t < 3; t++) { sim.step(); sim.snapshot(); }
    while (sim.period < sim.periods) sim.step();
    expect(sim.result().summary).toEqual(run(s).summary);
  });
});

describe('initial orders already waiting at the origin (arrivalPeriod ≤ 0)', () => {
  it('are in the backlog from the start, older first, and are not demand of period 1', () => {
    const s = chain([4, 0, 0], { policy: 'none', initialStock: 5 });
    const r = run(s, { initialOrders: [{ laneId: 'dc-cust', arrivalPeriod: 0, quantity: 3 }] });
    // Period 1: 3 waiting + 4 new, 5 in stock: the old 3 first, then 2 of the 4.
    expect(nodeSeries(r, 'shipped', 'dc')).toEqual([5, 0, 0]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([2, 2, 2]);
    expect(nodeSeries(r, 'demand', 'dc')).toEqual([4, 0, 0]);
    const snap = runFor(s, 0, { initialOrders: [{ laneId: 'dc-cust', arrivalPeriod: -2, quantity: 3 }] });
    expect(snap.stock.find((x) => x.siteId === 'dc')!.backorders).toBe(3);
    expect(snap.orders).toEqual([{ laneId: 'dc-cust', productId: 'p', quantity: 3, arrivalPeriod: -2 }]);
  });

  it('a period that is not a whole number is refused', () => {
    expect(() => run(chain([1]), { initialOrders: [{ laneId: 'dc-cust', arrivalPeriod: 0.5, quantity: 3 }] }))
      .toThrow('options.initialOrders[0].arrivalPeriod: must be a whole number from -100000 (got 0.5)');
  });
});

/**
 * The scenario that continues from a snapshot: inventory starts at on hand, the pipeline and the
 * orders under way shift by −period, so does the demand; horizon T − period.
 */
function continuation(s: Scenario, snap: SimSnapshot): { scenario: Scenario; options: SimOptions } {
  const k = snap.period;
  const onHand = new Map(snap.stock.map((x) => [`${x.siteId}|${x.productId}`, x.onHand]));
  return {
    scenario: {
      ...s,
      settings: { ...s.settings, horizon: s.settings.horizon - k },
      inventory: s.inventory.map((row) => ({ ...row, initialStock: onHand.get(`${row.siteId}|${row.productId}`)! })),
      inTransit: snap.inTransit.map((x) => ({ ...x, arrivalPeriod: x.arrivalPeriod - k })),
      demand: s.demand.filter((d) => d.period > k).map((d) => ({ ...d, period: d.period - k })),
    },
    options: { initialOrders: (snap.orders ?? []).map((o) => ({ ...o, arrivalPeriod: o.arrivalPeriod - k })) },
  };
}

const METRICS = ['onHand', 'backorders', 'inTransit', 'ordered', 'shipped', 'received'] as const;

function expectContinues(original: SimResult, next: SimResult, k: number): void {
  const T = original.series.periods;
  expect(next.series.periods).toBe(T - k);
  original.nodes.siteId.forEach((siteId, i) => {
    const productId = original.nodes.productId[i];
    for (const m of METRICS) {
      const label = `${siteId}/${productId} ${m}`;
      expect([label, nodeSeries(next, m, siteId, productId)]).toEqual([label, nodeSeries(original, m, siteId, productId).slice(k)]);
    }
  });
  const arcs = original.series.arcs;
  original.arcs.laneId.forEach((laneId, a) => {
    const b = next.arcs.laneId.findIndex((l, j) => l === laneId && next.arcs.productId[j] === original.arcs.productId[a]);
    for (const m of ['shipped', 'inTransit'] as const) {
      const want = Array.from({ length: T - k }, (_, t) => original.series.arc![m][(t + k) * arcs + a]);
      const got = Array.from({ length: T - k }, (_, t) => next.series.arc![m][t * next.series.arcs + b]);
      expect([laneId, m, got]).toEqual([laneId, m, want]);
    }
  });
}

describe('a scenario built from the snapshot continues the run', () => {
  it('stock and pipeline only, when no order is under way (demand 0 in the snapshot period)', () => {
    const s = chain([4, 6, 2, 5, 0, 3, 4, 1, 2, 6]);
    const snap = runFor(s, 5);
    expect(snap.orders).toEqual([]);
    expect(snap.inTransit.length).toBeGreaterThan(0);
    const k = snap.period;
    const next: Scenario = {
      ...s,
      settings: { ...s.settings, horizon: s.settings.horizon - k },
      inventory: [{ ...s.inventory[0], initialStock: snap.stock.find((x) => x.siteId === 'dc')!.onHand }],
      inTransit: snap.inTransit.map((x) => ({ ...x, arrivalPeriod: x.arrivalPeriod - k })),
      demand: s.demand.filter((d) => d.period > k).map((d) => ({ ...d, period: d.period - k })),
    };
    expectContinues(run(s), run(next), k);
  });

  it.each([1, 2, 3, 4, 6])('with orders under way, after %i periods', (k) => {
    const s = chain([4, 6, 2, 5, 0, 3, 4, 1, 2, 6], { policy: 'base-stock', baseStock: 9, initialStock: 9 });
    const c = continuation(s, runFor(s, k));
    expectContinues(run(s), run(c.scenario, c.options), k);
  });

  // Two DCs (base-stock and (s,S)) supplying three customers, two products, lead times 0–3,
  // information delays, a dual-sourced customer, short stock (backorders at the DCs).
  const network = (): Scenario => {
    const T = 16;
    const d = (c: string, p: string, base: number) => demandRows(c, p, Array.from({ length: T }, (_, t) => base + ((t * 7 + base) % 5)));
    return scenario({
      settings: { horizon: T },
      sites: [site('sup', 'supplier'), site('dc1', 'dc'), site('dc2', 'dc'), site('c1', 'customer'), site('c2', 'customer'), site('c3', 'customer')],
      products: [{ id: 'p', name: 'p' }, { id: 'q', name: 'q' }],
      lanes: [
        { id: 'sup-dc1', from: 'sup', to: 'dc1', leadTime: 2, infoDelay: 1 },
        { id: 'sup-dc2', from: 'sup', to: 'dc2', leadTime: 3 },
        { id: 'dc1-c1', from: 'dc1', to: 'c1', leadTime: 1 },
        { id: 'dc1-c2', from: 'dc1', to: 'c2', leadTime: 0, share: 0.5 },
        { id: 'dc2-c2', from: 'dc2', to: 'c2', leadTime: 2, infoDelay: 1, share: 0.5 },
        { id: 'dc2-c3', from: 'dc2', to: 'c3', leadTime: 1 },
      ],
      demand: [...d('c1', 'p', 3), ...d('c2', 'p', 2), ...d('c2', 'q', 4), ...d('c3', 'q', 1), ...d('c3', 'p', 2)],
      inventory: [
        { siteId: 'dc1', productId: 'p', policy: 'base-stock', baseStock: 24, initialStock: 10 },
        { siteId: 'dc1', productId: 'q', policy: 's-S', reorderPoint: 12, orderUpTo: 30, initialStock: 8 },
        { siteId: 'dc2', productId: 'p', policy: 's-S', reorderPoint: 10, orderUpTo: 25, initialStock: 5 },
        { siteId: 'dc2', productId: 'q', policy: 'base-stock', baseStock: 22, initialStock: 12 },
      ],
    });
  };

  it.each([3, 7, 11])('a two-echelon network with two products, after %i periods', (k) => {
    const s = network();
    const original = run(s);
    // The case is not trivial: stock runs short, orders are travelling.
    expect(original.summary.total.backordersAvg).toBeGreaterThan(0);
    const snap = runFor(s, k);
    expect(snap.orders!.length).toBeGreaterThan(0);
    const c = continuation(s, snap);
    expectContinues(original, run(c.scenario, c.options), k);
  });
});
