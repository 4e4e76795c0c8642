/**
 * Cached results whose scenario is not in the library are orphans: the library deletes a
 * scenario's result with the scenario, so they come from scenarios opened from a share link
 * (never stored) or from a deletion that failed half-way. They are kept for a while — a shared
 * link opened again this week still shows its last run — then deleted, so they cannot pile up.
 */
import type { ResultRecords } from '../persistence/store';

/** How long an orphaned result is kept after it was saved (7 days). */
export const ORPHAN_RESULT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Reads a record's save time; records without one count as old. */
function savedAtOf(raw: unknown): number {
  const t = (raw as { savedAt?: unknown } | null)?.savedAt;
  return typeof t === 'number' && Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/**
 * Deletes the results of scenarios not in `liveIds` saved more than `maxAgeMs` before `now`.
 * Returns the ids deleted. Best effort: a record that cannot be read or deleted is left alone.
 */
export async function sweepOrphanResults(
  records: ResultRecords, liveIds: Iterable<string>, now: number, maxAgeMs = ORPHAN_RESULT_MAX_AGE_MS,
): Promise<string[]> {
  const live = new Set(liveIds);
  const deleted: string[] = [];
  for (const id of await records.keys()) {
    if (live.has(id)) continue;
    try {
      if (now - savedAtOf(await records.get(id)) <= maxAgeMs) continue;
      await records.delete(id);
      deleted.push(id);
    } catch {
      // Left for the next sweep.
    }
  }
  return deleted;
}
