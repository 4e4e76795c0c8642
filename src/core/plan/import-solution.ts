/**
 * Solutions from outside: a model exported as LP/MPS, solved by any solver, comes back as a
 * solution file and is checked before it is believed. Accepted text (column names as exported):
 *
 *   - HiGHS solution files (`# Columns N` then `name value` lines, up to `# Rows`; the dual and
 *     basis sections are skipped);
 *   - CBC solution files (`index name value reduced-cost` lines under a status line);
 *   - Gurobi/SCIP .sol files and plain `name value`, `name=value` or `name,value` lines.
 *
 * Columns the file does not mention are 0 (CBC and Gurobi write only non-zeros). A line is read
 * as the first known column name on it followed by the first number after it.
 */
import type { PlanModel } from './build';
import { describeRow, describeColumn } from './describe';
import type { LinearModel } from './model';
import { formatQuantity } from './labels';
import { readPlan, type PlanReading } from './read-solution';
import { checkSolution, type SolutionCheck } from './solution-check';

export interface ParsedSolution {
  readonly values: Float64Array;
  /** Columns given a value by the file. */
  readonly matched: number;
  /** Names on the file that are no column of the model (a solution of another model?). */
  readonly unknown: readonly string[];
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?inf(inity)?$/i;

export function parseSolutionText(m: LinearModel, text: string): ParsedSolution {
  const index = new Map(m.colNames.map((n, j) => [n, j]));
  const values = new Float64Array(m.numCols);
  const seen = new Uint8Array(m.numCols);
  const unknown: string[] = [];
  let inRows = false;
  let inDuals = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    // HiGHS files repeat `# Columns` under `# Dual solution values` (reduced costs) and `# Basis`.
    if (/^#\s*(Dual solution|Basis)\b/i.test(line)) { inDuals = true; continue; }
    if (/^#\s*Primal solution\b/i.test(line)) { inDuals = false; continue; }
    if (inDuals) continue;
    if (/^#\s*Rows\b/i.test(line)) { inRows = true; continue; }
    if (/^#\s*Columns\b/i.test(line)) { inRows = false; continue; }
    if (inRows || line === '' || line.startsWith('#') || line.startsWith('\\')) continue;
    const read = readLine(line.replace(/^\*\*\s*/, ''), index);
    if (read === undefined) continue;
    if (typeof read === 'string') { unknown.push(read); continue; }
    const [j, value] = read;
    values[j] = value;
    seen[j] = 1;
  }
  return { values, matched: seen.reduce((s, v) => s + v, 0), unknown };
}

const toNumber = (t: string) => Number(t.replace(/inf(inity)?$/i, 'Infinity'));

/**
 * [column, value] for a line naming a column; the unknown name for a `name(…) value` line of
 * another model; undefined for anything else (headers, status lines, rows).
 */
function readLine(line: string, index: ReadonlyMap<string, number>): [number, number] | string | undefined {
  const tokens = line.split(/\s+/);
  const at = tokens.findIndex((t) => index.has(t));
  if (at >= 0) {
    const value = tokens.slice(at + 1).find((t) => NUMBER.test(t));
    return value === undefined ? undefined : [index.get(tokens[at]) as number, toNumber(value)];
  }
  // `name=value`, `name,value`, `name;value` (names hold commas: split at the last separator).
  const m = /^(.+)[=,;]\s*(\S+)$/.exec(line);
  if (m && index.has(m[1].trim()) && NUMBER.test(m[2])) return [index.get(m[1].trim()) as number, toNumber(m[2])];
  if (tokens.length === 2 && /^[A-Za-z]\S*\(.*\)$/.test(tokens[0]) && NUMBER.test(tokens[1])) return tokens[0];
  return undefined;
}

export interface ImportedSolution {
  readonly parsed: ParsedSolution;
  readonly check: SolutionCheck;
  /** The plan it describes, when the solution is feasible. */
  readonly plan?: PlanReading;
  /** Plain-language findings, the worst violations first. */
  readonly messages: readonly string[];
}

function allowed(lower: number, upper: number): string {
  if (lower === upper) return `must be ${formatQuantity(lower)}`;
  if (lower === -Infinity) return `at most ${formatQuantity(upper)}`;
  if (upper === Infinity) return `at least ${formatQuantity(lower)}`;
  return `between ${formatQuantity(lower)} and ${formatQuantity(upper)}`;
}

/** Parses a solution file for a plan model, checks it, and reads the plan if it holds. */
export function importPlanSolution(pm: PlanModel, text: string): ImportedSolution {
  const parsed = parseSolutionText(pm.model, text);
  const check = checkSolution(pm.model, parsed.values);
  const messages: string[] = [];
  if (parsed.matched === 0) messages.push('The file names no column of this model: is it a solution of the exported model?');
  if (parsed.unknown.length > 0) messages.push(`${parsed.unknown.length} names on the file are not in the model (first: ${parsed.unknown.slice(0, 3).join(', ')}).`);
  for (const v of check.violations.slice(0, 20)) {
    const what = v.kind === 'row' ? describeRow(pm, v.index) : describeColumn(pm, v.index);
    messages.push(v.kind === 'integer'
      ? `${what} must be a whole number (0 or 1), got ${v.value}.`
      : `${what} is violated by ${formatQuantity(v.amount)} (value ${formatQuantity(v.value)}; ${allowed(v.lower, v.upper)}).`);
  }
  if (check.violations.length > 20) messages.push(`… and ${check.violations.length - 20} more violations.`);
  return { parsed, check, messages, ...(check.feasible && parsed.matched > 0 ? { plan: readPlan(pm, parsed.values) } : {}) };
}
