/**
 * validateScenario: the one gate every scenario passes (after `migrateScenario`). Row schemas
 * first (types, ranges, units), then cross-table references. Issues say where and what.
 */
import * as v from 'valibot';
import type { ModelIssue } from './issue';
import { checkReferences } from './references';
import { ScenarioSchema } from './tables';
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

export function validateScenario(doc: unknown): ValidationResult {
  const parsed = v.safeParse(ScenarioSchema, doc, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, issues: parsed.issues.slice(0, MAX_ISSUES).map(toModelIssue) };
  }
  const refIssues = checkReferences(parsed.output);
  if (refIssues.length > 0) return { ok: false, issues: refIssues.slice(0, MAX_ISSUES) };
  return { ok: true, scenario: parsed.output, issues: [] };
}
