/**
 * What a plan's status means and what to do about it, in the user's words. The planner's
 * headline says what happened; this adds the meaning of the status and the next step.
 */
import type { PlanResult } from '../../core/plan';
import { percent } from './plan-format';

export type StatusTone = 'ok' | 'warn' | 'bad';

export interface StatusText {
  readonly label: string;
  readonly tone: StatusTone;
  readonly explanation: string;
}

export function statusText(r: PlanResult): StatusText {
  const better = r.objectiveSense === 'max-profit' ? 'earns more' : 'costs less';
  switch (r.status) {
    case 'optimal':
      return r.model.integers > 0 && r.gap !== undefined && r.gap > 0
        ? { label: 'Optimal', tone: 'ok', explanation: `No plan ${better} by more than ${percent(r.gap, 2)} (the MIP gap: the search stopped once it proved this).` }
        : { label: 'Optimal', tone: 'ok', explanation: `No plan ${better}.` };
    case 'feasible':
      if (r.imported) {
        return { label: 'Imported', tone: 'ok', explanation: `Read from “${r.imported.fileName}” and checked against every constraint of this scenario's model. Whether it is optimal is the external solver's word, not ChainLab's; it comes without shadow prices.` };
      }
      return r.stopReason === 'time-limit'
        ? { label: 'Time limit', tone: 'warn', explanation: `The time limit ended the search: this is the best plan found${r.gap !== undefined ? `, at most ${percent(r.gap, 2)} from the optimum (MIP gap)` : ', not proven optimal'}. Allow more time or a larger MIP gap to settle it.` }
        : { label: 'Not proven optimal', tone: 'warn', explanation: 'The search stopped before proving this plan optimal.' };
    case 'infeasible':
      return { label: 'Infeasible', tone: 'bad', explanation: 'Below: which demands cannot be met, by how much and when — and which capacities would have to grow instead.' };
    case 'unbounded':
      return { label: 'Unbounded', tone: 'bad', explanation: 'The objective could improve without limit: some decisions below grow for ever, each unit improving it. A cost or bound is missing.' };
    case 'no-solution':
      return { label: 'No plan yet', tone: 'bad', explanation: 'The time limit passed before any plan was found. Raise the time limit, accept a larger MIP gap, or export the model for an external solver.' };
    case 'invalid':
      return { label: 'Cannot plan', tone: 'bad', explanation: 'The scenario cannot be planned as it is:' };
    case 'error':
      return { label: 'Solver error', tone: 'bad', explanation: 'The solver failed. Try the other solver, or export the model.' };
  }
}

/** Whether the result holds a plan to draw, tabulate and execute. */
export const hasPlan = (r: PlanResult): boolean => r.status === 'optimal' || r.status === 'feasible';
