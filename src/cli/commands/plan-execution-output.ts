/**
 * How `chainlab plan --execute` prints the plan executed in the simulator: plan vs simulated per
 * KPI (and, with --replan-every, the plan followed next to the re-planned run), means with the
 * 95 % interval when demand is random; in JSON, the same numbers without the stock series.
 */
import type { Scenario } from '../../core/model/types';
import type { ExecutionResult } from '../../core/plan/execution/execution-types';
import { compareRows, planKpis, type ComparedRow } from '../../core/plan/execution/plan-vs-actual';
import type { PlanResult } from '../../core/plan/index';
import type { CliIo } from '../io';

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneLine = (s: string) => s.replace(/\r?\n|\r/g, ' ');

function cell(row: ComparedRow, value: number, halfWidth = Number.NaN): string {
  const text = row.unit === 'share' ? `${(value * 100).toFixed(1)} %` : row.unit === 'money' ? money(value) : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (!Number.isFinite(halfWidth) || halfWidth <= 1e-6 * Math.max(1, Math.abs(value))) return text;
  return `${text} ± ${row.unit === 'share' ? `${(halfWidth * 100).toFixed(1)} %` : row.unit === 'money' ? money(halfWidth) : halfWidth.toLocaleString('en-US', { maximumFractionDigits: 1 })}`;
}

export function printExecution(io: CliIo, scenario: Scenario, plan: PlanResult, x: ExecutionResult): void {
  const planned = planKpis(plan, scenario.settings.unmetDemand);
  const rows = compareRows(planned, x);
  const fixed = x.rolling ? compareRows(planned, x.rolling.fixed) : undefined;
  const period = scenario.settings.periodLength;
  io.stdout(`execution: ${x.random ? `${x.replications} replications, demand ${x.demandVariability}` : 'one run (nothing is random)'}, seed ${x.seed}\n`);
  if (x.rolling) {
    const r = x.rolling;
    io.stdout(`re-planned every ${r.replanEvery} ${period}${r.replanEvery === 1 ? '' : 's'}, after ${period}s ${r.replanAt.join(', ')}${r.failedReplans > 0 ? ` (${r.failedReplans} re-plans found no plan)` : ''}\n`);
    io.stdout(`plans carried out cost ${money(r.plannedCost.mean)} ${plan.currency} by the planner's objective (first plan ${money(plan.objective ?? 0)})\n`);
  }
  const header = x.rolling ? ['', 'plan', 'plan followed', `re-planned every ${x.rolling.replanEvery}`] : ['', 'plan', 'simulated'];
  const lines = rows.map((row, i) => [
    row.label, cell(row, row.plan),
    ...(fixed ? [cell(fixed[i], fixed[i].actual, fixed[i].halfWidth)] : []),
    cell(row, row.actual, row.halfWidth),
  ]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...lines.map((l) => l[c].length)));
  for (const l of [header, ...lines]) io.stdout(`  ${l.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd()}\n`);
  for (const note of x.rolling?.notes ?? []) io.stdout(`note: ${oneLine(note)}\n`);
  for (const w of x.warnings) io.stdout(`warning: ${oneLine(w)}\n`);
}

/** The execution for --json: every estimate, no stock series. */
export function executionJson(x: ExecutionResult): Record<string, unknown> {
  const { stock: _stock, rolling, ...rest } = x;
  return { ...rest, ...(rolling ? { rolling: { ...rolling, fixed: { total: rolling.fixed.total } } } : {}) };
}
