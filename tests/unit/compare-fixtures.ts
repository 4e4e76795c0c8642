/**
 * Hand-built run summaries for the comparison tests: every number chosen in the test, nothing
 * produced by the engine, so the expected deltas can be worked out by hand.
 */
import type { SimSummary } from '../../src/core/sim';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function costs(over: Partial<SimSummary['total']['costs']> = {}): SimSummary['total']['costs'] {
  const c = { holding: 0, transport: 0, production: 0, ordering: 0, shortage: 0, ...over };
  return { ...c, total: over.total ?? c.holding + c.transport + c.production + c.ordering + c.shortage };
}

const ORDERS = {
  placed: 0, open: 0, backordered: 0, partlyShipped: 0, shipped: 0, delivered: 0, cancelled: 0, late: 0,
  averageAgeDelivered: 0, averageAgeOutstanding: 0,
};

export function party(partyId: string, over: Partial<Writable<SimSummary['parties'][number]>> = {}): SimSummary['parties'][number] {
  return {
    partyId, name: partyId, external: false, revenue: 0, cogs: 0, purchases: 0, margin: 0, creditNotes: 0,
    discountsGiven: 0, discountsTaken: 0, costs: costs(), cashStart: 0, cashEnd: 0, cashMin: 0, cashAvg: 0,
    receivablesAvg: 0, payablesAvg: 0, inventoryValueAvg: 0, dso: 0, dio: 0, dpo: 0, cashToCash: 0, ...over,
  };
}

export interface SummaryOver {
  total?: Partial<Writable<SimSummary['total']>>;
  parties?: SimSummary['parties'];
  echelons?: SimSummary['echelons'];
  lanes?: readonly { laneId: string; productId: string; from: string; to: string; shipped: number }[];
}

export function summary(o: SummaryOver = {}): SimSummary {
  const s = {
    periods: 10, measuredPeriods: 10, periodLength: 'week' as const,
    total: {
      customerDemand: 1000, customerFilled: 950, fillRate: 0.95, cycleServiceLevel: 0.9, lostSales: 0, backordersAvg: 5,
      onHandAvg: 200, inTransitAvg: 50, inventoryValueAvg: 2000, shipped: 1000, produced: 1000, turns: 260,
      costs: costs({ holding: 100, transport: 300 }), revenue: 5000, cogs: 3000, margin: 2000, orders: ORDERS,
      ...o.total,
    },
    sites: [], products: [], nodes: [], parties: o.parties ?? [], echelons: o.echelons ?? [],
  };
  const lanes = (o.lanes ?? []).map((l) => ({ inTransitAvg: 0, transportCost: 0, ...l }));
  return { ...s, lanes, returnFlows: [], partyFlows: [] };
}
