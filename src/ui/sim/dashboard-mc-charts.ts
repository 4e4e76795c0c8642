/**
 * The dashboard's charts for a Monte Carlo run: the network totals as the mean over the
 * replications (a line) inside the 5–95 % band of the replications (min–max when the run was too
 * large to keep every series; series-bands.ts), and order statuses with their 95 % CIs; for a
 * chosen site, its on hand and backorders as mean lines in min–max bands (site-bands.ts).
 * Lanes and companies have no Monte Carlo scope.
 */
import type { BandMetric, TotalBands } from '../../app/sim/series-bands';
import { siteBandOf, type SiteBands } from '../../app/sim/site-bands';
import type { Estimated, SimSummary } from '../../core/sim';
import type { ChartBand, ChartLine } from '../charts/line-chart-geometry';
import { OKABE_ITO, REFERENCE_COLOR } from '../charts/palette';
import { orderStatusBars, orderStatusNote, type DashboardChart, type DashboardNames } from './dashboard-charts';
import { formatNum } from './format';

const C = OKABE_ITO;

/** Names of a band's edges in read-outs, tables and CSV headers. */
export function bandEdges(bands: TotalBands | undefined): { low: string; high: string; label: string } {
  return bands?.kind === 'range' ? { low: 'min', high: 'max', label: 'min–max' } : { low: '5 %', high: '95 %', label: '5–95 %' };
}

/** The edges of a per-site band: always the minimum and maximum over the replications. */
export const SITE_BAND_EDGES = { low: 'min', high: 'max', label: 'min–max' } as const;

/** A site's on hand and backorders over the replications, and its orders' statuses with 95 % CIs. */
export function replicationSiteCharts(estimate: Estimated<SimSummary>, siteBands: SiteBands, siteId: string, names: DashboardNames): DashboardChart[] {
  const site = names.site(siteId);
  const onHand = siteBandOf(siteBands, siteId, 'onHand');
  const backorders = siteBandOf(siteBands, siteId, 'backorders');
  if (!onHand || !backorders) return [{ kind: 'missing', id: 'stock', title: `Stock on hand — ${site}`, message: 'This run kept no per-site bands for this site.' }];
  const e = SITE_BAND_EDGES;
  const about = `mean and ${e.label} band of ${siteBands.replications.toLocaleString('en-US')} replications`;
  const capacity = names.capacity(siteId);
  const stockLines: ChartLine[] = [{ label: 'on hand (mean)', values: onHand.mean, color: C.blue }];
  if (capacity !== undefined) stockLines.push({ label: 'storage capacity (all products)', values: new Float64Array(siteBands.periods).fill(capacity), color: REFERENCE_COLOR, dashed: true });
  const kpis = estimate.sites.find((s) => s.siteId === siteId);
  const charts: DashboardChart[] = [
    { kind: 'line', id: 'stock', title: `Stock on hand — ${site}`, unit: 'units, all products', note: about, lines: stockLines,
      bands: [{ label: `on hand ${e.label}`, low: onHand.low, high: onHand.high, color: C.blue }] },
    { kind: 'line', id: 'backlog', title: `Backlog — ${site}`, unit: 'units, all products',
      lines: [{ label: 'backorders (mean)', values: backorders.mean, color: C.vermillion }],
      bands: [{ label: `backorders ${e.label}`, low: backorders.low, high: backorders.high, color: C.vermillion }],
      note: kpis ? `${about}; lost sales over the run: ${formatNum(kpis.lostSales, { digits: 0 })} units` : about },
  ];
  if (kpis) charts.push({ kind: 'bars', id: 'order-status', title: `Orders placed by ${site} — status at the end`, unit: 'orders, mean ± 95 % CI', bars: orderStatusBars(kpis.orders), note: orderStatusNote(kpis.orders) });
  return charts;
}

export function replicationCharts(estimate: Estimated<SimSummary>, bands: TotalBands | undefined): DashboardChart[] {
  const orders: DashboardChart = {
    kind: 'bars', id: 'order-status', title: 'Order status at the end — whole network', unit: 'orders, mean ± 95 % CI',
    bars: orderStatusBars(estimate.total.orders), note: orderStatusNote(estimate.total.orders),
  };
  if (!bands) {
    const message = 'Per-period bands were not computed for this run.';
    return [{ kind: 'missing', id: 'stock', title: 'Stock on hand — whole network', message }, orders];
  }
  const edge = bandEdges(bands);
  const about = `mean and ${edge.label} band of ${bands.replications.toLocaleString('en-US')} replications`;
  const mean = (m: BandMetric, label: string, color: string, dashed = false): ChartLine => ({ label: `${label} (mean)`, values: bands.metrics[m].mean, color, dashed });
  const band = (m: BandMetric, label: string, color: string): ChartBand => ({ label: `${label} ${edge.label}`, low: bands.metrics[m].low, high: bands.metrics[m].high, color });
  return [
    { kind: 'line', id: 'stock', title: 'Stock on hand — whole network', unit: 'units, all sites and products', note: about,
      lines: [mean('onHand', 'on hand', C.blue)], bands: [band('onHand', 'on hand', C.blue)] },
    { kind: 'line', id: 'orders', title: 'End-customer demand vs filled — whole network', unit: 'units per period', note: about,
      lines: [mean('customerDemand', 'demand', C.black, true), mean('customerFilled', 'filled', C.green)],
      bands: [band('customerDemand', 'demand', C.black), band('customerFilled', 'filled', C.green)] },
    { kind: 'line', id: 'backlog', title: 'Backlog and lost sales — whole network', unit: 'units',
      lines: [mean('backorders', 'backorders', C.vermillion), mean('lostSales', 'lost sales', C.purple, true)],
      bands: [band('backorders', 'backorders', C.vermillion), band('lostSales', 'lost sales', C.purple)],
      note: `${about}; lost sales over the run: ${formatNum(estimate.total.lostSales, { digits: 0 })} units` },
    orders,
  ];
}
