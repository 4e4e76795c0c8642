import { colAt, type BuildContext } from '../build-context';
import { lpStem } from '../names';

/**
 * defineStorageCapacity — on-hand stock of all products at a site with a storage capacity S_i,
 * at the end of every period t:
 *
 *   Σ_p stock[(i,p),t] ≤ S_i                 (existing site)
 *   Σ_p stock[(i,p),t] − S_i · open[i] ≤ 0   (potential site: no stock unless opened)
 *
 * Stock in transit does not occupy the destination's storage.
 */
export function defineStorageCapacity(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const s of net.sites) {
    if (s.storageCapacity === undefined) continue;
    const held = net.pairs.filter((k) => k.site === s.index && k.holdsStock);
    if (held.length === 0) continue;
    const open = v.open[s.index];
    const stem = lpStem('store', s.token);
    for (let t = 1; t <= H; t++) {
      const row = b.addPeriodRow('storage', s.index, t, stem, -Infinity, open >= 0 ? 0 : s.storageCapacity);
      for (const k of held) b.addEntry(row, colAt(v.stock, k.index, t, H), 1);
      b.addEntry(row, open, -s.storageCapacity);
    }
  }
}

/**
 * defineProductionCapacity — units started per period by production entry r (site i, product p)
 * with capacity C_r:
 *
 *   make[r,t] ≤ C_r                  (existing site)
 *   make[r,t] − C_r · open[i] ≤ 0    (potential site; C_r = a valid bound M_p when uncapacitated)
 */
export function defineProductionCapacity(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const r of net.productions) {
    const open = v.open[r.site];
    if (r.capacity === undefined && open < 0) continue;
    const cap = r.capacity ?? net.productBigM[r.product];
    const stem = lpStem('prodcap', `${net.sites[r.site].token},${net.products[r.product].token}`);
    for (let t = 1; t <= H; t++) {
      const make = colAt(v.make, r.index, t, H);
      if (make < 0) continue;
      const row = b.addPeriodRow('production', r.index, t, stem, -Infinity, open >= 0 ? 0 : cap);
      b.addEntry(row, make, 1);
      b.addEntry(row, open, -cap);
    }
  }
}

/**
 * defineLaneCapacity — units of all products dispatched on lane l with capacity U_l per period:
 *
 *   Σ_p ship[(l,p),t] ≤ U_l                 (lane without fixed cost)
 *   Σ_p ship[(l,p),t] − U_l · use[l] ≤ 0    (lane with a fixed cost: nothing moves unless used)
 */
export function defineLaneCapacity(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const l of net.lanes) {
    if (l.capacity === undefined || l.arcs.length === 0) continue;
    const use = v.use[l.index];
    const stem = lpStem('lanecap', l.token);
    for (let t = 1; t <= H; t++) {
      const row = b.addPeriodRow('lane', l.index, t, stem, -Infinity, use >= 0 ? 0 : l.capacity);
      for (const a of l.arcs) b.addEntry(row, colAt(v.ship, a, t, H), 1);
      b.addEntry(row, use, -l.capacity);
    }
  }
}
