/**
 * The finance flow with hand-computed cash. Weekly periods (7 days). The DC belongs to "maker",
 * the customer to "retail"; product value 10, price 20; retail starts with 1,000 in cash.
 */
import { describe, expect, it } from 'vitest';
import { cashSeries, demandRows, node$, nodeSeries, party$, run, scenario, serial, site, type Row } from './sim-fixtures';

function trade(o: { demand: number[]; maker?: Row; retail?: Row; customerLane?: Row; settings?: Row; extra?: Row }) {
  return serial({
    demand: o.demand,
    dc: { policy: 'none', initialStock: 100 },
    product: { value: 10, price: 20 },
    settings: { periodLength: 'week', ...o.settings },
    sites: { supplier: { partyId: 'maker' }, dc: { partyId: 'maker' }, customer: { partyId: 'retail' } },
    lanes: { customer: o.customerLane },
    extra: {
      parties: [
        { id: 'maker', name: 'Maker', paymentTermDays: 14, ...o.maker },
        { id: 'retail', name: 'Retail', initialCash: 1000, paymentTermDays: 0, ...o.retail },
      ],
      ...o.extra,
    },
  });
}

describe('invoices and credit terms', () => {
  it('net 14 days: an invoice at delivery is paid 2 weeks later', () => {
    const r = run(trade({ demand: [5, 5, 0, 0] }));
    // Invoices of 100 in weeks 1 and 2, paid in weeks 3 and 4.
    expect(cashSeries(r, 'maker')).toEqual([0, 0, 100, 200]);
    expect(cashSeries(r, 'retail')).toEqual([1000, 1000, 900, 800]);
    const maker = party$(r, 'maker');
    expect(maker.revenue).toBe(200);
    expect(maker.cogs).toBe(100);
    expect(maker.margin).toBe(100);
    expect(party$(r, 'retail').purchases).toBe(200);
    // Receivables at the end of each week: 100, 200, 100, 0 → average 100.
    expect(maker.receivablesAvg).toBe(100);
    expect(party$(r, 'retail').payablesAvg).toBe(100);
  });

  it('instalments: half after 1 week, half after 3 weeks', () => {
    const r = run(trade({ demand: [5, 5, 0, 0, 0], maker: { instalments: [{ days: 7, share: 0.5 }, { days: 21, share: 0.5 }] } }));
    expect(cashSeries(r, 'maker')).toEqual([0, 50, 100, 150, 200]);
  });

  it('days become periods: due ⌈days / 7⌉ weeks later (10 days → 2 weeks)', () => {
    const r = run(trade({ demand: [5, 0, 0], maker: { paymentTermDays: 10 } }));
    expect(cashSeries(r, 'maker')).toEqual([0, 0, 100]);
  });

  it('early-payment discount: 2 % within 7 days, taken when the buyer has the cash', () => {
    const r = run(trade({ demand: [5, 5, 0, 0, 0], maker: { paymentTermDays: 28, earlyPaymentDiscount: 0.02, earlyPaymentDays: 7 } }));
    // Each 100 is paid a week later as 98; the due payments 4 weeks out are cancelled.
    expect(cashSeries(r, 'maker')).toEqual([0, 98, 196, 196, 196]);
    expect(cashSeries(r, 'retail')).toEqual([1000, 902, 804, 804, 804]);
    expect(party$(r, 'maker').discountsGiven).toBeCloseTo(4, 10);
    expect(party$(r, 'retail').discountsTaken).toBeCloseTo(4, 10);
  });

  it('early-payment discount not taken without the cash: the full amount on the due date', () => {
    const r = run(trade({ demand: [5, 5, 0, 0, 0, 0], maker: { paymentTermDays: 28, earlyPaymentDiscount: 0.02, earlyPaymentDays: 7 }, retail: { initialCash: 50 } }));
    expect(cashSeries(r, 'maker')).toEqual([0, 0, 0, 0, 100, 200]);
    expect(cashSeries(r, 'retail')).toEqual([50, 50, 50, 50, -50, -150]);
  });

  it('title at shipment invoices when goods leave, title at delivery when they arrive', () => {
    const atShipment = run(trade({ demand: [5, 0, 0, 0, 0], customerLane: { leadTime: 2, titleTransfer: 'shipment' } }));
    const atDelivery = run(trade({ demand: [5, 0, 0, 0, 0], customerLane: { leadTime: 2, titleTransfer: 'delivery' } }));
    expect(cashSeries(atShipment, 'maker')).toEqual([0, 0, 100, 100, 100]);
    expect(cashSeries(atDelivery, 'maker')).toEqual([0, 0, 0, 0, 100]);
  });

  it('the party owning the stock in transit pays its holding cost (pipeline holding)', () => {
    const lane = { leadTime: 2, titleTransfer: 'shipment' };
    const r = run(trade({ demand: [5, 0, 0], customerLane: lane, settings: { pipelineHolding: true },
      extra: { parties: [{ id: 'maker', name: 'Maker', paymentTermDays: 14 }, { id: 'retail', name: 'Retail', initialCash: 1000 }],
        sites: [site('sup', 'supplier', { partyId: 'maker' }), site('dc', 'dc', { partyId: 'maker' }), site('cust', 'customer', { partyId: 'retail', holdingCost: 1 })] } }));
    // 5 units in transit at the end of weeks 1 and 2, owned by retail (title at shipment), 1 per unit-week.
    expect(party$(r, 'retail').costs.holding).toBe(10);
    expect(party$(r, 'maker').costs.holding).toBe(0);
  });

  it('transport is paid by the shipping party in the week it ships', () => {
    const r = run(trade({ demand: [5, 5], customerLane: { costPerUnit: 1 }, maker: { paymentTermDays: 0 } }));
    expect(cashSeries(r, 'maker')).toEqual([95, 190]);
    expect(party$(r, 'maker').costs.transport).toBe(10);
  });

  it('the most specific price applies: seller+buyer row, else the product price', () => {
    const r = run(trade({ demand: [5], maker: { paymentTermDays: 0 }, extra: { prices: [
      { productId: 'p', price: 18 },
      { productId: 'p', sellerId: 'maker', price: 17 },
      { productId: 'p', sellerId: 'maker', buyerId: 'retail', price: 16 },
    ] } }));
    expect(party$(r, 'maker').revenue).toBe(80);
  });
});

