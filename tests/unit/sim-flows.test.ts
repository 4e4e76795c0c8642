/**
 * Flows for the results dashboard, on hand-computed runs: per-arc series and lane KPIs
 * (shipped, in transit, transport cost), customer returns per route, and money between parties
 * (invoiced, paid); their estimates over replications.
 */
import { describe, expect, it } from 'vitest';
import { combineReplications, runReplications, seriesTransferables, type SimResult } from '../../src/core/sim';
import { arcSeriesColumns } from '../../src/core/sim/series-store';
import { run, serial, type Row } from './sim-fixtures';

/** Per-period values of one arc's series (lane, product) as a plain array. */
function arcSeries(r: SimResult, metric: 'shipped' | 'inTransit', laneId: string, productId = 'p'): number[] {
  const arc = r.series.arc;
  if (!arc) throw new Error('no per-arc series');
  const A = r.series.arcs;
  const a = r.arcs.laneId.findIndex((l, i) => l === laneId && r.arcs.productId[i] === productId);
  if (a < 0) throw new Error(`no arc ${laneId}/${productId}`);
  return Array.from({ length: r.series.periods }, (_, t) => arc[metric][t * A + a]);
}

/** An arc's series read from a (cloned) series object, columns labelled by r.arcs. */
function arcSeriesOf(series: SimResult['series'], r: SimResult, metric: 'shipped' | 'inTransit', laneId: string): number[] {
  const a = r.arcs.laneId.indexOf(laneId);
  return Array.from({ length: series.periods }, (_, t) => series.arc![metric][t * series.arcs + a]);
}

const lane$ = (r: SimResult, laneId: string, productId = 'p') => {
  const l = r.summary.lanes.find((x) => x.laneId === laneId && x.productId === productId);
  if (!l) throw new Error(`no lane ${laneId}/${productId}`);
  return l;
};

// sup → dc: lead time 2, 1 a unit; dc → cust: lead time 1, 0.5 a unit. DC base-stock S = 20 (no
// shortage). By hand, with demand 4, 6, 2, 5, 0 (orders reach the DC in their period):
//   dc ships 4, 6, 2, 5, 0 to cust (each in transit one period-end);
//   dc orders 4, 6, 2, 5, 0, reaching sup one period later: sup ships 0, 4, 6, 2, 5;
//   sup-dc in transit at period ends: 0, 4, 4+6, 6+2, 2+5.
const chain = () => serial({
  demand: [4, 6, 2, 5, 0], lead: 2, customerLead: 1,
  dc: { policy: 'base-stock', baseStock: 20, initialStock: 20 },
  lanes: { supply: { costPerUnit: 1 }, customer: { costPerUnit: 0.5 } },
});

