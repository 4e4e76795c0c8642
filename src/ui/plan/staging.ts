/**
 * Work on the page split into tasks, so that drawing a large plan never holds the main thread for
 * long in one piece (reliability case 22): each step runs in a task of its own, in order, and the
 * page can handle input and paint in between. Plain functions: the components say what to do in
 * which order, this says when.
 */

/** Stops the steps that have not run yet. */
export type Cancel = () => void;

/** Puts `run` in a later task of the event loop; returns how to take it back. */
export type Schedule = (run: () => void) => Cancel;

/** The next task: a zero timeout (browsers clamp deep chains of them to 4 ms, which leaves room to paint). */
export const nextTask: Schedule = (run) => {
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
};

/** A step that throws is reported like an uncaught error, and the steps after it still run. */
function report(error: unknown): void {
  const g = globalThis as { reportError?: (e: unknown) => void };
  if (typeof g.reportError === 'function') g.reportError(error);
  else setTimeout(() => { throw error; }, 0);
}

/** Runs each step in a task of its own, one after the other, starting in the next task. */
export function inTasks(steps: readonly (() => void)[], schedule: Schedule = nextTask): Cancel {
  let index = 0;
  let cancelled = false;
  let pending: Cancel | undefined;
  const run = () => {
    pending = undefined;
    if (cancelled) return;
    const step = steps[index++];
    try {
      step();
    } catch (e) {
      report(e);
    }
    if (!cancelled && index < steps.length) pending = schedule(run);
  };
  if (steps.length > 0) pending = schedule(run);
  return () => {
    cancelled = true;
    pending?.();
    pending = undefined;
  };
}
