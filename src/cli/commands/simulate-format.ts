/**
 * Printing a simulation: a KPI summary as aligned text tables (total, per site, per party,
 * orders) or as JSON. With replications every number is "mean ± half-width of its 95 % CI".
 */
import type { Scenario } from '../../core/model/types';
import type { Estimate, Estimated, ReplicationsResult, SimResult, SimSummary } from '../../core/sim';

type Num = number | Estimate;
type Summary = SimSummary | Estimated<SimSummary>;

const isEstimate = (v: Num): v is Estimate => typeof v === 'object';

function plain(x: number, digits: number, percent: boolean): string {
  if (!Number.isFinite(x)) return '—';
  const v = percent ? x * 100 : x;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A number, or an estimate as "mean ± half-width" (percent: × 100 with a % sign). */
export function fmt(v: Num, digits = 0, percent = false): string {
  const unit = percent ? ' %' : '';
  if (!isEstimate(v)) return `${plain(v, digits, percent)}${Number.isFinite(v) ? unit : ''}`;
  if (!Number.isFinite(v.mean)) return '—';
  if (!Number.isFinite(v.halfWidth)) return `${plain(v.mean, digits, percent)}${unit}`;
  return `${plain(v.mean, digits, percent)} ± ${plain(v.halfWidth, digits, percent)}${unit}`;
}

function table(header: readonly string[], rows: readonly string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < rightFrom ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}\n`).join('');
}

/** Strips control characters from names (they are printed as plain text). */
const clean = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');

export function formatSimulation(scenario: Scenario, result: SimResult | undefined, reps: ReplicationsResult | undefined): string {
  const s: Summary = result ? result.summary : reps!.estimate;
  const total = s.total;
  // Replications share the horizon, so the first one's period count stands for all.
  const periods = result ? result.summary.periods : reps!.summaries[0].periods;
  const periodWord = `${scenario.settings.periodLength}${periods === 1 ? '' : 's'}`;
  const seed = result ? result.seed : reps!.seed;
  const runs = reps ? `, ${reps.replications} replications (95 % confidence intervals)` : '';
  const cur = scenario.settings.currency;
  let out = `Simulated "${clean(scenario.name)}": ${periods} ${periodWord}, seed ${seed}${runs}\n\nTotal\n`;
  out += table(['KPI', 'value'], [
    ['end-customer demand (units)', fmt(total.customerDemand)],
    ['fill rate', fmt(total.fillRate, 1, true)],
    ['cycle service level', fmt(total.cycleServiceLevel, 1, true)],
    ['backorders, average (units)', fmt(total.backordersAvg, 1)],
    ['lost sales (units)', fmt(total.lostSales)],
    ['on hand, average (units)', fmt(total.onHandAvg)],
    ['inventory value, average', `${fmt(total.inventoryValueAvg)} ${cur}`],
    ['inventory turns (per year)', fmt(total.turns, 1)],
    ['cost: holding', `${fmt(total.costs.holding)} ${cur}`],
    ['cost: transport', `${fmt(total.costs.transport)} ${cur}`],
    ['cost: production', `${fmt(total.costs.production)} ${cur}`],
    ['cost: ordering', `${fmt(total.costs.ordering)} ${cur}`],
    ['cost: shortage', `${fmt(total.costs.shortage)} ${cur}`],
    ['cost: total', `${fmt(total.costs.total)} ${cur}`],
    ['revenue', `${fmt(total.revenue)} ${cur}`],
    ['margin (revenue − COGS)', `${fmt(total.margin)} ${cur}`],
  ]);
  const o = total.orders;
  out += `  orders: ${fmt(o.placed)} placed, ${fmt(o.delivered)} delivered (after ${fmt(o.averageAgeDelivered, 1)} periods on average), ${fmt(o.late)} not filled on arrival; at the end ${fmt(o.open)} open, ${fmt(o.backordered)} backordered, ${fmt(o.partlyShipped)} partly shipped, ${fmt(o.shipped)} shipped, ${fmt(o.cancelled)} cancelled\n`;

  const sites = s.sites.filter((x) => x.kind !== 'customer' || Number.isFinite(isEstimate(x.demand) ? x.demand.mean : x.demand) && (isEstimate(x.demand) ? x.demand.mean : x.demand) > 0);
  out += '\nSites\n';
  out += table(['site', 'kind', 'echelon', 'fill rate', 'CSL', 'on hand avg', 'backorders avg', 'lost', 'turns', 'bullwhip', 'cost'],
    sites.map((x) => [clean(x.siteId), x.kind, String(isEstimate(x.echelon) ? x.echelon.mean : x.echelon), fmt(x.fillRate, 1, true), fmt(x.cycleServiceLevel, 1, true),
      fmt(x.onHandAvg, 1), fmt(x.backordersAvg, 1), fmt(x.lostSales), fmt(x.turns, 1), fmt(x.bullwhip, 2), fmt(x.costs.total)]), 2);
  const hidden = s.sites.length - sites.length;
  if (hidden > 0) out += `  (${hidden === 1 ? '1 customer site' : `${hidden} customer sites`} without stock not shown: their service is measured at their suppliers)\n`;

  const parties = s.parties.filter((p) => !p.external && (val(p.revenue) !== 0 || val(p.cogs) !== 0 || val(p.purchases) !== 0 || val(p.costs.total) !== 0 || val(p.cashStart) !== 0));
  if (parties.length > 0) {
    out += '\nParties (finance)\n';
    out += table(['party', 'revenue', 'COGS', 'margin', 'purchases', 'cash end', 'DSO', 'DIO', 'DPO', 'cash-to-cash'],
      parties.map((p) => [clean(p.partyId === '' ? '(own company)' : p.partyId), fmt(p.revenue), fmt(p.cogs), fmt(p.margin), fmt(p.purchases), fmt(p.cashEnd),
        fmt(p.dso, 1), fmt(p.dio, 1), fmt(p.dpo, 1), fmt(p.cashToCash, 1)]));
    out += `  (money in ${cur}; DSO, DIO, DPO and cash-to-cash in days)\n`;
  }
  const warnings = result ? result.warnings : reps!.warnings;
  for (const w of warnings) out += `\nwarning: ${clean(w)}`;
  return warnings.length > 0 ? `${out}\n` : out;
}

const val = (v: Num) => (isEstimate(v) ? v.mean : v);

/** The JSON document of `simulate --json` (NaN and infinities become null). */
export function simulationJson(scenario: Scenario, result: SimResult | undefined, reps: ReplicationsResult | undefined): string {
  const doc = {
    format: 'chainlab.simulation',
    version: 1,
    scenario: { id: scenario.id, name: scenario.name },
    seed: result ? result.seed : reps!.seed,
    periods: result ? result.summary.periods : reps!.summaries[0].periods,
    periodLength: scenario.settings.periodLength,
    currency: scenario.settings.currency,
    replications: reps ? reps.replications : 1,
    warnings: result ? result.warnings : reps!.warnings,
    ...(result ? { summary: result.summary } : { estimate: reps!.estimate }),
  };
  return `${JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
