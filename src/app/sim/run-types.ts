/** What goes into a simulation run from the page and what comes back from the workers. */
import type { Estimated, SimOptions, SimResult, SimSummary } from '../../core/sim';
import type { BandKind, BandPart, TotalBands } from './series-bands';
import type { PackedSummaries } from './summary-pack';

export type DemandVariability = NonNullable<SimOptions['demandVariability']>;

/** The run settings a user chooses on top of the scenario (unset = the scenario's own). */
export interface RunSettings {
  readonly periods?: number;
  readonly seed?: number;
  readonly demandVariability?: DemandVariability;
}

export type ProgressCallback = (fraction: number) => void;

/** A worker's block of a Monte Carlo run; `bands`: also collect the total series for per-period bands. */
export type ReplicationsOptions = SimOptions & {
  readonly replications: number;
  readonly firstReplication: number;
  readonly bands?: BandKind;
};

/** One worker's share of a Monte Carlo run: replications first … first + count − 1. */
export interface ReplicationsPart {
  readonly firstReplication: number;
  readonly replications: number;
  readonly seed: number;
  readonly warnings: readonly string[];
  readonly packed: PackedSummaries;
  /** The block's total series (when asked for bands). */
  readonly bands?: BandPart;
}

export interface CombinedReplications {
  readonly estimate: Estimated<SimSummary>;
  /** Every replication's summary, in replication order. */
  readonly packed: PackedSummaries;
  /** Per-period mean and 5–95 % (or min–max) of the network totals over the replications. */
  readonly bands?: TotalBands;
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
    /** Per-period bands of the network totals over the replications (charts). */
    readonly bands?: TotalBands;
  };
