/**
 * The bullwhip picture: orders placed per period by each echelon (summed over the nodes of its
 * sites), next to end-customer demand. Echelon 1 serves the end customers, 2 supplies echelon 1,
 * and so on (docs/simulation.md); echelon 0 — the end-customer demand points themselves — is the
 * demand line. The variance ratio of these very series is the summary's bullwhip per echelon.
 */
import type { SimResult } from '../../core/sim';

export interface EchelonOrders {
  readonly echelon: number;
  /** Sites of the echelon (all of them, not only those with series). */
  readonly sites: number;
  readonly ordered: Float64Array;
}

/** Orders per echelon ≥ 1 and period, in echelon order; null when the run kept no per-node series. */
export function echelonOrders(result: SimResult): EchelonOrders[] | null {
  const node = result.series.node;
  if (!node) return null;
  const echelonOf = new Map<string, number>();
  for (const s of result.summary.sites) echelonOf.set(s.siteId, s.echelon);
  const wanted = result.summary.echelons.filter((e) => e.echelon >= 1);
  const row = new Map(wanted.map((e, i) => [e.echelon, i]));
  const { periods, nodes: N } = result.series;
  // Column k → its echelon's row (−1: not charted), then one pass in memory order.
  const colRow = new Int32Array(N).fill(-1);
  result.nodes.siteId.forEach((site, k) => { colRow[k] = row.get(echelonOf.get(site) ?? -1) ?? -1; });
  const sums = wanted.map(() => new Float64Array(periods));
  const ordered = node.ordered;
  for (let t = 0, i = 0; t < periods; t++) {
    for (let k = 0; k < N; k++, i++) {
      const r = colRow[k];
      if (r >= 0) sums[r][t] += ordered[i];
    }
  }
  return wanted.map((e, i) => ({ echelon: e.echelon, sites: e.sites.length, ordered: sums[i] }));
}

/** Sample variance (n − 1): the bullwhip ratio's numerator and denominator. */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return ss / (n - 1);
}
