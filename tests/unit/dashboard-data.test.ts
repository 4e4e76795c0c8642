/**
 * The dashboard's data preparation on seeded runs of the built-in scenarios: the bullwhip
 * echelon sums (checked against each site's own orders and the engine's bullwhip ratios), the
 * scope selector, each scope's charts, lane and company series, Monte Carlo bands and profit.
 */
import { describe, expect, it } from 'vitest';
import { chartableLanes, laneKpis, laneSeries } from '../../src/app/sim/lane-series';
import { profitEstimate, profitOf } from '../../src/app/sim/profit';
import { partyBalances, siteSeries } from '../../src/app/sim/result-series';
import { BandAccumulator, combineBands } from '../../src/app/sim/series-bands';
import { packSummaries } from '../../src/app/sim/summary-pack';
import { combineReplications, simulateScenario, type SimResult, type SimSummary } from '../../src/core/sim';
import { builtInScenario } from '../support/builtin-scenario';
import { dashboardNames } from '../../src/ui/sim/dashboard-names';
import { singleRunCharts, type DashboardChart } from '../../src/ui/sim/dashboard-charts';
import { bandEdges, replicationCharts } from '../../src/ui/sim/dashboard-mc-charts';
import { NETWORK_SCOPE, defaultScope, findScope, scopeOptions } from '../../src/ui/sim/dashboard-scope';
import { echelonOrders, sampleVariance } from '../../src/ui/sim/echelon-series';
import { kpiCards } from '../../src/ui/sim/kpi-cards';

const builtIn = builtInScenario;
const namesOf = dashboardNames;

const europe = builtIn('default-europe');
const europeRun = simulateScenario(europe, { demandVariability: 'normal', seed: 11 });
const beer = builtIn('beer-game');
const beerRun = simulateScenario(beer, {});

const lineChart = (charts: DashboardChart[], id: string) => {
  const c = charts.find((x) => x.id === id);
  if (!c || c.kind !== 'line') throw new Error(`no line chart ${id}`);
  return c;
};

describe('echelon orders (the bullwhip picture)', () => {
  it('in the beer game, echelon k’s orders are the orders of its one site, period by period', () => {
    const e = echelonOrders(beerRun)!;
    expect(e.map((x) => x.echelon)).toEqual([1, 2, 3, 4]);
    const siteOf = ['retailer', 'wholesaler', 'distributor', 'factory'];
    e.forEach((x, i) => {
      expect(x.sites).toBe(1);
      expect(Array.from(x.ordered)).toEqual(Array.from(siteSeries(beerRun, 'ordered', siteOf[i], null)!));
    });
  });

  it('their variance over end-customer demand is the engine’s bullwhip ratio per echelon', () => {
    for (const run of [beerRun, europeRun]) {
      const demandVar = sampleVariance(run.series.total.customerDemand);
      for (const e of echelonOrders(run)!) {
        const engine = run.summary.echelons.find((x) => x.echelon === e.echelon)!.bullwhipVsCustomer;
        // Series are Float32: agree to ~6 significant digits.
        expect(sampleVariance(e.ordered) / demandVar).toBeCloseTo(engine, 3);
      }
    }
    expect(sampleVariance([2, 4, 6])).toBe(4);
    expect(sampleVariance([5])).toBeNaN();
  });

  it('is missing, with a reason, when the run kept totals only', () => {
    const totalsOnly = simulateScenario(europe, { series: 'totals' });
    expect(echelonOrders(totalsOnly)).toBeNull();
    const charts = singleRunCharts(totalsOnly, NETWORK_SCOPE, null, namesOf(europe));
    expect(charts.find((c) => c.id === 'bullwhip')).toMatchObject({ kind: 'missing', message: expect.stringContaining('network totals only') });
  });
});

describe('scope selector', () => {
  const groups = scopeOptions(europeRun, namesOf(europe));

  it('lists the network, the sites with series, the lanes and the companies', () => {
    expect(groups.network.value).toBe('network:');
    expect(groups.sites.map((s) => s.id)).toContain('dc-lyon');
    expect(groups.sites.find((s) => s.id === 'dc-lyon')!.label).toBe(europe.sites.find((s) => s.id === 'dc-lyon')!.name);
    expect(groups.lanes.length).toBe(new Set(europeRun.arcs.laneId).size);
    expect(groups.parties.map((p) => p.id).sort()).toEqual(['', 'brewline', 'eurohome', 'nordic-kitchen'].filter((id) => europeRun.parties.some((p) => p.id === id && !p.external)).sort());
    expect(groups.parties.some((p) => p.label === '(end customers)')).toBe(false);
  });

  it('starts on the first DC, finds options by value, falls back to the network', () => {
    const kinds = new Map(europe.sites.map((s) => [s.id, s.kind]));
    expect(defaultScope(groups, (id) => kinds.get(id)).id).toBe('dc-lyon');
    expect(findScope(groups, 'site:dc-venlo').id).toBe('dc-venlo');
    expect(findScope(groups, 'site:gone')).toBe(NETWORK_SCOPE);
    expect(scopeOptions(null, namesOf(europe)).sites).toEqual([]);
  });
});

