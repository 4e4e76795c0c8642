/** A built-in scenario from scenarios/, loaded through the one load path (throws if it does not load). */
import { readFileSync } from 'node:fs';
import { loadScenario, type Scenario } from '../../src/core';

export function builtInScenario(name: string): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}
