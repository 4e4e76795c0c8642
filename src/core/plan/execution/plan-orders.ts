/**
 * A plan's shipments and production as the simulator's fixed-plan orders.
 *
 * The two models time things differently (docs/planning.md "Time", docs/simulation.md "A period"):
 * - plan: shipped on lane l in s, arrives in s + L;  simulator: an order placed in o reaches the
 *   origin in o + 1 + d (d = infoDelay), is shipped then, arrives in o + 1 + d + L.
 *   ⇒ a shipment planned for s is ordered by its destination in o = s − 1 − d. When o < 1 the
 *   order would predate the run: it becomes an *initial order* reaching the origin in s (the
 *   order slips of the beer game), so the goods still leave in s.
 * - plan: production started in s finishes in s + Lp;  simulator: started in o, finishes in
 *   o + 1 + Lp.  ⇒ production planned for s is started in o = s − 1. Production planned for
 *   period 1 cannot start earlier. Starting it in period 1 instead would not just delay it: at
 *   full capacity the simulator drops what exceeds a period's capacity, so the plant would stay
 *   short for the whole run. It becomes stock on hand at the start (`startStock`) — early by Lp
 *   periods rather than lost.
 *
 * Shipments into a producing node or an unlimited source cannot be executed (the simulator
 * replenishes the first by production only and never orders for the second): counted, left out.
 */
import type { Scenario } from '../../model/types';
import type { PlanFlow, PlanProduction } from '../result';
import type { InitialOrder, OrderEntry } from '../../sim';
import { nodeKey, type ExecutionNodes } from './execution-nodes';

export interface PlanOrders {
  readonly plan: readonly OrderEntry[];
  readonly initialOrders: readonly InitialOrder[];
  /** Production planned for period 1, by `nodeKey`: added to the node's initial stock. */
  readonly startStock: ReadonlyMap<string, number>;
  /** Units shipped into producing nodes or sources: the simulator cannot order those. */
  readonly unexecutable: number;
}

/** The parts of a PlanResult the conversion reads. */
export interface PlannedQuantities {
  readonly flows: readonly PlanFlow[];
  readonly production: readonly PlanProduction[];
}

const byPeriodSiteProduct = (a: OrderEntry, b: OrderEntry) =>
  a.period - b.period || a.siteId.localeCompare(b.siteId) || a.productId.localeCompare(b.productId) || (a.laneId ?? '').localeCompare(b.laneId ?? '');

export function planOrders(scenario: Scenario, planned: PlannedQuantities, nodes: ExecutionNodes): PlanOrders {
  const lanes = new Map(scenario.lanes.map((l) => [l.id, l]));
  const plan: OrderEntry[] = [];
  const initialOrders: InitialOrder[] = [];
  const startStock = new Map<string, number>();
  let unexecutable = 0;

  for (const f of planned.flows) {
    const lane = lanes.get(f.laneId);
    if (!lane || !(f.quantity > 0)) continue;
    if (nodes.isProducer(f.to, f.productId) || nodes.isSource(f.to, f.productId)) { unexecutable += f.quantity; continue; }
    const placed = f.period - 1 - lane.infoDelay;
    if (placed >= 1) plan.push({ siteId: f.to, productId: f.productId, period: placed, quantity: f.quantity, laneId: f.laneId });
    else initialOrders.push({ laneId: f.laneId, productId: f.productId, arrivalPeriod: f.period, quantity: f.quantity });
  }

  for (const p of planned.production) {
    // "Production" at a supplier without a production row is the plan's unlimited source: the simulator's too.
    if (!(p.quantity > 0) || !nodes.isProducer(p.siteId, p.productId)) continue;
    if (p.period <= 1) {
      const key = nodeKey(p.siteId, p.productId);
      startStock.set(key, (startStock.get(key) ?? 0) + p.quantity);
    } else {
      plan.push({ siteId: p.siteId, productId: p.productId, period: p.period - 1, quantity: p.quantity });
    }
  }

  return { plan: plan.sort(byPeriodSiteProduct), initialOrders, startStock, unexecutable };
}