describe('charts per scope', () => {
  const names = namesOf(europe);
  const groups = scopeOptions(europeRun, names);

  it('a site: stock against its storage capacity, in transit, orders vs demand, backlog, order statuses, bullwhip', () => {
    const lyon = findScope(groups, 'site:dc-lyon');
    const charts = singleRunCharts(europeRun, lyon, null, names);
    expect(charts.map((c) => c.id)).toEqual(['stock', 'transit', 'orders', 'backlog', 'order-status', 'bullwhip']);
    const stock = lineChart(charts, 'stock');
    const capacity = europe.sites.find((s) => s.id === 'dc-lyon')!.storageCapacity!;
    expect(stock.lines.map((l) => l.label)).toEqual(['on hand', 'storage capacity (all products)']);
    expect(Array.from(stock.lines[1].values).every((v) => v === capacity)).toBe(true);
    expect(stock.lines[1].values.length).toBe(52);
    expect(Array.from(stock.lines[0].values)).toEqual(Array.from(siteSeries(europeRun, 'onHand', 'dc-lyon', null)!));
    const statuses = charts.find((c) => c.id === 'order-status')!;
    if (statuses.kind !== 'bars') throw new Error('bars expected');
    const orders = europeRun.summary.sites.find((s) => s.siteId === 'dc-lyon')!.orders;
    // Every order placed is in exactly one status at the end.
    expect(statuses.bars.reduce((sum, b) => sum + b.value, 0)).toBe(orders.placed);
    // one product: its own series, titles name it
    const one = singleRunCharts(europeRun, lyon, 'espresso', names);
    expect(lineChart(one, 'orders').title).toContain(names.product('espresso'));
    expect(Array.from(lineChart(one, 'orders').lines[0].values)).toEqual(Array.from(siteSeries(europeRun, 'ordered', 'dc-lyon', 'espresso')!));
  });

  it('the network: totals, backlog with lost sales, statuses of all orders, bullwhip and cash per company', () => {
    const charts = singleRunCharts(europeRun, NETWORK_SCOPE, null, names);
    expect(charts.map((c) => c.id)).toEqual(['stock', 'transit', 'orders', 'backlog', 'order-status', 'bullwhip', 'cash']);
    expect(lineChart(charts, 'stock').lines[0].values).toBe(europeRun.series.total.onHand);
    expect(lineChart(charts, 'backlog').lines.map((l) => l.values)).toEqual([europeRun.series.total.backorders, europeRun.series.total.lostSales]);
    const bullwhip = lineChart(charts, 'bullwhip');
    expect(bullwhip.lines[0].label).toBe('end-customer demand');
    expect(bullwhip.lines.slice(1).map((l) => l.label)).toEqual(['echelon 1 (3 sites)', 'echelon 2 (2 sites)']);
  });

  it('a company: cash, receivables and payables, ending where the summary says', () => {
    const brewline = findScope(groups, 'party:brewline');
    const [chart] = singleRunCharts(europeRun, brewline, null, names);
    if (chart.kind !== 'line') throw new Error('line expected');
    expect(chart.lines.map((l) => l.label)).toEqual(['cash', 'receivables', 'payables']);
    const kpis = europeRun.summary.parties.find((p) => p.partyId === 'brewline')!;
    expect(chart.lines[0].values[51]).toBeCloseTo(kpis.cashEnd, 6);
    const b = partyBalances(europeRun, 'brewline')!;
    const mean = Array.from(b.receivables).reduce((s, v) => s + v, 0) / 52;
    expect(mean).toBeCloseTo(kpis.receivablesAvg, 6);
    expect(partyBalances(europeRun, 'nobody')).toBeNull();
  });

  it('a lane: units shipped and in transit, summed over its products; its transport cost', () => {
    const lane = groups.lanes[0];
    const charts = singleRunCharts(europeRun, lane, null, names);
    expect(charts.map((c) => c.id)).toEqual(['lane-shipped', 'transit']);
    const shipped = lineChart(charts, 'lane-shipped').lines[0].values;
    const kpis = laneKpis(europeRun.summary, lane.id);
    expect(kpis.length).toBe(lane.productIds.length);
    // the summary's units shipped = the sum of the per-period series (no warm-up)
    expect(Array.from(shipped).reduce((s, v) => s + v, 0)).toBeCloseTo(kpis.reduce((s, k) => s + k.shipped, 0), 2);
    expect(lineChart(charts, 'lane-shipped').note).toContain('transport cost');
  });

  it('lane series add up arcs of the lane, and a result without arc series lists no lanes', () => {
    // A hand-made result: lane L carries products a and b (arcs 0 and 2), lane M product a (arc 1); 2 periods.
    const fake = {
      ...europeRun,
      arcs: { laneId: ['L', 'M', 'L'], productId: ['a', 'a', 'b'], from: ['x', 'y', 'x'], to: ['z', 'z', 'z'] },
      series: { ...europeRun.series, periods: 2, arcs: 3, arc: { shipped: Float32Array.from([1, 2, 3, 4, 5, 6]), inTransit: new Float32Array(6) } },
    } as SimResult;
    expect(chartableLanes(fake)).toEqual([{ laneId: 'L', from: 'x', to: 'z', productIds: ['a', 'b'] }, { laneId: 'M', from: 'y', to: 'z', productIds: ['a'] }]);
    // period 1: arcs 1, 2, 3 → L = 1 + 3; period 2: 4, 5, 6 → L = 4 + 6
    expect(Array.from(laneSeries(fake, 'shipped', 'L', null)!)).toEqual([4, 10]);
    expect(Array.from(laneSeries(fake, 'shipped', 'L', 'b')!)).toEqual([3, 6]);
    expect(laneSeries(fake, 'shipped', 'nowhere', null)).toBeNull();
    const without = { ...europeRun, series: { ...europeRun.series, arcs: 0, arc: undefined } } as SimResult;
    expect(chartableLanes(without)).toEqual([]);
    expect(laneSeries(without, 'shipped', 'L', null)).toBeNull();
  });
});

