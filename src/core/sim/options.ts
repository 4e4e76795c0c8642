/** What a caller can set for one run, on top of the scenario (which is never modified). */
import type { Settings } from '../model/types';

/** An order given from outside: by a fixed plan (from the optimiser) or by a person (manual). */
export interface OrderEntry {
  readonly siteId: string;
  readonly productId: string;
  /** Period in which the order is placed (1-based). */
  readonly period: number;
  readonly quantity: number;
  /** Lane to order on; empty = split over the site's sources by lane share. Ignored for production. */
  readonly laneId?: string;
}

/** An order already travelling upstream at the start (the order slips of the beer game), or already waiting at the lane's origin. */
export interface InitialOrder {
  readonly laneId: string;
  /** Needed when the lane carries every product. */
  readonly productId?: string;
  /**
   * Period in which it reaches the lane's origin (1-based). 0 or less: it is already waiting in
   * the origin's backlog, arrived in that period (older orders are served first).
   */
  readonly arrivalPeriod: number;
  readonly quantity: number;
}

/** Settings a run may override without editing the scenario. */
export type SettingsOverrides = Partial<Pick<Settings,
  'unmetDemand' | 'allocation' | 'informationSharing' | 'demandCv' | 'pipelineHolding' | 'shortagePenalty'>>;

export type SeriesMode =
  /** Per-node series when T × nodes ≤ MAX_SERIES_ENTRIES, else network totals only. */
  | 'auto'
  /** Per-node series regardless of size (memory grows as 7 × 4 bytes × T × nodes). */
  | 'nodes'
  /** Network totals and party balances only. */
  | 'totals'
  /**
   * As 'totals', plus each site's on hand and backorders per period (summed over its products;
   * SimSeries.site) while T × sites ≤ MAX_SERIES_ENTRIES: what per-site Monte Carlo bands need.
   */
  | 'sites';

export interface SimOptions {
  /** Number of periods to run; default settings.horizon. 1..100,000. */
  readonly periods?: number;
  /** Seed; default settings.seed. */
  readonly seed?: number;
  /** Replication index: an independent random stream for the same seed (default 0). */
  readonly replication?: number;
  /** Demand randomness; default settings.demandVariability. `bootstrap` resamples each customer's own demand rows. */
  readonly demandVariability?: 'none' | 'normal' | 'poisson' | 'bootstrap';
  readonly overrides?: SettingsOverrides;
  /** Orders of the sites whose policy is fixed-plan (missing entries = 0). Required if any site has that policy. */
  readonly plan?: readonly OrderEntry[];
  /** Orders of the sites whose policy is manual (missing entries = 0). */
  readonly manualOrders?: readonly OrderEntry[];
  /** Orders already on their way upstream at the start. */
  readonly initialOrders?: readonly InitialOrder[];
  /** Potential sites to simulate as open (potential sites are closed otherwise). */
  readonly openSites?: readonly string[];
  /** First periods left out of every KPI (not of the time series or cash): a warm-up. Default 0. */
  readonly warmup?: number;
  readonly series?: SeriesMode;
  /**
   * Keep per-node series only for the nodes of these sites (whatever the size): what a chart of a
   * few sites needs from a large network. Unknown ids are refused.
   */
  readonly seriesSites?: readonly string[];
}

/** Progress and cancel hooks of a synchronous run (called every few thousand node-periods). */
export interface RunHooks {
  /** Share of periods done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
  /** Return true to stop: the run throws SimCancelledError. */
  readonly shouldCancel?: () => boolean;
}

/** Above this many entries per metric (T × nodes), 'auto' keeps network totals only. */
export const MAX_SERIES_ENTRIES = 4_000_000;
/** Longest horizon the engine runs. */
export const MAX_PERIODS = 100_000;
