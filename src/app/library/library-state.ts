/** The library's observable state and the small pure helpers that derive new states. */
import type { Scenario } from '../../core';
import type { ScenarioMeta } from '../persistence/store';
import { isQuotaError, StoreClosedError } from '../persistence/storage-errors';
import { notSavedMessage, STORAGE_FULL_MESSAGE, VERSION_CHANGE_MESSAGE, type SaveState } from './save-state';

export interface LibraryState {
  /** init() finished: a scenario is open (or the library is empty because storage failed). */
  readonly ready: boolean;
  /** All stored scenarios, most recently changed first. */
  readonly list: readonly ScenarioMeta[];
  readonly currentId: string | null;
  /** The in-memory truth of the open scenario (ahead of storage while unsaved). */
  readonly current: Scenario | null;
  readonly save: SaveState;
  /** A lasting condition the user should know (memory-only, another tab blocking an upgrade). */
  readonly warning: string | null;
  /** The last operation that failed, in words (e.g. a scenario that does not load). */
  readonly error: string | null;
}

export const INITIAL_LIBRARY_STATE: LibraryState = Object.freeze<LibraryState>({
  ready: false, list: [], currentId: null, current: null, save: { kind: 'loading' }, warning: null, error: null,
});

export function sortList(list: readonly ScenarioMeta[]): ScenarioMeta[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

export function upsertMeta(list: readonly ScenarioMeta[], meta: ScenarioMeta): ScenarioMeta[] {
  return sortList([...list.filter((m) => m.id !== meta.id), meta]);
}

export function removeMeta(list: readonly ScenarioMeta[], id: string): ScenarioMeta[] {
  return list.filter((m) => m.id !== id);
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The sentence shown when a write fails: storage full and a closed database get their own. */
export function writeErrorMessage(e: unknown): string {
  if (isQuotaError(e)) return STORAGE_FULL_MESSAGE;
  if (e instanceof StoreClosedError) return VERSION_CHANGE_MESSAGE;
  return notSavedMessage(e instanceof Error ? e.message : String(e));
}

/** Thrown when switching scenarios would drop edits that could not be saved. */
export class UnsavedChangesError extends Error {
  override readonly name = 'UnsavedChangesError';
}
