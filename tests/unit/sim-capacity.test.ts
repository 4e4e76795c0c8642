/** Lane, storage and production capacities, and bills of materials, on hand-computed chains. */
import { describe, expect, it } from 'vitest';
import { demandRows, nodeSeries, run, scenario, serial, site } from './sim-fixtures';

describe('lane capacity', () => {
  it('caps what the supplier ships per period; the rest waits in its backlog', () => {
    const r = run(serial({
      demand: [5, 5, 5, 5, 5], dc: { policy: 'base-stock', baseStock: 10, initialStock: 10 },
      lanes: { supply: { capacity: 3 } },
    }));
    // By hand: the DC ships 5 a period and orders 5 back (IP stays 5); the supplier can send 3 a
    // period (arriving at once, lead time 0), so its backlog grows by 2 a period and the DC's
    // stock runs down: 10 − 5 → 5; 5 + 3 − 5 → 3; 3 + 3 − 5 → 1; 1 + 3 − 5 → −1; −1 + 3 − 5 → −3.
    expect(nodeSeries(r, 'shipped', 'sup')).toEqual([0, 3, 3, 3, 3]);
    expect(nodeSeries(r, 'backorders', 'sup')).toEqual([0, 2, 4, 6, 8]);
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([5, 3, 1, 0, 0]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 0, 0, 1, 3]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([5, 5, 5, 5, 5]);
  });

  it('capacity 0 simulates (nothing moves) and says so in a warning', () => {
    const r = run(serial({ demand: [2, 2, 2], dc: { policy: 'base-stock', baseStock: 2, initialStock: 2 }, lanes: { supply: { capacity: 0 } } }));
    expect(nodeSeries(r, 'shipped', 'sup')).toEqual([0, 0, 0]);
    expect(nodeSeries(r, 'backorders', 'dc')).toEqual([0, 2, 4]);
    expect(r.warnings.join(' ')).toMatch(/capacity 0.*sup-dc/);
  });
});

describe('storage capacity', () => {
  it('accepts arrivals only up to the free space; the rest stays in transit and is offered again', () => {
    const r = run(serial({
      demand: [0, 0, 0, 3, 0, 0], dc: { policy: 'base-stock', baseStock: 10, initialStock: 0 }, sites: { dc: { storageCapacity: 6 } },
    }));
    // t1 order 10; t2 the 10 arrive, 6 fit, 4 wait; t4 3 leave, IP = 3 + 4 → order 3;
    // t5 3 of the 4 waiting fit, the new 3 wait with the last 1.
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 6, 6, 3, 6, 6]);
    expect(nodeSeries(r, 'inTransit', 'dc')).toEqual([0, 4, 4, 4, 4, 4]);
    expect(nodeSeries(r, 'ordered', 'dc')).toEqual([10, 0, 0, 3, 0, 0]);
  });

  it('storage capacity 0 accepts nothing', () => {
    const r = run(serial({ demand: [0, 0, 0], dc: { policy: 'base-stock', baseStock: 5, initialStock: 0 }, sites: { dc: { storageCapacity: 0 } } }));
    expect(nodeSeries(r, 'onHand', 'dc')).toEqual([0, 0, 0]);
    expect(nodeSeries(r, 'inTransit', 'dc')).toEqual([0, 5, 5]);
  });
});

const plantChain = (extra: Record<string, unknown>, demand: number[]) => scenario({
  settings: { horizon: demand.length },
  sites: [site('sup', 'supplier'), site('plant', 'plant'), site('cust', 'customer')],
  products: [{ id: 'car', name: 'car' }, { id: 'wheel', name: 'wheel' }],
  lanes: [{ id: 'sup-plant', from: 'sup', to: 'plant', productId: 'wheel', leadTime: 0 }, { id: 'plant-cust', from: 'plant', to: 'cust', productId: 'car', leadTime: 0 }],
  demand: demandRows('cust', 'car', demand),
  ...extra,
});

