/** Each policy's order quantities on a DC with lead time 0 (order of t arrives in t + 1), by hand. */
import { describe, expect, it } from 'vitest';
import { createSimulation, SimInputError } from '../../src/core/sim';
import { demandRows, nodeSeries, run, scenario, serial, site } from './sim-fixtures';

const flat = (n: number, q: number) => Array.from({ length: n }, () => q);

describe('replenishment policies', () => {
  it('(s, S): order up to S when IP ≤ s', () => {
    const r = run(serial({ demand: flat(6, 3), dc: { policy: 's-S', reorderPoint: 4, orderUpTo: 10, initialStock: 10 } }));
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([7, 4, 7, 4, 7, 4]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 6, 0, 6, 0, 6]);
  });

  it('(r, Q): the smallest multiple of Q lifting IP above r', () => {
    const r = run(serial({ demand: flat(9, 3), dc: { policy: 'r-Q', reorderPoint: 5, orderQuantity: 4, initialStock: 10 } }));
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([7, 4, 5, 6, 3, 4, 5, 6, 3]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 4, 4, 0, 4, 4, 4, 0, 4]);
  });

  it('(r, Q) orders several batches when far below r: IP = −7, r = 5, Q = 4 → 16', () => {
    const r = run(serial({ demand: [7], dc: { policy: 'r-Q', reorderPoint: 5, orderQuantity: 4, initialStock: 0 } }));
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([16]);
  });

  it('periodic (R, S): order up to S every R periods only', () => {
    const r = run(serial({ demand: flat(7, 2), dc: { policy: 'periodic', reviewPeriod: 3, orderUpTo: 12, initialStock: 12 } }));
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([2, 0, 0, 6, 0, 0, 6]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([10, 10, 8, 6, 10, 8, 6]);
  });

  it('base-stock honours the review period too', () => {
    const r = run(serial({ demand: flat(4, 1), dc: { policy: 'base-stock', baseStock: 5, reviewPeriod: 2, initialStock: 5 } }));
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([1, 0, 2, 0]);
  });

  it('none never orders', () => {
    const r = run(serial({ demand: flat(3, 2), dc: { policy: 'none', initialStock: 3 } }));
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 0, 0]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 1, 3]);
  });
});

describe('forecast-driven order-up-to', () => {
  it('moving average over p = 2, z = 0: S = F · (L + infoDelay + R) = F', () => {
    const r = run(serial({ demand: [4, 6, 2, 8], dc: { policy: 'forecast', forecastMethod: 'moving-average', forecastWindow: 2, safetyFactor: 0, initialStock: 10 } }));
    // F = 4, 5, 4, 5. IP = 6, 0, 3, −4 → orders 0, 5, 1, 9.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 5, 1, 9]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([6, 0, 3, 0]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 0, 0, 4]);
  });

  it('safety stock z · σ · √P with σ the sample standard deviation of the window', () => {
    const r = run(serial({ demand: [4, 6], lead: 1, dc: { policy: 'forecast', forecastWindow: 2, safetyFactor: 1, initialStock: 10 } }));
    // P = 1 + 0 + 1 = 2. t1: F 4, σ 0 → S 8, IP 6 → 2. t2: F 5, σ √2 → S = 10 + √2·√2 = 12; IP = 0 + 2 → 10.
    const ordered = nodeSeries(r, 'ordered', 'dc');
    expect(ordered[0]).toBe(2);
    expect(ordered[1]).toBeCloseTo(10, 5);
  });

  it('exponential smoothing α = 0.5, P = 2', () => {
    const r = run(serial({ demand: [4, 8, 8], lead: 1, dc: { policy: 'forecast', forecastMethod: 'exp-smoothing', smoothing: 0.5, safetyFactor: 0, initialStock: 10 } }));
    // Levels 4, 6, 7 → S 8, 12, 14. IP: 6, 0 + 2 − 2 = 0, 0 + 12 − 8 = 4 → orders 2, 12, 10.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([2, 12, 10]);
  });
});

