/**
 * Inventory rows → per-node policy parameters, costs and initial stock. A policy that lacks a
 * parameter it needs is refused here, naming the row and field (base-stock without baseStock…).
 */
import {
  FORECAST_EXP_SMOOTHING, FORECAST_MOVING_AVERAGE, NODE_STOCK, POLICY_BASE_STOCK, POLICY_CODES,
  POLICY_FIXED_PLAN, POLICY_NONE, POLICY_PERIODIC, POLICY_R_Q, POLICY_S_S, POLICY_STERMAN,
} from './network';
import type { Network } from './network';
import type { CompileContext } from './compile-context';
import type { NodeDraft } from './compile-nodes';

/** The part of the compiled Network this step fills in. */
export type PolicyArrays = Pick<Network, 'policy' | 'pBaseStock' | 'pReorderPoint' | 'pOrderUpTo' | 'pOrderQty' | 'pReview' | 'pForecastMethod' | 'pWindow' | 'pSmoothing' | 'pSafety' | 'pStockAdj' | 'pSupplyLine' | 'histStart' | 'nodeHolding' | 'nodeOrderCost' | 'nodeInitialStock' | 'nodeValue' | 'nodePenalty'>;

export function compilePolicies(ctx: CompileContext, nodes: readonly NodeDraft[]): PolicyArrays {
  const { scenario, settings, issues } = ctx;
  const N = nodes.length;
  const a = {
    policy: new Uint8Array(N), pBaseStock: new Float64Array(N), pReorderPoint: new Float64Array(N),
    pOrderUpTo: new Float64Array(N), pOrderQty: new Float64Array(N), pReview: new Int32Array(N).fill(1),
    pForecastMethod: new Uint8Array(N), pWindow: new Int32Array(N).fill(1), pSmoothing: new Float64Array(N),
    pSafety: new Float64Array(N), pStockAdj: new Float64Array(N), pSupplyLine: new Float64Array(N),
    histStart: new Int32Array(N + 1), nodeHolding: new Float64Array(N), nodeOrderCost: new Float64Array(N),
    nodeInitialStock: new Float64Array(N), nodeValue: new Float64Array(N), nodePenalty: new Float64Array(N),
  };
  const needs = (row: number, field: string, value: number | undefined, what: string): number => {
    if (value === undefined) issues.push({ table: 'inventory', row, field, message: `${what} (site "${scenario.inventory[row].siteId}", product "${scenario.inventory[row].productId}")` });
    return value ?? 0;
  };
  let hist = 0;
  nodes.forEach((n, k) => {
    const site = scenario.sites[n.site];
    const product = scenario.products[n.product];
    a.nodeValue[k] = product.value;
    a.nodePenalty[k] = product.shortagePenalty ?? settings.shortagePenalty;
    a.nodeHolding[k] = site.holdingCost;
    a.histStart[k] = hist;
    if (n.kind !== NODE_STOCK) return;
    if (n.inventoryRow < 0) {
      // Make-to-order producer (base-stock with S = 0), or a returns/pipeline holder that never orders.
      a.policy[k] = n.productionRow >= 0 ? POLICY_BASE_STOCK : POLICY_NONE;
      return;
    }
    const i = n.inventoryRow;
    const r = scenario.inventory[i];
    const code = POLICY_CODES[r.policy];
    a.policy[k] = code;
    a.nodeHolding[k] = r.holdingCost ?? site.holdingCost;
    a.nodeOrderCost[k] = r.orderCost;
    a.nodeInitialStock[k] = r.initialStock;
    a.pReview[k] = Math.max(1, r.reviewPeriod);
    a.pForecastMethod[k] = r.forecastMethod === 'exp-smoothing' ? FORECAST_EXP_SMOOTHING : FORECAST_MOVING_AVERAGE;
    a.pWindow[k] = r.forecastWindow;
    a.pSmoothing[k] = r.smoothing;
    a.pSafety[k] = r.safetyFactor;
    a.pStockAdj[k] = r.stockAdjustment;
    a.pSupplyLine[k] = r.supplyLineWeight;
    hist += r.forecastWindow;
    switch (code) {
      case POLICY_BASE_STOCK:
        a.pBaseStock[k] = needs(i, 'baseStock', r.baseStock, 'base-stock policy needs the base-stock level S');
        break;
      case POLICY_S_S:
        a.pReorderPoint[k] = needs(i, 'reorderPoint', r.reorderPoint, '(s,S) policy needs the reorder point s');
        a.pOrderUpTo[k] = needs(i, 'orderUpTo', r.orderUpTo, '(s,S) policy needs the order-up-to level S');
        break;
      case POLICY_R_Q:
        a.pReorderPoint[k] = needs(i, 'reorderPoint', r.reorderPoint, '(r,Q) policy needs the reorder point r');
        a.pOrderQty[k] = needs(i, 'orderQuantity', r.orderQuantity, '(r,Q) policy needs the order quantity Q');
        if (r.orderQuantity !== undefined && !(r.orderQuantity > 0)) issues.push({ table: 'inventory', row: i, field: 'orderQuantity', message: 'order quantity Q must be above 0 for an (r,Q) policy' });
        break;
      case POLICY_PERIODIC:
        a.pOrderUpTo[k] = needs(i, 'orderUpTo', r.orderUpTo ?? r.baseStock, 'periodic (R,S) policy needs the order-up-to level S (orderUpTo, or baseStock)');
        break;
      case POLICY_STERMAN:
        // Desired stock S*: orderUpTo, else baseStock, else the initial stock (the beer game keeps its 12 cases).
        a.pOrderUpTo[k] = r.orderUpTo ?? r.baseStock ?? r.initialStock;
        break;
      case POLICY_FIXED_PLAN:
        if (ctx.options.plan === undefined) issues.push({ table: 'inventory', row: i, field: 'policy', message: `fixed-plan policy needs a plan (the run's plan option, e.g. from the optimiser); none was given (site "${r.siteId}", product "${r.productId}")` });
        break;
      default:
        break;
    }
  });
  a.histStart[N] = hist;
  return a;
}
