/**
 * What the simulation worker exposes: the core engine's entry points with the plumbing a worker
 * boundary needs — runs sliced so that terminate() takes effect at once (sliced-run.ts), progress
 * thinned out and its proxy released, results handed over as transferred typed arrays. Kept apart
 * from workers/simulate.worker.ts so that tests can expose the very same object on a MessageChannel.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../../core/model/types';
import { combineReplications, compileNetwork, createSimulation, seriesTransferables, simulationOf, type SimOptions, type SimResult, type SimSummary } from '../../core/sim';
import { throttleProgress } from './progress-throttle';
import type { CombinedReplications, ProgressCallback, ReplicationsPart } from './run-types';
import { Slicer, stepToEnd } from './sliced-run';
import { concatPacked, packSummaries, unpackSummaries, type PackedSummaries } from './summary-pack';

export interface SimulateApi {
  simulate(scenario: Scenario, options: SimOptions, onProgress?: ProgressCallback): Promise<SimResult>;
  replications(scenario: Scenario, options: SimOptions & { readonly replications: number; readonly firstReplication: number }, onProgress?: ProgressCallback): Promise<ReplicationsPart>;
  /** Merges parts (in replication order) into the Monte Carlo estimate, off the page's thread. */
  combine(parts: readonly PackedSummaries[]): CombinedReplications;
}

/** A comlink proxy must be released or its MessagePort lives on; a plain function has nothing to release. */
function release(callback: ProgressCallback | undefined): void {
  (callback as Partial<Comlink.Remote<ProgressCallback>> | undefined)?.[Comlink.releaseProxy]?.();
}

/** The remote callback returns a promise nobody awaits: progress is fire-and-forget. */
function reporter(callback: ProgressCallback | undefined): (f: number) => void {
  if (!callback) return () => undefined;
  return throttleProgress((f) => { void callback(f); });
}

export function createSimulateApi(): SimulateApi {
  return {
    /** = simulateScenario (compile, then every period), sliced. */
    async simulate(scenario, options, onProgress) {
      const slicer = new Slicer();
      try {
        const sim = createSimulation(scenario, options);
        await stepToEnd(sim, slicer, reporter(onProgress));
        const result = sim.result();
        return Comlink.transfer(result, seriesTransferables(result.series));
      } finally {
        slicer.close();
        release(onProgress);
      }
    },
    /**
     * = runReplications for replications first … first + n − 1 (compile once; replication r on
     * random stream r, network totals only), sliced; the summaries come back packed.
     */
    async replications(scenario, options, onProgress) {
      const n = options.replications;
      const first = options.firstReplication;
      if (!Number.isInteger(n) || n < 1 || !Number.isInteger(first) || first < 0) throw new RangeError(`bad replication block ${first} + ${n}`);
      const slicer = new Slicer();
      try {
        const net = compileNetwork(scenario, options);
        const seed = options.seed ?? scenario.settings.seed;
        const report = reporter(onProgress);
        const summaries: SimSummary[] = [];
        for (let r = 0; r < n; r++) {
          const sim = simulationOf(net, seed, { ...options, replication: first + r, series: 'totals', seriesSites: undefined });
          await stepToEnd(sim, slicer, (f) => report((r + f) / n));
          summaries.push(sim.result().summary);
          if (slicer.due) await slicer.pause();
        }
        const packed = packSummaries(summaries);
        const part: ReplicationsPart = { firstReplication: first, replications: n, seed, warnings: net.warnings, packed };
        return Comlink.transfer(part, [packed.values.buffer as ArrayBuffer]);
      } finally {
        slicer.close();
        release(onProgress);
      }
    },
    combine(parts) {
      const packed = concatPacked(parts);
      const estimate = combineReplications(unpackSummaries(packed));
      return Comlink.transfer({ estimate, packed }, [packed.values.buffer as ArrayBuffer]);
    },
  };
}
