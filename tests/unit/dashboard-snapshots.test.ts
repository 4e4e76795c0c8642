/**
 * Charts render the same for the same seed: the geometry of every dashboard chart (path strings,
 * band areas, ticks, bars) from seeded runs of the built-in scenarios, as snapshots. Each
 * scenario is simulated twice from scratch; both runs must give identical geometry.
 */
import { describe, expect, it } from 'vitest';
import { BandAccumulator, combineBands } from '../../src/app/sim/series-bands';
import { combineReplications, compileNetwork, simulateScenario, simulationOf, type SimSummary } from '../../src/core/sim';
import { barGeometry } from '../../src/ui/charts/bar-chart-geometry';
import { lineChartGeometry, type PeriodRange } from '../../src/ui/charts/line-chart-geometry';
import { builtInScenario } from '../support/builtin-scenario';
import { dashboardNames } from '../../src/ui/sim/dashboard-names';
import { singleRunCharts, type DashboardChart } from '../../src/ui/sim/dashboard-charts';
import { replicationCharts } from '../../src/ui/sim/dashboard-mc-charts';
import { findScope, scopeOptions } from '../../src/ui/sim/dashboard-scope';

const frame = { width: 480, height: 220, margin: { top: 10, right: 18, bottom: 34, left: 52 } };

const builtIn = builtInScenario;
const namesOf = dashboardNames;

/** What a chart draws, as plain data. */
function geometry(c: DashboardChart, zoom: PeriodRange | null = null) {
  if (c.kind === 'line') {
    const g = lineChartGeometry(c.lines, c.bands, frame, zoom);
    return { id: c.id, title: c.title, lines: c.lines.map((l) => `${l.label} ${l.color}${l.dashed ? ' dashed' : ''}`), paths: g.paths, bands: g.bandPaths, xTicks: g.xTicks, yTicks: g.yTicks, yDomain: g.y.domain() };
  }
  if (c.kind === 'bars') {
    const g = barGeometry(c.bars, frame.width);
    return { id: c.id, title: c.title, bars: g.rows.map((r) => `${r.bar.label} ${r.bar.value} y=${r.y} w=${r.width.toFixed(2)}`), xTicks: g.xTicks };
  }
  return { id: c.id, title: c.title, missing: c.message };
}

/** Every chart of the chosen scopes of a fresh seeded run. */
function dashboardOf(name: string, scopes: readonly string[], seed: number) {
  const scenario = builtIn(name);
  const result = simulateScenario(scenario, { seed, demandVariability: 'normal' });
  const names = namesOf(scenario);
  const groups = scopeOptions(result, names);
  return Object.fromEntries(scopes.map((value) => {
    const scope = findScope(groups, value);
    expect(scope.value).toBe(value); // listed, not the network fallback
    return [value, singleRunCharts(result, scope, null, names).map((c) => geometry(c))];
  }));
}

describe('dashboard geometry of seeded runs', () => {
  it('default network: network, DC Lyon, a company and a lane', () => {
    const scopes = ['network:', 'site:dc-lyon', 'party:brewline', 'lane:dc-lyon--cust-paris'];
    const first = dashboardOf('default-europe', scopes, 42);
    expect(dashboardOf('default-europe', scopes, 42)).toEqual(first);
    expect(first['site:dc-lyon'].length).toBeGreaterThan(4);
    expect(first).toMatchSnapshot();
  });

  it('beer game: the bullwhip chart with every echelon', () => {
    const first = dashboardOf('beer-game', ['network:', 'site:retailer'], 1989);
    expect(dashboardOf('beer-game', ['network:', 'site:retailer'], 1989)).toEqual(first);
    expect(first).toMatchSnapshot();
  });

  it('a zoomed chart: periods 10–30 of DC Lyon’s stock', () => {
    const scenario = builtIn('default-europe');
    const result = simulateScenario(scenario, { seed: 42 });
    const charts = singleRunCharts(result, findScope(scopeOptions(result, namesOf(scenario)), 'site:dc-lyon'), null, namesOf(scenario));
    const zoomed = geometry(charts[0], { from: 10, to: 30 });
    expect(zoomed.xTicks).toEqual(expect.arrayContaining([10, 30]));
    expect(zoomed).toMatchSnapshot();
  });

  it('Monte Carlo: mean lines in 5–95 % bands of 20 replications', () => {
    const scenario = builtIn('default-europe');
    const options = { seed: 42, demandVariability: 'normal' as const, periods: 30 };
    const net = compileNetwork(scenario, options);
    const acc = new BandAccumulator(30, 20, true);
    const summaries: SimSummary[] = [];
    for (let r = 0; r < 20; r++) {
      const sim = simulationOf(net, 42, { ...options, replication: r, series: 'totals' });
      while (sim.period < sim.periods) sim.step();
      const res = sim.result();
      acc.add(res.series.total);
      summaries.push(res.summary);
    }
    const charts = replicationCharts(combineReplications(summaries), combineBands([acc.part()])).map((c) => geometry(c));
    expect(charts[0].bands).toHaveLength(1);
    expect(charts).toMatchSnapshot();
  });
});
