/**
 * How `chainlab plan` prints: a readable report (status, objective, costs by kind, decisions,
 * shortfalls, flows, production, shadow prices, notes) or one JSON document (docs/cli.md).
 */
import type { Scenario } from '../../core/model/types';
import type { ImportedSolution, PlanModel, PlanReading, PlanResult } from '../../core/plan/index';
import { COST_KINDS } from '../../core/plan/index';
import type { CliIo } from '../io';
import type { ExecutionResult } from '../../core/plan/execution/execution-types';
import { executionJson } from './plan-execution-output';

const LIMIT = 20;

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qty = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });
/** One line per value: names may hold line breaks that would break `grep`. */
const oneLine = (s: string) => s.replace(/\r?\n|\r/g, ' ');

function table(io: CliIo, title: string, rows: string[][], all: boolean, total = rows.length): void {
  if (rows.length === 0) return;
  io.stdout(`${title}:\n`);
  const shown = all ? rows : rows.slice(0, LIMIT);
  const widths = shown[0].map((_, c) => Math.max(...shown.map((r) => r[c].length)));
  for (const r of shown) io.stdout(`  ${r.map((cell, c) => (c >= r.length - 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()}\n`);
  if (shown.length < total) io.stdout(`  … ${total - shown.length} more (--all to list them, --json for everything)\n`);
}

function printReading(io: CliIo, r: PlanReading | PlanResult, currency: string, all: boolean): void {
  io.stdout(`costs (${currency}):\n`);
  for (const kind of COST_KINDS) {
    const v = r.costs?.[kind] ?? 0;
    if (v !== 0 && kind !== 'violation') io.stdout(`  ${kind.padEnd(12)} ${money(v).padStart(18)}\n`);
  }
  if (r.costs) io.stdout(`  ${'total cost'.padEnd(12)} ${money(r.costs.totalCost).padStart(18)}\n`);
  if (r.costs && r.costs.revenue !== 0) io.stdout(`  ${'profit'.padEnd(12)} ${money(r.costs.profit).padStart(18)}\n`);
  const design = r.sites.filter((s) => s.status === 'potential');
  if (design.length > 0) io.stdout(`potential sites: ${design.map((s) => `${s.siteId} ${s.open ? 'open' : 'closed'}`).join(', ')}\n`);
  for (const s of r.shortfalls) io.stdout(`unmet: ${oneLine(s.message)}\n`);
  table(io, 'flows (lane, product, shipped → arrives, units, cost)',
    r.flows.map((f) => [f.laneId, f.productId, `${f.period} → ${f.arrival}`, qty(f.quantity), money(f.cost)]), all);
  table(io, 'production (site, product, started → finished, units, cost)',
    r.production.map((p) => [p.siteId, p.productId, `${p.period} → ${p.finished}`, qty(p.quantity), money(p.cost)]), all);
}

export function printPlanText(io: CliIo, scenario: Scenario, r: PlanResult, all: boolean): void {
  const m = r.model;
  io.stdout(`plan: ${oneLine(scenario.name)} — ${m.rows} rows × ${m.columns} columns${m.integers > 0 ? ` (${m.integers} integer)` : ''}, solver ${r.solver ?? 'none'}\n`);
  io.stdout(`status: ${r.status}${r.stopReason ? ` (${r.stopReason})` : ''}${r.gap !== undefined && r.gap > 0 ? `, gap ${(r.gap * 100).toFixed(4)} %` : ''}\n`);
  io.stdout(`${oneLine(r.headline)}\n`);
  if (r.objective !== undefined) io.stdout(`objective: ${money(r.objective)} ${r.currency} (${r.objectiveSense})\n`);
  if (r.costs) printReading(io, r, r.currency, all);
  if (r.infeasibility) for (const line of r.infeasibility.summary) io.stdout(`infeasible: ${oneLine(line)}\n`);
  if (r.unbounded) for (const line of r.unbounded.summary) io.stdout(`unbounded: ${oneLine(line)}\n`);
  if (r.shadowPrices.length > 0) {
    io.stdout(`shadow prices${r.shadowPriceBasis === 'fixed-design' ? ' (with the network design fixed)' : ''}:\n`);
    const shown = all ? r.shadowPrices : r.shadowPrices.slice(0, LIMIT);
    for (const p of shown) io.stdout(`  ${oneLine(p.message)}\n`);
    if (shown.length < r.shadowPrices.length) io.stdout(`  … ${r.shadowPrices.length - shown.length} more (--all to list them)\n`);
  }
  for (const i of r.issues) io.stdout(`${i.level}: ${oneLine(i.message)}\n`);
  io.stdout(`time: build ${r.timings.buildMs} ms, solve ${r.timings.solveMs} ms, total ${r.timings.totalMs} ms\n`);
}

export function printPlanJson(io: CliIo, scenario: Scenario, r: PlanResult, execution?: ExecutionResult): void {
  const doc = { format: 'chainlab.plan-result', version: 1, scenario: { id: scenario.id, name: scenario.name }, ...r, ...(execution ? { execution: executionJson(execution) } : {}) };
  io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
}

export function printImportedSolution(io: CliIo, pm: PlanModel, s: ImportedSolution, a: { readonly json: boolean; readonly all: boolean }): void {
  const currency = pm.network.scenario.settings.currency;
  if (a.json) {
    io.stdout(`${JSON.stringify({
      format: 'chainlab.plan-solution-check', version: 1, feasible: s.check.feasible, objective: s.check.objective,
      matched: s.parsed.matched, unknown: s.parsed.unknown, violations: s.check.violations.slice(0, 1000), messages: s.messages,
      ...(s.plan ? { plan: s.plan } : {}),
    }, null, 2)}\n`);
    return;
  }
  io.stdout(`solution: ${s.parsed.matched} of ${pm.model.numCols} columns given, ${s.check.feasible ? 'feasible' : `${s.check.violations.length} violations`}\n`);
  io.stdout(`objective: ${money(s.check.objective)} ${currency}\n`);
  for (const m of s.messages) io.stdout(`${s.plan ? 'note' : 'violated'}: ${oneLine(m)}\n`);
  if (s.plan) printReading(io, s.plan, currency, a.all);
}
