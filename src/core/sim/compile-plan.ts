/**
 * Quantities given from outside the policies: the initial pipeline (scenario inTransit rows),
 * orders already travelling upstream or waiting at their supplier (options.initialOrders), and the orders of fixed-plan and
 * manual sites (options.plan, options.manualOrders). Entries naming unknown sites, products or
 * lanes are refused with their position in the option's list.
 */
import { POLICY_FIXED_PLAN, POLICY_MANUAL } from './network';
import type { CompileContext } from './compile-context';
import { MAX_PERIODS, type OrderEntry } from './options';

export interface ForcedArc { readonly lane: number; readonly product: number; readonly asked: boolean; readonly what: string }

export interface ForcedArcs {
  readonly arcs: ForcedArc[];
  /** Node keys that receive part of the initial pipeline. */
  readonly pipelineInto: Set<number>;
  /** Latest arrival period of the initial pipeline / initial orders per arc key (lane × P + product). */
  readonly pipelineMax: Map<number, number>;
  readonly orderMax: Map<number, number>;
}

const bump = (m: Map<number, number>, key: number, v: number) => m.set(key, Math.max(m.get(key) ?? 0, v));

function productOfLane(ctx: CompileContext, lane: number, productId: string | undefined, table: string, row: number): number | undefined {
  const l = ctx.scenario.lanes[lane];
  // A lane for every product needs the product named, unless the scenario has only one.
  const pid = productId ?? l.productId ?? (ctx.scenario.products.length === 1 ? ctx.scenario.products[0].id : undefined);
  if (pid === undefined) { ctx.issues.push({ table, row, field: 'productId', message: `lane "${l.id}" carries every product: say which one` }); return undefined; }
  const p = ctx.productIndex.get(pid);
  if (p === undefined) { ctx.issues.push({ table, row, field: 'productId', message: `unknown product "${pid}"` }); return undefined; }
  if (l.productId !== undefined && l.productId !== pid) { ctx.issues.push({ table, row, field: 'productId', message: `lane "${l.id}" carries only product "${l.productId}"` }); return undefined; }
  return p;
}

function checkEntry(ctx: CompileContext, e: OrderEntry, table: string, row: number): boolean {
  const before = ctx.issues.length;
  if (!ctx.siteIndex.has(e.siteId)) ctx.issues.push({ table, row, field: 'siteId', message: `unknown site "${e.siteId}"` });
  if (!ctx.productIndex.has(e.productId)) ctx.issues.push({ table, row, field: 'productId', message: `unknown product "${e.productId}"` });
  if (!Number.isInteger(e.period) || e.period < 1) ctx.issues.push({ table, row, field: 'period', message: `must be a whole number from 1 (got ${e.period})` });
  if (!Number.isFinite(e.quantity) || e.quantity < 0) ctx.issues.push({ table, row, field: 'quantity', message: `must be a number at least 0 (got ${e.quantity})` });
  if (e.laneId !== undefined) {
    const li = ctx.laneIndex.get(e.laneId);
    const lane = li === undefined ? undefined : ctx.scenario.lanes[li];
    if (!lane) ctx.issues.push({ table, row, field: 'laneId', message: `unknown lane "${e.laneId}"` });
    else if (lane.to !== e.siteId) ctx.issues.push({ table, row, field: 'laneId', message: `lane "${e.laneId}" does not end at site "${e.siteId}"` });
    else if (lane.productId !== undefined && lane.productId !== e.productId) ctx.issues.push({ table, row, field: 'laneId', message: `lane "${e.laneId}" carries only product "${lane.productId}"` });
  }
  return ctx.issues.length === before;
}

const laneOpen = (ctx: CompileContext, lane: number) => {
  const l = ctx.scenario.lanes[lane];
  return ctx.siteOpen[ctx.siteIndex.get(l.from)!] === 1 && ctx.siteOpen[ctx.siteIndex.get(l.to)!] === 1;
};

