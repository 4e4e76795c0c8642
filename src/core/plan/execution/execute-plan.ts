/**
 * Executes a plan in the simulator: the plan's orders on a fixed-plan copy of the scenario, run
 * `replications` times with independent demand streams (once when nothing is random), keeping the
 * KPI estimates and each stock node's on-hand series (mean, lowest and highest over the
 * replications) for the planned-vs-simulated stock chart. Pure and synchronous: the plan worker
 * calls it; the tests call it in Node.
 */
import { combineReplications, compileNetwork, runNetwork, type SimSummary } from '../../sim';
import type { Scenario } from '../../model/types';
import type { ExecutionPlan } from './plan-to-execution';
import type { DemandVariability, ExecutionResult, StockSeries } from './execution-types';

export interface ExecuteOptions {
  /** Replications when demand or lead times are random (1..1000). */
  readonly replications: number;
  /** Demand randomness; default the scenario's `settings.demandVariability`. */
  readonly demandVariability?: DemandVariability;
  readonly seed?: number;
  readonly onProgress?: (fraction: number) => void;
}

export const MAX_EXECUTION_REPLICATIONS = 1000;

/** Whether two runs could differ: random demand, or a lane with a random lead time. */
export function isRandom(scenario: Scenario, variability: DemandVariability): boolean {
  return variability !== 'none' || scenario.lanes.some((l) => (l.leadTimeStdDev ?? 0) > 0);
}

export function executePlan(plan: ExecutionPlan, options: ExecuteOptions): ExecutionResult {
  const variability = options.demandVariability ?? plan.scenario.settings.demandVariability;
  const random = isRandom(plan.scenario, variability);
  const n = random ? Math.min(MAX_EXECUTION_REPLICATIONS, Math.max(1, Math.round(options.replications))) : 1;
  const simOptions = {
    plan: plan.plan, initialOrders: plan.initialOrders, openSites: plan.openSites,
    demandVariability: variability, series: 'nodes' as const,
  };
  const net = compileNetwork(plan.scenario, simOptions);
  const seed = options.seed ?? plan.scenario.settings.seed;
  const summaries: SimSummary[] = [];
  let stock: StockSeries[] = [];
  for (let r = 0; r < n; r++) {
    const run = runNetwork(net, seed, {
      ...simOptions, replication: r,
      onProgress: options.onProgress && ((f) => options.onProgress?.((r + f) / n)),
    });
    summaries.push(run.summary);
    const { node, periods, nodes: width } = run.series;
    if (!node) continue;
    if (r === 0) {
      stock = run.nodes.siteId.map((siteId, k) => ({
        siteId, productId: run.nodes.productId[k],
        mean: new Float64Array(periods), low: new Float64Array(periods).fill(Infinity), high: new Float64Array(periods).fill(-Infinity),
      }));
    }
    stock.forEach((s, k) => {
      for (let t = 0; t < periods; t++) {
        const q = node.onHand[t * width + k];
        s.mean[t] += q / n;
        if (q < s.low[t]) s.low[t] = q;
        if (q > s.high[t]) s.high[t] = q;
      }
    });
  }
  const estimate = combineReplications(summaries);
  return {
    replications: n, random, demandVariability: variability, seed,
    total: estimate.total, products: estimate.products, stock, warnings: net.warnings,
  };
}
