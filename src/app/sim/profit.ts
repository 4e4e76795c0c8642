/**
 * Profit of a run, as the dashboard shows it: margin (revenue − cost of goods sold) minus the
 * operating costs paid in cash — holding, transport, production and ordering. The shortage cost
 * is a penalty KPI, not a payment (docs/simulation.md, Finance), so it is left out. For a Monte
 * Carlo run the same sum is taken per replication, then estimated with its 95 % CI.
 */
import { estimate, type Estimate, type SimSummary } from '../../core/sim';
import { packedColumn, type PackedSummaries } from './summary-pack';

const OPERATING = ['holding', 'transport', 'production', 'ordering'] as const;

export function profitOf(s: SimSummary): number {
  const c = s.total.costs;
  return s.total.margin - OPERATING.reduce((sum, k) => sum + c[k], 0);
}

export function profitEstimate(packed: PackedSummaries): Estimate {
  const profit = packedColumn(packed, ['total', 'margin']);
  for (const k of OPERATING) {
    const cost = packedColumn(packed, ['total', 'costs', k]);
    for (let i = 0; i < profit.length; i++) profit[i] -= cost[i];
  }
  return estimate(profit);
}
