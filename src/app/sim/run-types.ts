/** What goes into a simulation run from the page and what comes back from the workers. */
import type { Estimated, SimOptions, SimResult, SimSummary } from '../../core/sim';
import type { BandKind, BandPart, TotalBands } from './series-bands';
import type { SiteBandPart, SiteBands, SiteBandsSkipped } from './site-bands';
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
  /** Also collect per-site bands (on hand and backorders per stocked site; site-bands.ts). */
  readonly siteBands?: boolean;
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
  /** The block's per-site sums, minima and maxima, or why they were not kept (when asked for site bands). */
  readonly siteBands?: SiteBandPart | SiteBandsSkipped;
}

export interface CombinedReplications {
  readonly estimate: Estimated<SimSummary>;
  /** Every replication's summary, in replication order. */
  readonly packed: PackedSummaries;
  /** Per-period mean and 5–95 % (or min–max) of the network totals over the replications. */
  readonly bands?: TotalBands;
  /** Per-period mean and min–max per stocked site, or why they were not kept. */
  readonly siteBands?: SiteBands | SiteBandsSkipped;
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
    /**
     * Per-period mean and min–max of each stocked site's on hand and backorders, or why they were
     * not kept (a run too large, a trimmed cached copy); absent in results cached before they existed.
     */
    readonly siteBands?: SiteBands | SiteBandsSkipped;
  };
