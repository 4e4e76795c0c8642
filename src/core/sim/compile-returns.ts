/**
 * Returns rows → return routes per customer node: a share `rate` of the units delivered to the
 * customer in period t reaches the destination node in the returns step of t + delay, where a
 * share `restockShare` goes back into stock and the rest is scrapped.
 */
import type { CompileContext } from './compile-context';
import { csr } from './compile-arcs';

export interface ReturnRoute {
  readonly row: number;
  readonly customer: number;
  readonly dest: number;
}

export interface ReturnArrays {
  readonly retStart: Int32Array;
  readonly retRate: Float64Array;
  readonly retDelay: Int32Array;
  readonly retDest: Int32Array;
  readonly retRestock: Float64Array;
  readonly retRingStart: Int32Array;
  readonly retRingSize: Int32Array;
  /** The routes in CSR order (for the finance step, which prices credit notes). */
  readonly routes: readonly ReturnRoute[];
}

export function compileReturns(ctx: CompileContext, nNodes: number, indexOfKey: (key: number) => number | undefined): ReturnArrays {
  const { scenario } = ctx;
  const P = scenario.products.length;
  const found: ReturnRoute[] = [];
  scenario.returns.forEach((r, row) => {
    const c = ctx.siteIndex.get(r.customerId)!;
    const d = ctx.siteIndex.get(r.destinationId)!;
    if (!ctx.siteOpen[c] || !ctx.siteOpen[d]) return;
    for (let p = 0; p < P; p++) {
      if (r.productId !== undefined && ctx.productIndex.get(r.productId) !== p) continue;
      const customer = indexOfKey(c * P + p);
      const dest = indexOfKey(d * P + p);
      if (customer === undefined || dest === undefined) continue;
      found.push({ row, customer, dest });
    }
  });
  const { start, items } = csr(nNodes, found.map((_, i) => i), (i) => found[i].customer);
  const routes = Array.from(items, (i) => found[i]);
  const R = routes.length;
  const retRingStart = new Int32Array(R);
  const retRingSize = new Int32Array(R);
  let ring = 0;
  routes.forEach((rt, i) => {
    retRingSize[i] = scenario.returns[rt.row].delay + 1;
    retRingStart[i] = ring;
    ring += retRingSize[i];
  });
  return {
    retStart: start, routes, retRingStart, retRingSize,
    retRate: Float64Array.from(routes, (rt) => scenario.returns[rt.row].rate),
    retDelay: Int32Array.from(routes, (rt) => scenario.returns[rt.row].delay),
    retDest: Int32Array.from(routes, (rt) => rt.dest),
    retRestock: Float64Array.from(routes, (rt) => scenario.returns[rt.row].restockShare),
  };
}
