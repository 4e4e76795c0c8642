import { colAt, type BuildContext } from '../build-context';
import { lpStem } from '../names';

/**
 * defineFlowBalance — conservation of each product at each site in each period. For every pair
 * k = (site i, product p) and period t = 1..T:
 *
 *   stock[k,t] = stock[k,t−1]                              (stock[k,0] = initialStock_k)
 *              + Σ_{r makes p at i} make[r, t − L_r]         production finishing in t
 *              + Σ_{a into i} ship[a, t − L_a]               arrivals shipped L_a periods ago
 *              + pipeline_k[t]                               initial in-transit arriving in t
 *              − Σ_{a out of i} ship[a, t]                   departures
 *              − serve[d,t]                                  demand served here (d = demand of k)
 *              − Σ_{r at i consuming p} q_{r,p} · make[r,t]  components used by production started in t
 *
 * written with the constants on the right-hand side. A pair without stock has stock ≡ 0. A
 * pass-through customer (no stock, ships and makes nothing) has no balance row: its deliveries are
 * its arrivals, substituted into its demand rows (defineDemand).
 */
export function defineFlowBalance(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const k of net.pairs) {
    if (v.passThrough[k.index]) continue;
    const stem = lpStem('bal', `${net.sites[k.site].token},${net.products[k.product].token}`);
    for (let t = 1; t <= H; t++) {
      const rhs = (t === 1 ? k.initialStock : 0) + k.pipeline[t];
      const row = b.addPeriodRow('balance', k.index, t, stem, rhs, rhs);
      b.addEntry(row, colAt(v.stock, k.index, t, H), 1);
      b.addEntry(row, colAt(v.stock, k.index, t - 1, H), -1);
      for (const r of k.makes) b.addEntry(row, colAt(v.make, r, t - net.productions[r].leadTime, H), -1);
      for (const a of k.arcsIn) b.addEntry(row, colAt(v.ship, a, t - net.lanes[net.arcs[a].lane].leadTime, H), -1);
      for (const a of k.arcsOut) b.addEntry(row, colAt(v.ship, a, t, H), 1);
      if (k.demand >= 0) b.addEntry(row, colAt(v.serve, k.demand, t, H), 1);
      for (const c of k.consumedBy) b.addEntry(row, colAt(v.make, c.production, t, H), c.quantity);
    }
  }
}
