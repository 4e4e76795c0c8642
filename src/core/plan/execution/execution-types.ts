/** What executing a plan in the simulator returns: plain data and typed arrays (transferable). */
import type { Estimate, Estimated, ProductKpis, TotalKpis } from '../../sim';

export type DemandVariability = 'none' | 'normal' | 'poisson' | 'bootstrap';

/** On-hand stock of one (site, product) at the end of each period, over the replications. */
export interface StockSeries {
  readonly siteId: string;
  readonly productId: string;
  readonly mean: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** The network KPIs plan vs actual compares (a simulation summary has these and more). */
export type ExecutedTotals = Pick<TotalKpis, 'customerDemand' | 'customerFilled' | 'fillRate' | 'lostSales' | 'backordersAvg' | 'onHandAvg' | 'costs'>;
export type ExecutedProduct = Pick<ProductKpis, 'productId' | 'name' | 'customerDemand' | 'customerFilled' | 'fillRate' | 'lostSales' | 'backordersAvg' | 'onHandAvg' | 'costs'>;

export interface ExecutionResult {
  /** Replications run (1 when nothing is random). */
  readonly replications: number;
  /** Whether demand or lead times were random. */
  readonly random: boolean;
  readonly demandVariability: DemandVariability;
  readonly seed: number;
  readonly total: Estimated<ExecutedTotals>;
  readonly products: readonly Estimated<ExecutedProduct>[];
  readonly stock: readonly StockSeries[];
  readonly warnings: readonly string[];
  /** Set when the plan was made again every few periods (rolling horizon): `total` and `stock` are then those of the re-planned run. */
  readonly rolling?: RollingSummary;
}

export interface RollingSummary {
  /** Periods between two plans. */
  readonly replanEvery: number;
  /** Periods after which a new plan was made (the same in every replication). */
  readonly replanAt: readonly number[];
  /** The first plan followed to the end, on the same demand in every replication: what re-planning is measured against. */
  readonly fixed: { readonly total: Estimated<ExecutedTotals>; readonly stock: readonly StockSeries[] };
  /** Cost of the plan carried out (each plan until the next one), by the planner's objective. */
  readonly plannedCost: Estimate;
  /** Re-plans that found no plan (the previous plan was followed on instead), over all replications. */
  readonly failedReplans: number;
  /** How the re-planned run departs from a continuous one, in words. */
  readonly notes: readonly string[];
}

/** Buffers of an execution result, to transfer rather than copy across the worker boundary. */
export function executionTransferables(r: ExecutionResult): ArrayBuffer[] {
  const series = [...r.stock, ...(r.rolling?.fixed.stock ?? [])];
  return series.flatMap((s) => [s.mean.buffer, s.low.buffer, s.high.buffer] as ArrayBuffer[]);
}
