/**
 * Progress from a synchronous loop, thinned out before it crosses the worker boundary: every
 * report is a postMessage, and a replication loop can report thousands of times a second, which
 * would flood the page's event loop for a bar nobody can read that fast (≤ 20 updates a second).
 */

/** Forwards at most one report per `intervalMs`, and always the final one (fraction ≥ 1). */
export function throttleProgress(report: (fraction: number) => void, intervalMs = 50, now: () => number = () => performance.now()): (fraction: number) => void {
  let last = Number.NEGATIVE_INFINITY;
  let finished = false;
  return (fraction) => {
    if (finished) return;
    const t = now();
    if (fraction >= 1) finished = true;
    else if (t - last < intervalMs) return;
    last = t;
    report(Math.min(1, Math.max(0, fraction)));
  };
}
