/**
 * A fork is a what-if copy of a scenario: same network, a name that says which scenario it
 * varies and which what-if it is ("Base — what-if 2"), and a first description line that
 * records where it came from, so a comparison can pair a scenario with its forks later.
 */
import type { Scenario } from '../../core';
import { fitName } from './templates';

const SUFFIX = / — what-if(?: (\d+))?$/;
const ORIGIN = /^What-if of “(.*)” \(id ([^)]+)\)/;

/** The name without a what-if suffix: forking a fork still names the family after its root. */
export function forkBaseName(name: string): string {
  return name.replace(SUFFIX, '');
}

/** "Base — what-if", then "— what-if 2", "3", … skipping numbers already taken in `taken`. */
export function forkName(sourceName: string, taken: readonly string[]): string {
  const base = forkBaseName(sourceName);
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const name = fitName(n === 1 ? `${base} — what-if` : `${base} — what-if ${n}`);
    if (!used.has(name)) return name;
  }
}

/** The id of the scenario `scenario` was forked from, when its description says so. */
export function forkedFrom(scenario: Pick<Scenario, 'description'>): string | null {
  const m = ORIGIN.exec(scenario.description ?? '');
  return m ? m[2] : null;
}

/** The fork of `source` with a fresh id; its description starts with the origin line. */
export function forkScenario(source: Scenario, id: string, taken: readonly string[], date: Date): Scenario {
  const origin = `What-if of “${source.name}” (id ${source.id}), forked ${date.toISOString().slice(0, 10)}.`;
  const lines = (source.description ?? '').split('\n');
  const rest = (ORIGIN.test(lines[0]) ? lines.slice(1) : lines).join('\n');
  const description = rest.trim() ? `${origin}\n${rest.trim()}` : origin;
  return { ...source, id, name: forkName(source.name, taken), description: description.slice(0, 5000) };
}
