/**
 * Production rows and bills of materials → per-node production parameters and component lists.
 * Production started in period t with lead time Lp completes in t + 1 + Lp (like an order), so
 * the work-in-process ring of a node needs Lp + 2 slots.
 */
import type { Network } from './network';
import type { CompileContext } from './compile-context';
import type { NodeDraft } from './compile-nodes';

/** The part of the compiled Network this step fills in. */
export type ProductionArrays = Pick<Network, 'prodLead' | 'prodCapacity' | 'prodCost' | 'wipStart' | 'wipSize' | 'bomStart' | 'bomComponent' | 'bomQty'>;

export function compileProduction(ctx: CompileContext, nodes: readonly NodeDraft[], indexOfKey: (key: number) => number): ProductionArrays {
  const { scenario } = ctx;
  const N = nodes.length;
  const P = scenario.products.length;
  const prodLead = new Int32Array(N).fill(-1);
  const prodCapacity = new Float64Array(N);
  const prodCost = new Float64Array(N);
  const wipStart = new Int32Array(N);
  const wipSize = new Int32Array(N);
  const bomStart = new Int32Array(N + 1);
  const comps: number[] = [];
  const qtys: number[] = [];
  const zeroCap: string[] = [];
  let wip = 0;
  nodes.forEach((n, k) => {
    bomStart[k] = comps.length;
    if (n.productionRow < 0) return;
    const row = scenario.production[n.productionRow];
    prodLead[k] = row.leadTime;
    prodCapacity[k] = row.capacity ?? Number.POSITIVE_INFINITY;
    prodCost[k] = row.cost;
    if (row.capacity === 0) zeroCap.push(`${row.siteId}/${row.productId}`);
    wipStart[k] = wip;
    wipSize[k] = row.leadTime + 2;
    wip += wipSize[k];
    scenario.bom.forEach((b) => {
      if (ctx.productIndex.get(b.productId) !== n.product) return;
      if (b.siteId !== undefined && ctx.siteIndex.get(b.siteId) !== n.site) return;
      comps.push(indexOfKey(n.site * P + ctx.productIndex.get(b.componentId)!));
      qtys.push(b.quantity);
    });
  });
  bomStart[N] = comps.length;
  if (zeroCap.length > 0) ctx.warnings.push(`production with capacity 0 makes nothing: ${zeroCap.join(', ')}`);
  return {
    prodLead, prodCapacity, prodCost, wipStart, wipSize, bomStart,
    bomComponent: Int32Array.from(comps), bomQty: Float64Array.from(qtys),
  };
}
