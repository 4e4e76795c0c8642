/** Where new scenarios come from: bundled template documents, or a blank one. */
import { CURRENT_VERSION, SCENARIO_FORMAT, loadScenario, type Scenario } from '../../core';

/** A bundled example; `load` returns the raw JSON document (it still goes through loadScenario). */
export interface ScenarioTemplate {
  readonly id: string;
  readonly name: string;
  readonly load: () => Promise<unknown>;
}

export const DEFAULT_BLANK_NAME = 'Untitled scenario';
/** The name field's limit in the scenario format. */
export const MAX_NAME_LENGTH = 200;

/**
 * Names are trimmed and cut to the format's limit (UTF-16 units, as the validator counts them,
 * without splitting a surrogate pair), so a derived name like "Copy of …" never fails to load.
 */
export function fitName(name: string, fallback = DEFAULT_BLANK_NAME): string {
  const trimmed = name.trim();
  if (trimmed === '') return fallback;
  let out = '';
  for (const ch of trimmed) {
    if (out.length + ch.length > MAX_NAME_LENGTH) break;
    out += ch;
  }
  return out.trimEnd();
}

export function blankScenario(id: string, name: string = DEFAULT_BLANK_NAME): Scenario {
  const r = loadScenario({ format: SCENARIO_FORMAT, version: CURRENT_VERSION, id, name: fitName(name) });
  if (!r.ok) throw new Error(`blank scenario is invalid: ${r.message}`);
  return r.scenario;
}

/** Loads a template under a fresh id (the bundled object is shared, so it is never mutated). */
export async function scenarioFromTemplate(template: ScenarioTemplate, id: string): Promise<Scenario> {
  const raw = await template.load();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`template “${template.name}” is not a scenario document`);
  const r = loadScenario({ ...(raw as Record<string, unknown>), id });
  if (!r.ok) throw new Error(`template “${template.name}” does not load: ${r.message}`);
  return r.scenario;
}

/**
 * The scenario of a first visit: the default template, else a blank one (a broken or missing
 * bundle must not leave the user without a scenario), with a notice saying what happened.
 */
export async function defaultScenario(
  templates: readonly ScenarioTemplate[],
  defaultId: string,
  newId: () => string,
): Promise<{ scenario: Scenario; notice: string | null }> {
  const template = templates.find((t) => t.id === defaultId) ?? templates[0];
  try {
    if (!template) throw new Error('no templates are bundled');
    return { scenario: await scenarioFromTemplate(template, newId()), notice: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { scenario: blankScenario(newId()), notice: `The default scenario could not be loaded (${why}); started a blank one.` };
  }
}
