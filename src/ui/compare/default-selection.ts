/**
 * Which scenarios the Compare view starts with: the open scenario and the one it is a what-if
 * of — its origin first (the baseline) when the open scenario is a fork or copy, else the open
 * scenario first with its most recent fork or copy. Relations come from the library's naming:
 * a duplicate is "Copy of <name>", a fork "<name> — what-if [n]" with an origin line in its
 * description (app/library/fork.ts). Without a relative, the most recently saved other scenario.
 */
import { forkBaseName, forkedFrom } from '../../app/library/fork';
import type { ScenarioMeta } from '../../app/persistence/store';
import type { Scenario } from '../../core/model/types';

const COPY_PREFIX = 'Copy of ';
const WHAT_IF = / — what-if(?: \d+)?$/;

/** True when `name` is a copy or a fork named after `origin`. */
function derivedName(name: string, origin: string): boolean {
  if (name === `${COPY_PREFIX}${origin}`) return true;
  return WHAT_IF.test(name) && forkBaseName(name) === forkBaseName(origin) && name !== origin;
}

/** The scenario the open one was copied or forked from, if it is in the list. */
function originOf(current: Scenario, list: readonly ScenarioMeta[]): ScenarioMeta | undefined {
  const others = list.filter((m) => m.id !== current.id);
  const forked = forkedFrom(current);
  if (forked) {
    const m = others.find((o) => o.id === forked);
    if (m) return m;
  }
  if (current.name.startsWith(COPY_PREFIX)) {
    const name = current.name.slice(COPY_PREFIX.length);
    const m = newest(others.filter((o) => o.name === name));
    if (m) return m;
  }
  if (WHAT_IF.test(current.name)) return newest(others.filter((o) => o.name === forkBaseName(current.name)));
  return undefined;
}

function newest(list: readonly ScenarioMeta[]): ScenarioMeta | undefined {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** Ids to compare, baseline first (at most 2; 1 when the library holds only the open scenario). */
export function defaultSelection(current: Scenario | null, list: readonly ScenarioMeta[]): string[] {
  if (!current) return list.slice(0, 2).map((m) => m.id);
  const origin = originOf(current, list);
  if (origin) return [origin.id, current.id];
  const others = list.filter((m) => m.id !== current.id);
  const derived = newest(others.filter((m) => derivedName(m.name, current.name)));
  const partner = derived ?? newest(others);
  return partner ? [current.id, partner.id] : [current.id];
}
