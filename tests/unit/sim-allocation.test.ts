/**
 * Allocation when a DC is short: one DC serving customers A and B, nothing to replenish it but
 * an initial pipeline. Lane dc→A (priority 2) is listed before dc→B (priority 1).
 */
import { describe, expect, it } from 'vitest';
import { demandRows, nodeSeries, run, scenario, site } from './sim-fixtures';

function twoCustomers(allocation: string, stock: number, demandA: number[], demandB: number[], arriving = 0) {
  return scenario({
    settings: { horizon: demandA.length, allocation },
    sites: [site('sup', 'supplier'), site('dc', 'dc'), site('A', 'customer'), site('B', 'customer')],
    products: [{ id: 'p', name: 'p' }],
    lanes: [
      { id: 'sup-dc', from: 'sup', to: 'dc', leadTime: 1 },
      { id: 'dc-A', from: 'dc', to: 'A', leadTime: 0, priority: 2 },
      { id: 'dc-B', from: 'dc', to: 'B', leadTime: 0, priority: 1 },
    ],
    demand: [...demandRows('A', 'p', demandA), ...demandRows('B', 'p', demandB)],
    inventory: [{ siteId: 'dc', productId: 'p', policy: 'none', initialStock: stock }],
    inTransit: arriving > 0 ? [{ laneId: 'sup-dc', productId: 'p', arrivalPeriod: 2, quantity: arriving }] : [],
  });
}

const received = (r: ReturnType<typeof run>) => ({ A: nodeSeries(r, 'received', 'A'), B: nodeSeries(r, 'received', 'B') });

describe('allocation of a short DC', () => {
  it('fifo: orders of the same period in lane order (A gets 8, B the last 2)', () => {
    expect(received(run(twoCustomers('fifo', 10, [8], [6])))).toEqual({ A: [8], B: [2] });
  });

  it('fair share: pro rata to what each waits for (10 × 8/14 and 10 × 6/14)', () => {
    const d = received(run(twoCustomers('fair-share', 10, [8], [6])));
    // (Series are float32: 6 significant digits.)
    expect(d.A[0]).toBeCloseTo(80 / 14, 5);
    expect(d.B[0]).toBeCloseTo(60 / 14, 5);
  });

  it('priority: lane priority 1 first (B gets 6, A the last 4)', () => {
    expect(received(run(twoCustomers('priority', 10, [8], [6])))).toEqual({ A: [4], B: [6] });
  });

  it('an older backlog: fifo serves it first, priority does not, fair share splits pro rata', () => {
    // t1: A wants 8 of 5, waits for 3. t2: 4 units arrive and B wants 4.
    const fifo = run(twoCustomers('fifo', 5, [8, 0], [0, 4], 4));
    expect(received(fifo)).toEqual({ A: [5, 3], B: [0, 1] });
    expect(nodeSeries(fifo, 'backorders', 'dc')).toEqual([3, 3]);
    expect(received(run(twoCustomers('priority', 5, [8, 0], [0, 4], 4)))).toEqual({ A: [5, 0], B: [0, 4] });
    const fair = received(run(twoCustomers('fair-share', 5, [8, 0], [0, 4], 4)));
    expect(fair.A[1]).toBeCloseTo(4 * 3 / 7, 5);
    expect(fair.B[1]).toBeCloseTo(4 * 4 / 7, 5);
  });

  it('a lane capacity sends the stock a full lane cannot take to the other customer', () => {
    const s = twoCustomers('priority', 10, [8], [6]);
    const capped = scenario({ ...s, lanes: s.lanes.map((l) => (l.id === 'dc-B' ? { ...l, capacity: 2 } : l)) });
    expect(received(run(capped))).toEqual({ A: [8], B: [2] });
  });
});
