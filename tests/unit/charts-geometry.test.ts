/** Line and bar chart geometry: thinning keeps every peak, zoom narrows the x domain, bands, ticks that do not crowd. */
import { describe, expect, it } from 'vitest';
import { barGeometry } from '../../src/ui/charts/bar-chart-geometry';
import { chartPeriods, clampRange, lineChartGeometry, shortNumber, thinIndices } from '../../src/ui/charts/line-chart-geometry';
import { OKABE_ITO, SERIES_COLORS, paletteStyle, seriesColor } from '../../src/ui/charts/palette';
import { formatNum } from '../../src/ui/sim/format';

const frame = { width: 500, height: 200, margin: { top: 8, right: 20, bottom: 24, left: 50 } };

describe('thinIndices', () => {
  it('keeps every index of a series that fits', () => {
    expect(thinIndices([3, 1, 2], 100)).toEqual([0, 1, 2]);
    expect(thinIndices([3, 1, 2, 7, 5], 100, 1, 3)).toEqual([1, 2, 3]);
  });

  it('keeps first, minimum, maximum and last of each pixel column, in order, at most 4 per column', () => {
    const n = 100_000;
    const values = new Float64Array(n).map((_, i) => Math.sin(i / 50) * 100);
    values[12_345] = 1e6; // a single spike must survive
    values[67_890] = -1e6;
    const idx = thinIndices(values, 400);
    expect(idx.length).toBeLessThanOrEqual(1600);
    expect(idx).toContain(12_345);
    expect(idx).toContain(67_890);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(n - 1);
    expect(idx.every((v, i) => i === 0 || v > idx[i - 1])).toBe(true);
  });

  it('thins only inside a zoomed range', () => {
    const values = new Float64Array(10_000).map((_, i) => i % 7);
    values[5_000] = 99;
    const idx = thinIndices(values, 100, 4_000, 5_999);
    expect(idx[0]).toBe(4_000);
    expect(idx.at(-1)).toBe(5_999);
    expect(idx).toContain(5_000);
    expect(idx.length).toBeLessThanOrEqual(400);
  });
});

