/** The time-series chart geometry: thinning long series keeps every peak, scales cover the data. */
import { describe, expect, it } from 'vitest';
import { formatNum } from '../../../src/ui/sim/format';
import { periodAt, shortNumber, thinIndices, timeSeriesGeometry } from '../../../src/ui/sim/time-series-geometry';

const frame = { width: 500, height: 200, margin: { top: 8, right: 20, bottom: 24, left: 50 } };

describe('thinIndices', () => {
  it('keeps every index of a series that fits', () => {
    expect(thinIndices([3, 1, 2], 100)).toEqual([0, 1, 2]);
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
});

describe('timeSeriesGeometry', () => {
  it('draws one path per line over periods 1..T, with a zero line when values go negative', () => {
    const g = timeSeriesGeometry([
      { label: 'a', values: [1, 5, 3, 8], color: '#000' },
      { label: 'b', values: [-2, 0, 4, 2], color: '#111' },
    ], frame);
    expect(g.paths).toHaveLength(2);
    expect(g.paths[0].match(/[ML]/g)).toHaveLength(4);
    expect(g.x(1)).toBe(50);
    expect(g.x(4)).toBe(480);
    expect(g.y.domain()[0]).toBeLessThanOrEqual(-2);
    expect(g.y.domain()[1]).toBeGreaterThanOrEqual(8);
    expect(g.xTicks.every((t) => Number.isInteger(t) && t >= 1 && t <= 4)).toBe(true);
    expect(periodAt(g.x, 480, 4)).toBe(4);
    expect(periodAt(g.x, -10, 4)).toBe(1);
  });

  it('leaves gaps for undefined values instead of drawing through them', () => {
    const g = timeSeriesGeometry([{ label: 'a', values: [1, Number.NaN, 3, 4], color: '#000' }], frame);
    expect(g.paths[0].match(/M/g)).toHaveLength(2);
  });
});

describe('number text', () => {
  it('formats plain numbers, estimates with their CI, and undefined values', () => {
    expect(formatNum(0.9967, { percent: true, digits: 1 })).toBe('99.7 %');
    expect(formatNum({ mean: 1234.4, halfWidth: 12.2, low: 0, high: 0, stdDev: 1, n: 5 }, { digits: 0, unit: 'EUR' })).toBe('1,234 ± 12 EUR');
    expect(formatNum({ mean: 5, halfWidth: Number.NaN, low: 0, high: 0, stdDev: Number.NaN, n: 1 })).toBe('5');
    expect(formatNum(Number.NaN, { unit: 'days' })).toBe('—');
    expect(formatNum(0.5)).toBe('0.5');
    expect(shortNumber(3_400_000)).toBe('3.4M');
    expect(shortNumber(-12_000)).toBe('-12k');
  });
});
