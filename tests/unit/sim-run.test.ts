/** Running: progress and cancel hooks, transferable results, scenario untouched, built-in scenarios. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import { runReplications, SimCancelledError, seriesTransferables, simulateScenario } from '../../src/core/sim';
import { serial } from './sim-fixtures';

const long = () => serial({ demand: Array.from({ length: 5000 }, () => 3), dc: { policy: 'base-stock', baseStock: 6, initialStock: 6 } });

describe('run hooks', () => {
  it('reports progress from 0 to 1, increasing', () => {
    const seen: number[] = [];
    simulateScenario(long(), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('stops between periods when shouldCancel answers true, with SimCancelledError', () => {
    let calls = 0;
    const run = () => simulateScenario(long(), { shouldCancel: () => ++calls >= 2 });
    expect(run).toThrow(SimCancelledError);
    expect(calls).toBe(2);
    // …and the next run works.
    expect(simulateScenario(long()).summary.periods).toBe(5000);
  });

  it('replications honour cancel too', () => {
    expect(() => runReplications(long(), { replications: 3, shouldCancel: () => true })).toThrow(SimCancelledError);
  });
});

describe('results', () => {
  it('every series array is listed for a zero-copy transfer', () => {
    const r = simulateScenario(long());
    const buffers = seriesTransferables(r.series);
    // Each buffer once (postMessage refuses a transfer list with duplicates), every array's buffer listed.
    expect(new Set(buffers).size).toBe(buffers.length);
    const arrays = [r.series.total, r.series.node!, r.series.arc!, r.series.party!].flatMap((group) => Object.values(group) as ArrayBufferView[]);
    expect(arrays).toHaveLength(9 + 7 + 2 + 3);
    for (const a of arrays) expect(buffers).toContain(a.buffer);
  });

  it('leaves the scenario untouched', () => {
    const s = long();
    const before = JSON.stringify(s);
    simulateScenario(s, { periods: 10 });
    expect(JSON.stringify(s)).toBe(before);
  });

  it.each(['default-europe', 'beer-game', 'transportation-ampl'])('the built-in scenario %s simulates', (name) => {
    const loaded = scenarioFromJson(readFileSync(`scenarios/${name}.json`, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const r = simulateScenario(loaded.scenario);
    expect(r.summary.periods).toBe(loaded.scenario.settings.horizon);
    expect(r.summary.total.customerDemand).toBeGreaterThan(0);
    expect(Number.isFinite(r.summary.total.costs.total)).toBe(true);
  });
});