describe('production', () => {
  it('capacity caps production starts; output completes in t + 1 + lead time', () => {
    const s = plantChain({
      products: [{ id: 'car', name: 'car' }],
      lanes: [{ id: 'plant-cust', from: 'plant', to: 'cust', leadTime: 0 }],
      production: [{ siteId: 'plant', productId: 'car', capacity: 4, leadTime: 0 }],
      inventory: [{ siteId: 'plant', productId: 'car', policy: 'base-stock', baseStock: 10, initialStock: 0 }],
    }, [3, 3, 3, 3, 3]);
    const r = run(s);
    // t1: backlog 3, IP −3 → wants 13, starts 4 (done t2). t2: 4 ship of 6 → backlog 2 … t5: 1 left over.
    expect(nodeSeries(r, 'ordered', 'plant', 'car')).toEqual([4, 4, 4, 4, 4]);
    expect(nodeSeries(r, 'backorders', 'plant', 'car')).toEqual([3, 2, 1, 0, 0]);
    expect(nodeSeries(r, 'onHand', 'plant', 'car')).toEqual([0, 0, 0, 0, 1]);
    expect(r.summary.total.produced).toBe(20);
  });

  it('a plant without an inventory row makes to order (base-stock with S = 0)', () => {
    const s = plantChain({
      products: [{ id: 'car', name: 'car' }],
      lanes: [{ id: 'plant-cust', from: 'plant', to: 'cust', leadTime: 0 }],
      production: [{ siteId: 'plant', productId: 'car', leadTime: 1 }],
    }, [2, 5, 0, 0]);
    const r = run(s);
    // Demand of t is backordered, produced from t (done t + 2) and shipped then.
    expect(nodeSeries(r, 'ordered', 'plant', 'car')).toEqual([2, 5, 0, 0]);
    expect(nodeSeries(r, 'shipped', 'plant', 'car')).toEqual([0, 0, 2, 5]);
    expect(nodeSeries(r, 'backorders', 'plant', 'car')).toEqual([2, 7, 5, 0]);
  });

  it('a bill of materials consumes components from the plant stock, which its own policy replenishes', () => {
    const s = plantChain({
      production: [{ siteId: 'plant', productId: 'car', leadTime: 0 }],
      bom: [{ productId: 'car', componentId: 'wheel', quantity: 2 }],
      inventory: [
        { siteId: 'plant', productId: 'car', policy: 'base-stock', baseStock: 2, initialStock: 0 },
        { siteId: 'plant', productId: 'wheel', policy: 'base-stock', baseStock: 8, initialStock: 8 },
      ],
    }, [1, 1, 1, 1]);
    const r = run(s);
    // t1: car backlog 1, IP −1 → make 3, using 6 wheels (8 → 2); wheels order 6 (arrive t2).
    // t2: 3 cars done, ship 2 → 1; make 1 (2 wheels: 8 → 6); wheels order 2. Then steady.
    expect(nodeSeries(r, 'ordered', 'plant', 'car')).toEqual([3, 1, 1, 1]);
    expect(nodeSeries(r, 'onHand', 'plant', 'wheel')).toEqual([2, 6, 6, 6]);
    expect(nodeSeries(r, 'ordered', 'plant', 'wheel')).toEqual([6, 2, 2, 2]);
    expect(nodeSeries(r, 'demand', 'plant', 'wheel')).toEqual([6, 2, 2, 2]);
    expect(nodeSeries(r, 'onHand', 'plant', 'car')).toEqual([0, 1, 1, 1]);
  });

  it('short components cut production to what they allow', () => {
    const s = plantChain({
      production: [{ siteId: 'plant', productId: 'car', leadTime: 0 }],
      bom: [{ productId: 'car', componentId: 'wheel', quantity: 2 }],
      inventory: [
        { siteId: 'plant', productId: 'car', policy: 'base-stock', baseStock: 3, initialStock: 0 },
        { siteId: 'plant', productId: 'wheel', policy: 'none', initialStock: 4 },
      ],
    }, [0, 0]);
    const r = run(s);
    // t1: wants 3 cars (6 wheels), has 4 wheels: makes 2. t2: wants 1 more (2 wheels), has none.
    expect(nodeSeries(r, 'ordered', 'plant', 'car')).toEqual([2, 0]);
    expect(nodeSeries(r, 'onHand', 'plant', 'wheel')).toEqual([0, 0]);
    const wheel = r.summary.nodes.find((n) => n.siteId === 'plant' && n.productId === 'wheel')!;
    expect(wheel.demand).toBe(6 + 2);
    expect(wheel.fillRate).toBeCloseTo(4 / 8, 12);
  });
});
