/** What goes into a simulation run from the page and what comes back from the workers. */
import type { Estimated, SimOptions, SimResult, SimSummary } from '../../core/sim';
import type { PackedSummaries } from './summary-pack';

export type DemandVariability = NonNullable<SimOptions['demandVariability']>;

/** The run settings a user chooses on top of the scenario (unset = the scenario's own). */
export interface RunSettings {
  readonly periods?: number;
  readonly seed?: number;
  readonly demandVariability?: DemandVariability;
}

export type ProgressCallback = (fraction: number) => void;

/** One worker's share of a Monte Carlo run: replications first … first + count − 1. */
export interface ReplicationsPart {
  readonly firstReplication: number;
  readonly replications: number;
  readonly seed: number;
  readonly warnings: readonly string[];
  readonly packed: PackedSummaries;
}

export interface CombinedReplications {
  readonly estimate: Estimated<SimSummary>;
  /** Every replication's summary, in replication order. */
  readonly packed: PackedSummaries;
}

/** A finished run: one seeded run with its time series, or a Monte Carlo estimate. */
export type SimOutcome =
  | { readonly kind: 'single'; readonly result: SimResult }
  | {
    readonly kind: 'replications';
    readonly replications: number;
    readonly seed: number;
    readonly estimate: Estimated<SimSummary>;
    readonly perReplication: PackedSummaries;
    readonly warnings: readonly string[];
    /** Workers the replications were spread over. */
    readonly workers: number;
  };