describe('lineChartGeometry', () => {
  it('draws one path per line over periods 1..T, with room below 0 when values go negative', () => {
    const g = lineChartGeometry([
      { label: 'a', values: [1, 5, 3, 8], color: '#000' },
      { label: 'b', values: [-2, 0, 4, 2], color: '#111' },
    ], [], frame);
    expect(g.paths).toHaveLength(2);
    expect(g.paths[0].match(/[ML]/g)).toHaveLength(4);
    expect(g.x(1)).toBe(50);
    expect(g.x(4)).toBe(480);
    expect(g.y.domain()[0]).toBeLessThanOrEqual(-2);
    expect(g.y.domain()[1]).toBeGreaterThanOrEqual(8);
    expect(g.xTicks.every((t) => Number.isInteger(t) && t >= 1 && t <= 4)).toBe(true);
    expect(g.range).toEqual({ from: 1, to: 4 });
  });

  it('leaves gaps for undefined values instead of drawing through them', () => {
    const g = lineChartGeometry([{ label: 'a', values: [1, Number.NaN, 3, 4], color: '#000' }], [], frame);
    expect(g.paths[0].match(/M/g)).toHaveLength(2);
  });

  it('zooms: the x domain is the range, only its points are drawn, y fits the values shown', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 50 ? 1000 : i)); // 1000 in periods 1..50, then 50..99
    const g = lineChartGeometry([{ label: 'a', values, color: '#000' }], [], frame, { from: 61, to: 70 });
    expect(g.x.domain()).toEqual([61, 70]);
    expect(g.x(61)).toBe(50);
    expect(g.x(70)).toBe(480);
    expect(g.paths[0].match(/[ML]/g)).toHaveLength(10);
    // periods 61..70 hold 60..69: the 1000s before are not in the y domain
    expect(g.y.domain()[1]).toBeLessThan(100);
    expect(g.xTicks[0]).toBeGreaterThanOrEqual(61);
    expect(g.xTicks.at(-1)).toBeLessThanOrEqual(70);
  });

  it('draws a band as a closed area between low and high, included in the y domain', () => {
    const g = lineChartGeometry([{ label: 'mean', values: [2, 2, 2], color: '#000' }], [{ label: 'band', low: [1, 1, 1], high: [3, 30, 3], color: '#111' }], frame);
    expect(g.bandPaths).toHaveLength(1);
    // area: M, two L along the top, L down, two L back, Z
    expect(g.bandPaths[0].startsWith('M')).toBe(true);
    expect(g.bandPaths[0].endsWith('Z')).toBe(true);
    expect(g.bandPaths[0].match(/L/g)).toHaveLength(5);
    expect(g.y.domain()[1]).toBeGreaterThanOrEqual(30);
  });

  it('never crowds the axes: about one x tick per 70 px and one y tick per 40 px', () => {
    const values = Array.from({ length: 365 }, (_, i) => i * 1000);
    const narrow = lineChartGeometry([{ label: 'a', values, color: '#000' }], [], { ...frame, width: 300 });
    const wide = lineChartGeometry([{ label: 'a', values, color: '#000' }], [], { ...frame, width: 1200, height: 400 });
    const gaps = (ticks: readonly number[], scale: (v: number) => number) => ticks.slice(1).map((t, i) => Math.abs(scale(t) - scale(ticks[i])));
    expect(narrow.xTicks.length).toBeLessThanOrEqual(7);
    expect(Math.min(...gaps(narrow.xTicks, narrow.x))).toBeGreaterThanOrEqual(35);
    expect(Math.min(...gaps(wide.xTicks, wide.x))).toBeGreaterThanOrEqual(35);
    expect(Math.min(...gaps(wide.yTicks, wide.y))).toBeGreaterThanOrEqual(20);
    expect(narrow.yTicks.length).toBeLessThanOrEqual(8);
  });

  it('clamps a zoom to the run and knows the longest series', () => {
    expect(chartPeriods([{ label: 'a', values: [1, 2], color: '' }], [{ label: 'b', low: [1, 2, 3], high: [1, 2, 3], color: '' }])).toBe(3);
    expect(clampRange(null, 52)).toEqual({ from: 1, to: 52 });
    expect(clampRange({ from: -5, to: 80 }, 52)).toEqual({ from: 1, to: 52 });
    expect(clampRange({ from: 10.4, to: 5 }, 52)).toEqual({ from: 10, to: 10 });
  });
});

describe('barGeometry', () => {
  it('bars from 0 in proportion to their values, whiskers at the CI ends', () => {
    const g = barGeometry([
      { label: 'open', value: 0, color: '#000' },
      { label: 'delivered', value: 50, low: 40, high: 60, color: '#111' },
      { label: 'shipped', value: 25, color: '#222' },
    ], 500);
    const [open, delivered, shipped] = g.rows;
    expect(open.width).toBe(0);
    expect(shipped.width * 2).toBeCloseTo(delivered.width, 9);
    expect(delivered.whisker).toEqual([g.x(40), g.x(60)]);
    expect(g.x.domain()[1]).toBeGreaterThanOrEqual(60);
    expect(shipped.y).toBeGreaterThan(delivered.y);
    expect(g.xTicks.every(Number.isInteger)).toBe(true);
  });
});

describe('palette and number text', () => {
  it('uses the eight Okabe–Ito colours, strong ones first, and exposes them as CSS variables', () => {
    expect(new Set(SERIES_COLORS)).toEqual(new Set(Object.values(OKABE_ITO)));
    expect(seriesColor(0)).toBe('#0072B2');
    expect(seriesColor(8)).toBe(seriesColor(0));
    expect(SERIES_COLORS.at(-1)).toBe(OKABE_ITO.yellow);
    expect(paletteStyle()).toContain('--oi-vermillion: #D55E00');
  });

  it('formats plain numbers, estimates with their CI, and undefined values', () => {
    expect(formatNum(0.9967, { percent: true, digits: 1 })).toBe('99.7 %');
    expect(formatNum({ mean: 1234.4, halfWidth: 12.2, low: 0, high: 0, stdDev: 1, n: 5 }, { digits: 0, unit: 'EUR' })).toBe('1,234 ± 12 EUR');
    expect(formatNum(Number.NaN, { unit: 'days' })).toBe('—');
    expect(shortNumber(3_400_000)).toBe('3.4M');
    expect(shortNumber(-12_000)).toBe('-12k');
    expect(shortNumber(0.25)).toBe('0.25');
  });
});
