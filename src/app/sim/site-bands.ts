/**
 * Per-site bands of a Monte Carlo run: for every stocked site and period, the mean, minimum and
 * maximum over the replications of its on hand and its backorders (summed over its products),
 * so a planner can see how uncertain one site is, not only the network.
 *
 * The engine records per-site series in series mode 'sites' (core/sim/series-store.ts, entry
 * t·sites + s over every site of the network). Each worker folds its block of replications into a
 * `SiteBandPart` — a running sum (Float64), minimum and maximum (Float32) per kept site and
 * period — and the parts merge exactly in any order (`combineSiteBands`): no replication's series
 * is kept, so memory is kept sites × periods × 3 values × 2 metrics whatever the replications.
 * Only sites that hold stock are kept (customers without stock are always 0), site-major
 * (entry s·periods + t) so that a site's series is a subarray. Above a budget of kept sites ×
 * periods nothing is kept and the run says so (`SiteBandsSkipped`). Every array is a typed array,
 * so parts and bands cross between workers and the page as transferred buffers (reliability case 22).
 */
import { MAX_SERIES_ENTRIES, type SiteSeries } from '../../core/sim';
import { NODE_STOCK } from '../../core/sim/network';
import { mergeRangeSums } from './band-merge';

export const SITE_BAND_METRICS = ['onHand', 'backorders'] as const;
export type SiteBandMetric = (typeof SITE_BAND_METRICS)[number];

/**
 * Kept sites × periods above which no per-site bands are kept. At the budget a worker's part is
 * 2 metrics × (8 + 4 + 4) bytes × 1,000,000 = 32 MB and the page's bands 24 MB.
 */
export const MAX_SITE_BAND_ENTRIES = 1_000_000;

type PerMetric<T> = { readonly [M in SiteBandMetric]: T };

function perMetric<T>(make: (m: SiteBandMetric) => T): PerMetric<T> {
  return { onHand: make('onHand'), backorders: make('backorders') };
}

/** Why a run has no per-site bands: too many sites × periods, or left out of a cached copy. */
export interface SiteBandsSkipped {
  readonly kind: 'skipped';
  readonly reason: 'size' | 'cache';
  /** Sites that would have been kept, and periods (0 when unknown). */
  readonly sites: number;
  readonly periods: number;
}

/** Which of the engine's per-site columns a band keeps. */
export interface SiteBandColumns {
  readonly kind: 'columns';
  /** Column in the engine's per-site series (index into the network's sites) of each kept site. */
  readonly columns: Int32Array;
  readonly siteIds: readonly string[];
  /** Sites in the engine's per-site series (the stride of a period). */
  readonly engineSites: number;
}

/** The network facts the plan needs (a compiled Network has them all). */
export interface SiteBandNetwork {
  readonly periods: number;
  readonly nodeKind: ArrayLike<number>;
  readonly nodeSite: ArrayLike<number>;
  readonly labels: { readonly sites: readonly { readonly id: string }[] };
}

/** The sites that hold stock, or "skipped" when they (or the engine's per-site series) would exceed the budget. */
export function siteBandPlan(net: SiteBandNetwork, budget = MAX_SITE_BAND_ENTRIES): SiteBandColumns | SiteBandsSkipped {
  const S = net.labels.sites.length;
  const stocked = new Uint8Array(S);
  for (let k = 0; k < net.nodeKind.length; k++) if (net.nodeKind[k] === NODE_STOCK) stocked[net.nodeSite[k]] = 1;
  const columns: number[] = [];
  for (let s = 0; s < S; s++) if (stocked[s]) columns.push(s);
  const T = net.periods;
  if (columns.length * T > budget || S * T > MAX_SERIES_ENTRIES) return { kind: 'skipped', reason: 'size', sites: columns.length, periods: T };
  return { kind: 'columns', columns: Int32Array.from(columns), siteIds: columns.map((s) => net.labels.sites[s].id), engineSites: S };
}

/** One worker's block of replications, ready to merge (entry s·periods + t). */
export interface SiteBandPart {
  readonly kind: 'part';
  readonly periods: number;
  readonly replications: number;
  readonly siteIds: readonly string[];
  readonly sum: PerMetric<Float64Array>;
  readonly min: PerMetric<Float32Array>;
  readonly max: PerMetric<Float32Array>;
}

export interface SiteBand {
  readonly mean: Float32Array;
  readonly low: Float32Array;
  readonly high: Float32Array;
}

/** Per-site mean and min–max per period over the replications (entry s·periods + t). */
export interface SiteBands {
  readonly kind: 'bands';
  readonly replications: number;
  readonly periods: number;
  readonly siteIds: readonly string[];
  readonly metrics: PerMetric<SiteBand>;
}

/** Collects the per-site series of replications run one after the other in a worker. */
export class SiteBandAccumulator {
  readonly #periods: number;
  readonly #plan: SiteBandColumns;
  readonly #sum: PerMetric<Float64Array>;
  readonly #min: PerMetric<Float32Array>;
  readonly #max: PerMetric<Float32Array>;
  #count = 0;

