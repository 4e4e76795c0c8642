/**
 * The difference of a KPI between a scenario and the baseline, and what it means:
 *
 *   Δ   = value − baseline
 *   Δ % = Δ ÷ |baseline|      (the sign follows Δ even for a negative baseline: a margin of
 *                              −100 → −50 is +50 %); 0 when both are 0; null when only the
 *                              baseline is 0 (no finite percentage exists).
 *
 * Verdict, in this order: `unknown` when either value is not a number; `same` when
 * |Δ| ≤ absolute + relative × max(|baseline|, |value|); `noise` when at least one side is a
 * Monte Carlo estimate and the 95 % intervals overlap (a single run counts as a point);
 * otherwise `better` or `worse` by the KPI's direction.
 */
import type { KpiDirection } from './kpi-catalogue';
import type { KpiValue } from './kpi-values';

export type Verdict = 'better' | 'worse' | 'same' | 'noise' | 'unknown';

export interface KpiDelta {
  readonly abs: number;
  /** Δ ÷ |baseline| as a fraction (0.05 = +5 %); null when the baseline is 0 and the value is not. */
  readonly pct: number | null;
  readonly verdict: Verdict;
}

export interface Tolerance {
  readonly absolute: number;
  readonly relative: number;
}

/** Differences below 0.01 % of the larger value (or 1e-9) are rounding, not a change. */
export const DEFAULT_TOLERANCE: Tolerance = { absolute: 1e-9, relative: 1e-4 };

export function percentChange(baseline: number, value: number): number | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(value)) return Number.NaN;
  if (baseline === 0) return value === 0 ? 0 : null;
  return (value - baseline) / Math.abs(baseline);
}

/** True when the two 95 % intervals share at least one point (a single run is the point [x, x]). */
export function intervalsOverlap(a: KpiValue, b: KpiValue): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function compareKpi(baseline: KpiValue, value: KpiValue, direction: KpiDirection, tolerance: Tolerance = DEFAULT_TOLERANCE): KpiDelta {
  const abs = value.mean - baseline.mean;
  const pct = percentChange(baseline.mean, value.mean);
  if (!Number.isFinite(abs)) return { abs: Number.NaN, pct: Number.NaN, verdict: 'unknown' };
  const scale = Math.max(Math.abs(baseline.mean), Math.abs(value.mean));
  if (Math.abs(abs) <= tolerance.absolute + tolerance.relative * scale) return { abs, pct, verdict: 'same' };
  if ((baseline.hasInterval || value.hasInterval) && intervalsOverlap(baseline, value)) return { abs, pct, verdict: 'noise' };
  const improved = direction === 'higher' ? abs > 0 : abs < 0;
  return { abs, pct, verdict: improved ? 'better' : 'worse' };
}
