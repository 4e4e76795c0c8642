/** KPIs on hand-computed runs: service, stock, costs by kind, turns, bullwhip, order statuses. */
import { describe, expect, it } from 'vitest';
import { node$, nodeSeries, run, serial, site$ } from './sim-fixtures';

describe('service, stock and cost KPIs', () => {
  // DC base-stock S = 6, lead time 1, demand 2, 5, 1, 3. By hand:
  //   on hand 4, 0, 0, 2; backorders 0, 1, 0, 0; orders 2, 5, 1, 3 (arriving t3, t4, t5, t6);
  //   filled on arrival 2, 4, 1, 3 of 2, 5, 1, 3.
  const r = run(serial({
    demand: [2, 5, 1, 3], lead: 1,
    dc: { policy: 'base-stock', baseStock: 6, initialStock: 6, holdingCost: 0.5, orderCost: 2 },
    product: { shortagePenalty: 3 },
    lanes: { supply: { costPerUnit: 1 }, customer: { costPerUnit: 0.5 } },
  }));
  const dc = node$(r, 'dc');

  it('series', () => {
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([4, 0, 0, 2]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 1, 0, 0]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([2, 5, 1, 3]);
  });

  it('fill rate, cycle service level, averages, turns', () => {
    expect(dc.fillRate).toBeCloseTo(10 / 11, 12);
    expect(dc.cycleServiceLevel).toBeCloseTo(3 / 4, 12);
    expect(dc.onHandAvg).toBeCloseTo(1.5, 12);
    expect(dc.backordersAvg).toBeCloseTo(0.25, 12);
    expect(dc.shipped).toBe(11);
    // 11 / 4 per week × 52 weeks ÷ 1.5 average on hand.
    expect(dc.turns).toBeCloseTo(11 / 4 * 52 / 1.5, 10);
    expect(r.summary.total.customerDemand).toBe(11);
    expect(r.summary.total.fillRate).toBeCloseTo(10 / 11, 12);
  });

  it('costs by kind', () => {
    expect(dc.costs.holding).toBeCloseTo(0.5 * 6, 12);
    expect(dc.costs.shortage).toBeCloseTo(3 * 1, 12);
    expect(dc.costs.ordering).toBe(4 * 2);
    expect(dc.costs.transport).toBeCloseTo(0.5 * 11, 12);
    // The supplier shipped the orders of t1..t3 (2 + 5 + 1) on the lane costing 1 a unit.
    expect(node$(r, 'sup').costs.transport).toBe(8);
    expect(r.summary.total.costs.total).toBeCloseTo(3 + 3 + 8 + 5.5 + 8, 10);
  });

  it('warm-up periods are left out of the KPIs', () => {
    const w = run(serial({ demand: [2, 5, 1, 3], lead: 1, dc: { policy: 'base-stock', baseStock: 6, initialStock: 6 } }), { warmup: 2 });
    expect(w.summary.measuredPeriods).toBe(2);
    expect(node$(w, 'dc').onHandAvg).toBeCloseTo(1, 12); // (0 + 2) / 2
    expect(node$(w, 'dc').fillRate).toBe(1);
  });
});

describe('time series', () => {
  it('seriesSites keeps per-node series only for the chosen sites; totals always', () => {
    const s = serial({ demand: [2, 5, 1, 3], lead: 1, dc: { policy: 'base-stock', baseStock: 6, initialStock: 6 } });
    const r = run(s, { seriesSites: ['dc'] });
    expect(r.series.nodes).toBe(1);
    expect(r.nodes).toEqual({ siteId: ['dc'], productId: ['p'] });
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([4, 0, 0, 2]);
    expect(Array.from(r.series.total.onHand)).toEqual([4, 0, 0, 2]);
    expect(Array.from(r.series.total.customerDemand)).toEqual([2, 5, 1, 3]);
    expect(Array.from(r.series.total.customerFilled)).toEqual([2, 4, 1, 3]);
    expect(run(s, { series: 'totals' }).series.node).toBeUndefined();
    expect(() => run(s, { seriesSites: ['nowhere'] })).toThrow(/options\.seriesSites\[0\]: unknown site "nowhere"/);
  });
});

describe('bullwhip ratio', () => {
  it('Var(orders placed) / Var(demand received), by hand for an (s, S) DC', () => {
    const r = run(serial({ demand: [3, 1, 3, 1, 3, 1], dc: { policy: 's-S', reorderPoint: 4, orderUpTo: 10, initialStock: 10 } }));
    // Orders 0, 0, 7, 0, 0, 0: variance (49 − 49/6)/5 = 49/6. Demand 3, 1, …: variance 6/5.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 0, 7, 0, 0, 0]);
    expect(node$(r, 'dc').bullwhip).toBeCloseTo((49 / 6) / 1.2, 10);
    expect(site$(r, 'dc').bullwhip).toBeCloseTo((49 / 6) / 1.2, 10);
    expect(site$(r, 'dc').bullwhipVsCustomer).toBeCloseTo((49 / 6) / 1.2, 10);
    expect(r.summary.echelons.find((e) => e.echelon === 1)?.bullwhipVsCustomer).toBeCloseTo((49 / 6) / 1.2, 10);
    expect(site$(r, 'dc').echelon).toBe(1);
    expect(site$(r, 'sup').echelon).toBe(2);
  });
});

describe('order statuses', () => {
  // A supplier with 11 units and no replenishment; the DC orders 4, 4, 4, 2, 1, 1 by hand;
  // information delay 1, lead time 3: order of t reaches the supplier in t + 2, arrives in t + 5.
  const r = run(serial({
    demand: [0, 0, 0, 0, 0, 0], lead: 3, info: 1, dc: { policy: 'manual' },
    extra: { inventory: [{ siteId: 'dc', productId: 'p', policy: 'manual' }, { siteId: 'sup', productId: 'p', policy: 'none', initialStock: 11 }] },
  }), { manualOrders: [4, 4, 4, 2, 1, 1].map((quantity, i) => ({ siteId: 'dc', productId: 'p', period: i + 1, quantity })) });

  it('counts each status at the end of the run', () => {
    // t3 ship o1 (arrives t6: delivered, age 5); t4 ship o2 (in transit); t5 ship 3 of o3 (partly);
    // t6 o4 finds no stock (backordered); o5 and o6 are still on their way to the supplier (open).
    const o = site$(r, 'dc').orders;
    expect(o).toMatchObject({ placed: 6, delivered: 1, shipped: 1, partlyShipped: 1, backordered: 1, open: 2, cancelled: 0, late: 2 });
    expect(o.averageAgeDelivered).toBe(5);
    expect(o.averageAgeOutstanding).toBe((4 + 3 + 2 + 1 + 0) / 5);
    expect(r.summary.total.orders.placed).toBe(6);
  });

  it('the supplier filled 11 of the 14 units that reached it in the period they arrived', () => {
    expect(node$(r, 'sup').fillRate).toBeCloseTo(11 / 14, 12);
  });
});