describe('per-arc series', () => {
  it('units shipped and in transit per period, on a 2-lane chain', () => {
    const r = run(chain());
    expect(r.series.arcs).toBe(2);
    expect(arcSeries(r, 'shipped', 'sup-dc')).toEqual([0, 4, 6, 2, 5]);
    expect(arcSeries(r, 'inTransit', 'sup-dc')).toEqual([0, 4, 10, 8, 7]);
    expect(arcSeries(r, 'shipped', 'dc-cust')).toEqual([4, 6, 2, 5, 0]);
    expect(arcSeries(r, 'inTransit', 'dc-cust')).toEqual([4, 6, 2, 5, 0]);
  });

  it('labels each arc column with its lane, product and end sites', () => {
    const r = run(chain());
    const byLane = new Map(r.arcs.laneId.map((l, i) => [l, [r.arcs.productId[i], r.arcs.from[i], r.arcs.to[i]]]));
    expect(byLane.get('sup-dc')).toEqual(['p', 'sup', 'dc']);
    expect(byLane.get('dc-cust')).toEqual(['p', 'dc', 'cust']);
  });

  it('follows the series mode: none with totals, those touching seriesSites only', () => {
    const totals = run(chain(), { series: 'totals' });
    expect(totals.series.arc).toBeUndefined();
    expect(totals.series.arcs).toBe(0);
    expect(totals.arcs.laneId).toEqual([]);
    const some = run(chain(), { seriesSites: ['cust'] });
    expect(some.arcs.laneId).toEqual(['dc-cust']);
    expect(arcSeries(some, 'shipped', 'dc-cust')).toEqual([4, 6, 2, 5, 0]);
  });

  it('auto keeps arc series while periods × arcs ≤ 4 million, as for nodes', () => {
    const sites = (n: number) => new Int32Array(n);
    expect(arcSeriesColumns(100_000, sites(40), sites(40), 'auto', undefined).every((c) => c >= 0)).toBe(true);
    expect(arcSeriesColumns(100_000, sites(41), sites(41), 'auto', undefined).every((c) => c === -1)).toBe(true);
    expect(arcSeriesColumns(100_000, sites(41), sites(41), 'nodes', undefined).every((c) => c >= 0)).toBe(true);
    expect(Array.from(arcSeriesColumns(10, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 3]), 'auto', new Set([3])))).toEqual([-1, -1, 0]);
  });

  it('the arc buffers are transferable', () => {
    const r = run(chain());
    const buffers = seriesTransferables(r.series);
    expect(buffers).toContain(r.series.arc!.shipped.buffer);
    expect(buffers).toContain(r.series.arc!.inTransit.buffer);
    // A structured clone with the transfer list (what postMessage does) keeps every value.
    const copy = structuredClone(r.series, { transfer: buffers });
    expect(Array.from(copy.arc!.shipped.subarray(0, 5 * 2))).toHaveLength(10);
    expect(arcSeriesOf(copy, r, 'shipped', 'sup-dc')).toEqual([0, 4, 6, 2, 5]);
    expect(arcSeriesOf(copy, r, 'inTransit', 'sup-dc')).toEqual([0, 4, 10, 8, 7]);
  });
});

describe('lane KPIs', () => {
  it('shipped, average in transit and transport cost per arc', () => {
    const r = run(chain());
    expect(r.summary.lanes).toHaveLength(2);
    expect(lane$(r, 'sup-dc')).toEqual({ laneId: 'sup-dc', productId: 'p', from: 'sup', to: 'dc', shipped: 17, inTransitAvg: 29 / 5, transportCost: 17 });
    expect(lane$(r, 'dc-cust')).toEqual({ laneId: 'dc-cust', productId: 'p', from: 'dc', to: 'cust', shipped: 17, inTransitAvg: 17 / 5, transportCost: 8.5 });
    // The same transport cost as the sites' costs.
    expect(r.summary.sites.find((s) => s.siteId === 'sup')!.costs.transport).toBe(17);
  });

  it('count the measured periods only (after the warm-up)', () => {
    const r = run(chain(), { warmup: 2 });
    expect(lane$(r, 'sup-dc').shipped).toBe(6 + 2 + 5);
    expect(lane$(r, 'sup-dc').inTransitAvg).toBeCloseTo((10 + 8 + 7) / 3, 12);
    expect(lane$(r, 'dc-cust').shipped).toBe(2 + 5 + 0);
    expect(lane$(r, 'dc-cust').transportCost).toBe(3.5);
    // The series keep every period.
    expect(arcSeries(r, 'shipped', 'sup-dc')).toEqual([0, 4, 6, 2, 5]);
  });

  it('a lane carrying every product gives one entry per product', () => {
    const s = serial({
      demand: [3, 3], dc: { policy: 'none', initialStock: 10 },
      extra: {
        products: [{ id: 'p', name: 'p' }, { id: 'q', name: 'q' }],
        demand: [{ customerId: 'cust', productId: 'p', period: 1, quantity: 3 }, { customerId: 'cust', productId: 'q', period: 2, quantity: 2 }],
        inventory: [{ siteId: 'dc', productId: 'p', policy: 'none', initialStock: 10 }, { siteId: 'dc', productId: 'q', policy: 'none', initialStock: 10 }],
      },
    });
    const r = run(s);
    expect(lane$(r, 'dc-cust', 'p').shipped).toBe(3);
    expect(lane$(r, 'dc-cust', 'q').shipped).toBe(2);
    expect(arcSeries(r, 'shipped', 'dc-cust', 'q')).toEqual([0, 2]);
  });
});