export function collectForcedArcs(ctx: CompileContext): ForcedArcs {
  const { scenario, periods } = ctx;
  const P = scenario.products.length;
  const arcs: ForcedArc[] = [];
  const pipelineInto = new Set<number>();
  const pipelineMax = new Map<number, number>();
  const orderMax = new Map<number, number>();
  scenario.inTransit.forEach((x, i) => {
    const lane = ctx.laneIndex.get(x.laneId)!;
    if (!laneOpen(ctx, lane) || x.arrivalPeriod > periods || !(x.quantity > 0)) return;
    const p = ctx.productIndex.get(x.productId)!;
    arcs.push({ lane, product: p, asked: false, what: `inTransit row ${i}` });
    pipelineInto.add(ctx.siteIndex.get(scenario.lanes[lane].to)! * P + p);
    bump(pipelineMax, lane * P + p, x.arrivalPeriod);
  });
  (ctx.options.initialOrders ?? []).forEach((o, i) => {
    const table = 'options.initialOrders';
    const lane = ctx.laneIndex.get(o.laneId);
    if (lane === undefined) { ctx.issues.push({ table, row: i, field: 'laneId', message: `unknown lane "${o.laneId}"` }); return; }
    const p = productOfLane(ctx, lane, o.productId, table, i);
    // 0 or less: the order already waits in the origin's backlog (it arrived in that period).
    if (!Number.isInteger(o.arrivalPeriod) || o.arrivalPeriod < -MAX_PERIODS) ctx.issues.push({ table, row: i, field: 'arrivalPeriod', message: `must be a whole number from ${-MAX_PERIODS} (got ${o.arrivalPeriod})` });
    if (!Number.isFinite(o.quantity) || o.quantity < 0) ctx.issues.push({ table, row: i, field: 'quantity', message: `must be a number at least 0 (got ${o.quantity})` });
    if (p === undefined || !laneOpen(ctx, lane) || o.arrivalPeriod > periods || !(o.quantity > 0)) return;
    arcs.push({ lane, product: p, asked: true, what: `an initial order travels on lane "${o.laneId}"` });
    bump(orderMax, lane * P + p, o.arrivalPeriod);
  });
  for (const [table, list] of [['options.plan', ctx.options.plan], ['options.manualOrders', ctx.options.manualOrders]] as const) {
    (list ?? []).forEach((e, i) => {
      if (!checkEntry(ctx, e, table, i) || e.laneId === undefined) return;
      const lane = ctx.laneIndex.get(e.laneId)!;
      if (laneOpen(ctx, lane)) arcs.push({ lane, product: ctx.productIndex.get(e.productId)!, asked: true, what: `${table} row ${i} orders on lane "${e.laneId}"` });
    });
  }
  return { arcs, pipelineInto, pipelineMax, orderMax };
}

export interface ExternalOrders {
  readonly initialPipeline: { arc: number; arrival: number; quantity: number }[];
  readonly initialOrders: { arc: number; arrival: number; quantity: number }[];
  readonly planStart: Int32Array;
  readonly planNode: Int32Array;
  readonly planArc: Int32Array;
  readonly planQty: Float64Array;
}

export function compileExternalOrders(
  ctx: CompileContext, policy: Uint8Array, indexOfKey: (key: number) => number | undefined, arcOfKey: (key: number) => number | undefined,
): ExternalOrders {
  const { scenario, periods } = ctx;
  const P = scenario.products.length;
  const initialPipeline: ExternalOrders['initialPipeline'] = [];
  scenario.inTransit.forEach((x) => {
    const arc = arcOfKey(ctx.laneIndex.get(x.laneId)! * P + ctx.productIndex.get(x.productId)!);
    if (arc !== undefined && x.arrivalPeriod <= periods && x.quantity > 0) initialPipeline.push({ arc, arrival: x.arrivalPeriod, quantity: x.quantity });
  });
  const initialOrders: ExternalOrders['initialOrders'] = [];
  for (const o of ctx.options.initialOrders ?? []) {
    const lane = ctx.laneIndex.get(o.laneId)!;
    const pid = o.productId ?? scenario.lanes[lane].productId ?? (scenario.products.length === 1 ? scenario.products[0].id : undefined);
    const arc = pid === undefined ? undefined : arcOfKey(lane * P + ctx.productIndex.get(pid)!);
    if (arc !== undefined && o.arrivalPeriod <= periods && o.quantity > 0) initialOrders.push({ arc, arrival: o.arrivalPeriod, quantity: o.quantity });
  }
  const entries: { period: number; node: number; arc: number; qty: number }[] = [];
  let ignored = 0;
  for (const [code, list] of [[POLICY_FIXED_PLAN, ctx.options.plan], [POLICY_MANUAL, ctx.options.manualOrders]] as const) {
    for (const e of list ?? []) {
      const node = indexOfKey(ctx.siteIndex.get(e.siteId)! * P + ctx.productIndex.get(e.productId)!);
      if (node === undefined || policy[node] !== code || e.period > periods) { ignored++; continue; }
      const arc = e.laneId === undefined ? -1 : arcOfKey(ctx.laneIndex.get(e.laneId)! * P + ctx.productIndex.get(e.productId)!) ?? -1;
      entries.push({ period: e.period, node, arc, qty: e.quantity });
    }
  }
  if (ignored > 0) ctx.warnings.push(`${ignored} plan/manual order entries were ignored (beyond the horizon, or for a site and product without that policy)`);
  entries.sort((a, b) => a.period - b.period || a.node - b.node);
  const planStart = new Int32Array(periods + 2);
  for (const e of entries) planStart[e.period + 1]++;
  for (let t = 1; t <= periods + 1; t++) planStart[t] += planStart[t - 1];
  return {
    initialPipeline, initialOrders, planStart,
    planNode: Int32Array.from(entries, (e) => e.node), planArc: Int32Array.from(entries, (e) => e.arc),
    planQty: Float64Array.from(entries, (e) => e.qty),
  };
}
