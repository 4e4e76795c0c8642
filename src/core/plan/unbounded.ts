/**
 * explainUnbounded: which decisions can grow without limit. The model is solved again with every
 * column capped at a huge bound; the columns that run into the cap are the unbounded directions.
 * (Works the same with either solver; GLPK gives no primal ray.) If the capped model is infeasible,
 * the original was infeasible too (HiGHS may report "infeasible or unbounded").
 */
import type { PlanModel } from './build';
import { describeColumn } from './describe';
import { formatMoney } from './labels';
import type { UnboundedReport } from './result';
import type { SolveRequest, Solver } from './solvers/solver';

const CAP = 1e9;

export function explainUnbounded(pm: PlanModel, solver: Solver, limits: Omit<SolveRequest, 'model'>): UnboundedReport | 'infeasible' {
  const m = pm.model;
  const capped = { ...m, colUpper: m.colUpper.map((u) => Math.min(u, CAP)) };
  const outcome = solver.solve({ ...limits, model: capped });
  if (outcome.status === 'infeasible') return 'infeasible';
  const columns: number[] = [];
  if (outcome.values) {
    for (let j = 0; j < m.numCols; j++) if (outcome.values[j] >= CAP / 2 && m.colUpper[j] > CAP) columns.push(j);
  }
  const currency = pm.network.scenario.settings.currency;
  const better = m.sense === 'min' ? 'lowers the cost' : 'raises the profit';
  const summary = columns.length === 0
    ? ['The objective can improve without limit, but no single decision shows why; check for negative costs.']
    : columns.slice(0, 20).map((j) => {
      const gain = m.sense === 'min' ? -m.colCost[j] : m.colCost[j];
      return `${describeColumn(pm, j)} can grow without limit${gain > 0 ? `; each unit ${better} by ${formatMoney(gain, currency)}` : ''}.`;
    });
  return { columns: columns.map((j) => m.colNames[j]), summary };
}
