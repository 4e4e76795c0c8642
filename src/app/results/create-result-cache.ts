/**
 * The page's result cache: its own connection to the ChainLab database (the same `results`
 * store the scenario library deletes from), opened on first use. Without IndexedDB, or when
 * the database belongs to a newer ChainLab, results are kept in this tab's memory. Opening it
 * sweeps out results orphaned for over a week (sweep-orphans.ts), in the background.
 */
import { openScenarioDb, type OpenScenarioDbOptions } from '../persistence/scenario-db';
import { ResultCache } from './result-cache';
import { sweepOrphanResults } from './sweep-orphans';

export function createResultCache(db: OpenScenarioDbOptions = {}, now: () => number = Date.now): ResultCache {
  return new ResultCache(async () => {
    const store = await openScenarioDb(db);
    const results = store.results;
    if (!results) { store.close(); throw new Error('no results store'); }
    void store.list()
      .then((list) => sweepOrphanResults(results, list.map((m) => m.id), now()))
      .catch(() => { /* the next page load tries again */ });
    return results;
  }, { now });
}
