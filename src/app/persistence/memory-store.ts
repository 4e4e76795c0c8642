/**
 * ScenarioStore kept in this tab's memory: the fallback when IndexedDB is unavailable (private
 * modes, blocked storage). Same revision and refusal rules as IndexedDB (`records.ts`); records
 * are kept as JSON text so callers never share objects with the store. Cached results are kept
 * as structured clones, as IndexedDB keeps them (typed arrays stay typed arrays).
 */
import type { Scenario } from '../../core';
import { buildMeta, decidePut, toPlainDoc } from './records';
import { StoreClosedError } from './storage-errors';
import type { PutResult, ResultRecords, ScenarioMeta, ScenarioStore, StoredScenario } from './store';

/** Result records in memory; `check` throws once the owning store is closed. */
export function createMemoryResults(check: () => void = () => {}): ResultRecords {
  const results = new Map<string, unknown>();
  return {
    async get(scenarioId) {
      check();
      // A copy out as well as in: the caller never holds the stored object.
      return results.has(scenarioId) ? structuredClone(results.get(scenarioId)) : undefined;
    },
    async put(scenarioId, value) {
      check();
      results.set(scenarioId, structuredClone(value));
    },
    async delete(scenarioId) {
      check();
      results.delete(scenarioId);
    },
    async keys() {
      check();
      return [...results.keys()];
    },
  };
}

export function createMemoryStore(now: () => number = Date.now): ScenarioStore {
  const records = new Map<string, { meta: ScenarioMeta; json: string }>();
  const meta = new Map<string, string>();
  let closed = false;
  const check = (): void => { if (closed) throw new StoreClosedError('the in-memory store was closed'); };
  const results = createMemoryResults(check);

  return {
    kind: 'memory',
    results,
    async list() {
      check();
      return [...records.values()].map((r) => r.meta);
    },
    async get(id: string): Promise<StoredScenario | undefined> {
      check();
      const r = records.get(id);
      return r && { ...r.meta, doc: JSON.parse(r.json) as unknown };
    },
    async put(doc: Scenario, expectedRevision: number | null): Promise<PutResult> {
      check();
      const plain = toPlainDoc(doc);
      const decision = decidePut(records.get(plain.id)?.meta, expectedRevision);
      if (!decision.ok) return decision;
      const m = buildMeta(plain, decision.revision, now());
      records.set(plain.id, { meta: m, json: plain.json });
      return { ok: true, revision: m.revision, meta: m };
    },
    async delete(id: string) {
      check();
      records.delete(id);
      await results.delete(id);
    },
    async getMeta(key: string) {
      check();
      const v = meta.get(key);
      return v === undefined ? undefined : (JSON.parse(v) as unknown);
    },
    async setMeta(key: string, value: unknown) {
      check();
      meta.set(key, JSON.stringify(value));
    },
    close() {
      closed = true;
    },
  };
}
