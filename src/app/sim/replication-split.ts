/**
 * How a Monte Carlo run is spread over workers. Replication r always uses random stream r of the
 * seed, so giving each worker a contiguous block (its own firstReplication) and joining the blocks
 * in order reproduces exactly what one worker running them all would report.
 */

export const MAX_POOL = 8;

/** Workers for a run: one per core, never more than replications or MAX_POOL, at least one. */
export function poolSize(cores: number, replications: number, max = MAX_POOL): number {
  const c = Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(c, Math.floor(replications), max));
}

export interface ReplicationBlock {
  readonly firstReplication: number;
  readonly replications: number;
}

/** n replications in `workers` contiguous blocks whose sizes differ by at most one. */
export function splitReplications(n: number, workers: number): ReplicationBlock[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`replications must be a whole number of at least 1 (got ${n})`);
  const w = Math.max(1, Math.min(n, Math.floor(workers)));
  const base = Math.floor(n / w);
  const extra = n % w;
  const blocks: ReplicationBlock[] = [];
  let first = 0;
  for (let i = 0; i < w; i++) {
    const count = base + (i < extra ? 1 : 0);
    blocks.push({ firstReplication: first, replications: count });
    first += count;
  }
  return blocks;
}
