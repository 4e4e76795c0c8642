/**
 * Replications as a band: per period, the mean and the 5 % and 95 % quantiles over the
 * replications of the network-total series (on hand, backorders, end-customer demand, filled,
 * lost sales), so a Monte Carlo chart can draw a mean line inside a band.
 *
 * Each worker accumulates its block of replications in a `BandPart`: running sum, minimum and
 * maximum per period (always), plus every replication's series (`raw`, replication-major
 * r·T + t, Float32) when the whole run fits the budget. Quantiles need every value of a period,
 * and the parts are merged in one worker (`combineBands`). Above the budget (10,000 replications
 * × 365 periods would be 73 MB of Float32 for five metrics) the band falls back to min–max, which
 * merges exactly from the streaming sums: the chart then labels it "min–max" instead of "5–95 %".
 * Everything is a typed array, so parts and bands cross between workers and the page as
 * transferred buffers (reliability case 22).
 */
import { mergeRangeSums } from './band-merge';

/** The total series that get a band (keys of the engine's TotalSeries). */
export const BAND_METRICS = ['onHand', 'backorders', 'customerDemand', 'customerFilled', 'lostSales'] as const;
export type BandMetric = (typeof BAND_METRICS)[number];

/** Raw series kept for quantiles only while replications × periods × metrics stays below this (16 MB of Float32). */
export const MAX_BAND_ENTRIES = 4_000_000;

export const BAND_LOW_QUANTILE = 0.05;
export const BAND_HIGH_QUANTILE = 0.95;

export type BandKind = 'quantiles' | 'range';

/** 'quantiles' when every replication's series fits the budget, else 'range' (min–max). */
export function bandKindFor(replications: number, periods: number, budget = MAX_BAND_ENTRIES): BandKind {
  return replications * periods * BAND_METRICS.length <= budget ? 'quantiles' : 'range';
}

type PerMetric<T> = { readonly [M in BandMetric]: T };

/** One worker's block of replications, ready to merge. */
export interface BandPart {
  readonly periods: number;
  readonly replications: number;
  readonly sum: PerMetric<Float64Array>;
  readonly min: PerMetric<Float64Array>;
  readonly max: PerMetric<Float64Array>;
  /** Every replication's series, entry r·periods + t (kind 'quantiles' only). */
  readonly raw?: PerMetric<Float32Array>;
}

export interface SeriesBand {
  readonly mean: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** The bands of a Monte Carlo run. */
export interface TotalBands {
  /** 'quantiles': low/high are the 5 % and 95 % quantiles; 'range': the minimum and maximum. */
  readonly kind: BandKind;
  readonly replications: number;
  readonly periods: number;
  readonly metrics: PerMetric<SeriesBand>;
}

function perMetric<T>(make: (m: BandMetric) => T): PerMetric<T> {
  return Object.fromEntries(BAND_METRICS.map((m) => [m, make(m)])) as unknown as PerMetric<T>;
}

/** Collects the totals of replications run one after the other in a worker. */
export class BandAccumulator {
  readonly #periods: number;
  readonly #capacity: number;
  readonly #sum: PerMetric<Float64Array>;
  readonly #min: PerMetric<Float64Array>;
  readonly #max: PerMetric<Float64Array>;
  readonly #raw?: PerMetric<Float32Array>;
  #count = 0;

  /** `keepRaw`: room for `replications` raw series (kind 'quantiles'). */
  constructor(periods: number, replications: number, keepRaw: boolean) {
    if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`a band needs at least one period (got ${periods})`);
    this.#periods = periods;
    this.#capacity = replications;
    this.#sum = perMetric(() => new Float64Array(periods));
    this.#min = perMetric(() => new Float64Array(periods).fill(Number.POSITIVE_INFINITY));
    this.#max = perMetric(() => new Float64Array(periods).fill(Number.NEGATIVE_INFINITY));
    if (keepRaw) this.#raw = perMetric(() => new Float32Array(periods * replications));
  }

  /** Adds one replication's total series (its first `periods` entries). */
  add(totals: { readonly [M in BandMetric]: ArrayLike<number> }): void {
    if (this.#count >= this.#capacity) throw new RangeError(`this band was made for ${this.#capacity} replications`);
    const T = this.#periods;
    for (const m of BAND_METRICS) {
      const src = totals[m];
      if (src.length < T) throw new RangeError(`the ${m} series has ${src.length} periods, the band ${T}`);
      const sum = this.#sum[m];
      const min = this.#min[m];
      const max = this.#max[m];
      const raw = this.#raw?.[m];
      const at = this.#count * T;
      for (let t = 0; t < T; t++) {
        const v = src[t];
        sum[t] += v;
        if (v < min[t]) min[t] = v;
        if (v > max[t]) max[t] = v;
        if (raw) raw[at + t] = v;
      }
    }
    this.#count++;
  }

  get count(): number { return this.#count; }

  /** The block so far (raw trimmed to the replications added). */
  part(): BandPart {
    const T = this.#periods;
    const raw = this.#raw ? perMetric((m) => this.#raw![m].slice(0, this.#count * T)) : undefined;
    return { periods: T, replications: this.#count, sum: this.#sum, min: this.#min, max: this.#max, ...(raw ? { raw } : {}) };
  }
}

/** The buffers of a part or of bands: the transfer list of postMessage. */
export function bandTransferables(x: BandPart | TotalBands): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  if ('metrics' in x) {
    for (const m of BAND_METRICS) arrays.push(x.metrics[m].mean, x.metrics[m].low, x.metrics[m].high);
  } else {
    for (const m of BAND_METRICS) {
      arrays.push(x.sum[m], x.min[m], x.max[m]);
      if (x.raw) arrays.push(x.raw[m]);
    }
  }
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy): h = (n − 1)·p, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Merges the parts of one run (any order for min–max and mean; quantiles need every part's raw
 * series, else the band falls back to min–max).
 */
export function combineBands(parts: readonly BandPart[]): TotalBands {
  if (parts.length === 0) throw new Error('no replications to band');
  const T = parts[0].periods;
  if (parts.some((p) => p.periods !== T)) throw new Error('the replications of one run must have the same periods');
  const R = parts.reduce((n, p) => n + p.replications, 0);
  if (R === 0) throw new Error('no replications to band');
  const quantiles = parts.every((p) => p.raw !== undefined);
  const column = new Float64Array(R);
  const metrics = perMetric((m): SeriesBand => {
    const mean = new Float64Array(T);
    const low = new Float64Array(T).fill(Number.POSITIVE_INFINITY);
    const high = new Float64Array(T).fill(Number.NEGATIVE_INFINITY);
    for (const p of parts) {
      if (p.replications > 0) mergeRangeSums(T, mean, low, high, { sum: p.sum[m], min: p.min[m], max: p.max[m] }, !quantiles);
    }
    for (let t = 0; t < T; t++) mean[t] /= R;
    if (quantiles) {
      for (let t = 0; t < T; t++) {
        let i = 0;
        for (const p of parts) {
          const raw = p.raw![m];
          for (let r = 0; r < p.replications; r++) column[i++] = raw[r * T + t];
        }
        column.sort();
        low[t] = quantileSorted(column, BAND_LOW_QUANTILE);
        high[t] = quantileSorted(column, BAND_HIGH_QUANTILE);
      }
    }
    return { mean, low, high };
  });
  return { kind: quantiles ? 'quantiles' : 'range', replications: R, periods: T, metrics };
}
