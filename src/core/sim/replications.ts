/**
 * Monte Carlo: the same scenario run with independent random streams (replication r uses
 * stream r of the seed), and every number of the summary reported as a mean with a 95 %
 * confidence interval (Student t with n − 1 degrees of freedom). `combineReplications` is
 * separate so that replications run in several workers can be merged in any order.
 */
import type { Scenario } from '../model/types';
import { compileNetwork } from './compile';
import { SimCancelledError } from './errors';
import type { RunHooks, SimOptions } from './options';
import { runNetwork } from './simulate';
import { estimate, type Estimate } from './stats';
import type { SimSummary } from './summary-types';

/** A summary with every number replaced by its estimate over the replications. */
export type Estimated<T> = T extends number ? Estimate
  : T extends string | boolean ? T
    : T extends readonly (infer U)[] ? readonly Estimated<U>[]
      : { readonly [K in keyof T]: Estimated<T[K]> };

export interface ReplicationsResult {
  readonly replications: number;
  readonly seed: number;
  readonly estimate: Estimated<SimSummary>;
  /** The summary of each replication, in replication order. */
  readonly summaries: readonly SimSummary[];
  readonly warnings: readonly string[];
}

function combine(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return estimate(values as number[]);
  if (Array.isArray(first)) return first.map((_, i) => combine(values.map((v) => (v as unknown[])[i])));
  if (first !== null && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((key) => [key, combine(values.map((v) => (v as Record<string, unknown>)[key]))]));
  }
  return first;
}

/** Merges the summaries of replications of one scenario (same structure) into estimates. */
export function combineReplications(summaries: readonly SimSummary[]): Estimated<SimSummary> {
  if (summaries.length === 0) throw new Error('no replications to combine');
  return combine(summaries) as Estimated<SimSummary>;
}

export function runReplications(scenario: Scenario, options: SimOptions & RunHooks & { readonly replications: number; readonly firstReplication?: number }): ReplicationsResult {
  const n = options.replications;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new RangeError(`replications must be a whole number from 1 to 100000 (got ${n})`);
  const net = compileNetwork(scenario, options);
  const seed = options.seed ?? scenario.settings.seed;
  const first = options.firstReplication ?? 0;
  const summaries: SimSummary[] = [];
  for (let r = 0; r < n; r++) {
    if (options.shouldCancel?.()) throw new SimCancelledError(0);
    const res = runNetwork(net, seed, {
      ...options, replication: first + r, series: 'totals', seriesSites: undefined,
      onProgress: options.onProgress ? (f) => options.onProgress!((r + f) / n) : undefined,
    });
    summaries.push(res.summary);
  }
  return { replications: n, seed, estimate: combineReplications(summaries), summaries, warnings: net.warnings };
}
