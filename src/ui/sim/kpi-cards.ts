/**
 * The KPI cards of a run's summary: what each shows, how it is formatted and its one-line
 * definition (from docs/simulation.md). Works on one run's summary and on a Monte Carlo
 * estimate alike (then every number carries its ± 95 % CI).
 */
import type { Estimated, SimSummary } from '../../core/sim';
import { formatNum, valueOf, type Num } from './format';

export type AnySummary = SimSummary | Estimated<SimSummary>;

export interface KpiLine {
  readonly label: string;
  readonly value: string;
}

export interface KpiCard {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** Unit after the headline value, set smaller. */
  readonly unit?: string;
  readonly definition: string;
  /** Breakdown lines under the headline (cost by kind, one line per company or echelon). */
  readonly lines?: readonly KpiLine[];
}

/** Companies that sell (revenue or COGS), for per-company KPIs. */
function sellers(s: AnySummary) {
  return s.parties.filter((p) => !p.external && (valueOf(p.revenue as Num) !== 0 || valueOf(p.cogs as Num) !== 0));
}

/**
 * The cards of a summary. `profit`: margin − operating costs (app/sim/profit.ts), a number for one
 * run or an estimate over the replications; the card is left out when not given.
 */
export function kpiCards(s: AnySummary, currency: string, profit?: Num): KpiCard[] {
  const t = s.total;
  const money = { digits: 0 };
  const units = { digits: 0 };
  const cost = t.costs;
  // Headline: the company with the largest revenue; the lines name every selling company.
  const bySize = sellers(s).sort((a, b) => valueOf(b.revenue as Num) - valueOf(a.revenue as Num));
  const c2c = bySize.map((p) => ({ label: p.name || p.partyId || 'own company', value: formatNum(p.cashToCash as Num, { digits: 1 }) }));
  const bullwhip = s.echelons.filter((e) => valueOf(e.echelon as Num) >= 1)
    .map((e) => ({ label: `echelon ${valueOf(e.echelon as Num)} (${e.sites.length} site${e.sites.length === 1 ? '' : 's'})`, value: formatNum(e.bullwhipVsCustomer as Num, { digits: 2 }) }));
  return [
    { id: 'fill-rate', label: 'Fill rate', value: formatNum(t.fillRate as Num, { percent: true, digits: 1 }),
      definition: 'End-customer demand filled from stock in the period it arrived ÷ end-customer demand.' },
    { id: 'csl', label: 'Cycle service level', value: formatNum(t.cycleServiceLevel as Num, { percent: true, digits: 1 }),
      definition: 'Share of periods ending without a stock-out (no backorders, no lost sales), mean over the stock points facing end customers.' },
    { id: 'on-hand', label: 'Average on hand', value: formatNum(t.onHandAvg as Num, units), unit: 'units',
      definition: 'Stock on hand at the end of a period, all sites and products, averaged over the periods.' },
    { id: 'backorders', label: 'Backorders / lost sales', value: formatNum(t.backordersAvg as Num, { digits: 1 }), unit: 'units avg',
      definition: 'End-customer backorders at the end of a period (average); lost sales: end-customer demand cancelled (total units).',
      lines: [{ label: 'lost sales', value: formatNum(t.lostSales as Num, { ...units, unit: 'units' }) }] },
    { id: 'cost', label: 'Total cost', value: formatNum(cost.total as Num, money), unit: currency,
      definition: 'Holding + transport + production + ordering + shortage cost over the run, summed over the companies.',
      lines: (['holding', 'transport', 'production', 'ordering', 'shortage'] as const).map((k) => ({ label: k, value: formatNum(cost[k] as Num, money) })) },
    { id: 'revenue', label: 'Revenue', value: formatNum(t.revenue as Num, money), unit: currency,
      definition: 'Invoiced sales net of credit notes, summed over the companies (inter-company sales included).' },
    { id: 'margin', label: 'Margin', value: formatNum(t.margin as Num, money), unit: currency,
      definition: 'Revenue − cost of goods sold (units sold × product value, net of restocked returns).' },
    ...(profit === undefined ? [] : [{ id: 'profit', label: 'Profit', value: formatNum(profit, money), unit: currency,
      definition: 'Margin − holding, transport, production and ordering cost (the shortage penalty is a KPI, not a payment, so it is left out).' }]),
    { id: 'c2c', label: 'Cash-to-cash', value: c2c[0]?.value ?? '—', unit: c2c.length > 0 ? 'days' : undefined,
      definition: 'Days inventory outstanding + days sales outstanding − days payables outstanding, per selling company.',
      lines: c2c },
    { id: 'bullwhip', label: 'Bullwhip per echelon', value: bullwhip.length === 0 ? '—' : bullwhip.at(-1)!.value,
      definition: 'Var(orders placed by all sites of an echelon) ÷ Var(end-customer demand). Echelon 1 serves the end customers, 2 supplies echelon 1, … The headline is the farthest echelon.',
      lines: bullwhip },
  ];
}
