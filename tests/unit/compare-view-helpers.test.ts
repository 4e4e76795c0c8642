/**
 * The Compare view's pure helpers: numbers and deltas as text (sign, arrow and word, never
 * colour alone), which scenarios it starts with, and the map diff's layout (states, flow
 * direction and width).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioMeta } from '../../src/app/persistence/store';
import { laneFlowDeltas } from '../../src/core/compare/lane-flows';
import { diffScenarios } from '../../src/core/compare/scenario-diff';
import { kpiValue } from '../../src/core/compare/kpi-values';
import { deltaArrow, describeDelta, formatDeltaAbs, formatDeltaPct, formatKpiValue } from '../../src/ui/compare/compare-format';
import { defaultSelection } from '../../src/ui/compare/default-selection';
import { MAX_DELTA_WIDTH, mapDiffLayout } from '../../src/ui/compare/map-diff-layout';
import { scenario, site } from './sim-fixtures';

describe('compare-format', () => {
  const est = { mean: 0.973, halfWidth: 0.004, low: 0.969, high: 0.977, stdDev: 0.01, n: 20 };

  it('writes values in the KPI\'s unit, with ± for estimates', () => {
    expect(formatKpiValue(kpiValue(est), 'share')).toBe('97.3 ± 0.4 %');
    expect(formatKpiValue(kpiValue(12345.4), 'money', 'EUR')).toBe('12,345 EUR');
    expect(formatKpiValue(kpiValue(12345.4), 'money')).toBe('12,345');
    expect(formatKpiValue(kpiValue(8.094), 'ratio')).toBe('8.09');
    expect(formatKpiValue(kpiValue(Number.NaN), 'units')).toBe('—');
  });

  it('writes deltas with a sign: shares in percentage points, tiny changes never as 0', () => {
    expect(formatDeltaAbs(-0.249, 'share')).toBe('−24.9 pp');
    expect(formatDeltaAbs(0.00004, 'share')).toBe('+0.004 pp');
    expect(formatDeltaAbs(-500, 'money', 'EUR')).toBe('−500 EUR');
    expect(formatDeltaAbs(0, 'units')).toBe('0.00');
    expect(formatDeltaPct(0.0531)).toBe('+5.3 %');
    expect(formatDeltaPct(null)).toBe('n/a (baseline 0)');
    expect(formatDeltaPct(Number.NaN)).toBe('—');
  });

  it('gives the direction of change by arrow and its meaning in words', () => {
    const better = { abs: -500, pct: -0.1, verdict: 'better' as const };
    expect(deltaArrow(better)).toBe('▼');
    expect(describeDelta(better, 'money', 'EUR')).toBe('down −500 EUR (−10.0 %), better');
    const noise = { abs: 0.01, pct: 0.0105, verdict: 'noise' as const };
    expect(deltaArrow(noise)).toBe('≈');
    expect(describeDelta(noise, 'share', 'EUR')).toBe('up +1.0 pp (+1.1 %): difference within noise (95 % confidence intervals overlap)');
    expect(deltaArrow({ abs: 0, pct: 0, verdict: 'same' })).toBe('=');
  });
});

describe('defaultSelection', () => {
  const meta = (id: string, name: string, updatedAt: number): ScenarioMeta => ({ id, name, updatedAt, revision: 1, formatVersion: 2, sizeBytes: 1 });
  const sc = (id: string, name: string, description = '') => scenario({ id, name, description, sites: [site('a', 'dc')] });

  it('puts the origin first when the open scenario is a copy or a fork of it', () => {
    const list = [meta('base', 'Base', 1), meta('copy', 'Copy of Base', 2), meta('other', 'Other', 3)];
    expect(defaultSelection(sc('copy', 'Copy of Base'), list)).toEqual(['base', 'copy']);
    const fork = sc('f', 'Renamed later', 'What-if of “Base” (id base), forked 2026-11-25.');
    expect(defaultSelection(fork, [...list, meta('f', 'Renamed later', 4)])).toEqual(['base', 'f']);
    expect(defaultSelection(sc('w', 'Base — what-if 2'), [...list, meta('w', 'Base — what-if 2', 5)])).toEqual(['base', 'w']);
  });

  it('pairs the open scenario with its most recent copy or fork, else the most recent other', () => {
    const list = [meta('base', 'Base', 1), meta('copy', 'Copy of Base', 2), meta('fork', 'Base — what-if', 5), meta('other', 'Other', 9)];
    expect(defaultSelection(sc('base', 'Base'), list)).toEqual(['base', 'fork']);
    expect(defaultSelection(sc('base', 'Base'), [meta('base', 'Base', 1), meta('other', 'Other', 9), meta('old', 'Old', 3)])).toEqual(['base', 'other']);
    expect(defaultSelection(sc('base', 'Base'), [meta('base', 'Base', 1)])).toEqual(['base']);
  });
});

describe('mapDiffLayout', () => {
  const base = scenario({
    sites: [site('p', 'plant', { lat: 50, lon: 10 }), site('d', 'dc', { lat: 48, lon: 2, storageCapacity: 100 }), site('gone', 'dc', { lat: 45, lon: 5 }), site('c', 'customer', { lat: 41, lon: 2 })],
    lanes: [{ id: 'p-d', from: 'p', to: 'd' }, { id: 'p-gone', from: 'p', to: 'gone' }, { id: 'd-c', from: 'd', to: 'c' }],
  });
  const other = scenario({
    sites: [site('p', 'plant', { lat: 50, lon: 10 }), site('d', 'dc', { lat: 48, lon: 2, storageCapacity: 50 }), site('c', 'customer', { lat: 41, lon: 2 }), site('n', 'dc', { lat: 52, lon: 5 })],
    lanes: [{ id: 'p-d', from: 'p', to: 'd' }, { id: 'd-c', from: 'd', to: 'c' }, { id: 'p-n', from: 'p', to: 'n' }],
  });
  const diff = diffScenarios(base, other);

  it('marks every site and lane of both scenarios with its state and changed fields', () => {
    const flows = laneFlowDeltas(new Map([['p-d', 100], ['p-gone', 40], ['d-c', 90]]), new Map([['p-d', 100], ['d-c', 60], ['p-n', 20]]),
      base.lanes.map((l) => l.id), other.lanes.map((l) => l.id));
    const l = mapDiffLayout(base, other, diff, flows, 800, 500);
    expect(Object.fromEntries(l.sites.map((s) => [s.id, s.state]))).toEqual({ p: 'same', d: 'changed', gone: 'removed', c: 'same', n: 'added' });
    expect(l.sites.find((s) => s.id === 'd')?.fields).toBe('storageCapacity 100 → 50');
    const lanes = Object.fromEntries(l.lanes.map((x) => [x.id, x]));
    expect(lanes['p-gone']).toMatchObject({ state: 'removed', delta: -40, flow: 'less', base: 40, other: null });
    expect(lanes['p-n']).toMatchObject({ state: 'added', delta: 20, flow: 'more' });
    expect(lanes['d-c']).toMatchObject({ state: 'same', delta: -30, flow: 'less' });
    expect(lanes['p-d']).toMatchObject({ delta: 0, flow: 'none', width: 1.5 });
    // Width on a √ scale of |Δ| / largest |Δ| (40): 1.5 + 10.5 · √(30/40) for d-c.
    expect(l.maxDelta).toBe(40);
    expect(lanes['p-gone'].width).toBe(MAX_DELTA_WIDTH);
    expect(lanes['d-c'].width).toBeCloseTo(1.5 + 10.5 * Math.sqrt(30 / 40), 9);
    // Marked lanes are drawn after (on top of) unchanged ones.
    expect(l.lanes.at(-1)?.state).not.toBe('same');
    for (const s of l.sites) {
      expect(s.x).toBeGreaterThan(0);
      expect(s.x).toBeLessThan(800);
    }
  });

  it('draws flows as unknown (never as zero change) when the results have no lane KPIs', () => {
    const l = mapDiffLayout(base, other, diff, null, 800, 500);
    expect(new Set(l.lanes.map((x) => x.flow))).toEqual(new Set(['unknown']));
    expect(l.lanes.every((x) => x.delta === null)).toBe(true);
  });
});
