/** Public surface of the pure core: what the CLI, the workers, the app and the tests import. */
export * from './model/tables';
export type * from './model/types';
export * from './model/issue';
export * from './model/validate';
export * from './model/migrate';
export * from './model/load';
export * from './io/safe-json';
export * from './io/scenario-json';
export * from './io/csv';
export * from './io/scenario-csv';
export * from './model/introspect';
