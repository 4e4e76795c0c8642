/**
 * The page's result cache: its own connection to the ChainLab database (the same `results`
 * store the scenario library deletes from), opened on first use. Without IndexedDB, or when
 * the database belongs to a newer ChainLab, results are kept in this tab's memory.
 */
import { openScenarioDb } from '../persistence/scenario-db';
import { ResultCache } from './result-cache';

export function createResultCache(): ResultCache {
  return new ResultCache(async () => {
    const store = await openScenarioDb();
    if (!store.results) { store.close(); throw new Error('no results store'); }
    return store.results;
  });
}
