/**
 * validateScenario: the one gate every scenario passes (after `migrateScenario`). Row schemas
 * first (types, ranges, units), then cross-table references. Issues say where and what.
 */
import * as v from 'valibot';
import type { ModelIssue } from './issue';
import { checkReferences } from './references';
import { ScenarioSchema, SettingsSchema, TABLES, TABLE_NAMES } from './tables';
import type { Scenario } from './types';

export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly issues: readonly [] }
  | { readonly ok: false; readonly scenario?: undefined; readonly issues: readonly ModelIssue[] };

/** Most issues reported for one document: past that the list stops helping. */
export const MAX_ISSUES = 500;

function toModelIssue(issue: v.BaseIssue<unknown>): ModelIssue {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const [first, second, third, ...rest] = keys;
  const message = describe(issue);
  if (typeof first === 'string' && typeof second === 'number') {
    const field = [third, ...rest].filter((k) => k !== undefined).join('.');
    return { table: first, row: second, field: field || undefined, message };
  }
  if (first === 'settings') return { table: 'settings', field: [second, third, ...rest].filter((k) => k !== undefined).join('.') || undefined, message };
  return { table: 'scenario', field: keys.length ? keys.join('.') : undefined, message };
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.input === undefined && (issue.kind === 'schema')) return 'is required';
  const got = issue.input;
  const shown = typeof got === 'string' ? JSON.stringify(got.length > 40 ? `${got.slice(0, 40)}…` : got)
    : typeof got === 'number' || typeof got === 'boolean' || got === null ? String(got)
      : Array.isArray(got) ? 'a list' : typeof got === 'object' ? 'an object' : String(got);
  return `${issue.message} (got ${shown})`;
}

/**
 * When some rows fail their schema, the cross-table rules still run on a best-effort copy (valid
 * rows normalised, invalid rows as given) so one pass lists every problem — a bad latitude and a
 * lane to a missing site together. Invalid rows keep their ids, so a reference to them is not
 * "unknown"; rule findings on the invalid rows themselves are dropped (their fields may not even
 * have the right types).
 */
function referenceIssuesDespiteRowErrors(doc: unknown, rowIssues: readonly ModelIssue[]): ModelIssue[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const raw = doc as Record<string, unknown>;
  const partial: Record<string, unknown> = { ...raw };
  const settings = v.safeParse(SettingsSchema, raw.settings ?? {});
  partial.settings = settings.success ? settings.output : v.parse(SettingsSchema, {});
  for (const table of TABLE_NAMES) {
    const rows = raw[table] ?? [];
    if (!Array.isArray(rows)) return [];
    partial[table] = rows.map((r: unknown) => {
      const p = v.safeParse(TABLES[table] as v.GenericSchema, r);
      return p.success ? p.output : typeof r === 'object' && r !== null ? r : {};
    });
  }
  const failedRows = new Set(rowIssues.map((i) => `${i.table}[${i.row ?? ''}]`));
  try {
    return checkReferences(partial as Scenario).filter((i) => !failedRows.has(`${i.table}[${i.row ?? ''}]`));
  } catch {
    return []; // a shape the rules cannot read: the row issues already say what is wrong
  }
}

export function validateScenario(doc: unknown): ValidationResult {
  const parsed = v.safeParse(ScenarioSchema, doc, { abortEarly: false });
  if (!parsed.success) {
    const rowIssues = parsed.issues.slice(0, MAX_ISSUES).map(toModelIssue);
    const more = referenceIssuesDespiteRowErrors(doc, rowIssues);
    return { ok: false, issues: [...rowIssues, ...more].slice(0, MAX_ISSUES) };
  }
  const refIssues = checkReferences(parsed.output);
  if (refIssues.length > 0) return { ok: false, issues: refIssues.slice(0, MAX_ISSUES) };
  return { ok: true, scenario: parsed.output, issues: [] };
}
