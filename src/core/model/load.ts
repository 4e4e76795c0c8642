/** loadScenario: the single path from any document (file, IndexedDB, link) to a valid Scenario. */
import type { ModelIssue } from './issue';
import { migrateScenario, type MigrateResult } from './migrate';
import type { Scenario } from './types';
import { validateScenario } from './validate';

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly migratedFrom: number; readonly applied: readonly string[] }
  | { readonly ok: false; readonly reason: Extract<MigrateResult, { ok: false }>['reason'] | 'invalid'; readonly message: string; readonly issues: readonly ModelIssue[] };

export function loadScenario(doc: unknown): LoadResult {
  const m = migrateScenario(doc);
  if (!m.ok) return { ok: false, reason: m.reason, message: m.message, issues: [{ table: 'scenario', message: m.message }] };
  const r = validateScenario(m.doc);
  if (!r.ok) {
    return { ok: false, reason: 'invalid', message: `the scenario has ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}`, issues: r.issues };
  }
  return { ok: true, scenario: r.scenario, migratedFrom: m.fromVersion, applied: m.applied };
}
