/**
 * Orphaned cached results (their scenario is not in the library: opened from a share link, or a
 * deletion that failed half-way) are deleted once they are over a week old; the library's own
 * results and recent orphans stay. Over the memory records and over fake-indexeddb through
 * createResultCache (the sweep runs when the page's cache opens).
 */
import { describe, expect, it, vi } from 'vitest';
import { createMemoryResults } from '../../../src/app/persistence/memory-store';
import { createResultCache } from '../../../src/app/results/create-result-cache';
import { ORPHAN_RESULT_MAX_AGE_MS, sweepOrphanResults } from '../../../src/app/results/sweep-orphans';
import { serial } from '../sim-fixtures';
import { DB, freshFactory, openTestStore } from './library-helpers';

const DAY = 24 * 3600 * 1000;
const NOW = 1_800_000_000_000;

describe('sweepOrphanResults', () => {
  it('deletes orphans saved over a week ago, keeps live ones and recent orphans', async () => {
    const records = createMemoryResults();
    await records.put('mine', { savedAt: NOW - 30 * DAY });
    await records.put('shared-recent', { savedAt: NOW - 6 * DAY });
    await records.put('shared-old', { savedAt: NOW - 8 * DAY });
    await records.put('garbage', 'not a record');
    const deleted = await sweepOrphanResults(records, ['mine'], NOW);
    expect(deleted.sort()).toEqual(['garbage', 'shared-old']);
    expect((await records.keys()).sort()).toEqual(['mine', 'shared-recent']);
    expect(ORPHAN_RESULT_MAX_AGE_MS).toBe(7 * DAY);
  });

  it('leaves a record it cannot read for the next sweep, and goes on with the others', async () => {
    const inner = createMemoryResults();
    await inner.put('unreadable', { savedAt: 0 });
    await inner.put('old', { savedAt: 0 });
    const records = { ...inner, get: async (id: string) => { if (id === 'unreadable') throw new Error('boom'); return inner.get(id); } };
    expect(await sweepOrphanResults(records, [], NOW)).toEqual(['old']);
    expect(await inner.keys()).toEqual(['unreadable']);
  });
});

describe('createResultCache', () => {
  it('sweeps old orphans from IndexedDB when it opens, keeping the library scenarios\' results', async () => {
    const factory = freshFactory();
    const store = await openTestStore(factory);
    const sc = serial({ demand: [5, 5], dc: { policy: 'base-stock', baseStock: 20, initialStock: 10 } });
    expect((await store.put(sc, null)).ok).toBe(true);
    const ids = (await store.list()).map((m) => m.id);
    expect(ids).toEqual([sc.id]);
    await store.results!.put(ids[0], { savedAt: NOW - 100 * DAY });
    await store.results!.put('orphan-old', { savedAt: NOW - 8 * DAY });
    await store.results!.put('orphan-new', { savedAt: NOW - DAY });
    store.close();
    const cache = createResultCache({ idbFactory: factory, name: DB }, () => NOW);
    await cache.get('anything'); // opens the database
    const check = await openTestStore(factory);
    await vi.waitFor(async () => expect((await check.results!.keys()).sort()).toEqual([ids[0], 'orphan-new'].sort()));
    check.close();
  });
});
