/**
 * Shared set-up for the persistence and library tests: a fresh fake IndexedDB per test, a small
 * valid raw scenario document, and a store wrapper that counts, delays or fails writes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Scenario } from '../../../src/core';
import { ScenarioLibrary, type ScenarioLibraryOptions } from '../../../src/app/library/scenario-library';
import { openScenarioDb } from '../../../src/app/persistence/scenario-db';
import type { PutResult, ScenarioStore } from '../../../src/app/persistence/store';

export type RawDoc = Record<string, unknown>;

/** A minimal valid format-1 document written the way a user would: most defaults omitted. */
export function rawDoc(over: RawDoc = {}): RawDoc {
  return {
    format: 'chainlab.scenario',
    version: 1,
    id: 'tpl',
    name: 'Template network',
    sites: [
      { id: 'plant', name: 'Plant', kind: 'plant', lat: 49.1951, lon: 16.6068 },
      { id: 'cust', name: 'Customer', kind: 'customer', lat: 48.2082, lon: 16.3738 },
    ],
    products: [{ id: 'widget', name: 'Widget', value: 10.25, price: 19.99 }],
    lanes: [{ id: 'plant-cust', from: 'plant', to: 'cust', costPerUnit: 0.1 + 0.2, leadTime: 1 }],
    demand: [{ customerId: 'cust', productId: 'widget', period: 1, quantity: 12.5 }],
    ...over,
  };
}

export const DEFAULT_TEMPLATE_ID = 'default';
export const TEMPLATES = [
  { id: DEFAULT_TEMPLATE_ID, name: 'Default', load: async (): Promise<unknown> => rawDoc() },
  { id: 'other', name: 'Other', load: async (): Promise<unknown> => rawDoc({ name: 'Other network' }) },
];

let seq = 0;
/** Ids unique across every library in the test file (several share one database). */
export const newId = (): string => `sc-${++seq}`;

export const DB = 'chainlab-test';

export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export function openTestStore(factory: IDBFactory): Promise<ScenarioStore> {
  return openScenarioDb({ idbFactory: factory, name: DB });
}

export function makeLibrary(factory: IDBFactory, options: Partial<ScenarioLibraryOptions> = {}): ScenarioLibrary {
  return new ScenarioLibrary({
    openStore: (hooks) => openScenarioDb({ idbFactory: factory, name: DB, ...hooks }),
    templates: TEMPLATES,
    defaultTemplateId: DEFAULT_TEMPLATE_ID,
    autosaveDelayMs: 10,
    newId,
    requestPersistence: async () => false,
    ...options,
  });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A ScenarioStore wrapper that records every call and can hold or fail writes. */
export interface InstrumentedStore extends ScenarioStore {
  readonly puts: Array<{ doc: Scenario; expected: number | null; result?: PutResult }>;
  setMetaCalls: number;
  deletes: number;
  /** When set, `put` throws this instead of writing. */
  failPut: unknown;
  /** When set, `put` waits for it before writing. */
  gate: Promise<void> | null;
  maxInFlight: number;
}

export function instrument(inner: ScenarioStore): InstrumentedStore {
  let inFlight = 0;
  const s: InstrumentedStore = {
    kind: inner.kind,
    puts: [],
    setMetaCalls: 0,
    deletes: 0,
    failPut: null,
    gate: null,
    maxInFlight: 0,
    list: () => inner.list(),
    get: (id) => inner.get(id),
    async put(doc, expected) {
      // Snapshot now: what the library asked to write at this moment.
      const entry: InstrumentedStore['puts'][number] = { doc: JSON.parse(JSON.stringify(doc)) as Scenario, expected };
      s.puts.push(entry);
      inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, inFlight);
      try {
        if (s.gate) await s.gate;
        if (s.failPut) throw s.failPut;
        entry.result = await inner.put(doc, expected);
        return entry.result;
      } finally {
        inFlight--;
      }
    },
    async delete(id) { s.deletes++; await inner.delete(id); },
    getMeta: (key) => inner.getMeta(key),
    async setMeta(key, value) { s.setMetaCalls++; await inner.setMeta(key, value); },
    close: () => inner.close(),
  };
  return s;
}

/** A library whose store is instrumented; `store()` resolves once init opened it. */
export function makeInstrumentedLibrary(factory: IDBFactory, options: Partial<ScenarioLibraryOptions> = {}) {
  const opened = deferred<InstrumentedStore>();
  const library = makeLibrary(factory, {
    openStore: async (hooks) => {
      const store = instrument(await openScenarioDb({ idbFactory: factory, name: DB, ...hooks }));
      opened.resolve(store);
      return store;
    },
    ...options,
  });
  return { library, store: () => opened.promise };
}

/** Reads one stored record through a separate connection, as another tab would. */
export async function readStored(factory: IDBFactory, id: string) {
  const store = await openTestStore(factory);
  try {
    return await store.get(id);
  } finally {
    store.close();
  }
}
