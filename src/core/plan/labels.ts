/** Plain-language pieces: money, quantities, periods and period ranges, as the explanations write them. */

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥', CHF: 'CHF ', CNY: 'CN¥', INR: '₹' };

// One formatter each: `toLocaleString` with options builds a new Intl.NumberFormat per call, which
// costs more than the rest of a shadow-price sentence (thousands of them on a large plan).
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** `€3.10`, `-$1,250.00`, `SEK 12.00`. */
export function formatMoney(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  const text = MONEY.format(Math.abs(amount));
  return `${amount < 0 ? '-' : ''}${symbol}${text}`;
}

/** `1,250` or `12.5` (at most 3 decimals). */
export function formatQuantity(q: number): string {
  return QUANTITY.format(q);
}

/** `week 12`, `day 3`, `month 7`. */
export function formatPeriod(period: number, periodLength: string): string {
  return `${periodLength} ${period}`;
}

/** `week 3`, `weeks 3–5`, `weeks 3–5, 8 and 10`. */
export function formatPeriods(periods: readonly number[], periodLength: string): string {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const runs: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const p of [...sorted.slice(1), Infinity]) {
    if (p === prev + 1) { prev = p; continue; }
    runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = p;
  }
  const plural = sorted.length > 1 ? `${periodLength}s` : periodLength;
  const list = runs.length <= 1 ? runs.join('') : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
  return `${plural} ${list}`;
}

/** Numbers this close to zero are solver noise (feasibility tolerances are about 1e-6 to 1e-9). */
export const EPS = 1e-6;

/** Rounds away solver noise (1e-12 → 0, 99.99999999 → 100) before showing a value. */
export function clean(x: number): number {
  return Math.abs(x) <= EPS ? 0 : Math.round(x * 1e6) / 1e6;
}
