/**
 * The IndexedDB implementation of ScenarioStore: the only module that touches IndexedDB.
 *
 * Layout (DB_SCHEMA_VERSION 2): `scenarios` holds ScenarioMeta (keyPath id) so the library can
 * list without reading documents; `docs` holds `{ id, doc }`; `meta` holds app keys
 * (lastOpenedId, schemaVersion); `results` (since version 2) holds one cached simulation result
 * per scenario id (out-of-line key). A scenario write touches `scenarios` and `docs` in one
 * transaction, after comparing revisions inside that same transaction; deleting a scenario
 * deletes its cached result in that same transaction.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Scenario } from '../../core';
import { buildMeta, decidePut, toPlainDoc } from './records';
import { isQuotaError, StorageFullError, StoreClosedError } from './storage-errors';
import { SCHEMA_VERSION_KEY, type PutResult, type ResultRecords, type ScenarioMeta, type ScenarioStore, type StoredScenario } from './store';

export const DB_NAME = 'chainlab';
/** Bump with a new step in `upgradeSchema`; older tabs are asked to close (see `blocking`). */
export const DB_SCHEMA_VERSION = 2;

interface ChainLabDb extends DBSchema {
  scenarios: { key: string; value: ScenarioMeta };
  docs: { key: string; value: { id: string; doc: unknown } };
  meta: { key: string; value: unknown };
  results: { key: string; value: unknown };
}

export interface OpenScenarioDbOptions {
  name?: string;
  /** Defaults to the global `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  idbFactory?: IDBFactory;
  /** Schema version to open; only tests ask for another than DB_SCHEMA_VERSION. */
  version?: number;
  /** Our upgrade waits for other tabs still holding an older connection: tell the user. */
  onBlocked?: () => void;
  /** Another tab wants a newer schema: our connection is already closed when this runs. */
  onVersionChange?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk gone). */
  onTerminated?: () => void;
  now?: () => number;
}

type Db = IDBPDatabase<ChainLabDb>;
type WriteTx = IDBPTransaction<ChainLabDb, Array<StoreNames<ChainLabDb>>, 'readwrite'>;
const noop = (): void => {};

/**
 * Stores are created when missing rather than by `oldVersion` alone, so a database left
 * half-made (or made by something else under our name) is repaired instead of aborting the open.
 * Version 1: scenarios, docs, meta. Version 2 (1 → 2): adds `results`; scenarios are untouched.
 */
function upgradeSchema(db: Db, oldVersion: number, newVersion: number): void {
  if (!db.objectStoreNames.contains('scenarios')) db.createObjectStore('scenarios', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
  if (oldVersion < 2 && newVersion >= 2 && !db.objectStoreNames.contains('results')) db.createObjectStore('results');
}

/**
 * idb's `openDB` always uses the global `indexedDB`; this is the same sequence of events
 * (upgradeneeded → blocked → success, then versionchange/close on the open connection)
 * on an injectable factory, still returning idb's promise-wrapped database.
 */
function openWith(factory: IDBFactory, name: string, version: number, o: OpenScenarioDbOptions, closed: () => void): Promise<Db> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as Db;
    upgradeSchema(db, event.oldVersion, event.newVersion ?? version);
    // The schema version lives beside the data, so an export of the raw DB says what it is.
    request.transaction?.objectStore('meta').put(version, SCHEMA_VERSION_KEY);
  });
  request.addEventListener('blocked', () => o.onBlocked?.());
  const opened = wrap(request) as unknown as Promise<Db>;
  return opened.then((db) => {
    // Close at once so the other tab's upgrade can proceed; this tab must reload to save again.
    db.addEventListener('versionchange', () => { db.close(); closed(); (o.onVersionChange ?? noop)(); });
    db.addEventListener('close', () => { closed(); (o.onTerminated ?? noop)(); });
    return db;
  });
}

export async function openScenarioDb(o: OpenScenarioDbOptions = {}): Promise<ScenarioStore> {
  const factory = o.idbFactory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (!factory) throw new Error('IndexedDB is not available in this browser');
  let isClosed = false;
  const db = await openWith(factory, o.name ?? DB_NAME, o.version ?? DB_SCHEMA_VERSION, o, () => { isClosed = true; });
  const now = o.now ?? Date.now;

  const open = (): Db => {
    if (isClosed) throw new StoreClosedError();
    return db;
  };

  /** Runs one transaction body; maps quota failures (however reported) to StorageFullError. */
  async function write<T>(stores: Array<StoreNames<ChainLabDb>>, body: (tx: WriteTx) => Promise<T>): Promise<T> {
    const tx = open().transaction(stores, 'readwrite');
    // Observed below; the extra catch keeps an abort from surfacing as an unhandled rejection.
    tx.done.catch(noop);
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (e) {
      if (isQuotaError(e) || isQuotaError(tx.error)) throw new StorageFullError({ cause: e });
      throw e;
    }
  }

  /** A database opened at version 1 (tests only) has no results store: no cache, no failure. */
  const hasResults = (): boolean => open().objectStoreNames.contains('results');

  const results: ResultRecords = {
    async get(scenarioId) {
      return hasResults() ? open().get('results', scenarioId) : undefined;
    },
    async put(scenarioId, value) {
      if (!hasResults()) throw new Error('this database has no results store (schema version 1)');
      await write(['results'], async (tx) => { await tx.objectStore('results').put(value, scenarioId); });
    },
    async delete(scenarioId) {
      if (hasResults()) await write(['results'], async (tx) => { await tx.objectStore('results').delete(scenarioId); });
    },
    async keys() {
      return hasResults() ? open().getAllKeys('results') : [];
    },
  };

  return {
    kind: 'indexeddb',
    results,
    async list() {
      return open().getAll('scenarios');
    },
    async get(id: string): Promise<StoredScenario | undefined> {
      const tx = open().transaction(['scenarios', 'docs'], 'readonly');
      tx.done.catch(noop);
      const [meta, doc] = await Promise.all([tx.objectStore('scenarios').get(id), tx.objectStore('docs').get(id)]);
      if (!meta || !doc) return undefined;
      return { ...meta, doc: doc.doc };
    },
    async put(doc: Scenario, expectedRevision: number | null): Promise<PutResult> {
      const plain = toPlainDoc(doc);
      return write(['scenarios', 'docs'], async (tx) => {
        const metas = tx.objectStore('scenarios');
        const decision = decidePut(await metas.get(plain.id), expectedRevision);
        if (!decision.ok) return decision;
        const meta = buildMeta(plain, decision.revision, now());
        await Promise.all([metas.put(meta), tx.objectStore('docs').put({ id: plain.id, doc: plain.doc })]);
        return { ok: true, revision: meta.revision, meta } as const;
      });
    },
    async delete(id: string) {
      if (!hasResults()) {
        await write(['scenarios', 'docs'], async (tx) => {
          await Promise.all([tx.objectStore('scenarios').delete(id), tx.objectStore('docs').delete(id)]);
        });
        return;
      }
      await write(['scenarios', 'docs', 'results'], async (tx) => {
        await Promise.all([tx.objectStore('scenarios').delete(id), tx.objectStore('docs').delete(id), tx.objectStore('results').delete(id)]);
      });
    },
    async getMeta(key: string) {
      return open().get('meta', key);
    },
    async setMeta(key: string, value: unknown) {
      await write(['meta'], async (tx) => { await tx.objectStore('meta').put(value, key); });
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      db.close();
    },
  };
}