describe('consignment', () => {
  // mk (maker, unlimited) → shop (retail, holds stock, sells to consumers) on a consignment lane.
  const consignment = (demand: number[]) => scenario({
    settings: { horizon: demand.length },
    parties: [{ id: 'maker', name: 'Maker', paymentTermDays: 0 }, { id: 'retail', name: 'Retail', paymentTermDays: 0 }],
    sites: [site('mk', 'supplier', { partyId: 'maker' }), site('shop', 'retailer', { partyId: 'retail' })],
    products: [{ id: 'p', name: 'p', value: 10, price: 20 }],
    prices: [{ productId: 'p', sellerId: 'maker', buyerId: 'retail', price: 15 }],
    lanes: [{ id: 'mk-shop', from: 'mk', to: 'shop', leadTime: 0, consignment: true }],
    demand: demandRows('shop', 'p', demand),
    inventory: [{ siteId: 'shop', productId: 'p', policy: 'base-stock', baseStock: 10, initialStock: 0 }],
  });

  it('stock delivered on consignment is invoiced only when the buyer sells it', () => {
    const r = run(consignment([0, 4, 4]));
    // t1 order 10 (delivered t2, stays maker's). t2, t3: 4 sold each → 4 × 15 invoiced each week.
    expect(cashSeries(r, 'maker')).toEqual([0, 60, 120]);
    expect(party$(r, 'maker').revenue).toBe(120);
    // The shop sells to end customers at the product price (paid at once: 80 a week) and pays 60.
    expect(party$(r, 'retail').revenue).toBe(160);
    expect(cashSeries(r, 'retail')).toEqual([0, 20, 40]);
    expect(nodeSeries(r, 'onHand', 'shop')).toEqual([0, 6, 6]);
  });

  it('consignment stock counts as the supplier’s inventory', () => {
    const r = run(consignment([0, 4, 4]));
    // Sales take consignment stock first, and all deliveries come on consignment: the 0, 6, 6
    // units at the shop are all maker's: (0 + 6 + 6) × 10 / 3 = 40 on average.
    expect(party$(r, 'maker').inventoryValueAvg).toBeCloseTo(40, 10);
    expect(party$(r, 'retail').inventoryValueAvg).toBeCloseTo(0, 10);
  });
});

describe('returns and credit notes', () => {
  it('restocks and scraps returns at the returns site, and refunds them with a credit note', () => {
    const r = run(trade({
      demand: [10, 10, 10, 10],
      maker: { paymentTermDays: 0 },
      extra: { returns: [{ customerId: 'cust', destinationId: 'dc', rate: 0.1, delay: 2, restockShare: 0.6 }] },
    }));
    // Each week 10 delivered → 1 comes back 2 weeks later: 0.6 restocked, 0.4 scrapped.
    const onHand = nodeSeries(r, 'onHand', 'dc');
    [90, 80, 70.6, 61.2].forEach((x, i) => expect(onHand[i]).toBeCloseTo(x, 4));
    const dc = node$(r, 'dc');
    expect(dc.returnsReceived).toBeCloseTo(2, 10);
    expect(dc.restocked).toBeCloseTo(1.2, 10);
    expect(dc.scrapped).toBeCloseTo(0.8, 10);
    // Cash: 200 a week, minus a 20 refund in weeks 3 and 4.
    const cash = cashSeries(r, 'maker');
    [200, 400, 580, 760].forEach((x, i) => expect(cash[i]).toBeCloseTo(x, 8));
    const maker = party$(r, 'maker');
    expect(maker.revenue).toBeCloseTo(800 - 40, 8);
    expect(maker.creditNotes).toBeCloseTo(40, 8);
    expect(maker.cogs).toBeCloseTo(400 - 1.2 * 10, 8);
  });
});
