/**
 * The dashboard's charts for a single run and a chosen scope, as data (lines, bands, bars) the
 * chart components draw: stock on hand against storage capacity, in transit, orders placed
 * against demand received, backlog and lost sales, order statuses, the bullwhip picture (every
 * echelon's orders with end-customer demand), and cash / receivables / payables per company.
 * Pure data preparation (no Svelte): the benchmark times exactly this.
 */
import { laneKpis, laneSeries } from '../../app/sim/lane-series';
import { partyBalances, partyCash, siteSeries } from '../../app/sim/result-series';
import type { OrderStatus, SimResult } from '../../core/sim';
import type { Bar } from '../charts/bar-chart-geometry';
import type { ChartBand, ChartLine } from '../charts/line-chart-geometry';
import { OKABE_ITO, REFERENCE_COLOR, seriesColor } from '../charts/palette';
import { echelonOrders } from './echelon-series';
import { formatNum, type Num } from './format';
import type { ScopeOption } from './dashboard-scope';

export type DashboardChart =
  | { readonly kind: 'line'; readonly id: string; readonly title: string; readonly unit: string; readonly lines: readonly ChartLine[]; readonly bands: readonly ChartBand[]; readonly note?: string }
  | { readonly kind: 'bars'; readonly id: string; readonly title: string; readonly unit: string; readonly bars: readonly Bar[]; readonly note?: string }
  | { readonly kind: 'missing'; readonly id: string; readonly title: string; readonly message: string };

export interface DashboardNames {
  readonly site: (id: string) => string;
  readonly product: (id: string) => string;
  /** Storage capacity of a site (all products together), undefined = unlimited. */
  readonly capacity: (siteId: string) => number | undefined;
  readonly currency: string;
}

const C = OKABE_ITO;

/** A series as one chart line, or nothing when the run did not keep it. */
function line(label: string, values: ArrayLike<number> | null, color: string, dashed = false): ChartLine[] {
  return values ? [{ label, values, color, dashed }] : [];
}

const constant = (value: number, periods: number) => new Float64Array(periods).fill(value);

/** The statuses of OrderStatus as bars, in the life order of an order (works on estimates too). */
export function orderStatusBars(orders: { readonly [K in keyof OrderStatus]: Num }): Bar[] {
  const statuses: [keyof OrderStatus, string, string][] = [
    ['open', 'open', C.sky], ['backordered', 'backordered', C.vermillion], ['partlyShipped', 'partly shipped', C.orange],
    ['shipped', 'shipped (in transit)', C.blue], ['delivered', 'delivered', C.green], ['cancelled', 'cancelled (lost)', C.black],
  ];
  return statuses.map(([key, label, color]) => {
    const v = orders[key];
    return typeof v === 'number' ? { label, value: v, color } : { label, value: v.mean, low: v.low, high: v.high, color };
  });
}

export function orderStatusNote(orders: { readonly placed: Num; readonly late: Num; readonly averageAgeDelivered: Num }): string {
  return `${formatNum(orders.placed, { digits: 0 })} placed, ${formatNum(orders.late, { digits: 0 })} late; delivered after ${formatNum(orders.averageAgeDelivered, { digits: 1 })} periods on average`;
}

/** Every echelon's orders with end-customer demand; a "missing" chart when no per-node series were kept. */
export function bullwhipChart(result: SimResult): DashboardChart {
  const title = 'Bullwhip: orders placed per echelon';
  const echelons = echelonOrders(result);
  if (!echelons || echelons.length === 0) return { kind: 'missing', id: 'bullwhip', title, message: 'This run kept network totals only: no per-site orders to sum per echelon.' };
  const ratios = new Map(result.summary.echelons.map((e) => [e.echelon, e.bullwhipVsCustomer]));
  const lines: ChartLine[] = [{ label: 'end-customer demand', values: result.series.total.customerDemand, color: C.black, dashed: true }];
  echelons.forEach((e, i) => lines.push({ label: `echelon ${e.echelon} (${e.sites} site${e.sites === 1 ? '' : 's'})`, values: e.ordered, color: seriesColor(i) }));
  const note = `Var(orders) ÷ Var(end-customer demand): ${echelons.map((e) => `echelon ${e.echelon} ${formatNum(ratios.get(e.echelon) ?? Number.NaN, { digits: 2 })}`).join(', ')}`;
  return { kind: 'line', id: 'bullwhip', title, unit: 'units per period', lines, bands: [], note };
}

function networkCharts(result: SimResult, names: DashboardNames): DashboardChart[] {
  const t = result.series.total;
  const s = result.summary.total;
  const cash = partyCash(result).map((c, i): ChartLine => ({ label: c.name || c.partyId || 'own company', values: c.cash, color: seriesColor(i) }));
  return [
    { kind: 'line', id: 'stock', title: 'Stock on hand — whole network', unit: 'units, all sites and products', lines: line('on hand', t.onHand, C.blue), bands: [] },
    { kind: 'line', id: 'transit', title: 'In transit — whole network', unit: 'units on the way', lines: line('in transit', t.inTransit, C.orange), bands: [] },
    { kind: 'line', id: 'orders', title: 'Orders placed vs demand received — whole network', unit: 'units per period', bands: [],
      lines: [...line('orders placed', t.ordered, C.blue), ...line('demand received', t.demand, C.orange), ...line('end-customer demand', t.customerDemand, C.black, true)] },
    { kind: 'line', id: 'backlog', title: 'Backlog and lost sales — whole network', unit: 'units', bands: [],
      lines: [...line('backorders (end of period)', t.backorders, C.vermillion), ...line('lost sales', t.lostSales, C.purple, true)],
      note: `lost sales over the run: ${formatNum(s.lostSales, { digits: 0 })} units` },
    { kind: 'bars', id: 'order-status', title: 'Order status at the end — whole network', unit: 'orders', bars: orderStatusBars(s.orders), note: orderStatusNote(s.orders) },
    bullwhipChart(result),
    cash.length > 0
      ? { kind: 'line', id: 'cash', title: 'Cash per company', unit: names.currency, lines: cash, bands: [] }
      : { kind: 'missing', id: 'cash', title: 'Cash per company', message: 'No company’s cash moves in this run.' },
  ];
}

