/** Numbers as the Optimise view shows them (money and quantities as the planner's own sentences write them). */
import { formatMoney, formatQuantity } from '../../core/plan/labels';

export { formatMoney, formatQuantity };

// Formatters made once: `toLocaleString` with options builds an Intl.NumberFormat per call, and a
// large plan's map and tables format thousands of numbers in their first render.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f;
}

/** `€19.3M`, `€480k`, `€3.10`: short money for map badges and bars. */
export function shortMoney(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  if (abs < 1000) return formatMoney(amount, currency);
  const full = formatMoney(amount, currency);
  const symbol = full.replace(/[-\d.,\s]+$/, '').replace(/^-/, '');
  const [value, unit] = abs >= 1e9 ? [abs / 1e9, 'B'] : abs >= 1e6 ? [abs / 1e6, 'M'] : [abs / 1e3, 'k'];
  return `${amount < 0 ? '-' : ''}${symbol}${formatter(0, value < 10 ? 2 : 1).format(value)}${unit}`;
}

export function percent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${formatter(digits, digits).format(share * 100)} %` : '—';
}

/** Whole units with thousands separators; `—` for NaN. */
export function units(q: number): string {
  return Number.isFinite(q) ? formatter(0, 0).format(Math.round(q)) : '—';
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${formatter(0, 1).format(ms / 1000)} s`;
}
