/**
 * A run's per-period numbers regrouped for the playback map, prepared once per result (and product
 * choice) into flat typed arrays so that scrubbing only reads them:
 *   laneFlow[t·L + l]  units shipped on scenario lane l in period t (the chosen product, or all),
 *   laneUse[t·L + l]   units of every product shipped on it (what its capacity limits),
 *   siteOnHand[t·S + s], siteBackorders[t·S + s]  summed over the site's products.
 * Periods are 0-based here (period 1 of the run is t = 0). Site stock is always summed over every
 * product, because a storage capacity holds all products together; backorders follow the product
 * choice like the lanes.
 */
import type { Scenario } from '../../core/model/types';
import type { SimResult } from '../../core/sim';
import { arcSeriesOf } from '../flows/flow-fields';

export interface PlaybackData {
  readonly periods: number;
  /** Scenario lanes in table order (index l). */
  readonly laneIds: readonly string[];
  /** Most units per period on the lane (all products); Infinity when unlimited. */
  readonly laneCapacity: Float64Array;
  /** Nominal lead time in periods. */
  readonly laneLead: Int32Array;
  readonly siteIds: readonly string[];
  /** Storage capacity (all products); Infinity when unlimited. */
  readonly siteCapacity: Float64Array;
  readonly laneFlow: Float32Array;
  readonly laneUse: Float32Array;
  readonly siteOnHand: Float32Array;
  readonly siteBackorders: Float32Array;
  /** Largest laneFlow over every lane and period: the fixed top of the width scale. */
  readonly maxLaneFlow: number;
  /** Largest on-hand of each site over the run (the fill reference of sites without capacity). */
  readonly sitePeak: Float64Array;
  /** Sites with a stock gauge: some product with per-node series, and a storage capacity or stock above 0 at some time. */
  readonly siteStocked: Uint8Array;
  /** False when the run kept no per-lane series: lanes are then drawn without flows. */
  readonly hasLaneSeries: boolean;
  /** False when the run kept no per-node series: sites are then drawn without fill or badges. */
  readonly hasSiteSeries: boolean;
}

/** Regroups `result` for playback; `productId` null = all products. Never throws on a partial result. */
export function preparePlayback(scenario: Scenario, result: SimResult, productId: string | null): PlaybackData {
  const T = Math.max(0, result.series.periods | 0);
  const laneIds = scenario.lanes.map((l) => l.id);
  const L = laneIds.length;
  const laneIndex = new Map(laneIds.map((id, i) => [id, i]));
  const laneCapacity = Float64Array.from(scenario.lanes, (l) => (l.capacity === undefined ? Number.POSITIVE_INFINITY : l.capacity));
  const laneLead = Int32Array.from(scenario.lanes, (l) => Math.max(0, Math.round(l.leadTime)));
  const siteIds = scenario.sites.map((s) => s.id);
  const S = siteIds.length;
  const siteIndex = new Map(siteIds.map((id, i) => [id, i]));
  const siteCapacity = Float64Array.from(scenario.sites, (s) => (s.storageCapacity === undefined ? Number.POSITIVE_INFINITY : s.storageCapacity));

  const laneFlow = new Float32Array(T * L);
  let laneUse = laneFlow;
  const arcs = arcSeriesOf(result);
  if (arcs) {
    const A = arcs.count;
    const laneOf = Int32Array.from({ length: A }, (_, a) => laneIndex.get(arcs.arcs.laneId[a]) ?? -1);
    const chosen = Uint8Array.from({ length: A }, (_, a) => (productId === null || arcs.arcs.productId[a] === productId ? 1 : 0));
    if (productId !== null) laneUse = new Float32Array(T * L);
    const shipped = arcs.series.shipped;
    for (let t = 0; t < T; t++) {
      const row = t * A;
      const out = t * L;
      for (let a = 0; a < A; a++) {
        const l = laneOf[a];
        if (l < 0) continue;
        const q = shipped[row + a];
        if (!(q > 0)) continue;
        if (chosen[a]) laneFlow[out + l] += q;
        if (laneUse !== laneFlow) laneUse[out + l] += q;
      }
    }
  }
  let maxLaneFlow = 0;
  for (let i = 0; i < laneFlow.length; i++) if (laneFlow[i] > maxLaneFlow) maxLaneFlow = laneFlow[i];

  const siteOnHand = new Float32Array(T * S);
  const siteBackorders = new Float32Array(T * S);
  const sitePeak = new Float64Array(S);
  const siteStocked = new Uint8Array(S);
  const node = result.series.node;
  const N = result.series.nodes | 0;
  const hasSiteSeries = !!node && N > 0 && node.onHand.length >= T * N;
  if (hasSiteSeries) {
    const siteOf = Int32Array.from({ length: N }, (_, k) => siteIndex.get(result.nodes.siteId[k]) ?? -1);
    const chosen = Uint8Array.from({ length: N }, (_, k) => (productId === null || result.nodes.productId[k] === productId ? 1 : 0));
    for (let k = 0; k < N; k++) if (siteOf[k] >= 0) siteStocked[siteOf[k]] = 1;
    for (let t = 0; t < T; t++) {
      const row = t * N;
      const out = t * S;
      for (let k = 0; k < N; k++) {
        const s = siteOf[k];
        if (s < 0) continue;
        siteOnHand[out + s] += node.onHand[row + k];
        if (chosen[k]) siteBackorders[out + s] += node.backorders[row + k];
      }
      for (let s = 0; s < S; s++) if (siteOnHand[out + s] > sitePeak[s]) sitePeak[s] = siteOnHand[out + s];
    }
    // A site whose stock never rises above 0 and has no capacity (a customer) has nothing to gauge.
    for (let s = 0; s < S; s++) if (siteStocked[s] && !(sitePeak[s] > 0) && !Number.isFinite(siteCapacity[s])) siteStocked[s] = 0;
  }
  return {
    periods: T, laneIds, laneCapacity, laneLead, siteIds, siteCapacity, laneFlow, laneUse, siteOnHand, siteBackorders,
    maxLaneFlow, sitePeak, siteStocked, hasLaneSeries: arcs !== null, hasSiteSeries,
  };
}
