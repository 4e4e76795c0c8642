/** Packing replication summaries into one Float64Array and back (what crosses between workers). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { concatPacked, packedColumn, packSummaries, unpackSummaries, unpackSummary } from '../../../src/app/sim/summary-pack';
import { runReplications } from '../../../src/core/sim';

/** The built-in default network, through the same loader the app uses. */
function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

const scenario = defaultScenario();
const reps = runReplications(scenario, { periods: 10, demandVariability: 'normal', replications: 5 });

describe('summary packing', () => {
  it('round-trips every summary exactly, NaN included', () => {
    const packed = packSummaries(reps.summaries);
    expect(packed.count).toBe(5);
    expect(packed.values.length).toBe(5 * packed.width);
    expect(unpackSummaries(packed)).toEqual(reps.summaries);
    // Some KPIs are undefined (NaN) in this network, e.g. a buyer's DIO: they survive.
    const dio = unpackSummary(packed, 2).parties.map((p) => p.dio);
    expect(dio.some((v) => Number.isNaN(v))).toBe(true);
  });

  it('joins packs in order, equal to packing all at once', () => {
    const all = packSummaries(reps.summaries);
    const joined = concatPacked([packSummaries(reps.summaries.slice(0, 2)), packSummaries(reps.summaries.slice(2))]);
    expect(joined.count).toBe(5);
    expect(Array.from(joined.values)).toEqual(Array.from(all.values));
  });

  it('reads one KPI over the replications by its path', () => {
    const packed = packSummaries(reps.summaries);
    expect(Array.from(packedColumn(packed, ['total', 'costs', 'total']))).toEqual(reps.summaries.map((s) => s.total.costs.total));
    expect(Array.from(packedColumn(packed, ['sites', 1, 'fillRate']))).toEqual(reps.summaries.map((s) => s.sites[1].fillRate));
    expect(() => packedColumn(packed, ['total', 'nope'])).toThrow(/no number at total\.nope/);
  });

  it('refuses summaries of different shapes', () => {
    const fewerSites = { ...reps.summaries[1], sites: reps.summaries[1].sites.slice(1) };
    expect(() => packSummaries([reps.summaries[0], fewerSites])).toThrow(/same shape/);
  });
});
