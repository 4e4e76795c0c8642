/**
 * The dashboard for a Monte Carlo run with per-site bands: the scope selector lists the whole
 * network and each stocked site (no lanes or companies), and a site's charts are its on hand and
 * backorders as mean lines in min–max bands, with its orders' statuses.
 */
import { describe, expect, it } from 'vitest';
import { SiteBandAccumulator, combineSiteBands, siteBandPlan, type SiteBands } from '../../src/app/sim/site-bands';
import { combineReplications, compileNetwork, simulationOf } from '../../src/core/sim';
import { dashboardNames } from '../../src/ui/sim/dashboard-names';
import { SITE_BAND_EDGES, replicationSiteCharts } from '../../src/ui/sim/dashboard-mc-charts';
import { NETWORK_SCOPE, findScope, replicationScopeOptions } from '../../src/ui/sim/dashboard-scope';
import { builtInScenario } from '../support/builtin-scenario';

const europe = builtInScenario('default-europe');
const names = dashboardNames(europe);
const options = { periods: 12, demandVariability: 'normal' as const, seed: 5 };

/** Five replications of the default network, folded into per-site bands as a worker does. */
function monteCarlo() {
  const net = compileNetwork(europe, options);
  const plan = siteBandPlan(net);
  if (plan.kind !== 'columns') throw new Error('expected per-site columns');
  const acc = new SiteBandAccumulator(net.periods, plan);
  const summaries = [];
  for (let r = 0; r < 5; r++) {
    const sim = simulationOf(net, 5, { ...options, replication: r, series: 'sites' });
    while (sim.period < sim.periods) sim.step();
    const res = sim.result();
    acc.add(res.series.site, res.series.sites);
    summaries.push(res.summary);
  }
  const bands = combineSiteBands([acc.part()]);
  if (bands.kind !== 'bands') throw new Error('expected bands');
  return { bands: bands as SiteBands, estimate: combineReplications(summaries) };
}

describe('Monte Carlo dashboard per site', () => {
  const { bands, estimate } = monteCarlo();

  it('offers the whole network and every stocked site, by name; lanes and companies are single-run only', () => {
    const groups = replicationScopeOptions(bands, names);
    expect(groups.network).toBe(NETWORK_SCOPE);
    expect(groups.sites.map((s) => s.value)).toEqual(bands.siteIds.map((id) => `site:${id}`));
    expect(groups.sites.find((s) => s.id === 'dc-lyon')?.label).toBe(names.site('dc-lyon'));
    expect(groups.lanes).toEqual([]);
    expect(groups.parties).toEqual([]);
    expect(findScope(groups, 'site:dc-lyon').kind).toBe('site');
    // Without bands (skipped, or an old cached result) the network is the only scope.
    expect(replicationScopeOptions({ kind: 'skipped', reason: 'size', sites: 9000, periods: 365 }, names).sites).toEqual([]);
    expect(replicationScopeOptions(undefined, names).sites).toEqual([]);
    expect(findScope(replicationScopeOptions(undefined, names), 'site:dc-lyon')).toBe(NETWORK_SCOPE);
  });

  it('charts a site’s on hand and backorders as mean lines in min–max bands', () => {
    const charts = replicationSiteCharts(estimate, bands, 'dc-lyon', names);
    expect(charts.map((c) => c.id)).toEqual(['stock', 'backlog', 'order-status']);
    const stock = charts[0];
    if (stock.kind !== 'line') throw new Error('expected a line chart');
    expect(stock.title).toContain(names.site('dc-lyon'));
    expect(stock.note).toBe('mean and min–max band of 5 replications');
    expect(stock.bands[0].label).toBe(`on hand ${SITE_BAND_EDGES.label}`);
    const mean = stock.lines[0].values;
    expect(mean).toHaveLength(12);
    for (let t = 0; t < 12; t++) {
      expect(stock.bands[0].low[t]).toBeLessThanOrEqual(mean[t]);
      expect(mean[t]).toBeLessThanOrEqual(stock.bands[0].high[t]);
    }
    const status = charts[2];
    if (status.kind !== 'bars') throw new Error('expected bars');
    const lyon = estimate.sites.find((s) => s.siteId === 'dc-lyon')!;
    expect(status.bars.find((b) => b.label === 'delivered')?.value).toBe(lyon.orders.delivered.mean);
  });

  it('says so for a site without bands', () => {
    const charts = replicationSiteCharts(estimate, bands, 'cust-paris', names);
    expect(charts).toHaveLength(1);
    expect(charts[0].kind).toBe('missing');
  });
});