/** maker owns sup and dc, retail owns the customer; value 10, price 20; weekly periods. */
function trade(o: { demand: number[]; maker?: Row; extra?: Row }) {
  return serial({
    demand: o.demand,
    dc: { policy: 'none', initialStock: 100 },
    product: { value: 10, price: 20 },
    settings: { periodLength: 'week' },
    sites: { supplier: { partyId: 'maker' }, dc: { partyId: 'maker' }, customer: { partyId: 'retail' } },
    extra: {
      parties: [{ id: 'maker', name: 'Maker', paymentTermDays: 14, ...o.maker }, { id: 'retail', name: 'Retail', initialCash: 1000, paymentTermDays: 0 }],
      ...o.extra,
    },
  });
}

describe('return flows', () => {
  it('units returned per customer → returns site and product: restocked and scrapped', () => {
    // 10 delivered a week; 10 % come back 2 weeks later (weeks 3 and 4 within the horizon), 60 % restocked.
    const r = run(trade({ demand: [10, 10, 10, 10], extra: { returns: [{ customerId: 'cust', destinationId: 'dc', rate: 0.1, delay: 2, restockShare: 0.6 }] } }));
    expect(r.summary.returnFlows).toHaveLength(1);
    const f = r.summary.returnFlows[0];
    expect(f).toMatchObject({ from: 'cust', to: 'dc', productId: 'p' });
    expect(f.quantity).toBeCloseTo(2, 12);
    expect(f.restocked).toBeCloseTo(1.2, 12);
    expect(f.scrapped).toBeCloseTo(0.8, 12);
  });

  it('routes between the same sites add up; the warm-up is left out', () => {
    const returns = [
      { customerId: 'cust', destinationId: 'dc', rate: 0.1, delay: 2, restockShare: 0.6 },
      { customerId: 'cust', destinationId: 'dc', rate: 0.05, delay: 1, restockShare: 0 },
    ];
    const r = run(trade({ demand: [10, 10, 10, 10], extra: { returns } }));
    expect(r.summary.returnFlows).toHaveLength(1);
    // 1 + 1 from the first route (weeks 3, 4), 0.5 × 3 from the second (weeks 2, 3, 4).
    expect(r.summary.returnFlows[0].quantity).toBeCloseTo(3.5, 12);
    expect(r.summary.returnFlows[0].restocked).toBeCloseTo(1.2, 12);
    expect(r.summary.returnFlows[0].scrapped).toBeCloseTo(2.3, 12);
    const late = run(trade({ demand: [10, 10, 10, 10], extra: { returns } }), { warmup: 3 });
    // Week 4 only: 1 (restocked 0.6) + 0.5.
    expect(late.summary.returnFlows[0].quantity).toBeCloseTo(1.5, 12);
    expect(late.summary.returnFlows[0].restocked).toBeCloseTo(0.6, 12);
  });

  it('no returns rows: no return flows', () => {
    expect(run(chain()).summary.returnFlows).toEqual([]);
  });
});

