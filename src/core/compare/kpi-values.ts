/**
 * One KPI of one run as the comparison sees it: a point value, or a Monte Carlo estimate with
 * its 95 % confidence interval. A single run is a point: low = high = the value, no half-width.
 */
import type { Estimated } from '../sim/replications';
import type { SimSummary } from '../sim/summary-types';
import type { Estimate } from '../sim/stats';

/** A run's summary: one seeded run, or the estimate over replications. */
export type AnySummary = SimSummary | Estimated<SimSummary>;

/** A number of a summary: plain, or an estimate (mean ± half-width). */
export type SummaryNumber = number | Estimate;

export interface KpiValue {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Half-width of the 95 % CI; NaN for a single run (or fewer than 2 replications). */
  readonly halfWidth: number;
  /** True when the value is a Monte Carlo estimate with a finite CI. */
  readonly hasInterval: boolean;
}

export function isEstimate(v: unknown): v is Estimate {
  return typeof v === 'object' && v !== null && typeof (v as Estimate).mean === 'number';
}

/** A summary number as a KpiValue; anything that is not a number or an estimate is NaN. */
export function kpiValue(v: unknown): KpiValue {
  if (typeof v === 'number') return { mean: v, low: v, high: v, halfWidth: Number.NaN, hasInterval: false };
  if (isEstimate(v)) {
    const hasInterval = Number.isFinite(v.halfWidth) && Number.isFinite(v.low) && Number.isFinite(v.high);
    return hasInterval
      ? { mean: v.mean, low: v.low, high: v.high, halfWidth: v.halfWidth, hasInterval }
      : { mean: v.mean, low: v.mean, high: v.mean, halfWidth: Number.NaN, hasInterval };
  }
  return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, halfWidth: Number.NaN, hasInterval: false };
}

/** The point value of a summary number (the mean of an estimate); NaN when it is neither. */
export function pointOf(v: unknown): number {
  return typeof v === 'number' ? v : isEstimate(v) ? v.mean : Number.NaN;
}
