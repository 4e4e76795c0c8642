/**
 * What went wrong with a run, in the words the user sees. Errors cross the worker boundary as
 * plain Errors (comlink keeps name and message), so they are told apart by name.
 */
import { AbortedError, WorkerCrashedError } from '../workers/worker-bridge';

export type RunProblemKind = 'cancelled' | 'refused' | 'crashed' | 'failed';

export interface RunProblem {
  readonly kind: RunProblemKind;
  readonly message: string;
}

const UNCHANGED = 'Your scenario is unchanged.';

function nameOf(e: unknown): string {
  return e instanceof Error ? e.name : '';
}

export function describeRunError(e: unknown): RunProblem {
  const name = nameOf(e);
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof AbortedError || name === 'AbortError') return { kind: 'cancelled', message: `Simulation cancelled. ${UNCHANGED}` };
  if (e instanceof WorkerCrashedError || name === 'WorkerCrashedError') {
    // The bridge's message already says the scenario is unchanged.
    return { kind: 'crashed', message: /unchanged/i.test(text) ? text : `The worker crashed: ${text}. ${UNCHANGED}` };
  }
  if (name === 'SimInputError') {
    return { kind: 'refused', message: `${text.charAt(0).toUpperCase()}${text.slice(1)}. Nothing was run; ${UNCHANGED.toLowerCase()}` };
  }
  return { kind: 'failed', message: `The simulation failed: ${text}. ${UNCHANGED}` };
}

/** The refused message's issues, one per line ("the scenario cannot be simulated: a; b" → [a, b]). */
export function issueLines(message: string): string[] {
  const m = /cannot be simulated: (.*?)(?:\. Nothing was run;.*)?$/s.exec(message);
  return m ? m[1].split('; ').map((s) => s.trim()).filter(Boolean) : [];
}