describe('Monte Carlo charts and profit', () => {
  it('draws each total as its mean line inside its band, naming the band’s edges', () => {
    const acc = new BandAccumulator(3, 2, true);
    const totals = (k: number) => ({ onHand: [k, k, k], backorders: [0, k, 0], customerDemand: [5, 5, 5], customerFilled: [5, 4, 5], lostSales: [0, 0, k] });
    acc.add(totals(1));
    acc.add(totals(3));
    const bands = combineBands([acc.part()]);
    const estimate = combineReplications([europeRun.summary, europeRun.summary]);
    const charts = replicationCharts(estimate, bands);
    expect(charts.map((c) => c.id)).toEqual(['stock', 'orders', 'backlog', 'order-status']);
    const stock = lineChart(charts, 'stock');
    expect(Array.from(stock.lines[0].values)).toEqual([2, 2, 2]);
    expect(stock.bands[0].label).toBe('on hand 5–95 %');
    // two replications 1 and 3: h(0.05) = 0.05 → 1.1, h(0.95) = 0.95 → 2.9
    expect(stock.bands[0].low[0]).toBeCloseTo(1.1, 9);
    expect(stock.bands[0].high[2]).toBeCloseTo(2.9, 9);
    expect(bandEdges(bands)).toEqual({ low: '5 %', high: '95 %', label: '5–95 %' });
    expect(bandEdges({ ...bands, kind: 'range' }).label).toBe('min–max');
    expect(replicationCharts(estimate, undefined)[0]).toMatchObject({ kind: 'missing' });
  });

  it('profit = margin − holding, transport, production and ordering cost (not the shortage penalty)', () => {
    const s = europeRun.summary;
    const c = s.total.costs;
    expect(profitOf(s)).toBeCloseTo(s.total.margin - c.holding - c.transport - c.production - c.ordering, 6);
    // Three replications with profits 100, 130, 160: mean 130, s = 30, half-width t(0.975; 2)·30/√3
    const withProfit = (p: number): SimSummary => ({ ...s, total: { ...s.total, margin: p, costs: { ...c, holding: 0, transport: 0, production: 0, ordering: 0, shortage: 999 } } });
    const e = profitEstimate(packSummaries([withProfit(100), withProfit(130), withProfit(160)]));
    expect(e.mean).toBeCloseTo(130, 9);
    expect(e.halfWidth).toBeCloseTo(4.3027 * 30 / Math.sqrt(3), 3);
    const cards = kpiCards(combineReplications([withProfit(100), withProfit(130), withProfit(160)]), 'EUR', e);
    expect(cards.find((k) => k.id === 'profit')!.value).toBe('130 ± 75');
    expect(kpiCards(s, 'EUR').some((k) => k.id === 'profit')).toBe(false);
  });
});
