/** planHeadline: the one sentence that says what a plan run produced. */
import { formatMoney, formatQuantity } from './labels';
import type { PlanResult } from './result';

const percent = (gap: number) => `${(gap * 100).toLocaleString('en-US', { maximumFractionDigits: 3 })} %`;

export function planHeadline(r: PlanResult, timeLimitSeconds: number | undefined): string {
  const what = r.objectiveSense === 'max-profit' ? 'profit' : 'total cost';
  const amount = r.objective === undefined ? '' : formatMoney(r.objective, r.currency);
  const unmet = r.shortfalls.reduce((s, x) => s + x.quantity, 0);
  const unmetText = unmet > 0 ? ` ${formatQuantity(unmet)} units of demand stay unmet.` : '';
  switch (r.status) {
    case 'optimal': {
      const gap = r.gap !== undefined && r.gap > 1e-9 ? ` (within ${percent(r.gap)} of the best possible)` : '';
      return `Optimal plan: ${what} ${amount}${gap}.${unmetText}`;
    }
    case 'feasible': {
      const why = r.stopReason === 'cancelled' ? 'when the run was cancelled' : `within the ${timeLimitSeconds ?? ''} s time limit`;
      const gap = r.gap === undefined ? 'how far it is from the optimum is unknown' : `it is at most ${percent(r.gap)} from the optimum (MIP gap)`;
      return `Best plan found ${why}, not proven optimal: ${what} ${amount}; ${gap}.${unmetText}`;
    }
    case 'infeasible':
      return r.infeasibility && r.infeasibility.summary.length > 0
        ? `No plan meets every requirement. ${r.infeasibility.summary[0]}`
        : 'No plan meets every requirement.';
    case 'unbounded':
      return `The ${what} can improve without limit. ${r.unbounded?.summary[0] ?? ''}`.trim();
    case 'no-solution':
      return r.stopReason === 'cancelled'
        ? 'The run was cancelled before any plan was found.'
        : `No plan was found within the ${timeLimitSeconds ?? ''} s time limit: allow more time or a larger MIP gap.`;
    case 'invalid':
      return 'The scenario cannot be planned as it is.';
    case 'error':
      return `The solver failed: ${r.issues.find((i) => i.code === 'solver-error')?.message ?? 'unknown error'}.`;
  }
}
