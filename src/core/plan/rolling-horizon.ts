/**
 * Rolling-horizon re-planning, the pure part: where the horizon is cut, the scenario that plans
 * (or simulates) the rest of the horizon from the state a simulation reached, and a window's
 * plan moved back to the periods of the whole horizon.
 *
 *   plan 1..T → execute periods 1..k → state after k → plan k+1..T from that state → execute
 *   k+1..2k → … (re-plan after every k periods; the last window may be shorter)
 *
 * The window scenario after `period` = p periods (periods renumbered 1..T − p):
 *   - inventory: every (site, product) with stock on hand, or with an inventory row, starts with
 *     the on-hand stock (plus production finishing later, see WindowState.inProduction);
 *   - inTransit: the shipments still travelling, arrival shifted by −p;
 *   - demand: the rows after p, shifted by −p, and the customers' backorders as demand of the new
 *     period 1 (they are still owed; served late they cost their penalty as before);
 *   - the network design stays the one the first plan chose: potential sites it opened become
 *     existing, the others closed; lanes with a fixed cost it used keep flowing without the
 *     decision (their cost is already committed), unused ones carry nothing;
 *   - settings.horizon = T − p; everything else (costs, capacities, targets at the end) as before.
 * Orders the simulation placed for later periods are not carried over: the new plan replaces
 * them (its first shipments become orders already at the supplier, see plan-orders.ts).
 */
import type { DemandRow, InventoryPolicy, InTransitRow, Scenario } from '../model/types';
import type { PlanResult } from './result';

/** The simulated state at a re-planning point (a SimSnapshot, in absolute periods, plus production under way). */
export interface WindowState {
  /** Periods executed so far. */
  readonly period: number;
  readonly stock: readonly { readonly siteId: string; readonly productId: string; readonly onHand: number; readonly backorders: number }[];
  /** Shipments still travelling, arrival in absolute periods (> period). */
  readonly inTransit: readonly { readonly laneId: string; readonly productId: string; readonly quantity: number; readonly arrivalPeriod: number }[];
  /**
   * Production the plan started by `period` and not yet finished. The plan has no production
   * pipeline, so it counts as stock on hand at the producer from the next period on (exact for
   * production lead times 0 and 1, early by up to lead time − 1 periods beyond).
   */
  readonly inProduction?: readonly { readonly siteId: string; readonly productId: string; readonly quantity: number }[];
}

/** The network-design decisions of the first plan, kept for the whole horizon. */
export interface DesignDecisions {
  readonly openSites: ReadonlySet<string>;
  readonly usedLanes: ReadonlySet<string>;
}

/** Periods after which the plan is made again: k, 2k, … below the horizon (none when k ≤ 0 or k ≥ T). */
export function replanPoints(horizon: number, every: number): number[] {
  if (!(every >= 1) || !Number.isFinite(every)) return [];
  const k = Math.floor(every);
  const points: number[] = [];
  for (let p = k; p < horizon; p += k) points.push(p);
  return points;
}

/** The first plan's design: the potential sites it opens and the fixed-cost lanes it uses. */
export function designOf(plan: Pick<PlanResult, 'sites' | 'lanes'>): DesignDecisions {
  return {
    openSites: new Set(plan.sites.filter((s) => s.open).map((s) => s.siteId)),
    usedLanes: new Set(plan.lanes.filter((l) => l.used).map((l) => l.laneId)),
  };
}

const key = (siteId: string, productId: string) => `${siteId}\u0000${productId}`;

/** An inventory row with nothing but the stock (the planner reads stock, costs and targets; the simulator's execution sets the policy). */
function stockRow(siteId: string, productId: string, initialStock: number): InventoryPolicy {
  return {
    siteId, productId, policy: 'fixed-plan', initialStock, reviewPeriod: 1, forecastMethod: 'moving-average',
    forecastWindow: 4, smoothing: 0.3, safetyFactor: 1.65, stockAdjustment: 0.3, supplyLineWeight: 0.15, orderCost: 0,
  };
}

