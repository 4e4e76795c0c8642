/** Unmet demand: backorders or lost sales, at a supplier of customers and at a stock-holding retailer. */
import { describe, expect, it } from 'vitest';
import { demandRows, node$, nodeSeries, run, scenario, serial, site } from './sim-fixtures';

const dc = { policy: 'base-stock', baseStock: 5, initialStock: 5 };

describe('backorders', () => {
  it('keeps unmet customer demand and fills it first when stock arrives', () => {
    const r = run(serial({ demand: [8, 2, 2], lead: 1, dc }));
    // t1 ship 5, backlog 3, order 8 (→ t3). t2 backlog 5, IP = 8 − 5 → order 2. t3 +8: ship 5 + 2, 1 left.
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([3, 5, 0]);
    expect(nodeSeries(r, 'shipped', 'dc')).toEqual([5, 0, 7]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0, 1]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([8, 2, 2]);
    // Filled on arrival: 5 of 8, 0 of 2, 2 of 2.
    expect(node$(r, 'dc').fillRate).toBeCloseTo(7 / 12, 12);
    expect(r.summary.total.fillRate).toBeCloseTo(7 / 12, 12);
    expect(r.summary.total.lostSales).toBe(0);
    expect(r.summary.total.backordersAvg).toBeCloseTo((3 + 5 + 0) / 3, 12);
  });
});

describe('lost sales', () => {
  it('cancels unmet customer demand; the policy sees no backlog', () => {
    const r = run(serial({ demand: [8, 2, 2], lead: 1, dc, settings: { unmetDemand: 'lost' } }));
    // t1 ship 5, lose 3, order 5 (→ t3). t2 lose 2, IP = 5 → no order. t3 +5, ship 2 → 3, order 2.
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 0, 0]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0, 3]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([5, 0, 2]);
    expect(node$(r, 'dc').lostSales).toBe(5);
    expect(r.summary.total.lostSales).toBe(5);
    expect(r.summary.total.fillRate).toBeCloseTo(7 / 12, 12);
    // Customer orders: t1 partly cancelled (5 delivered), t2 wholly cancelled, t3 delivered.
    const orders = r.summary.total.orders;
    expect(orders.cancelled).toBe(1);
    expect(orders.delivered).toBe(2 + 1); // two customer orders + the DC's first replenishment (placed t1, arrived t3)
  });

  it('at a retailer holding stock: serves what it has, loses or backorders the rest', () => {
    const make = (unmetDemand: string) => scenario({
      settings: { horizon: 3, unmetDemand },
      sites: [site('sup', 'supplier'), site('shop', 'retailer')],
      products: [{ id: 'p', name: 'p' }],
      lanes: [{ id: 'l', from: 'sup', to: 'shop', leadTime: 0 }],
      demand: demandRows('shop', 'p', [6, 1, 4]),
      inventory: [{ siteId: 'shop', productId: 'p', policy: 'base-stock', baseStock: 4, initialStock: 4 }],
    });
    const back = run(make('backorder'));
    // t1 serve 4 of 6 (2 backordered), IP −2 → order 6 (in at the end of t2's ship step).
    // t2: serve 2 + 1 → 3 left, order 1. t3: 1 in → 4, serve 4.
    expect(nodeSeries(back, 'backorders', 'shop')).toEqual([2, 0, 0]);
    expect(nodeSeries(back, 'onHand', 'shop')).toEqual([0, 3, 0]);
    expect(nodeSeries(back, 'ordered', 'shop')).toEqual([6, 1, 4]);
    expect(nodeSeries(back, 'shipped', 'shop')).toEqual([4, 3, 4]);
    const lost = run(make('lost'));
    // t1 serve 4, lose 2, order 4. t2: 4 in, serve 1 → 3, order 1. t3: 1 in → 4, serve 4.
    expect(nodeSeries(lost, 'backorders', 'shop')).toEqual([0, 0, 0]);
    expect(nodeSeries(lost, 'onHand', 'shop')).toEqual([0, 3, 0]);
    expect(node$(lost, 'shop').lostSales).toBe(2);
    expect(node$(lost, 'shop').fillRate).toBeCloseTo(9 / 11, 12);
  });
});
