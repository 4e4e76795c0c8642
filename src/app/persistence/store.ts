/**
 * The one storage interface the app talks to. Two implementations: IndexedDB (`scenario-db.ts`)
 * and a per-tab memory fallback (`memory-store.ts`) with the same rules, so memory-only mode
 * behaves exactly like the real thing.
 */
import type { Scenario } from '../../core';

/** What the library lists without reading the (possibly large) scenario documents. */
export interface ScenarioMeta {
  readonly id: string;
  readonly name: string;
  /** Epoch milliseconds of the last write. */
  readonly updatedAt: number;
  /** Starts at 1, +1 per write: the optimistic-concurrency token between tabs. */
  readonly revision: number;
  /** The document's `version` field as stored (data from a newer app has a higher one). */
  readonly formatVersion: number;
  /** UTF-8 size of the document as JSON. */
  readonly sizeBytes: number;
}

/** A stored record. `doc` is raw: it must go through `loadScenario` before use. */
export interface StoredScenario extends ScenarioMeta {
  readonly doc: unknown;
}

export type PutResult =
  | { readonly ok: true; readonly revision: number; readonly meta: ScenarioMeta }
  /**
   * The stored revision is not the one the caller based its edit on: another tab (or this one,
   * earlier) wrote in between. `current` is what is stored now; null when it was deleted.
   */
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: ScenarioMeta | null }
  /** The stored record was written by a newer app version: never overwrite what we cannot read. */
  | { readonly ok: false; readonly reason: 'newer'; readonly message: string; readonly current: ScenarioMeta };

/**
 * Cached simulation results, one per scenario id (the `results` object store). Values are kept
 * by structured clone, so typed arrays stay typed arrays; what a value holds is the result
 * cache's business (src/app/results). Deleting a scenario deletes its result in the same write.
 */
export interface ResultRecords {
  get(scenarioId: string): Promise<unknown>;
  /** Throws `StorageFullError` when the quota is exhausted, DataCloneError for uncloneable data. */
  put(scenarioId: string, value: unknown): Promise<void>;
  delete(scenarioId: string): Promise<void>;
  keys(): Promise<string[]>;
}

export interface ScenarioStore {
  /** 'indexeddb' or 'memory' — lets the caller say where work is kept. */
  readonly kind: 'indexeddb' | 'memory';
  /** The result cache's records (both built-in stores have them; wrappers may leave them out). */
  readonly results?: ResultRecords;
  list(): Promise<ScenarioMeta[]>;
  get(id: string): Promise<StoredScenario | undefined>;
  /**
   * Stores a JSON deep copy of `doc` if the stored revision equals `expectedRevision`
   * (null: the id must not exist yet). Compare and write are one transaction.
   * Throws `StorageFullError` when the browser's quota is exhausted.
   */
  put(doc: Scenario, expectedRevision: number | null): Promise<PutResult>;
  /** Deletes the scenario and its cached result. */
  delete(id: string): Promise<void>;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

/** Meta key of the id the user had open last. */
export const LAST_OPENED_KEY = 'lastOpenedId';
/** Meta key of the database schema version, stored beside the data. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';
