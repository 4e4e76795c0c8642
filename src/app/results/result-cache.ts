/**
 * The result cache: the last finished run per scenario, kept in IndexedDB beside the scenario
 * (the `results` store), so comparing what-ifs — or reopening the Simulate view after a
 * reload — needs no re-run. Rules:
 * - key = scenario id; a record is *current* only while the scenario's fingerprint equals the
 *   one it was run with; otherwise it is *stale* (the scenario changed since) and never shown
 *   as the scenario's result;
 * - records are bounded (result-bounds.ts): a very large result is kept without its per-node
 *   series or per-replication summaries, and says so;
 * - a failing write (quota, a closed database) never breaks the run or the scenario: `save`
 *   resolves to a message for a quiet notice, it never rejects. Reads that fail read as "not
 *   cached";
 * - storage that cannot be opened falls back to memory (this tab only).
 */
import { createMemoryResults } from '../persistence/memory-store';
import { isQuotaError } from '../persistence/storage-errors';
import type { ResultRecords } from '../persistence/store';
import type { RunSettings, SimOutcome } from '../sim/run-types';
import { boundOutcome, MAX_CACHED_BYTES } from './result-bounds';
import { readCachedResult, RESULT_FORMAT, RESULT_VERSION, type CachedResult, type StrippedParts } from './result-record';

/** A finished run to cache. */
export interface ResultEntry {
  readonly scenarioId: string;
  readonly fingerprint: string;
  readonly settings: RunSettings;
  readonly replications: number;
  readonly outcome: SimOutcome;
  readonly ms: number;
}

export type CacheWrite =
  | { readonly ok: true; readonly stripped: StrippedParts | null }
  | { readonly ok: false; readonly message: string };

export type CacheLookup =
  | { readonly state: 'current'; readonly result: CachedResult }
  /** A result exists, but for an earlier version of the scenario. */
  | { readonly state: 'stale'; readonly result: CachedResult }
  | { readonly state: 'none' };

export interface ResultCacheOptions {
  /** Typed-array bytes above which a record is stripped (default 8 MB). */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class ResultCache {
  readonly #open: () => Promise<ResultRecords>;
  #records: Promise<ResultRecords> | null = null;
  readonly #maxBytes: number;
  readonly #now: () => number;
  /** True once the real storage failed to open and memory is used instead. */
  memoryOnly = false;

  /** `open` gives the records to use; when it rejects the cache keeps results in memory. */
  constructor(open: () => Promise<ResultRecords>, options: ResultCacheOptions = {}) {
    this.#open = open;
    this.#maxBytes = options.maxBytes ?? MAX_CACHED_BYTES;
    this.#now = options.now ?? Date.now;
  }

  #recordsOnce(): Promise<ResultRecords> {
    this.#records ??= this.#open().catch(() => {
      this.memoryOnly = true;
      return createMemoryResults();
    });
    return this.#records;
  }

  /** Stores the run as the scenario's cached result (replacing the previous one). Never rejects. */
  async save(entry: ResultEntry): Promise<CacheWrite> {
    try {
      const { outcome, stripped } = boundOutcome(entry.outcome, this.#maxBytes);
      const record: CachedResult = {
        format: RESULT_FORMAT, version: RESULT_VERSION,
        scenarioId: entry.scenarioId, fingerprint: entry.fingerprint,
        settings: { ...entry.settings }, replications: entry.replications,
        outcome, ms: entry.ms, savedAt: this.#now(), stripped,
      };
      await (await this.#recordsOnce()).put(entry.scenarioId, record);
      return { ok: true, stripped };
    } catch (e) {
      const why = isQuotaError(e) ? "the browser's storage is full" : errorText(e);
      return { ok: false, message: `The result was not kept for later (${why}). It is shown now; comparing it after a reload needs a re-run.` };
    }
  }

  /** The cached result of a scenario, whatever its fingerprint; undefined when none is usable. */
  async get(scenarioId: string): Promise<CachedResult | undefined> {
    try {
      const raw = await (await this.#recordsOnce()).get(scenarioId);
      return readCachedResult(raw, scenarioId) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Current when the cached result was computed from a scenario with this fingerprint. */
  async lookup(scenarioId: string, fingerprint: string): Promise<CacheLookup> {
    const result = await this.get(scenarioId);
    if (!result) return { state: 'none' };
    return result.fingerprint === fingerprint ? { state: 'current', result } : { state: 'stale', result };
  }

  /** Forgets a scenario's result (deleting the scenario from the store does this too). */
  async remove(scenarioId: string): Promise<void> {
    try {
      await (await this.#recordsOnce()).delete(scenarioId);
    } catch {
      // Nothing to undo: a result that could not be removed is still checked by fingerprint.
    }
  }
}
