/**
 * The period order on 1 supplier → 1 DC → 1 customer: an order placed in t on a lane with lead
 * time L and information delay d arrives in t + 1 + d + L; customer demand reaches the DC in the
 * same period; lead time 0 shipments arrive within the period they are shipped.
 */
import { describe, expect, it } from 'vitest';
import { nodeSeries, run, serial } from './sim-fixtures';

describe('timing of orders and shipments', () => {
  it('an order placed in t with lead time L arrives in t + 1 + L (base-stock S = 20, L = 2, demand 5)', () => {
    const r = run(serial({ demand: [5, 5, 5, 5, 5, 5, 5], lead: 2, dc: { policy: 'base-stock', baseStock: 20, initialStock: 20 } }));
    // Hand computation: the DC ships 5 a period and orders 5 back each period; the first order
    // (period 1) reaches the supplier in 2, is shipped then and arrives in 1 + 1 + 2 = 4.
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([15, 10, 5, 5, 5, 5, 5]);
    expect(nodeSeries(r, 'inTransit', 'dc')).toEqual([0, 5, 10, 10, 10, 10, 10]);
    expect(nodeSeries(r, 'shipped', 'sup')).toEqual([0, 5, 5, 5, 5, 5, 5]);
    // Steady state on hand = S − (L + 1)·d = 20 − 15.
    expect(nodeSeries(r, 'onHand', 'dc').at(-1)).toBe(20 - 3 * 5);
  });

  it('lead time 0: the order of t arrives in t + 1, in time for that period\'s demand', () => {
    const r = run(serial({ demand: [4, 10, 3], lead: 0, dc: { policy: 'base-stock', baseStock: 10, initialStock: 10 } }));
    // t2: the 4 ordered in t1 arrive before the DC ships, so all 10 of t2 are served (S covers 1 period).
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([6, 0, 7]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([4, 10, 3]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 0, 0]);
    expect(nodeSeries(r, 'received', 'dc')).toEqual([0, 4, 10]);
  });

  it('goods cross several lanes with lead time 0 in one period (the ship step runs upstream first)', () => {
    // sup → dc (lead 0) → cust (lead 0): the DC holds nothing and ships on what arrives.
    const r = run(serial({ demand: [3, 3], lead: 0, dc: { policy: 'base-stock', baseStock: 3, initialStock: 3 } }));
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0]);
    expect(nodeSeries(r, 'shipped', 'dc')).toEqual([3, 3]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 0]);
  });

  it('an information delay d postpones the arrival to t + 1 + d + L', () => {
    const r = run(serial({ demand: [5, 0, 0, 0, 0, 0], lead: 1, info: 2, dc: { policy: 'base-stock', baseStock: 5, initialStock: 5 } }));
    // Order of 5 placed in 1 reaches the supplier in 1 + 1 + 2 = 4, arrives in 5.
    expect(nodeSeries(r, 'demand', 'sup')).toEqual([0, 0, 0, 5, 0, 0]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0, 0, 0, 5, 5]);
    expect(nodeSeries(r, 'inTransit', 'dc')).toEqual([0, 0, 0, 5, 0, 0]);
  });

  it('customer demand reaches its supplier the same period, and a customer lane delay shows in transit', () => {
    const r = run(serial({ demand: [3, 3, 3], customerLead: 2, customerInfo: 1, dc: { policy: 'none', initialStock: 100 } }));
    // Demand of t reaches the DC in t + 1 (info delay 1) and is shipped then; it is in transit two periods.
    expect(nodeSeries(r, 'demand', 'dc')).toEqual([0, 3, 3]);
    expect(nodeSeries(r, 'shipped', 'dc')).toEqual([0, 3, 3]);
    expect(nodeSeries(r, 'inTransit', 'cust')).toEqual([0, 3, 6]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([100, 97, 94]);
  });

  it('zero initial stock: the first demand is backordered and filled when the first order arrives', () => {
    const r = run(serial({ demand: [5, 5, 5, 5], lead: 1, dc: { policy: 'base-stock', baseStock: 10, initialStock: 0 } }));
    // t1: backorder 5, IP = 0 + 0 − 5 → order 15 (arrives 3). t2: backorder 10, IP = 15 − 10 = 5 → order 5 (arrives 4).
    // t3: 15 arrive, ship 10 backlog + 5 → 0 on hand. t4: 5 arrive, ship 5 → 0.
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([5, 10, 0, 0]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([15, 5, 5, 5]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0, 0, 0]);
    expect(nodeSeries(r, 'shipped', 'dc')).toEqual([0, 0, 15, 5]);
  });
});
