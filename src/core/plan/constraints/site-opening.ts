import { colAt, type BuildContext } from '../build-context';
import { lpStem } from '../names';

/**
 * defineSiteOpening — nothing moves through a potential site i unless it opens. For every arc a
 * (lane l, product p) into or out of i, and every period t:
 *
 *   ship[a,t] − M_a · open[i] ≤ 0
 *
 * with M_a = min(lane capacity, the product's total need M_p, the destination's total demand when
 * it keeps no stock): a valid bound that keeps the relaxation tight. Arcs of lanes that carry a
 * fixed cost are linked through use[l] ≤ open[i] instead (defineLaneUse). Storage and production
 * at potential sites are tied to open[i] in the capacity rows.
 */
export function defineSiteOpening(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const a of net.arcs) {
    const l = net.lanes[a.lane];
    if (v.use[l.index] >= 0) continue;
    for (const site of [l.from, l.to]) {
      const open = v.open[site];
      if (open < 0) continue;
      const stem = lpStem('openlink', `${net.sites[site].token},${l.token},${net.products[a.product].token}`);
      for (let t = 1; t <= H; t++) {
        const row = b.addPeriodRow('openLink', a.index, t, stem, -Infinity, 0);
        b.addEntry(row, colAt(v.ship, a.index, t, H), 1);
        b.addEntry(row, open, -a.bigM);
      }
    }
  }
}

/**
 * defineMaxOpenSites — at most N potential sites open (settings.maxOpenSites):
 *
 *   Σ_{i potential} open[i] ≤ N
 */
export function defineMaxOpenSites(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const limit = net.scenario.settings.maxOpenSites;
  if (limit === undefined) return;
  const opens = Array.from(v.open).filter((c) => c >= 0);
  if (opens.length === 0) return;
  const row = b.addRow('maxOpen', -1, -1, 'maxopen', -Infinity, limit);
  for (const c of opens) b.addEntry(row, c, 1);
}
