/**
 * KPI values and deltas of the comparison as text: units per KPI (shares as %, their deltas in
 * percentage points), "± half-width" for Monte Carlo estimates, and a delta as
 * "▲ +1.2 pp (+1.3 %) better" — arrow and sign give the direction of change, the word says
 * whether that is good for this KPI, so colour is never the only cue.
 */
import type { KpiDelta, Verdict } from '../../core/compare/deltas';
import type { KpiUnit } from '../../core/compare/kpi-catalogue';
import type { KpiValue } from '../../core/compare/kpi-values';

const MINUS = '−';

function digitsFor(unit: KpiUnit, magnitude: number): number {
  switch (unit) {
    case 'share': return 1;
    case 'ratio': return 2;
    case 'days':
    case 'perYear': return 1;
    default: return magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 2;
  }
}

/**
 * |x| with `digits` fraction digits and a sign (− always, + when `signed`). A non-zero value
 * that would round to 0 keeps two significant digits instead, so a change never reads "+0.0".
 */
function plain(x: number, digits: number, signed = false): string {
  let text = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (x !== 0 && Number(text.replace(/,/g, '')) === 0) {
    text = Math.abs(x).toLocaleString('en-US', { maximumSignificantDigits: 2 });
  }
  if (x < 0) return `${MINUS}${text}`;
  return signed && x > 0 ? `+${text}` : text;
}

function unitSuffix(unit: KpiUnit, currency: string | undefined): string {
  if (unit === 'share') return ' %';
  if (currency === undefined) return '';
  switch (unit) {
    case 'money': return ` ${currency}`;
    case 'days': return ' days';
    case 'perYear': return ' /yr';
    default: return '';
  }
}

/**
 * "97.3 %", "97.3 ± 0.4 %", "12,345 EUR", or "—". Without `currency` the unit is left out
 * (the table names it once per row) except the % of a share.
 */
export function formatKpiValue(v: KpiValue, unit: KpiUnit, currency?: string): string {
  if (!Number.isFinite(v.mean)) return '—';
  const scale = unit === 'share' ? 100 : 1;
  const digits = digitsFor(unit, Math.abs(v.mean * scale));
  const ci = v.hasInterval ? ` ± ${plain(v.halfWidth * scale, digits)}` : '';
  return `${plain(v.mean * scale, digits)}${ci}${unitSuffix(unit, currency)}`;
}

/** The absolute delta with its sign: "+1.2 pp", "−500 EUR" ("−500" without `currency`). */
export function formatDeltaAbs(abs: number, unit: KpiUnit, currency?: string): string {
  if (!Number.isFinite(abs)) return '—';
  if (unit === 'share') return `${plain(abs * 100, 1, true)} pp`;
  return `${plain(abs, digitsFor(unit, Math.abs(abs)), true)}${unitSuffix(unit, currency)}`;
}

/** "+1.3 %", "n/a (baseline 0)", or "—". */
export function formatDeltaPct(pct: number | null): string {
  if (pct === null) return 'n/a (baseline 0)';
  if (!Number.isFinite(pct)) return '—';
  return `${plain(pct * 100, 1, true)} %`;
}

export const VERDICT_TEXT: Record<Verdict, string> = {
  better: 'better',
  worse: 'worse',
  same: 'same',
  noise: 'within noise',
  unknown: 'no comparison',
};

/** ▲ when the value went up, ▼ when down, = when the same, ≈ within noise. */
export function deltaArrow(d: KpiDelta): string {
  if (d.verdict === 'same') return '=';
  if (d.verdict === 'noise') return '≈';
  if (d.verdict === 'unknown') return '';
  return d.abs > 0 ? '▲' : '▼';
}

/** What a screen reader and a tooltip say: "up 1.2 pp (+1.3 %), better". */
export function describeDelta(d: KpiDelta, unit: KpiUnit, currency: string): string {
  if (d.verdict === 'unknown') return 'no comparison (a value is missing)';
  if (d.verdict === 'same') return 'same as the baseline';
  const dir = d.abs > 0 ? 'up' : 'down';
  const what = `${dir} ${formatDeltaAbs(d.abs, unit, currency)} (${formatDeltaPct(d.pct)})`;
  return d.verdict === 'noise' ? `${what}: difference within noise (95 % confidence intervals overlap)` : `${what}, ${VERDICT_TEXT[d.verdict]}`;
}
