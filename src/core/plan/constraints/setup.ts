import { colAt, type BuildContext } from '../build-context';
import { lpStem } from '../names';

/**
 * defineSetups — lot sizing. A pair k = (site i, product p) with an order (setup) cost K_k pays it
 * in every period it is replenished, by shipments dispatched towards it or production started:
 *
 *   Σ_{a into k} ship[a,t] + Σ_{r makes p at i} make[r,t] − M_kt · setup[k,t] ≤ 0
 *
 * M_kt = min(Σ inbound arc bounds + Σ production capacities, M_p), a valid bound on one period's
 * replenishment. The objective charges K_k · setup[k,t] (the Wagner–Whitin model when k has one
 * source and no capacity).
 */
export function defineSetups(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const k of net.pairs) {
    if (k.orderCost <= 0) continue;
    const inbound = k.arcsIn.reduce((s, a) => s + net.arcs[a].bigM, 0)
      + k.makes.reduce((s, r) => s + (net.productions[r].capacity ?? Infinity), 0);
    const bigM = Math.min(inbound, net.productBigM[k.product]);
    const stem = lpStem('setuplink', `${net.sites[k.site].token},${net.products[k.product].token}`);
    for (let t = 1; t <= H; t++) {
      const setup = colAt(v.setup, k.index, t, H);
      if (setup < 0) continue;
      const row = b.addPeriodRow('setupLink', k.index, t, stem, -Infinity, 0);
      for (const a of k.arcsIn) b.addEntry(row, colAt(v.ship, a, t, H), 1);
      for (const r of k.makes) b.addEntry(row, colAt(v.make, r, t, H), 1);
      b.addEntry(row, setup, -bigM);
    }
  }
}
