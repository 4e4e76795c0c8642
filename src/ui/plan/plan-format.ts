/** Numbers as the Optimise view shows them (money and quantities as the planner's own sentences write them). */
import { formatMoney, formatQuantity } from '../../core/plan/labels';

export { formatMoney, formatQuantity };

/** `€19.3M`, `€480k`, `€3.10`: short money for map badges and bars. */
export function shortMoney(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  if (abs < 1000) return formatMoney(amount, currency);
  const full = formatMoney(amount, currency);
  const symbol = full.replace(/[-\d.,\s]+$/, '').replace(/^-/, '');
  const [value, unit] = abs >= 1e9 ? [abs / 1e9, 'B'] : abs >= 1e6 ? [abs / 1e6, 'M'] : [abs / 1e3, 'k'];
  return `${amount < 0 ? '-' : ''}${symbol}${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 })}${unit}`;
}

export function percent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} %` : '—';
}

/** Whole units with thousands separators; `—` for NaN. */
export function units(q: number): string {
  return Number.isFinite(q) ? Math.round(q).toLocaleString('en-US') : '—';
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}
