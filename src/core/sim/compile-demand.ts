/**
 * Demand rows → rows grouped by period (CSR over periods 1..T) with their node, mean and σ.
 * σ of normal demand = the row's stdDev, else settings.demandCv × quantity. For bootstrap
 * demand each demand point also keeps its own rows sorted by period, to resample from.
 */
import type { Network } from './network';
import type { CompileContext } from './compile-context';

/** The part of the compiled Network this step fills in. */
export type DemandArrays = Pick<Network, 'dStart' | 'dNode' | 'dQty' | 'dSd' | 'demandVariability' | 'nodeDemandSlot' | 'demandNodes' | 'bootStart' | 'bootPeriod' | 'bootQty' | 'nDemandNodes'>;

const VARIABILITY: Record<string, number> = { none: 0, normal: 1, poisson: 2, bootstrap: 3 };

export function compileDemand(ctx: CompileContext, nNodes: number, indexOfKey: (key: number) => number): DemandArrays {
  const { scenario, settings, periods } = ctx;
  const P = scenario.products.length;
  const rows: { node: number; period: number; qty: number; sd: number }[] = [];
  scenario.demand.forEach((d) => {
    const s = ctx.siteIndex.get(d.customerId)!;
    if (!ctx.siteOpen[s] || d.period > periods) return;
    rows.push({ node: indexOfKey(s * P + ctx.productIndex.get(d.productId)!), period: d.period, qty: d.quantity, sd: d.stdDev ?? settings.demandCv * d.quantity });
  });
  rows.sort((a, b) => a.period - b.period || a.node - b.node);
  const dStart = new Int32Array(periods + 2);
  for (const r of rows) dStart[r.period + 1]++;
  for (let t = 1; t <= periods + 1; t++) dStart[t] += dStart[t - 1];
  const nodeDemandSlot = new Int32Array(nNodes).fill(-1);
  let nDemandNodes = 0;
  const demandNodes: number[] = [];
  for (const r of rows) if (nodeDemandSlot[r.node] < 0) { nodeDemandSlot[r.node] = nDemandNodes++; demandNodes.push(r.node); }

  const variability = VARIABILITY[ctx.options.demandVariability ?? settings.demandVariability];
  let bootStart = new Int32Array(1);
  let bootPeriod = new Int32Array(0);
  let bootQty = new Float64Array(0);
  if (variability === 3) {
    const byNode = [...rows].sort((a, b) => nodeDemandSlot[a.node] - nodeDemandSlot[b.node] || a.period - b.period);
    bootStart = new Int32Array(nDemandNodes + 1);
    for (const r of byNode) bootStart[nodeDemandSlot[r.node] + 1]++;
    for (let j = 0; j < nDemandNodes; j++) bootStart[j + 1] += bootStart[j];
    bootPeriod = Int32Array.from(byNode, (r) => r.period);
    bootQty = Float64Array.from(byNode, (r) => r.qty);
  }
  return {
    dStart, dNode: Int32Array.from(rows, (r) => r.node), dQty: Float64Array.from(rows, (r) => r.qty),
    dSd: Float64Array.from(rows, (r) => r.sd), demandVariability: variability,
    nodeDemandSlot, demandNodes: Int32Array.from(demandNodes), bootStart, bootPeriod, bootQty, nDemandNodes,
  };
}