/**
 * Demand rows of the window: those after `period`, shifted; backorders added to period 1 of the
 * customers that have demand rows (backorder mode: unmet demand waits; lost sales carry nothing).
 */
export function windowDemand(scenario: Scenario, rows: readonly DemandRow[], state: WindowState): DemandRow[] {
  const p = state.period;
  const out = rows.filter((d) => d.period > p).map((d) => ({ ...d, period: d.period - p }));
  if (scenario.settings.unmetDemand !== 'backorder') return out;
  const demandPairs = new Set(scenario.demand.map((d) => key(d.customerId, d.productId)));
  for (const s of state.stock) {
    if (!(s.backorders > 1e-9) || !demandPairs.has(key(s.siteId, s.productId))) continue;
    const first = out.find((d) => d.customerId === s.siteId && d.productId === s.productId && d.period === 1);
    if (first) Object.assign(first, { quantity: first.quantity + s.backorders });
    else out.push({ customerId: s.siteId, productId: s.productId, period: 1, quantity: s.backorders });
  }
  return out.sort((a, b) => a.period - b.period || a.customerId.localeCompare(b.customerId) || a.productId.localeCompare(b.productId));
}

/**
 * For planning: goods travelling to a customer that keeps no stock serve its demand when they
 * arrive. The whole-horizon plan delivers them straight into demand (the customer is a
 * pass-through there); as pipeline rows they would instead make the customer a stock-keeping site
 * in the window (docs/planning.md, Sets), which the first plan did not have — so, where they fit,
 * they are taken off that period's demand instead. Shipments that exceed the demand stay
 * pipeline (the customer then keeps the rest).
 */
function foldIntoDemand(scenario: Scenario, inTransit: InTransitRow[], demand: DemandRow[], stocked: ReadonlySet<string>): InTransitRow[] {
  const customers = new Set(scenario.sites.filter((s) => s.kind === 'customer').map((s) => s.id));
  const laneTo = new Map(scenario.lanes.map((l) => [l.id, l.to]));
  const byPair = new Map<string, InTransitRow[]>();
  for (const x of inTransit) {
    const to = laneTo.get(x.laneId);
    if (to === undefined || !customers.has(to) || stocked.has(key(to, x.productId))) continue;
    byPair.set(key(to, x.productId), [...(byPair.get(key(to, x.productId)) ?? []), x]);
  }
  const folded = new Set<InTransitRow>();
  for (const [pair, rows] of byPair) {
    const [customerId, productId] = pair.split('\u0000');
    const arriving = new Map<number, number>();
    for (const x of rows) arriving.set(x.arrivalPeriod, (arriving.get(x.arrivalPeriod) ?? 0) + x.quantity);
    const rowAt = (t: number) => demand.find((d) => d.customerId === customerId && d.productId === productId && d.period === t);
    if (![...arriving].every(([t, q]) => (rowAt(t)?.quantity ?? 0) >= q - 1e-9)) continue;
    for (const [t, q] of arriving) {
      const row = rowAt(t) as DemandRow;
      Object.assign(row, { quantity: Math.max(0, row.quantity - q) });
    }
    for (const x of rows) folded.add(x);
  }
  return inTransit.filter((x) => !folded.has(x));
}

export type WindowPurpose = 'plan' | 'simulate';

/**
 * The scenario of the rest of the horizon after `state.period` periods, starting from `state`,
 * with `demand` (the scenario's own rows for planning, the demand that happens for simulating).
 * `purpose` 'plan' folds goods travelling to stockless customers into their demand (see
 * foldIntoDemand); the simulator needs them as the shipments they are.
 */
