/**
 * Solutions from outside: a model exported as LP/MPS, solved by any solver, comes back as a
 * solution file and is checked before it is believed. Accepted text (column names as exported):
 *
 *   - HiGHS solution files (`# Columns N` then `name value` lines, up to `# Rows`; the dual and
 *     basis sections are skipped);
 *   - CBC solution files (`index name value reduced-cost` lines under a status line);
 *   - GLPK printable solutions (`glpsol -o`: `No. name St Activity …`, a long name alone on its
 *     line with the rest on the next);
 *   - Gurobi/SCIP .sol files and plain `name value`, `name=value` or `name,value` lines.
 *
 * Columns the file does not mention are 0 (CBC and Gurobi write only non-zeros). A line is read
 * as the first known column name on it followed by the first number after it; a line that names
 * a column without a readable number is a problem with its line number, and so is a column given
 * two different values.
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
  /** 1-based line of each unknown name. */
  readonly unknownLines: readonly number[];
  /** Lines that name a column but give it no readable value ("line 12: …"). */
  readonly problems: readonly LineProblem[];
}

export interface LineProblem {
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?inf(inity)?$/i;

export function parseSolutionText(m: LinearModel, text: string): ParsedSolution {
  const index = new Map(m.colNames.map((n, j) => [n, j]));
  const values = new Float64Array(m.numCols);
  const seen = new Uint8Array(m.numCols);
  const unknown: string[] = [];
  const unknownLines: number[] = [];
  const problems: LineProblem[] = [];
  let inRows = false;
  let inDuals = false;
  const lines = text.split(/\r?\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    // HiGHS files repeat `# Columns` under `# Dual solution values` (reduced costs) and `# Basis`.
    if (/^#\s*(Dual solution|Basis)\b/i.test(line)) { inDuals = true; continue; }
    if (/^#\s*Primal solution\b/i.test(line)) { inDuals = false; continue; }
    if (inDuals) continue;
    if (/^#\s*Rows\b/i.test(line)) { inRows = true; continue; }
    if (/^#\s*Columns\b/i.test(line)) { inRows = false; continue; }
    if (inRows || line === '' || line.startsWith('#') || line.startsWith('\\')) continue;
    let read = readLine(line.replace(/^\*\*\s*/, ''), index);
    // GLPK's printable solution (glpsol -o) puts a long name alone on its line and the status,
    // activity and bounds on the next one.
    if (read !== undefined && typeof read !== 'string' && 'alone' in read) {
      const next = (lines[n + 1] ?? '').trim().split(/\s+/);
      const value = next.some((t) => index.has(t)) ? undefined : next.find((t) => NUMBER.test(t));
      if (value !== undefined) {
        n++;
        read = Number.isFinite(toNumber(value)) ? { entry: [read.alone, toNumber(value)] } : { problem: `the value of ${m.colNames[read.alone]} is not finite (${value})` };
      } else {
        read = { problem: `${m.colNames[read.alone]} has no value` };
      }
    }
    if (read === undefined) continue;
    if (typeof read === 'string') { unknown.push(read); unknownLines.push(n + 1); continue; }
    if ('problem' in read) { problems.push({ line: n + 1, message: read.problem }); continue; }
    if (!('entry' in read)) continue;
    const [j, value] = read.entry;
    if (seen[j] && values[j] !== value) problems.push({ line: n + 1, message: `${m.colNames[j]} is given a second, different value (${value}; before: ${values[j]})` });
    values[j] = value;
    seen[j] = 1;
  }
  return { values, matched: seen.reduce((s, v) => s + v, 0), unknown, unknownLines, problems };
}

const toNumber = (t: string) => Number(t.replace(/inf(inity)?$/i, 'Infinity'));

type LineRead = { readonly entry: [number, number] } | { readonly problem: string } | { readonly alone: number };

/**
 * The column and value of a line naming a column (or why its value cannot be read); the unknown
 * name for a `name(…) value` line of another model; undefined for anything else (headers, status
 * lines, rows).
 */
function readLine(line: string, index: ReadonlyMap<string, number>): LineRead | string | undefined {
  const tokens = line.split(/\s+/);
  const at = tokens.findIndex((t) => index.has(t));
  if (at >= 0) {
    const rest = tokens.slice(at + 1);
    if (rest.length === 0) return { alone: index.get(tokens[at]) as number };
    const value = rest.find((t) => NUMBER.test(t));
    if (value === undefined) return { problem: `the value of ${tokens[at]} is not a number ("${rest[0].slice(0, 40)}")` };
    const x = toNumber(value);
    if (!Number.isFinite(x)) return { problem: `the value of ${tokens[at]} is not finite (${value})` };
    return { entry: [index.get(tokens[at]) as number, x] };
  }
  // `name=value`, `name,value`, `name;value` (names hold commas: split at the last separator).
  const m = /^(.+)[=,;]\s*(\S*)$/.exec(line);
  if (m && index.has(m[1].trim())) {
    if (!NUMBER.test(m[2])) return { problem: `the value of ${m[1].trim()} is not a number ("${m[2].slice(0, 40)}")` };
    const x = toNumber(m[2]);
    return Number.isFinite(x) ? { entry: [index.get(m[1].trim()) as number, x] } : { problem: `the value of ${m[1].trim()} is not finite (${m[2]})` };
  }
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
  for (const p of parsed.problems.slice(0, 20)) messages.push(`Line ${p.line}: ${p.message}.`);
  if (parsed.matched === 0) messages.push('The file names no column of this model: is it a solution of the exported model?');
  if (parsed.unknown.length > 0) {
    const first = parsed.unknown.slice(0, 3).map((name, i) => `${name} on line ${parsed.unknownLines[i]}`);
    messages.push(`${parsed.unknown.length} names on the file are not in the model (first: ${first.join(', ')}).`);
  }
  for (const v of check.violations.slice(0, 20)) {
    const what = v.kind === 'row' ? describeRow(pm, v.index) : describeColumn(pm, v.index);
    messages.push(v.kind === 'integer'
      ? `${what} must be a whole number (0 or 1), got ${v.value}.`
      : `${what} is violated by ${formatQuantity(v.amount)} (value ${formatQuantity(v.value)}; ${allowed(v.lower, v.upper)}).`);
  }
  if (check.violations.length > 20) messages.push(`… and ${check.violations.length - 20} more violations.`);
  const usable = check.feasible && parsed.matched > 0 && parsed.problems.length === 0;
  return { parsed, check, messages, ...(usable ? { plan: readPlan(pm, parsed.values) } : {}) };
}
