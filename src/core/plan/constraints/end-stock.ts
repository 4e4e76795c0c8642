import { colAt, type BuildContext } from '../build-context';
import { lpName } from '../names';

/**
 * defineEndStockTargets — the stock the plan must leave at each pair k with a target E_k
 * (inventory.targetEndStock), on hand at the end of the last period T:
 *
 *   stock[k,T] ≥ E_k
 *
 * Goods still in transit at T do not count. A pair that can never hold the product keeps an
 * empty row with lower bound E_k > 0: infeasible, and the elastic analysis names it.
 */
export function defineEndStockTargets(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  for (const k of net.pairs) {
    if (k.targetEndStock === undefined || k.targetEndStock <= 0) continue;
    const row = b.addRow('target', k.index, H, lpName('target', `${net.sites[k.site].token},${net.products[k.product].token}`), k.targetEndStock, Infinity);
    b.addEntry(row, colAt(v.stock, k.index, H, H), 1);
  }
}