describe("Sterman's anchoring and adjustment", () => {
  it('O = max(0, L̂ + α_S (S* − S − β SL)) with L̂ smoothed by θ', () => {
    const dc = { policy: 'sterman', orderUpTo: 10, initialStock: 10, stockAdjustment: 0.5, supplyLineWeight: 0.5, smoothing: 0.5 };
    const r = run(serial({ demand: [4, 4, 8], dc }));
    // L̂ 4, 4, 6; S 6, 8, 5; SL 0 → orders 4 + 2, 4 + 1, 6 + 2.5.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([6, 5, 8.5]);
    const slow = run(serial({ demand: [4, 4], lead: 1, dc }));
    // With lead 1 the first order is still in the supply line in t2: 4 + 0.5 (10 − 2 − 0.5 · 6) = 6.5.
    expect(nodeSeries(slow, 'ordered', 'dc')).toEqual([6, 6.5]);
  });

  it('never orders below zero', () => {
    const r = run(serial({ demand: [1], dc: { policy: 'sterman', orderUpTo: 10, initialStock: 100, stockAdjustment: 0.5, smoothing: 0.5 } }));
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0]);
  });

  it('without orderUpTo or baseStock the desired stock is the initial stock', () => {
    const r = run(serial({ demand: [2], dc: { policy: 'sterman', initialStock: 12, stockAdjustment: 0.5, smoothing: 1 } }));
    // 2 + 0.5 · (12 − 10) = 3.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([3]);
  });
});

describe('orders given from outside', () => {
  it('fixed plan: exactly the planned quantities, 0 where the plan says nothing', () => {
    const s = serial({ demand: flat(4, 1), dc: { policy: 'fixed-plan', initialStock: 4 } });
    const r = run(s, { plan: [{ siteId: 'dc', productId: 'p', period: 1, quantity: 3 }, { siteId: 'dc', productId: 'p', period: 3, quantity: 7, laneId: 'sup-dc' }] });
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([3, 0, 7, 0]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([3, 5, 4, 10]);
  });

  it('fixed plan without a plan is refused', () => {
    expect(() => run(serial({ demand: [1], dc: { policy: 'fixed-plan' } }))).toThrow(SimInputError);
  });

  it('manual: a person sets the order before each period', () => {
    const sim = createSimulation(serial({ demand: flat(3, 2), dc: { policy: 'manual', initialStock: 2 } }));
    sim.setManualOrder('dc', 'p', 5);
    sim.step();
    sim.step(); // no order given: 0
    sim.setManualOrder('dc', 'p', 1);
    sim.step();
    const r = sim.result();
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([5, 0, 1]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 3, 1]);
    expect(() => sim.step()).toThrow(/all 3 periods/);
    expect(() => sim.setManualOrder('sup', 'p', 1)).toThrow(/no manual policy/);
  });

  it('manual orders may also come as a list', () => {
    const r = run(serial({ demand: flat(2, 0), dc: { policy: 'manual' } }), { manualOrders: [{ siteId: 'dc', productId: 'p', period: 2, quantity: 4 }] });
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([0, 4]);
  });
});

describe('information sharing', () => {
  // sup → wh (forecast MA p = 4, z = 0, starts empty) → ret ((s,S) = (4, 20), 20 on hand) → cust (5 a period).
  const chain = (informationSharing: boolean) => scenario({
    settings: { horizon: 5, informationSharing },
    sites: [site('sup', 'supplier'), site('wh', 'dc'), site('ret', 'retailer'), site('cust', 'customer')],
    products: [{ id: 'p', name: 'p' }],
    lanes: [
      { id: 'sup-wh', from: 'sup', to: 'wh', leadTime: 0 },
      { id: 'wh-ret', from: 'wh', to: 'ret', leadTime: 0 },
      { id: 'ret-cust', from: 'ret', to: 'cust', leadTime: 0 },
    ],
    demand: demandRows('cust', 'p', [5, 5, 5, 5, 5]),
    inventory: [
      { siteId: 'wh', productId: 'p', policy: 'forecast', forecastWindow: 4, safetyFactor: 0, initialStock: 0 },
      { siteId: 'ret', productId: 'p', policy: 's-S', reorderPoint: 4, orderUpTo: 20, initialStock: 20 },
    ],
  });

  it('off: the wholesaler forecasts the retailer’s lumpy orders', () => {
    const r = run(chain(false));
    // The retailer orders 20 in t4 (reaches wh in t5). wh sees 0, 0, 0, 0, 20: F = 5 only in t5, backlog 20 → order 25.
    expect(nodeSeries(r, 'ordered', 'ret')).toEqual([0, 0, 0, 20, 0]);
    expect(nodeSeries(r, 'ordered', 'wh')).toEqual([0, 0, 0, 0, 25]);
  });

  it('on: the wholesaler forecasts end-customer demand (5 a period)', () => {
    const r = run(chain(true));
    // F = 5 from t1: order 5 in t1, in stock from t2 (IP = 5). t5: the retailer's 20 arrive,
    // ship 5, backlog 15 → IP = −15 → order 20.
    expect(nodeSeries(r, 'ordered', 'wh')).toEqual([5, 0, 0, 0, 20]);
  });
});