  constructor(periods: number, plan: SiteBandColumns) {
    if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`a band needs at least one period (got ${periods})`);
    this.#periods = periods;
    this.#plan = plan;
    const n = periods * plan.columns.length;
    this.#sum = perMetric(() => new Float64Array(n));
    this.#min = perMetric(() => new Float32Array(n).fill(Number.POSITIVE_INFINITY));
    this.#max = perMetric(() => new Float32Array(n).fill(Number.NEGATIVE_INFINITY));
  }

  /** Adds one replication's per-site series (the engine's layout: entry t·sites + s). */
  add(site: SiteSeries | undefined, sites: number | undefined): void {
    const { columns, engineSites: S } = this.#plan;
    if (!site || sites !== S) throw new Error(`this replication has no per-site series for the ${S} sites of the network`);
    const T = this.#periods;
    for (const m of SITE_BAND_METRICS) {
      const src = site[m];
      if (src.length < T * S) throw new RangeError(`the per-site ${m} series has ${src.length} entries, the band needs ${T * S}`);
      const sum = this.#sum[m];
      const min = this.#min[m];
      const max = this.#max[m];
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j];
        for (let t = 0, i = j * T; t < T; t++, i++) {
          const v = src[t * S + c];
          sum[i] += v;
          if (v < min[i]) min[i] = v;
          if (v > max[i]) max[i] = v;
        }
      }
    }
    this.#count++;
  }

  get count(): number { return this.#count; }

  part(): SiteBandPart {
    return { kind: 'part', periods: this.#periods, replications: this.#count, siteIds: this.#plan.siteIds, sum: this.#sum, min: this.#min, max: this.#max };
  }
}

/** The buffers of a part or of bands (none for "skipped"): the transfer list of postMessage. */
export function siteBandTransferables(x: SiteBandPart | SiteBands | SiteBandsSkipped): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  if (x.kind === 'bands') for (const m of SITE_BAND_METRICS) arrays.push(x.metrics[m].mean, x.metrics[m].low, x.metrics[m].high);
  else if (x.kind === 'part') for (const m of SITE_BAND_METRICS) arrays.push(x.sum[m], x.min[m], x.max[m]);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * Merges the parts of one run, in any order (sums add, minima and maxima compare). Any part
 * "skipped" makes the whole run skipped. The mean is rounded to Float32 and kept within the
 * band (rounding could otherwise put it a hair outside).
 */
export function combineSiteBands(parts: readonly (SiteBandPart | SiteBandsSkipped)[]): SiteBands | SiteBandsSkipped {
  if (parts.length === 0) throw new Error('no replications to band');
  const skipped = parts.find((p): p is SiteBandsSkipped => p.kind === 'skipped');
  if (skipped) return skipped;
  const blocks = parts as readonly SiteBandPart[];
  const { periods: T, siteIds } = blocks[0];
  for (const p of blocks) {
    if (p.periods !== T || p.siteIds.length !== siteIds.length || p.siteIds.some((id, i) => id !== siteIds[i])) {
      throw new Error('the replications of one run must have the same periods and sites');
    }
  }
  const R = blocks.reduce((n, p) => n + p.replications, 0);
  if (R === 0) throw new Error('no replications to band');
  const n = T * siteIds.length;
  const metrics = perMetric((m): SiteBand => {
    const sum = new Float64Array(n);
    const low = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
    const high = new Float32Array(n).fill(Number.NEGATIVE_INFINITY);
    for (const p of blocks) {
      if (p.replications > 0) mergeRangeSums(n, sum, low, high, { sum: p.sum[m], min: p.min[m], max: p.max[m] });
    }
    const mean = new Float32Array(n);
    for (let i = 0; i < n; i++) mean[i] = Math.min(high[i], Math.max(low[i], sum[i] / R));
    return { mean, low, high };
  });
  return { kind: 'bands', replications: R, periods: T, siteIds, metrics };
}

/** One site's band of one metric (subarrays, no copy); null when the site is not kept. */
export function siteBandOf(bands: SiteBands, siteId: string, metric: SiteBandMetric): SiteBand | null {
  const j = bands.siteIds.indexOf(siteId);
  if (j < 0) return null;
  const T = bands.periods;
  const b = bands.metrics[metric];
  return { mean: b.mean.subarray(j * T, (j + 1) * T), low: b.low.subarray(j * T, (j + 1) * T), high: b.high.subarray(j * T, (j + 1) * T) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Whether a stored value is per-site bands (or a "skipped" note) this version can draw: the
 * shapes, types and lengths of every array are checked, as a cached record may be damaged.
 */
export function isSiteBandsValue(v: unknown): v is SiteBands | SiteBandsSkipped {
  if (!isObject(v)) return false;
  if (v.kind === 'skipped') return (v.reason === 'size' || v.reason === 'cache') && count(v.sites) && count(v.periods);
  if (v.kind !== 'bands' || !count(v.periods) || v.periods < 1 || !count(v.replications) || v.replications < 1) return false;
  const ids = v.siteIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return false;
  const n = v.periods * ids.length;
  const metrics = v.metrics;
  if (!isObject(metrics)) return false;
  return SITE_BAND_METRICS.every((m) => {
    const b = metrics[m];
    return isObject(b) && [b.mean, b.low, b.high].every((a) => a instanceof Float32Array && a.length === n);
  });
}
