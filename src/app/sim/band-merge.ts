/**
 * The streaming statistics behind the Monte Carlo bands (series-bands.ts for the network totals,
 * site-bands.ts per site): each worker keeps, per entry, the running sum, minimum and maximum of
 * its replications; blocks merge exactly, in any order, by adding sums and widening the range.
 */

/** One block's running sums and range, entry by entry. */
export interface RangeSums {
  readonly sum: ArrayLike<number>;
  readonly min: ArrayLike<number>;
  readonly max: ArrayLike<number>;
}

/**
 * Adds a block's sums into `sum` and, with `range`, widens [low, high] by its minima and maxima,
 * for entries 0 … n − 1 (`low` starts at +∞, `high` at −∞).
 */
export function mergeRangeSums(
  n: number, sum: Float64Array, low: Float64Array | Float32Array, high: Float64Array | Float32Array, block: RangeSums, range = true,
): void {
  const { sum: bs, min: bl, max: bh } = block;
  for (let i = 0; i < n; i++) {
    sum[i] += bs[i];
    if (!range) continue;
    if (bl[i] < low[i]) low[i] = bl[i];
    if (bh[i] > high[i]) high[i] = bh[i];
  }
}