describe('party flows', () => {
  it('invoices and payments between two parties (net 14 days)', () => {
    // Invoices of 5 × 20 = 100 at delivery in weeks 1 and 2, each paid 2 weeks later.
    const r = run(trade({ demand: [5, 5, 0, 0] }));
    expect(r.summary.partyFlows).toEqual([{ fromPartyId: 'retail', toPartyId: 'maker', invoiced: 200, paid: 200 }]);
    // Measured weeks 3 and 4: nothing invoiced, both invoices paid.
    expect(run(trade({ demand: [5, 5, 0, 0] }), { warmup: 2 }).summary.partyFlows[0]).toMatchObject({ invoiced: 0, paid: 200 });
    // Measured weeks 1 and 2 (horizon 2): invoiced, nothing paid yet.
    expect(run(trade({ demand: [5, 5, 0, 0] }), { periods: 2 }).summary.partyFlows[0]).toMatchObject({ invoiced: 200, paid: 0 });
  });

  it('paid is the cash that moved: an early-payment discount pays less than invoiced', () => {
    // 2 % within 7 days: each 100 is paid a week later as 98 (weeks 2 and 3).
    const r = run(trade({ demand: [5, 5, 0, 0, 0], maker: { paymentTermDays: 28, earlyPaymentDiscount: 0.02, earlyPaymentDays: 7 } }));
    expect(r.summary.partyFlows[0].invoiced).toBe(200);
    expect(r.summary.partyFlows[0].paid).toBeCloseTo(196, 10);
  });

  it('credit notes for returns reduce what is invoiced (and paid)', () => {
    // 4 × 200 invoiced, 2 units returned at 20 credited (weeks 3, 4); paid at once (net 0).
    const r = run(trade({ demand: [10, 10, 10, 10], maker: { paymentTermDays: 0 }, extra: { returns: [{ customerId: 'cust', destinationId: 'dc', rate: 0.1, delay: 2, restockShare: 0.6 }] } }));
    const f = r.summary.partyFlows[0];
    expect(f.invoiced).toBeCloseTo(760, 10);
    expect(f.paid).toBeCloseTo(760, 10);
    // Invoiced by a seller = its revenue (net of credit notes).
    expect(r.summary.parties.find((p) => p.partyId === 'maker')!.revenue).toBeCloseTo(f.invoiced, 10);
  });

  it('end customers buying from the own company: "" and the external party', () => {
    // No parties: the DC is the own company's, the customer an end customer; price 3, net 30 days
    // (5 weeks): 4 × 2 × 3 invoiced, nothing paid within 4 weeks.
    const r = run(serial({ demand: [2, 2, 2, 2], dc: { policy: 'none', initialStock: 10 }, product: { price: 3 }, settings: { periodLength: 'week' } }));
    expect(r.summary.partyFlows).toEqual([{ fromPartyId: '(end customers)', toPartyId: '', invoiced: 24, paid: 0 }]);
    expect(r.parties.at(-1)!.id).toBe('(end customers)');
  });
});

describe('replications', () => {
  it('every number of the new flows gets an estimate; labels stay', () => {
    const s = serial({
      demand: [4, 6, 2, 5, 3, 3], lead: 1, settings: { demandVariability: 'poisson' },
      dc: { policy: 'base-stock', baseStock: 20, initialStock: 20 }, lanes: { supply: { costPerUnit: 1 } },
    });
    const mc = runReplications(s, { replications: 6 });
    const i = mc.summaries[0].lanes.findIndex((l) => l.laneId === 'sup-dc');
    const values = mc.summaries.map((x) => x.lanes[i].shipped);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const est = mc.estimate.lanes[i];
    expect(est.laneId).toBe('sup-dc');
    expect(est.from).toBe('sup');
    expect(est.shipped.n).toBe(6);
    expect(est.shipped.mean).toBeCloseTo(mean, 10);
    expect(new Set(values).size).toBeGreaterThan(1);
    expect(est.shipped.halfWidth).toBeGreaterThan(0);
    expect(est.transportCost.mean).toBeCloseTo(mean, 10);
    // Combined elsewhere (other workers): the same.
    expect(combineReplications(mc.summaries).lanes[i].inTransitAvg).toEqual(est.inTransitAvg);
  });
});
