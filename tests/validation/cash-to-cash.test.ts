/**
 * Cash-to-cash cycle, computed by hand (Chopra & Meindl's C2C = DIO + DSO − DPO; DSO on revenue,
 * DIO and DPO on cost of goods sold, averages of balances). Daily periods.
 *
 * A distributor ("dist") buys from a supplier ("sup", terms net 30 days) at 5 a unit — also the
 * product's value — and sells 10 units a day to end customers at 8 on its own terms, net 45 days.
 * It runs base-stock S = 40 with lead time 1 (protection 2 days), so it ends every day with
 * 40 − 2·10 = 20 units on hand. In steady state:
 *   dist: revenue 80/day, receivables 45 days × 80 = 3,600 → DSO 45;
 *         COGS 50/day, inventory 20 × 5 = 100 → DIO 2; payables 30 days × 50 = 1,500 → DPO 30;
 *         cash-to-cash 2 + 45 − 30 = 17 days.
 *   sup:  revenue 50/day, receivables 1,500 → DSO 30; it owns the 10 units in transit (title
 *         passes at delivery) → DIO 50/50 = 1; no payables → cash-to-cash 31 days.
 * With title at shipment the distributor owns the stock in transit: DIO 3, cash-to-cash 18.
 */
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/core/sim';
import { scenario, site, steadyDemand } from './sim-scenarios';

function run(titleTransfer: 'shipment' | 'delivery') {
  const days = 240;
  return simulateScenario(scenario({
    settings: { horizon: days, periodLength: 'day' },
    parties: [{ id: 'sup', name: 'Supplier', paymentTermDays: 30 }, { id: 'dist', name: 'Distributor', paymentTermDays: 45 }],
    sites: [site('sup', 'supplier', { partyId: 'sup' }), site('dist', 'dc', { partyId: 'dist' }), site('cust', 'customer')],
    products: [{ id: 'p', name: 'p', value: 5, price: 8 }],
    prices: [{ productId: 'p', sellerId: 'sup', buyerId: 'dist', price: 5 }],
    lanes: [{ id: 'sup-dist', from: 'sup', to: 'dist', leadTime: 1, titleTransfer }, { id: 'dist-cust', from: 'dist', to: 'cust', leadTime: 0 }],
    demand: steadyDemand('cust', days, 10),
    inventory: [{ siteId: 'dist', productId: 'p', policy: 'base-stock', baseStock: 40, initialStock: 40 }],
  }), { warmup: 60 });
}

const party = (r: ReturnType<typeof run>, id: string) => r.summary.parties.find((p) => p.partyId === id)!;

describe('cash-to-cash cycle, hand-computed', () => {
  it('title at delivery: distributor DSO 45, DIO 2, DPO 30, C2C 17; supplier C2C 31', () => {
    const r = run('delivery');
    const dist = party(r, 'dist');
    expect(dist.revenue / r.summary.measuredPeriods).toBeCloseTo(80, 10);
    expect(dist.receivablesAvg).toBeCloseTo(3600, 8);
    expect(dist.payablesAvg).toBeCloseTo(1500, 8);
    expect(dist.inventoryValueAvg).toBeCloseTo(100, 8);
    expect(dist.dso).toBeCloseTo(45, 8);
    expect(dist.dio).toBeCloseTo(2, 8);
    expect(dist.dpo).toBeCloseTo(30, 8);
    expect(dist.cashToCash).toBeCloseTo(17, 8);
    const sup = party(r, 'sup');
    expect(sup.dso).toBeCloseTo(30, 8);
    expect(sup.dio).toBeCloseTo(1, 8);
    expect(sup.dpo).toBeCloseTo(0, 8);
    expect(sup.cashToCash).toBeCloseTo(31, 8);
  });

  it('title at shipment: the distributor owns the stock in transit, DIO 3, C2C 18', () => {
    const dist = party(run('shipment'), 'dist');
    expect(dist.dio).toBeCloseTo(3, 8);
    expect(dist.dpo).toBeCloseTo(30, 8);
    expect(dist.cashToCash).toBeCloseTo(18, 8);
  });

  it('cash grows by the margin once both credit pipelines are full: 80 − 50 = 30 a day', () => {
    const r = run('delivery');
    const q = r.parties.findIndex((p) => p.id === 'dist');
    const cash = (t: number) => r.series.party!.cash[(t - 1) * r.series.parties + q];
    expect(cash(200) - cash(199)).toBeCloseTo(30, 8);
    expect(cash(46) - cash(45)).toBeCloseTo(80 - 50, 8);
  });
});
