/** Public surface of the persistence layer (all IndexedDB access lives in this folder). */
export * from './store';
export { openScenarioDb, DB_NAME, DB_SCHEMA_VERSION, type OpenScenarioDbOptions } from './scenario-db';
export { createMemoryStore, createMemoryResults } from './memory-store';
export { isQuotaError, StorageFullError, StoreClosedError } from './storage-errors';
export { requestPersistentStorage } from './persist';
export { createTabChannel, parseTabMessage, TAB_CHANNEL_NAME, type TabChannel, type TabMessage, type BroadcastChannelLike } from './tab-channel';
