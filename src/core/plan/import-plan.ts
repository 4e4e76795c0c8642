/**
 * importPlanResult: an external solver's solution file, for a scenario, as a PlanResult the app
 * shows like a plan it solved itself — or, when the file cannot be believed, why not, in words:
 *
 *   empty            nothing in the file
 *   malformed        not text, or lines that name a column without a readable value (line numbers)
 *   wrong-model      names that are no column of this scenario's model (another scenario, an older
 *                    version of this one, or the other demand setting)
 *   infeasible       values that break the model's rows, bounds or integrality (which, by how much)
 *   invalid-scenario the scenario itself cannot be planned
 *
 * The model is rebuilt from the scenario exactly as "Export the model" writes it (same demand
 * setting), so a file solved from that export matches column for column. The plan is checked
 * against every row and bound (solution-check.ts) before it is read; ChainLab does not prove it
 * optimal, so the result is 'feasible' with `imported` saying where it came from, and carries
 * no shadow prices.
 */
import type { Scenario } from '../model/types';
import { buildPlanModelFromNetwork } from './build';
import type { DemandMode } from './build-context';
import { checkPlanInput } from './check';
import { importPlanSolution } from './import-solution';
import { formatMoney } from './labels';
import { integerCount, nonzeroCount } from './model';
import { buildPlanNetwork } from './network';
import { planNotes } from './plan-notes';
import type { PlanResult } from './result';

export type ImportFailure = 'empty' | 'malformed' | 'wrong-model' | 'infeasible' | 'invalid-scenario';

export type ImportPlanOutcome =
  | { readonly ok: true; readonly result: PlanResult }
  | { readonly ok: false; readonly reason: ImportFailure; readonly message: string; readonly details: readonly string[] };

export interface ImportPlanOptions {
  readonly demand?: DemandMode;
  /** Shown in messages and the headline. */
  readonly fileName?: string;
}

/** Largest solution file read (a 3-million-column model's file is about 100 MB; the browser's limit is far lower). */
export const MAX_SOLUTION_CHARS = 200_000_000;

/** Index of the first control character other than tab, line feed, form feed and carriage return in the first `limit` characters, or -1. */
function controlCharacterAt(text: string, limit: number): number {
  for (let i = 0; i < Math.min(limit, text.length); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 11) return i;
  }
  return -1;
}

const clock = (globalThis as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

export function importPlanResult(scenario: Scenario, text: string, options: ImportPlanOptions = {}): ImportPlanOutcome {
  const started = now();
  const file = options.fileName ? `“${options.fileName}”` : 'The file';
  const fail = (reason: ImportFailure, message: string, details: readonly string[] = []): ImportPlanOutcome => ({ ok: false, reason, message, details });
  if (text.length > MAX_SOLUTION_CHARS) return fail('malformed', `${file} is too large to read (${Math.round(text.length / 1e6)} million characters).`);
  if (text.trim() === '') return fail('empty', `${file} is empty: it holds no solution.`);
  const binary = controlCharacterAt(text, 4096);
  if (binary >= 0) return fail('malformed', `${file} is not a text file (a control character at position ${binary + 1}): choose the solution file your solver wrote.`);

  const network = buildPlanNetwork(scenario);
  const issues = checkPlanInput(network);
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) return fail('invalid-scenario', 'The scenario cannot be planned as it is, so no solution fits it.', errors.map((e) => e.message));
  const pm = buildPlanModelFromNetwork(network, { demand: options.demand });
  const buildMs = now() - started;
  const imported = importPlanSolution(pm, text);
  const { parsed, check } = imported;

  if (parsed.problems.length > 0) {
    const first = parsed.problems[0];
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more line${parsed.problems.length > 2 ? 's' : ''})` : '';
    return fail('malformed', `${file} cannot be read: line ${first.line}: ${first.message}${more}.`, parsed.problems.slice(0, 20).map((p) => `Line ${p.line}: ${p.message}.`));
  }
  if (parsed.matched === 0 || parsed.unknown.length > 0) {
    const where = parsed.unknown.length > 0 ? ` (line ${parsed.unknownLines[0]}: ${parsed.unknown[0]})` : '';
    const message = parsed.matched === 0
      ? `${file} names no column of this scenario's model${where}: it is not a solution of the model exported from this scenario.`
      : `${parsed.unknown.length} name${parsed.unknown.length === 1 ? '' : 's'} in ${file === 'The file' ? 'the file' : file} ${parsed.unknown.length === 1 ? 'is' : 'are'} not in this scenario's model${where}: it belongs to another scenario, an older version of this one, or the other demand setting. Export the model again and solve that.`;
    return fail('wrong-model', message, parsed.unknown.slice(0, 20).map((name, i) => `Line ${parsed.unknownLines[i]}: ${name}`));
  }
  if (!check.feasible || !imported.plan) {
    const n = check.violations.length;
    return fail('infeasible', `${file} does not fit this scenario's model: it breaks ${n} constraint${n === 1 ? '' : 's'}. The worst:`, imported.messages);
  }

  const reading = imported.plan;
  const m = pm.model;
  const s = scenario.settings;
  const objective = m.sense === 'max' ? reading.costs.profit : reading.costs.totalCost;
  const unmet = reading.shortfalls.reduce((t, x) => t + x.quantity, 0);
  const what = s.objective === 'max-profit' ? 'profit' : 'total cost';
  const headline = `Plan imported from ${file === 'The file' ? 'the solution file' : file}: ${what} ${formatMoney(objective, s.currency)}; every constraint of this scenario's model holds.${unmet > 0 ? ` ${Math.round(unmet).toLocaleString('en-US')} units of demand stay unmet.` : ''}`;
  const ms = Math.round((now() - started) * 10) / 10;
  return {
    ok: true,
    result: {
      status: 'feasible', headline, objectiveSense: s.objective, objective, currency: s.currency, periodLabel: s.periodLength, horizon: network.horizon,
      costs: reading.costs, sites: reading.sites, lanes: reading.lanes, shortfalls: reading.shortfalls,
      flows: reading.flows, production: reading.production, stock: reading.stock, demand: reading.demand, shadowPrices: [],
      imported: { fileName: options.fileName ?? '', columnsGiven: parsed.matched },
      issues: [...issues, ...planNotes(pm, reading)],
      model: { rows: m.numRows, columns: m.numCols, nonzeros: nonzeroCount(m), integers: integerCount(m) },
      timings: { buildMs: Math.round(buildMs * 10) / 10, solveMs: 0, totalMs: ms },
    },
  };
}
