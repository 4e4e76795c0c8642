/**
 * Stock-versus-capacity hints: how full each site starts, as the sum of its initial stock over
 * all products (inventory table) divided by its storage capacity. Sites without a capacity show
 * their stock in the tooltip only; a site over capacity is flagged (ratio > 1).
 */
import type { Scenario } from '../../core/model/types';

export interface StockHint {
  readonly stock: number;
  readonly capacity: number | undefined;
  /** stock ÷ capacity, when the site has a capacity above 0. */
  readonly ratio: number | undefined;
}

export function stockHints(scenario: Pick<Scenario, 'sites' | 'inventory'>): Map<string, StockHint> {
  const stock = new Map<string, number>();
  for (const row of scenario.inventory) stock.set(row.siteId, (stock.get(row.siteId) ?? 0) + row.initialStock);
  const out = new Map<string, StockHint>();
  for (const s of scenario.sites) {
    const units = stock.get(s.id) ?? 0;
    const capacity = s.storageCapacity;
    if (units === 0 && capacity === undefined) continue;
    out.set(s.id, { stock: units, capacity, ratio: capacity !== undefined && capacity > 0 ? units / capacity : undefined });
  }
  return out;
}

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Tooltip line, e.g. "Stock 1,200 of 5,000 (24 %)". */
export function stockHintText(h: StockHint): string {
  if (h.capacity === undefined) return `Stock ${fmt.format(h.stock)} (no storage limit)`;
  const pct = h.ratio === undefined ? '' : ` (${fmt.format(h.ratio * 100)} %)`;
  return `Stock ${fmt.format(h.stock)} of ${fmt.format(h.capacity)}${pct}`;
}

export const sameHint = (a: StockHint, b: StockHint) => a.stock === b.stock && a.capacity === b.capacity;
