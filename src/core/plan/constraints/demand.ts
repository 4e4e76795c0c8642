import { carriesBacklog, colAt, demandRowAt, type BuildContext } from '../build-context';
import { lpStem } from '../names';

/**
 * defineDemand — what happens to each customer demand d (customer c, product p) with quantity
 * D[t] in period t, from its first period on:
 *
 *   backorder:  backlog[d,t] = backlog[d,t−1] + D[t] − serve[d,t]   (backlog[d,first−1] = 0)
 *               i.e. serve[d,t] + backlog[d,t] − backlog[d,t−1] = D[t]; the backlog left at the
 *               end of the horizon is demand never met.
 *   lost sales: serve[d,t] + lost[d,t] = D[t]                        for every t with D[t] > 0
 *   must-meet:  serve[d,t] = D[t]                                     (PlanOptions.demand)
 *
 * For a pass-through customer serve[d,t] is Σ_{a into c} ship[a, t − L_a] (its arrivals). The dual
 * of this row is the marginal cost of one more unit of demand in period t.
 */
export function defineDemand(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  const backorder = carriesBacklog(ctx);
  for (const d of net.demands) {
    const stem = lpStem('dem', `${net.sites[d.site].token},${net.products[d.product].token}`);
    const arcsIn = v.passThrough[d.pair] ? net.pairs[d.pair].arcsIn : undefined;
    for (let t = d.first; t <= H; t++) {
      if (!demandRowAt(d, t, H, backorder)) continue;
      const q = d.quantity[t];
      const row = b.addPeriodRow('demand', d.index, t, stem, q, q);
      if (arcsIn) for (const a of arcsIn) b.addEntry(row, colAt(v.ship, a, t - net.lanes[net.arcs[a].lane].leadTime, H), 1);
      else b.addEntry(row, colAt(v.serve, d.index, t, H), 1);
      if (backorder) {
        b.addEntry(row, colAt(v.backlog, d.index, t, H), 1);
        b.addEntry(row, colAt(v.backlog, d.index, t - 1, H), -1);
      } else {
        b.addEntry(row, colAt(v.lost, d.index, t, H), 1);
      }
    }
  }
}
