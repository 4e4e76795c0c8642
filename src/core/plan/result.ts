/**
 * PlanResult: everything a plan run returns, as plain JSON-safe data (the CLI prints it with
 * --json, the worker posts it, the UI draws it). Quantities in product units, money in the
 * scenario currency, periods numbered 1..horizon.
 */
import type { CostKind } from './model';
import type { SolverName } from './solvers/solver';

export type PlanStatus =
  /** Proven optimal (a MIP: within the requested gap). */
  | 'optimal'
  /** A plan, not proven optimal: stopped by the time limit or cancelled; see gap and stopReason. */
  | 'feasible'
  /** No plan satisfies the hard constraints: see `infeasibility`. */
  | 'infeasible'
  /** The objective can improve without limit: see `unbounded`. */
  | 'unbounded'
  /** Stopped (time limit or cancel) before any plan was found. */
  | 'no-solution'
  /** The scenario cannot be planned as it is: see `issues`. */
  | 'invalid'
  /** The solver failed. */
  | 'error';

export interface PlanIssue {
  readonly level: 'error' | 'warning' | 'info';
  /** Stable code for the UI (e.g. `no-demand`, `lead-time-beyond-horizon`). */
  readonly code: string;
  readonly message: string;
  /** Table and row the issue points at, when it is about one row. */
  readonly table?: string;
  readonly row?: number;
}

export type CostBreakdown = Readonly<Record<CostKind, number>> & {
  /** Sum of all cost kinds except revenue. */
  readonly totalCost: number;
  /** Revenue minus total cost (max-profit), or minus total cost (min-cost: revenue is 0). */
  readonly profit: number;
};

export interface PlanFlow {
  readonly laneId: string;
  readonly from: string;
  readonly to: string;
  readonly productId: string;
  /** Period shipped. */
  readonly period: number;
  /** Period it arrives (may exceed the horizon: in transit at the end). */
  readonly arrival: number;
  readonly quantity: number;
  readonly cost: number;
}

export interface PlanProduction {
  readonly siteId: string;
  readonly productId: string;
  /** Period started. */
  readonly period: number;
  /** Period finished (period + production lead time). */
  readonly finished: number;
  readonly quantity: number;
  readonly cost: number;
}

export interface PlanStock {
  readonly siteId: string;
  readonly productId: string;
  readonly period: number;
  /** On hand at the end of the period. */
  readonly quantity: number;
}

export interface PlanDemandOutcome {
  readonly customerId: string;
  readonly productId: string;
  readonly period: number;
  readonly demand: number;
  /** Units delivered in this period (for any period's demand under backorders). */
  readonly served: number;
  /** Backorders at the end of the period, or units lost in it. */
  readonly unmet: number;
}

export interface SiteDecision {
  readonly siteId: string;
  readonly open: boolean;
  readonly status: 'existing' | 'potential' | 'closed';
}

export interface LaneDecision {
  readonly laneId: string;
  readonly used: boolean;
}

export interface Shortfall {
  readonly customerId: string;
  readonly productId: string;
  /** Units never delivered (backlog at the end, or lost) — or, in an infeasible model, that cannot be delivered on time. */
  readonly quantity: number;
  readonly demand: number;
  /** Periods in which the shortfall occurs. */
  readonly periods: readonly number[];
  readonly message: string;
}

export type ShadowPriceKind = 'storage' | 'production' | 'lane' | 'demand' | 'target';

export interface ShadowPrice {
  readonly kind: ShadowPriceKind;
  readonly siteId?: string;
  readonly laneId?: string;
  readonly productId?: string;
  readonly period?: number;
  /**
   * Objective change per unit more of the limit (capacity, demand, target), in money:
   * capacities: what one more unit saves (min-cost) or earns (max-profit), ≥ 0;
   * demand and targets: what serving one more unit costs (min-cost) or earns (max-profit).
   */
  readonly value: number;
  readonly message: string;
}

export interface CapacityNeed {
  readonly kind: 'storage' | 'production' | 'lane';
  readonly siteId?: string;
  readonly laneId?: string;
  readonly productId?: string;
  readonly capacity: number;
  /** Extra units needed per period, by period. */
  readonly extra: readonly { readonly period: number; readonly quantity: number }[];
  readonly message: string;
}

export interface InfeasibilityReport {
  /** Demands (and end-stock targets) that cannot be met, by how much and when. */
  readonly shortfalls: readonly Shortfall[];
  readonly targets: readonly { readonly siteId: string; readonly productId: string; readonly target: number; readonly reachable: number; readonly message: string }[];
  /** Capacities that would have to grow, by how much and when, for everything to be met. */
  readonly capacityNeeds: readonly CapacityNeed[];
  readonly summary: readonly string[];
}

export interface UnboundedReport {
  readonly columns: readonly string[];
  readonly summary: readonly string[];
}

export interface PlanResult {
  readonly status: PlanStatus;
  /** One plain sentence: what happened. */
  readonly headline: string;
  readonly stopReason?: 'time-limit' | 'cancelled';
  /** Relative MIP gap of the plan (0.02 = the plan is at most 2 % from the optimum). */
  readonly gap?: number;
  readonly solver?: SolverName;
  readonly objectiveSense: 'min-cost' | 'max-profit';
  /** Total cost (min-cost) or profit (max-profit) of the plan. */
  readonly objective?: number;
  readonly currency: string;
  readonly periodLabel: string;
  readonly horizon: number;
  readonly costs?: CostBreakdown;
  readonly flows: readonly PlanFlow[];
  readonly production: readonly PlanProduction[];
  readonly stock: readonly PlanStock[];
  readonly demand: readonly PlanDemandOutcome[];
  readonly sites: readonly SiteDecision[];
  readonly lanes: readonly LaneDecision[];
  /** Demand left unmet by the plan (soft demand), per customer and product. */
  readonly shortfalls: readonly Shortfall[];
  /** Capacities at their limit in the plan ("bottlenecks"), as shadow prices where known. */
  readonly shadowPrices: readonly ShadowPrice[];
  /** 'lp' = duals of the LP; 'fixed-design' = duals of the LP with the MIP's binaries fixed. */
  readonly shadowPriceBasis?: 'lp' | 'fixed-design';
  readonly infeasibility?: InfeasibilityReport;
  readonly unbounded?: UnboundedReport;
  /** Set when the plan was read from an external solver's solution file (import-plan.ts), not solved here. */
  readonly imported?: { readonly fileName: string; readonly columnsGiven: number };
  readonly issues: readonly PlanIssue[];
  readonly model: { readonly rows: number; readonly columns: number; readonly nonzeros: number; readonly integers: number };
  readonly timings: { readonly buildMs: number; readonly solveMs: number; readonly totalMs: number };
}
