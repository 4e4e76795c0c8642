/** What every define* function works on: the builder, the indexed network and the column maps. */
import type { ModelBuilder } from './model-builder';
import type { PlanDemand, PlanNetwork, PlanPair } from './network';

/** How customer demand binds: penalised per settings.unmetDemand, or met in full on time. */
export type DemandMode = 'soft' | 'must-meet';

/**
 * Column index of each variable (-1 where the variable does not exist). Time-indexed families are
 * laid out entity-major: the column of (entity e, period t) is at [e * horizon + t - 1].
 */
export interface PlanVariables {
  /** ship[a,t]: units of arc a's product dispatched on its lane in period t. */
  readonly ship: Int32Array;
  /** stock[k,t]: on-hand units of pair k at the end of period t. */
  readonly stock: Int32Array;
  /** make[r,t]: units production entry r starts in period t (finished in t + leadTime). */
  readonly make: Int32Array;
  /** serve[d,t]: units delivered to demand d in period t. */
  readonly serve: Int32Array;
  /** backlog[d,t]: demand d still unserved at the end of period t (backorder mode). */
  readonly backlog: Int32Array;
  /** lost[d,t]: demand d of period t never served (lost-sales mode). */
  readonly lost: Int32Array;
  /** open[i] ∈ {0,1}: potential site i is opened (per site). */
  readonly open: Int32Array;
  /** use[l] ∈ {0,1}: lane l with a fixed cost is used (per lane). */
  readonly use: Int32Array;
  /** assign[a] ∈ {0,1}: arc a is the single source of its destination's demand (per arc). */
  readonly assign: Int32Array;
  /** setup[k,t] ∈ {0,1}: pair k is replenished (ordered or produced) in period t. */
  readonly setup: Int32Array;
  /** 1 for a pass-through pair (see isPassThrough): no balance rows, no serve columns. */
  readonly passThrough: Uint8Array;
}

export interface BuildContext {
  readonly b: ModelBuilder;
  readonly net: PlanNetwork;
  readonly v: PlanVariables;
  readonly demandMode: DemandMode;
  /** Integer decisions made continuous in [0, 1] (the LP relaxation). */
  readonly relax: boolean;
}

/** Column of a time-indexed family, or -1 outside 1..horizon or where absent. */
export function colAt(family: Int32Array, entity: number, t: number, horizon: number): number {
  return t < 1 || t > horizon ? -1 : family[entity * horizon + t - 1];
}

/**
 * A demand pair that keeps no stock and ships, makes and consumes nothing (a customer without an
 * inventory row): what arrives in t is what it is delivered in t, so serve[d,t] is substituted by
 * its arrivals and the pair needs no balance row.
 */
export function isPassThrough(k: PlanPair): boolean {
  return k.demand >= 0 && !k.holdsStock && k.arcsOut.length === 0 && k.makes.length === 0 && k.consumedBy.length === 0
    && k.initialStock === 0 && !k.pipeline.some((q) => q > 0);
}

/** Whether demand d has a row (can take deliveries) in period t. */
export function demandRowAt(d: PlanDemand, t: number, horizon: number, backorder: boolean): boolean {
  return t >= d.first && t <= horizon && (backorder || d.quantity[t] > 0);
}

/** Backorders are carried (soft demand in backorder mode). */
export const carriesBacklog = (ctx: { net: PlanNetwork; demandMode: DemandMode }): boolean =>
  ctx.demandMode === 'soft' && ctx.net.scenario.settings.unmetDemand === 'backorder';