export function windowScenario(
  scenario: Scenario, state: WindowState, design: DesignDecisions, demand: readonly DemandRow[] = scenario.demand, purpose: WindowPurpose = 'plan',
): Scenario {
  const p = state.period;
  const start = new Map<string, number>();
  for (const s of state.stock) if (s.onHand > 1e-9) start.set(key(s.siteId, s.productId), s.onHand);
  for (const w of state.inProduction ?? []) {
    if (w.quantity > 1e-9) start.set(key(w.siteId, w.productId), (start.get(key(w.siteId, w.productId)) ?? 0) + w.quantity);
  }
  const rows = scenario.inventory.map((r) => ({ ...r, initialStock: start.get(key(r.siteId, r.productId)) ?? 0 }));
  const have = new Set(rows.map((r) => key(r.siteId, r.productId)));
  for (const [k, q] of start) {
    if (have.has(k)) continue;
    const [siteId, productId] = k.split('\u0000');
    rows.push(stockRow(siteId, productId, q));
  }
  const travelling: InTransitRow[] = state.inTransit
    .filter((x) => x.quantity > 1e-9 && x.arrivalPeriod > p)
    .map((x) => ({ laneId: x.laneId, productId: x.productId, quantity: x.quantity, arrivalPeriod: x.arrivalPeriod - p }));
  const rowsOfDemand = windowDemand(scenario, demand, state);
  const inTransit = purpose === 'plan' ? foldIntoDemand(scenario, travelling, rowsOfDemand, new Set(rows.map((r) => key(r.siteId, r.productId)))) : travelling;
  return {
    ...scenario,
    settings: { ...scenario.settings, horizon: scenario.settings.horizon - p },
    sites: scenario.sites.map((s) => (s.status !== 'potential' ? s : { ...s, status: design.openSites.has(s.id) ? 'existing' as const : 'closed' as const, openingCost: 0 })),
    lanes: scenario.lanes.map((l) => (l.fixedCost > 0 ? (design.usedLanes.has(l.id) ? { ...l, fixedCost: 0 } : { ...l, capacity: 0 }) : l)),
    inventory: rows,
    inTransit,
    demand: rowsOfDemand,
  };
}

/** The tables a window plan contributes, in the window's own periods. */
export type PlanTables = Pick<PlanResult, 'flows' | 'production' | 'stock' | 'demand'>;

/**
 * The part of a window plan that is carried out before the next re-plan, in absolute periods:
 * its shipments, production started, stock and demand outcomes of window periods 1..k. `last`:
 * the final window, carried out to its end.
 */
export function executedPart(plan: PlanTables, offset: number, k: number, last: boolean): PlanTables {
  const upTo = last ? Infinity : k;
  const shift = <T extends { period: number }>(x: T): T => ({ ...x, period: x.period + offset });
  return {
    flows: plan.flows.filter((f) => f.period <= upTo).map((f) => ({ ...shift(f), arrival: f.arrival + offset })),
    production: plan.production.filter((x) => x.period <= upTo).map((x) => ({ ...shift(x), finished: x.finished + offset })),
    stock: plan.stock.filter((x) => x.period <= upTo).map(shift),
    demand: plan.demand.filter((x) => x.period <= upTo).map(shift),
  };
}

/**
 * A window plan moved on by `by` periods without re-planning (the fallback when a re-plan finds
 * no plan): what it planned after `by`, renumbered from 1.
 */
export function laterPart(plan: PlanTables, by: number): PlanTables {
  const back = <T extends { period: number }>(x: T): T => ({ ...x, period: x.period - by });
  return {
    flows: plan.flows.filter((f) => f.period > by).map((f) => ({ ...back(f), arrival: f.arrival - by })),
    production: plan.production.filter((x) => x.period > by).map((x) => ({ ...back(x), finished: x.finished - by })),
    stock: plan.stock.filter((x) => x.period > by).map(back),
    demand: plan.demand.filter((x) => x.period > by).map(back),
  };
}

/** The executed parts of all windows, one plan over the whole horizon. */
export function stitchPlans(parts: readonly PlanTables[]): PlanTables {
  return {
    flows: parts.flatMap((x) => x.flows),
    production: parts.flatMap((x) => x.production),
    stock: parts.flatMap((x) => x.stock),
    demand: parts.flatMap((x) => x.demand),
  };
}
