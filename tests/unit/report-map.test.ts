/** The printed report's map data and run line. */
import { describe, expect, it } from 'vitest';
import { laneTotals, reportMap } from '../../src/ui/report/report-map';
import { MAX_LANE_WIDTH } from '../../src/ui/playback/playback-frame';
import { reportRunLine } from '../../src/ui/report/report-text';
import { builtInScenario } from '../support/builtin-scenario';

const defaultScenario = () => builtInScenario('default-europe');

describe('report map', () => {
  it('sums lane flows over products and ignores non-finite values', () => {
    const t = laneTotals([
      { laneId: 'a', shipped: 10 }, { laneId: 'a', shipped: 5 }, { laneId: 'b', shipped: Number.NaN }, { laneId: 'c', shipped: 0 },
    ]);
    expect([...t]).toEqual([['a', 15], ['b', 0], ['c', 0]]);
    expect(laneTotals(undefined).size).toBe(0);
  });

  it('draws every lane of the default scenario, the busiest at full width and unused ones at 0', () => {
    const scenario = defaultScenario();
    const [busy, quiet] = scenario.lanes;
    const m = reportMap(scenario, [{ laneId: busy.id, shipped: 400 }, { laneId: quiet.id, shipped: 100 }], 720, 400);
    expect(m.lanes).toHaveLength(scenario.lanes.length);
    expect(m.maxFlow).toBe(400);
    const byId = new Map(m.lanes.map((l) => [l.id, l]));
    expect(byId.get(busy.id)?.width).toBe(MAX_LANE_WIDTH);
    expect(byId.get(quiet.id)?.width).toBeCloseTo(MAX_LANE_WIDTH / 4, 6);
    expect(m.lanes.filter((l) => l.flow === 0).every((l) => l.width === 0)).toBe(true);
    for (const s of m.sites) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThanOrEqual(720);
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y).toBeLessThanOrEqual(400);
    }
  });
});

describe('report run line', () => {
  it('says periods, seed, demand variability and how many runs', () => {
    const scenario = defaultScenario();
    const line = reportRunLine({
      scenario, settings: { demandVariability: 'poisson' },
      outcome: { kind: 'replications', replications: 1200, seed: 7, perReplication: { template: { periods: 52 } } } as never,
    });
    expect(line).toBe('Simulated 52 weeks · seed 7 · demand poisson · 1,200 replications, ± 95 % confidence intervals');
  });
});
