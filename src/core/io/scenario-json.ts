/** Scenario ⇄ JSON text, through the one load path (safe parse → migrate → validate). */
import { loadScenario, type LoadResult } from '../model/load';
import type { Scenario } from '../model/types';
import { parseJsonSafely } from './safe-json';

export function scenarioFromJson(text: string): LoadResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, reason: 'not-a-scenario', message: parsed.message, issues: [{ table: 'scenario', message: parsed.message }] };
  return loadScenario(parsed.value);
}

/** Stable, human-diffable JSON: keys in schema order (validation output order), 2-space indent. */
export function scenarioToJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
