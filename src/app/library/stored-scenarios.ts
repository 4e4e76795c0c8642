/** Reading stored records back into scenarios: always through loadScenario (cases 7, 8). */
import { loadScenario, scenarioToJson, type ModelIssue, type Scenario } from '../../core';
import { createMemoryStore } from '../persistence/memory-store';
import type { ScenarioMeta, ScenarioStore } from '../persistence/store';
import { MEMORY_ONLY_MESSAGE, NEWER_DB_MESSAGE } from './save-state';

export type Loaded =
  | { readonly ok: true; readonly scenario: Scenario; readonly meta: ScenarioMeta }
  | { readonly ok: false; readonly message: string; readonly issues: ModelIssue[] };

/** Migrates and validates a stored record; the stored record itself is never touched. */
export async function loadStored(store: ScenarioStore, id: string): Promise<Loaded> {
  const rec = await store.get(id);
  if (!rec) return { ok: false, message: 'That scenario no longer exists.', issues: [] };
  const r = loadScenario(rec.doc);
  if (!r.ok) return { ok: false, message: `Could not open “${rec.name}”: ${r.message}`, issues: [...r.issues] };
  const { doc: _doc, ...meta } = rec;
  // The record key wins over a stray id inside the document.
  return { ok: true, scenario: r.scenario.id === id ? r.scenario : { ...r.scenario, id }, meta };
}

/**
 * Export text of a stored document. Rescue path: data this app cannot read (newer, broken) is
 * still the user's, so it is handed out verbatim instead of refused.
 */
export function storedDocText(doc: unknown): string {
  const r = loadScenario(doc);
  return r.ok ? scenarioToJson(r.scenario) : `${JSON.stringify(doc, null, 2)}\n`;
}

/** `preferred` first, then every stored scenario newest first, without `exclude`. */
export function candidateIds(list: readonly ScenarioMeta[], preferred: string | null, exclude: string | null): string[] {
  const ids = [...(preferred === null ? [] : [preferred]), ...list.map((m) => m.id)];
  return [...new Set(ids)].filter((id) => id !== exclude);
}

export interface OpenedStore {
  readonly store: ScenarioStore;
  readonly list: ScenarioMeta[];
  /** Set when the fallback is in use: what to tell the user. */
  readonly warning: string | null;
}

/**
 * The real store, or a memory store with a warning when it cannot be opened or read (case 5).
 * VersionError means a newer ChainLab upgraded the database: reloading fixes that, so say so.
 */
export async function openStoreOrMemory(open: () => Promise<ScenarioStore>, now: () => number): Promise<OpenedStore> {
  let store: ScenarioStore | undefined;
  try {
    store = await open();
    return { store, list: await store.list(), warning: null };
  } catch (e) {
    store?.close();
    const warning = (e as { name?: unknown } | null)?.name === 'VersionError' ? NEWER_DB_MESSAGE : MEMORY_ONLY_MESSAGE;
    return { store: createMemoryStore(now), list: [], warning };
  }
}