function siteCharts(result: SimResult, site: ScopeOption, productId: string | null, names: DashboardNames): DashboardChart[] {
  const scope = `${names.site(site.id)}${productId ? `, ${names.product(productId)}` : ''}`;
  const units = productId ? 'units' : 'units, all products';
  const metric = (m: Parameters<typeof siteSeries>[1]) => siteSeries(result, m, site.id, productId);
  const kpis = result.summary.sites.find((s) => s.siteId === site.id);
  const capacity = names.capacity(site.id);
  const onHand = metric('onHand');
  const stockLines = [...line('on hand', onHand, C.blue)];
  if (capacity !== undefined && onHand) stockLines.push({ label: 'storage capacity (all products)', values: constant(capacity, onHand.length), color: REFERENCE_COLOR, dashed: true });
  const charts: DashboardChart[] = [
    { kind: 'line', id: 'stock', title: `Stock on hand — ${scope}`, unit: units, lines: stockLines, bands: [],
      ...(capacity === undefined ? { note: 'no storage capacity set (unlimited)' } : {}) },
    { kind: 'line', id: 'transit', title: `In transit to ${scope}`, unit: units, lines: line('in transit to it', metric('inTransit'), C.orange), bands: [] },
    { kind: 'line', id: 'orders', title: `Orders placed vs demand received — ${scope}`, unit: `${units} per period`, bands: [],
      lines: [...line('orders placed', metric('ordered'), C.blue), ...line('demand received', metric('demand'), C.orange), ...line('shipped', metric('shipped'), C.green, true)] },
    { kind: 'line', id: 'backlog', title: `Backlog — ${scope}`, unit: units, lines: line('backorders (end of period)', metric('backorders'), C.vermillion), bands: [],
      note: kpis ? `lost sales over the run: ${formatNum(kpis.lostSales, { digits: 0 })} units (per site as a total only)` : undefined },
  ];
  if (kpis) charts.push({ kind: 'bars', id: 'order-status', title: `Orders placed by ${names.site(site.id)} — status at the end`, unit: 'orders', bars: orderStatusBars(kpis.orders), note: orderStatusNote(kpis.orders) });
  charts.push(bullwhipChart(result));
  return charts;
}

function laneCharts(result: SimResult, lane: ScopeOption, productId: string | null, names: DashboardNames): DashboardChart[] {
  const scope = `${lane.label}${productId ? `, ${names.product(productId)}` : ''}`;
  const units = productId ? 'units' : 'units, all products';
  const kpis = laneKpis(result.summary, lane.id).filter((k) => productId === null || k.productId === productId);
  const cost = kpis.reduce((sum, k) => sum + k.transportCost, 0);
  const note = kpis.length > 0 ? `transport cost over the run: ${formatNum(cost, { digits: 0, unit: names.currency })}` : undefined;
  return [
    { kind: 'line', id: 'lane-shipped', title: `Shipped — ${scope}`, unit: `${units} per period`, lines: line('shipped', laneSeries(result, 'shipped', lane.id, productId), C.blue), bands: [], note },
    { kind: 'line', id: 'transit', title: `In transit — ${scope}`, unit: units, lines: line('in transit', laneSeries(result, 'inTransit', lane.id, productId), C.orange), bands: [] },
  ];
}

function partyCharts(result: SimResult, party: ScopeOption, names: DashboardNames): DashboardChart[] {
  const b = partyBalances(result, party.id);
  const title = `Cash, receivables and payables — ${party.label}`;
  if (!b) return [{ kind: 'missing', id: 'party', title, message: 'This run kept no money series for this company.' }];
  const kpis = result.summary.parties.find((p) => p.partyId === party.id);
  const note = kpis ? `DSO ${formatNum(kpis.dso, { digits: 1 })}, DIO ${formatNum(kpis.dio, { digits: 1 })}, DPO ${formatNum(kpis.dpo, { digits: 1 })}, cash-to-cash ${formatNum(kpis.cashToCash, { digits: 1 })} days` : undefined;
  return [{ kind: 'line', id: 'party', title, unit: names.currency, bands: [], note,
    lines: [{ label: 'cash', values: b.cash, color: C.blue }, { label: 'receivables', values: b.receivables, color: C.green }, { label: 'payables', values: b.payables, color: C.vermillion, dashed: true }] }];
}

/** The charts of a single run for a scope (and product, for sites and lanes). */
export function singleRunCharts(result: SimResult, scope: ScopeOption, productId: string | null, names: DashboardNames): DashboardChart[] {
  const product = productId !== null && scope.productIds.includes(productId) ? productId : null;
  switch (scope.kind) {
    case 'site': return siteCharts(result, scope, product, names);
    case 'lane': return laneCharts(result, scope, product, names);
    case 'party': return partyCharts(result, scope, names);
    default: return networkCharts(result, names);
  }
}
