/**
 * Series mode 'sites': each site's on hand and backorders per period, summed over its products,
 * on a run known by hand; the other series modes' results unchanged; the size cap.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_ENTRIES, seriesTransferables } from '../../src/core/sim';
import { siteSeriesCount } from '../../src/core/sim/series-store';
import { demandRows, run, scenario, serial, site } from './sim-fixtures';

// sup (unlimited) → dc → cust, two products, no replenishment (policy none). By hand:
//   p: stock 10, demand 4, 8, 3, 1 → on hand 6, 0, 0, 0; backorders 0, 2, 5, 6
//   q: stock 5,  demand 2, 2, 2, 2 → on hand 3, 1, 0, 0; backorders 0, 0, 1, 3
//   dc, summed: on hand 9, 1, 0, 0; backorders 0, 2, 6, 9. The supplier and the customer hold no stock.
const twoProducts = () => scenario({
  settings: { horizon: 4 },
  sites: [site('sup', 'supplier'), site('dc', 'dc'), site('cust', 'customer')],
  products: [{ id: 'p', name: 'p' }, { id: 'q', name: 'q' }],
  lanes: [{ id: 'sup-dc', from: 'sup', to: 'dc', leadTime: 0 }, { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: 0 }],
  demand: [...demandRows('cust', 'p', [4, 8, 3, 1]), ...demandRows('cust', 'q', [2, 2, 2, 2])],
  inventory: [{ siteId: 'dc', productId: 'p', policy: 'none', initialStock: 10 }, { siteId: 'dc', productId: 'q', policy: 'none', initialStock: 5 }],
});

/** A site's per-site series (entry t·sites + s, s in the scenario's site order). */
function siteColumn(values: Float64Array, sites: number, s: number): number[] {
  return Array.from({ length: values.length / sites }, (_, t) => values[t * sites + s]);
}

describe("series mode 'sites'", () => {
  it('records each site’s on hand and backorders, summed over its products', () => {
    const r = run(twoProducts(), { series: 'sites' });
    expect(r.series.sites).toBe(3);
    const site = r.series.site!;
    expect(site.onHand).toBeInstanceOf(Float64Array);
    expect(siteColumn(site.onHand, 3, 1)).toEqual([9, 1, 0, 0]);
    expect(siteColumn(site.backorders, 3, 1)).toEqual([0, 2, 6, 9]);
    for (const s of [0, 2]) {
      expect(siteColumn(site.onHand, 3, s)).toEqual([0, 0, 0, 0]);
      expect(siteColumn(site.backorders, 3, s)).toEqual([0, 0, 0, 0]);
    }
    // Like 'totals', no per-node or per-arc series.
    expect(r.series.node).toBeUndefined();
    expect(r.series.arc).toBeUndefined();
    expect(r.series.nodes).toBe(0);
  });

  it('sums over the sites to the network totals, on a multi-echelon run with random demand', () => {
    const s = serial({ demand: [5, 9, 3, 7, 6, 8, 2, 4], lead: 1, dc: { policy: 'base-stock', baseStock: 12, initialStock: 8 }, settings: { demandCv: 0.5 } });
    const r = run(s, { series: 'sites', demandVariability: 'normal', seed: 9 });
    const S = r.series.sites!;
    for (let t = 0; t < r.series.periods; t++) {
      let onHand = 0; let backorders = 0;
      for (let k = 0; k < S; k++) { onHand += r.series.site!.onHand[t * S + k]; backorders += r.series.site!.backorders[t * S + k]; }
      expect(onHand).toBeCloseTo(r.series.total.onHand[t], 9);
      expect(backorders).toBeCloseTo(r.series.total.backorders[t], 9);
    }
  });

  it('leaves the other modes’ results exactly as they were (no new keys, same numbers)', () => {
    const s = serial({ demand: [5, 9, 3, 7, 6, 8, 2, 4], lead: 1, dc: { policy: 'base-stock', baseStock: 12, initialStock: 8 }, settings: { demandCv: 0.5 } });
    const options = { demandVariability: 'normal' as const, seed: 4 };
    const sites = run(s, { ...options, series: 'sites' });
    for (const mode of ['totals', 'auto', 'nodes'] as const) {
      const r = run(s, { ...options, series: mode });
      expect('site' in r.series).toBe(false);
      expect('sites' in r.series).toBe(false);
      // Recording per-site series changes nothing the run computes.
      expect(sites.summary).toEqual(r.summary);
      expect(sites.series.total).toEqual(r.series.total);
    }
    // Its buffer travels with the rest.
    expect(seriesTransferables(sites.series)).toContain(sites.series.site!.onHand.buffer);
  });

  it('keeps no per-site series above the size cap', () => {
    expect(siteSeriesCount(100, 7, 'sites')).toBe(7);
    expect(siteSeriesCount(MAX_SERIES_ENTRIES / 4, 4, 'sites')).toBe(4);
    expect(siteSeriesCount(MAX_SERIES_ENTRIES / 4 + 1, 4, 'sites')).toBe(0);
    expect(siteSeriesCount(100, 7, 'totals')).toBe(0);
    expect(siteSeriesCount(100, 7, 'auto')).toBe(0);
  });
});
