/**
 * The KPIs a comparison of what-ifs shows, each with its unit, the direction that counts as
 * better and its definition (as in docs/simulation.md). `read` takes one run's summary or a
 * Monte Carlo estimate alike and returns the number (or estimate), undefined when the summary
 * does not have it (e.g. a network without echelons above the customers).
 */
import { pointOf, type AnySummary, type SummaryNumber } from './kpi-values';

/** Which way is better. */
export type KpiDirection = 'higher' | 'lower';

/** share: 0–1 (shown as %, deltas in percentage points); perYear: annualised ratio. */
export type KpiUnit = 'share' | 'units' | 'money' | 'days' | 'ratio' | 'perYear';

export interface KpiDef {
  readonly id: string;
  readonly label: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly definition: string;
  readonly read: (s: AnySummary) => SummaryNumber | undefined;
}

const COST_KINDS = ['holding', 'transport', 'production', 'ordering', 'shortage'] as const;

/** The company whose cash-to-cash is compared: the non-external party with the largest revenue. */
function mainSeller(s: AnySummary) {
  let best: AnySummary['parties'][number] | undefined;
  for (const p of s.parties) {
    if (p.external) continue;
    const revenue = pointOf(p.revenue);
    if (!(revenue > 0)) continue;
    if (!best || revenue > pointOf(best.revenue)) best = p;
  }
  return best;
}

/** The echelon farthest from the customers (largest echelon number ≥ 1). */
function farthestEchelon(s: AnySummary) {
  let best: AnySummary['echelons'][number] | undefined;
  for (const e of s.echelons) {
    const n = pointOf(e.echelon);
    if (n >= 1 && (!best || n > pointOf(best.echelon))) best = e;
  }
  return best;
}

const costKpi = (kind: (typeof COST_KINDS)[number]): KpiDef => ({
  id: `cost-${kind}`,
  label: `Cost: ${kind}`,
  unit: 'money',
  direction: 'lower',
  definition: `${kind[0].toUpperCase()}${kind.slice(1)} cost over the measured periods, summed over the companies.`,
  read: (s) => s.total.costs[kind],
});

export const KPI_CATALOGUE: readonly KpiDef[] = [
  { id: 'fill-rate', label: 'Fill rate', unit: 'share', direction: 'higher',
    definition: 'End-customer demand filled from stock in the period it arrived ÷ end-customer demand.',
    read: (s) => s.total.fillRate },
  { id: 'cycle-service-level', label: 'Cycle service level', unit: 'share', direction: 'higher',
    definition: 'Share of periods ending without a stock-out (no backorders, no lost sales), mean over the stock points facing end customers.',
    read: (s) => s.total.cycleServiceLevel },
  { id: 'lost-sales', label: 'Lost sales', unit: 'units', direction: 'lower',
    definition: 'End-customer demand cancelled because it could not be served (total units).',
    read: (s) => s.total.lostSales },
  { id: 'backorders-avg', label: 'Backorders (average)', unit: 'units', direction: 'lower',
    definition: 'End-customer backorders at the end of a period, averaged over the periods.',
    read: (s) => s.total.backordersAvg },
  { id: 'on-hand-avg', label: 'On hand (average)', unit: 'units', direction: 'lower',
    definition: 'Stock on hand at the end of a period, all sites and products, averaged over the periods (less ties up less capital).',
    read: (s) => s.total.onHandAvg },
  { id: 'inventory-value', label: 'Inventory value (average)', unit: 'money', direction: 'lower',
    definition: 'Average value (units × product value) of the stock the companies own, on hand and in transit.',
    read: (s) => s.total.inventoryValueAvg },
  ...COST_KINDS.map(costKpi),
  { id: 'cost-total', label: 'Cost: total', unit: 'money', direction: 'lower',
    definition: 'Holding + transport + production + ordering + shortage cost over the measured periods, summed over the companies.',
    read: (s) => s.total.costs.total },
  { id: 'revenue', label: 'Revenue', unit: 'money', direction: 'higher',
    definition: 'Invoiced sales net of credit notes, summed over the companies (inter-company sales included).',
    read: (s) => s.total.revenue },
  { id: 'margin', label: 'Margin', unit: 'money', direction: 'higher',
    definition: 'Revenue − cost of goods sold (units sold × product value, net of restocked returns).',
    read: (s) => s.total.margin },
  { id: 'cash-to-cash', label: 'Cash-to-cash', unit: 'days', direction: 'lower',
    definition: 'Days inventory outstanding + days sales outstanding − days payables outstanding of the company with the largest revenue.',
    read: (s) => mainSeller(s)?.cashToCash },
  { id: 'bullwhip', label: 'Bullwhip (farthest echelon)', unit: 'ratio', direction: 'lower',
    definition: 'Var(orders placed by the echelon farthest from the customers) ÷ Var(end-customer demand); 1 = no amplification.',
    read: (s) => farthestEchelon(s)?.bullwhipVsCustomer },
  { id: 'turns', label: 'Inventory turns', unit: 'perYear', direction: 'higher',
    definition: 'Units shipped per year ÷ average on hand.',
    read: (s) => s.total.turns },
];

/** Words for a unit, as in a table header or CSV column ("EUR" for money). */
export function unitLabel(unit: KpiUnit, currency: string): string {
  switch (unit) {
    case 'share': return '%';
    case 'units': return 'units';
    case 'money': return currency;
    case 'days': return 'days';
    case 'ratio': return 'ratio';
    case 'perYear': return 'per year';
  }
}
