/** What executing a plan in the simulator returns: plain data and typed arrays (transferable). */
import type { Estimated, ProductKpis, TotalKpis } from '../../core/sim';

export type DemandVariability = 'none' | 'normal' | 'poisson' | 'bootstrap';

/** On-hand stock of one (site, product) at the end of each period, over the replications. */
export interface StockSeries {
  readonly siteId: string;
  readonly productId: string;
  readonly mean: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

export interface ExecutionResult {
  /** Replications run (1 when nothing is random). */
  readonly replications: number;
  /** Whether demand or lead times were random. */
  readonly random: boolean;
  readonly demandVariability: DemandVariability;
  readonly seed: number;
  readonly total: Estimated<TotalKpis>;
  readonly products: readonly Estimated<ProductKpis>[];
  readonly stock: readonly StockSeries[];
  readonly warnings: readonly string[];
}

/** Buffers of an execution result, to transfer rather than copy across the worker boundary. */
export function executionTransferables(r: ExecutionResult): ArrayBuffer[] {
  return r.stock.flatMap((s) => [s.mean.buffer, s.low.buffer, s.high.buffer] as ArrayBuffer[]);
}
