import { colAt, type BuildContext } from '../build-context';
import { lpName, lpStem } from '../names';

/**
 * defineSingleSourcing — with settings.singleSourcing, each customer c and product p with demand
 * receives p over one inbound arc at most (one source site for the whole horizon):
 *
 *   Σ_{a into (c,p)} assign[a] ≤ 1
 *   ship[a,t] − M_a · assign[a] ≤ 0        for every inbound arc a and period t
 *   assign[a] − open[i] ≤ 0                where the arc's origin i is a potential site
 *
 * (≤ 1 rather than = 1: an assignment without flow changes nothing, and a demand with no
 * reachable source stays feasible and shows as unmet.)
 */
export function defineSingleSourcing(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const k of net.pairs) {
    const arcs = k.arcsIn.filter((a) => v.assign[a] >= 0);
    if (arcs.length === 0) continue;
    const label = `${net.sites[k.site].token},${net.products[k.product].token}`;
    const one = b.addRow('assignOne', k.index, -1, lpName('onesource', label), -Infinity, 1);
    for (const ai of arcs) {
      const a = net.arcs[ai];
      const l = net.lanes[a.lane];
      b.addEntry(one, v.assign[ai], 1);
      const stem = lpStem('assignlink', `${l.token},${net.products[a.product].token}`);
      for (let t = 1; t <= H; t++) {
        const row = b.addPeriodRow('assignLink', ai, t, stem, -Infinity, 0);
        b.addEntry(row, colAt(v.ship, ai, t, H), 1);
        b.addEntry(row, v.assign[ai], -a.bigM);
      }
      const open = v.open[l.from];
      if (open >= 0) {
        const row = b.addRow('assignOpen', ai, -1, lpName('assignopen', `${l.token},${net.products[a.product].token}`), -Infinity, 0);
        b.addEntry(row, v.assign[ai], 1);
        b.addEntry(row, open, -1);
      }
    }
  }
}
