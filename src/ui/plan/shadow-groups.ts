/**
 * Shadow prices grouped by the limit they belong to: a capacity that binds in 40 weeks is one
 * line ("up to €11.93, binding in weeks 4–45"), not 40. Capacities first (they say where more
 * capacity pays), then end-stock targets, then demand; within each, the largest price first.
 */
import type { ShadowPrice } from '../../core/plan';

export interface ShadowGroup {
  readonly key: string;
  readonly kind: ShadowPrice['kind'];
  /** The price with the largest magnitude: its sentence describes the group. */
  readonly top: ShadowPrice;
  readonly periods: readonly number[];
}

const RANK = { storage: 0, production: 0, lane: 0, target: 1, demand: 2 } as const;

export function groupShadowPrices(prices: readonly ShadowPrice[]): ShadowGroup[] {
  const groups = new Map<string, { kind: ShadowPrice['kind']; top: ShadowPrice; periods: number[] }>();
  for (const p of prices) {
    const key = [p.kind, p.siteId ?? '', p.productId ?? '', p.laneId ?? ''].join('\u0000');
    const g = groups.get(key);
    if (!g) { groups.set(key, { kind: p.kind, top: p, periods: p.period !== undefined ? [p.period] : [] }); continue; }
    if (p.period !== undefined) g.periods.push(p.period);
    if (Math.abs(p.value) > Math.abs(g.top.value)) g.top = p;
  }
  return [...groups].map(([key, g]) => ({ key, kind: g.kind, top: g.top, periods: g.periods.sort((a, b) => a - b) }))
    .sort((a, b) => RANK[a.kind] - RANK[b.kind] || Math.abs(b.top.value) - Math.abs(a.top.value));
}
