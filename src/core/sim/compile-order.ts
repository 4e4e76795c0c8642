/**
 * Orders over the nodes that the period loop relies on:
 *   - decide order: a product's makers decide before the nodes of its components, so component
 *     consumption of the period is seen by the component's own policy in the same period;
 *   - share order: customers before their suppliers, to propagate end-customer demand upstream
 *     when information sharing is on (needs a network without cycles);
 *   - echelons: 0 at end-customer demand points, +1 per lane upstream (a component at its plant
 *     shares the plant's echelon).
 */
import type { CompileContext } from './compile-context';

interface Graph {
  readonly nNodes: number;
  readonly nodeProduct: Int32Array;
  readonly nodeSite: Int32Array;
  readonly nodeHasDemand: Uint8Array;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcShare: Float64Array;
  readonly bomStart: Int32Array;
  readonly bomComponent: Int32Array;
}

export function decideOrder(ctx: CompileContext, g: Graph): Int32Array {
  const { scenario } = ctx;
  const P = scenario.products.length;
  const level = new Int32Array(P).fill(-1);
  const parents: number[][] = Array.from({ length: P }, () => []);
  for (const b of scenario.bom) parents[ctx.productIndex.get(b.componentId)!].push(ctx.productIndex.get(b.productId)!);
  const levelOf = (p: number): number => {
    if (level[p] >= 0) return level[p];
    level[p] = 0; // the BOM is acyclic (validated); this guards recursion anyway
    let l = 0;
    for (const q of parents[p]) l = Math.max(l, levelOf(q) + 1);
    level[p] = l;
    return l;
  };
  const ids = Array.from({ length: g.nNodes }, (_, k) => k);
  if (scenario.bom.length === 0) return Int32Array.from(ids);
  return Int32Array.from(ids.sort((a, b) => levelOf(g.nodeProduct[a]) - levelOf(g.nodeProduct[b]) || a - b));
}

/** Downstream-first order of the nodes, or undefined when the lanes with shares form a cycle. */
export function shareOrder(g: Graph): Int32Array | undefined {
  const N = g.nNodes;
  // pending[k]: downstream nodes k still waits for (destinations of its arcs, makers using it).
  const pending = new Int32Array(N);
  const upstream: number[][] = Array.from({ length: N }, () => []);
  for (let a = 0; a < g.arcFrom.length; a++) {
    if (!(g.arcShare[a] > 0)) continue;
    pending[g.arcFrom[a]]++;
    upstream[g.arcTo[a]].push(g.arcFrom[a]);
  }
  for (let k = 0; k < N; k++) {
    for (let i = g.bomStart[k]; i < g.bomStart[k + 1]; i++) {
      pending[g.bomComponent[i]]++;
      upstream[k].push(g.bomComponent[i]);
    }
  }
  const order: number[] = [];
  for (let k = 0; k < N; k++) if (pending[k] === 0) order.push(k);
  for (let i = 0; i < order.length; i++) {
    for (const u of upstream[order[i]]) if (--pending[u] === 0) order.push(u);
  }
  return order.length === N ? Int32Array.from(order) : undefined;
}

export function siteEchelons(nSites: number, g: Graph): Int32Array {
  const N = g.nNodes;
  const INF = 1 << 30;
  const level = new Int32Array(N).fill(INF);
  for (let k = 0; k < N; k++) if (g.nodeHasDemand[k]) level[k] = 0;
  for (let pass = 0, changed = true; changed && pass <= N; pass++) {
    changed = false;
    for (let a = 0; a < g.arcFrom.length; a++) {
      if (!(g.arcShare[a] > 0) || level[g.arcTo[a]] === INF) continue;
      const l = level[g.arcTo[a]] + 1;
      if (l < level[g.arcFrom[a]]) { level[g.arcFrom[a]] = l; changed = true; }
    }
    for (let k = 0; k < N; k++) {
      if (level[k] === INF) continue;
      for (let i = g.bomStart[k]; i < g.bomStart[k + 1]; i++) {
        const c = g.bomComponent[i];
        if (level[k] < level[c]) { level[c] = level[k]; changed = true; }
      }
    }
  }
  const echelon = new Int32Array(nSites).fill(-1);
  for (let k = 0; k < N; k++) {
    if (level[k] === INF) continue;
    const s = g.nodeSite[k];
    if (echelon[s] < 0 || level[k] < echelon[s]) echelon[s] = level[k];
  }
  return echelon;
}
