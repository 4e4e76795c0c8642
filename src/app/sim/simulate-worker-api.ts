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
import type { CombinedReplications, ProgressCallback, ReplicationsOptions, ReplicationsPart } from './run-types';
import { BandAccumulator, bandTransferables, combineBands, type BandPart } from './series-bands';
import { SiteBandAccumulator, combineSiteBands, siteBandPlan, siteBandTransferables, type SiteBandPart, type SiteBandsSkipped } from './site-bands';
import { Slicer, stepToEnd } from './sliced-run';
import { concatPacked, packSummaries, unpackSummaries, type PackedSummaries } from './summary-pack';

export interface SimulateApi {
  simulate(scenario: Scenario, options: SimOptions, onProgress?: ProgressCallback): Promise<SimResult>;
  replications(scenario: Scenario, options: ReplicationsOptions, onProgress?: ProgressCallback): Promise<ReplicationsPart>;
  /**
   * Merges parts (in replication order) into the Monte Carlo estimate, and their bands (when
   * every part has one) into per-period bands, off the page's thread.
   */
  combine(parts: readonly PackedSummaries[], bands?: readonly BandPart[], siteBands?: readonly (SiteBandPart | SiteBandsSkipped)[]): CombinedReplications;
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
     * random stream r, network totals only), sliced; the summaries come back packed, and with
     * `bands` the blocks's total series for the per-period bands (series-bands.ts), with
     * `siteBands` each stocked site's on hand and backorders (series mode 'sites'; site-bands.ts).
     */
    async replications(scenario, { bands, siteBands, ...options }, onProgress) {
      const n = options.replications;
      const first = options.firstReplication;
      if (!Number.isInteger(n) || n < 1 || !Number.isInteger(first) || first < 0) throw new RangeError(`bad replication block ${first} + ${n}`);
      const slicer = new Slicer();
      try {
        const net = compileNetwork(scenario, options);
        const seed = options.seed ?? scenario.settings.seed;
        const report = reporter(onProgress);
        const summaries: SimSummary[] = [];
        const band = bands ? new BandAccumulator(net.periods, n, bands === 'quantiles') : undefined;
        const sitePlan = siteBands ? siteBandPlan(net) : undefined;
        const siteBand = sitePlan?.kind === 'columns' ? new SiteBandAccumulator(net.periods, sitePlan) : undefined;
        const series = siteBand ? 'sites' : 'totals';
        for (let r = 0; r < n; r++) {
          const sim = simulationOf(net, seed, { ...options, replication: first + r, series, seriesSites: undefined });
          await stepToEnd(sim, slicer, (f) => report((r + f) / n));
          const result = sim.result();
          summaries.push(result.summary);
          band?.add(result.series.total);
          siteBand?.add(result.series.site, result.series.sites);
          if (slicer.due) await slicer.pause();
        }
        const packed = packSummaries(summaries);
        const bandPart = band?.part();
        const sitePart = siteBand ? siteBand.part() : sitePlan?.kind === 'skipped' ? sitePlan : undefined;
        const part: ReplicationsPart = {
          firstReplication: first, replications: n, seed, warnings: net.warnings, packed,
          ...(bandPart ? { bands: bandPart } : {}), ...(sitePart ? { siteBands: sitePart } : {}),
        };
        return Comlink.transfer(part, [
          packed.values.buffer as ArrayBuffer, ...(bandPart ? bandTransferables(bandPart) : []), ...(sitePart ? siteBandTransferables(sitePart) : []),
        ]);
      } finally {
        slicer.close();
        release(onProgress);
      }
    },
    combine(parts, bandParts, siteParts) {
      const packed = concatPacked(parts);
      const estimate = combineReplications(unpackSummaries(packed));
      const bands = bandParts && bandParts.length > 0 ? combineBands(bandParts) : undefined;
      const siteBands = siteParts && siteParts.length > 0 ? combineSiteBands(siteParts) : undefined;
      const out: CombinedReplications = { estimate, packed, ...(bands ? { bands } : {}), ...(siteBands ? { siteBands } : {}) };
      return Comlink.transfer(out, [
        packed.values.buffer as ArrayBuffer, ...(bands ? bandTransferables(bands) : []), ...(siteBands ? siteBandTransferables(siteBands) : []),
      ]);
    },
  };
}
