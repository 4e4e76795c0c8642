/** Public surface of the simulation engine (pure: runs in Node, a worker or the page). */
export { simulateScenario, createSimulation, runNetwork, simulationOf, type SimResult, type Simulation } from './simulate';
export { runReplications, combineReplications, type ReplicationsResult, type Estimated } from './replications';
export { compileNetwork } from './compile';
export { SimInputError, SimCancelledError } from './errors';
export type { SimOptions, RunHooks, OrderEntry, InitialOrder, SettingsOverrides, SeriesMode } from './options';
export { MAX_PERIODS, MAX_SERIES_ENTRIES } from './options';
export type { SimSeries, NodeSeries, ArcSeries, TotalSeries, PartySeries, SiteSeries } from './series-store';
export type { SimSnapshot } from './snapshot';
export { seriesTransferables } from './series-store';
export type * from './summary-types';
export type { Estimate } from './stats';
export { estimate, tQuantile975 } from './stats';
export type { Network } from './network';
export { Rng } from './rng';
