/**
 * What went wrong with a plan run, in the words the user sees. Errors cross the worker boundary
 * as plain Errors (comlink keeps name and message), so they are told apart by name.
 */
import { AbortedError, WorkerCrashedError } from '../workers/worker-bridge';

export type PlanProblemKind = 'cancelled' | 'crashed' | 'refused' | 'failed';

export interface PlanProblem {
  readonly kind: PlanProblemKind;
  readonly message: string;
  /** Particulars (an imported file's broken constraints or unreadable lines), at most a screenful. */
  readonly details?: readonly string[];
}

const UNCHANGED = 'Your scenario is unchanged.';

/** `what` names the run: "Optimisation", "Plan execution", "Export". */
export function describePlanError(e: unknown, what: string): PlanProblem {
  const name = e instanceof Error ? e.name : '';
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof AbortedError || name === 'AbortError') return { kind: 'cancelled', message: `${what} cancelled. ${UNCHANGED}` };
  if (e instanceof WorkerCrashedError || name === 'WorkerCrashedError') {
    return { kind: 'crashed', message: /unchanged/i.test(text) ? text : `The worker crashed: ${text}. ${UNCHANGED}` };
  }
  if (name === 'SimInputError') return { kind: 'refused', message: `The plan cannot be executed: ${text.replace(/^the scenario cannot be simulated: /, '')}. ${UNCHANGED}` };
  return { kind: 'failed', message: `${what} failed: ${text}. ${UNCHANGED}` };
}
