import { colAt, type BuildContext } from '../build-context';
import { lpName, lpStem } from '../names';

/**
 * defineLaneUse — a lane l with a fixed cost carries goods only when used. For an uncapacitated
 * lane, per arc a of l and period t (a capacitated lane has the link in its capacity row):
 *
 *   ship[a,t] − M_a · use[l] ≤ 0
 *
 * and a lane touching a potential site i can be used only if i opens:
 *
 *   use[l] − open[i] ≤ 0
 */
export function defineLaneUse(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const l of net.lanes) {
    const use = v.use[l.index];
    if (use < 0) continue;
    if (l.capacity === undefined) {
      for (const ai of l.arcs) {
        const a = net.arcs[ai];
        const stem = lpStem('uselink', `${l.token},${net.products[a.product].token}`);
        for (let t = 1; t <= H; t++) {
          const row = b.addPeriodRow('useLink', ai, t, stem, -Infinity, 0);
          b.addEntry(row, colAt(v.ship, ai, t, H), 1);
          b.addEntry(row, use, -a.bigM);
        }
      }
    }
    for (const site of [l.from, l.to]) {
      const open = v.open[site];
      if (open < 0) continue;
      const row = b.addRow('useOpen', l.index, -1, lpName('useopen', `${l.token},${net.sites[site].token}`), -Infinity, 0);
      b.addEntry(row, use, 1);
      b.addEntry(row, open, -1);
    }
  }
}
