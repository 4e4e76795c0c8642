/**
 * The scenario the simulator runs to execute a plan: a copy of the user's (never the original)
 * where every stock node follows the plan instead of its own policy.
 * - Every inventory row gets policy 'fixed-plan' (its other settings stay: initial stock, holding
 *   and order costs).
 * - Every (site, product) the plan ships to or produces at, and every customer demand, gets an
 *   inventory row if it has none (fixed-plan, no initial stock). Customers thereby receive what
 *   the plan sends them, when it sends it, instead of pulling from their suppliers by lane share:
 *   a share is constant over the run, a plan's sourcing is not. What arrives serves demand at
 *   once (as in the plan); what demand does not take stays at the customer, and demand the
 *   deliveries do not cover waits (or is lost) — the gap a plan without safety stock leaves.
 * - Production planned for period 1 is on hand at the start (see plan-orders.ts).
 */
import type { InventoryPolicy, Scenario } from '../../model/types';
import { nodeKey, type ExecutionNodes } from './execution-nodes';
import type { PlannedQuantities } from './plan-orders';

function fixedPlanRow(siteId: string, productId: string): InventoryPolicy {
  return {
    siteId, productId, policy: 'fixed-plan', initialStock: 0, reviewPeriod: 1, forecastMethod: 'moving-average',
    forecastWindow: 4, smoothing: 0.3, safetyFactor: 1.65, stockAdjustment: 0.3, supplyLineWeight: 0.15, orderCost: 0,
  };
}

/** A deep copy of plain data (a scenario: objects, arrays, numbers, strings, booleans). */
function cloneData<T>(x: T): T {
  if (Array.isArray(x)) return x.map(cloneData) as T;
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, cloneData(v)])) as T;
  return x;
}

export interface ExecutionScenario {
  readonly scenario: Scenario;
  /** Inventory rows added where the plan needs a stock node and the scenario has none. */
  readonly addedRows: readonly { readonly siteId: string; readonly productId: string }[];
}

/** Nodes the plan drives: destinations of its shipments, its producers, and every customer demand. */
function plannedNodes(scenario: Scenario, planned: PlannedQuantities, nodes: ExecutionNodes): { siteId: string; productId: string }[] {
  const seen = new Map<string, { siteId: string; productId: string }>();
  const add = (siteId: string, productId: string) => {
    if (!nodes.isSource(siteId, productId)) seen.set(nodeKey(siteId, productId), { siteId, productId });
  };
  for (const f of planned.flows) if (f.quantity > 0 && !nodes.isProducer(f.to, f.productId)) add(f.to, f.productId);
  for (const p of planned.production) if (p.quantity > 0 && nodes.isProducer(p.siteId, p.productId)) add(p.siteId, p.productId);
  for (const d of scenario.demand) if (d.quantity > 0) add(d.customerId, d.productId);
  return [...seen.values()];
}

export function executionScenario(
  scenario: Scenario, planned: PlannedQuantities, nodes: ExecutionNodes, startStock: ReadonlyMap<string, number>,
): ExecutionScenario {
  const copy = cloneData(scenario);
  const addedRows = plannedNodes(scenario, planned, nodes).filter((n) => !nodes.inventory.has(nodeKey(n.siteId, n.productId)));
  const inventory = [...copy.inventory, ...addedRows.map((n) => fixedPlanRow(n.siteId, n.productId))].map((r) => ({
    ...r, policy: 'fixed-plan' as const, initialStock: r.initialStock + (startStock.get(nodeKey(r.siteId, r.productId)) ?? 0),
  }));
  return { scenario: { ...copy, inventory }, addedRows };
}
