/**
 * Numbers of a run as text: a plain number, or a Monte Carlo estimate as "mean ± half-width of
 * its 95 % CI". Undefined values (a ratio over 0, NaN) are "—", as in the CLI and docs.
 */
import type { Estimate } from '../../core/sim';

export type Num = number | Estimate;

export const isEstimate = (v: Num): v is Estimate => typeof v === 'object' && v !== null;

/** The point value: the number, or the estimate's mean. */
export const valueOf = (v: Num): number => (isEstimate(v) ? v.mean : v);

export interface NumberStyle {
  /** Fraction digits (default: none from 100 up, else up to 2). */
  readonly digits?: number;
  /** A share shown × 100 with "%". */
  readonly percent?: boolean;
  /** Text after the number ("EUR", "days"). */
  readonly unit?: string;
}

/**
 * One Intl.NumberFormat per fraction-digit rule, kept: Number#toLocaleString builds a new
 * formatter on every call (~10 µs), which a table of 1,000 sites × 11 columns notices.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

function plain(x: number, style: NumberStyle): string {
  const v = style.percent ? x * 100 : x;
  if (style.digits === undefined) return formatter(0, Math.abs(v) >= 100 ? 0 : 2).format(v);
  return formatter(style.digits, style.digits).format(v);
}

function unitOf(style: NumberStyle): string {
  if (style.percent) return ' %';
  return style.unit ? ` ${style.unit}` : '';
}

/** "99.7 %", "1,234 EUR", "99.7 ± 0.2 %", or "—". */
export function formatNum(v: Num, style: NumberStyle = {}): string {
  const x = valueOf(v);
  if (!Number.isFinite(x)) return '—';
  const hw = isEstimate(v) ? v.halfWidth : Number.NaN;
  const ci = Number.isFinite(hw) ? ` ± ${plain(hw, style)}` : '';
  return `${plain(x, style)}${ci}${unitOf(style)}`;
}

/** "12 ms", "3.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}
