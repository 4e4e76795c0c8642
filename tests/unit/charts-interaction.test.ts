/** Brush-to-zoom range maths and the hover / keyboard read-out, on hand-computed scales. */
import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { isWholeRun, rangeFromInputs, rangeFromPixels } from '../../src/ui/charts/brush-range';
import { periodAt, readoutAt, stepPeriod } from '../../src/ui/charts/readout';

// Periods 1..101 on pixels 0..1000: period p sits at 10·(p − 1).
const x = scaleLinear().domain([1, 101]).range([0, 1000]);

describe('rangeFromPixels', () => {
  it('rounds each end of the brushed span to the nearest period', () => {
    // 96 px → period 10.6 → 11; 304 px → 31.4 → 31
    expect(rangeFromPixels(x, 96, 304, 101)).toEqual({ from: 11, to: 31 });
    // dragged right to left
    expect(rangeFromPixels(x, 304, 96, 101)).toEqual({ from: 11, to: 31 });
  });

  it('clamps to the run and ignores a click or a one-period drag', () => {
    expect(rangeFromPixels(x, -50, 2000, 101)).toEqual({ from: 1, to: 101 });
    expect(rangeFromPixels(x, 100, 104, 101)).toBeNull(); // both ends on period 11
    expect(rangeFromPixels(x, 100, 110, 101)).toEqual({ from: 11, to: 12 });
    expect(rangeFromPixels(x, Number.NaN, 10, 101)).toBeNull();
  });

  it('inside a zoom, gives absolute periods', () => {
    const zoomed = scaleLinear().domain([41, 61]).range([0, 400]); // 20 px per period
    expect(rangeFromPixels(zoomed, 100, 205, 101)).toEqual({ from: 46, to: 51 });
  });

  it('reads a typed range: swapped when reversed, clamped, null for the whole run; refuses bad text by field', () => {
    expect(rangeFromInputs('20', '10', 52)).toEqual({ ok: true, range: { from: 10, to: 20 } });
    expect(rangeFromInputs('0', '99', 52)).toEqual({ ok: true, range: null });
    expect(rangeFromInputs(' 5 ', '52', 52)).toEqual({ ok: true, range: { from: 5, to: 52 } });
    expect(rangeFromInputs('3', '', 52)).toEqual({ ok: false, message: '"to" must be a period number from 1 to 52' });
    expect(rangeFromInputs('x', '9', 52)).toEqual({ ok: false, message: '"from" must be a period number from 1 to 52' });
    expect(rangeFromInputs('1e3', '9', 52).ok).toBe(false);
    expect(isWholeRun(null, 52)).toBe(true);
    expect(isWholeRun({ from: 1, to: 52 }, 52)).toBe(true);
    expect(isWholeRun({ from: 2, to: 52 }, 52)).toBe(false);
  });
});

describe('read-out', () => {
  const lines = [
    { label: 'on hand', values: [10, 20, 30], color: '#000' },
    { label: 'capacity', values: [50, 50], color: '#111', dashed: true },
  ];
  const bands = [{ label: 'on hand 5–95 %', low: [8, 15, 25], high: [12, 26, 33], color: '#222' }];

  it('gives every line’s value and every band’s low–high at a period', () => {
    const r = readoutAt(lines, bands, 2);
    expect(r.period).toBe(2);
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([['on hand', 20], ['capacity', 50], ['on hand 5–95 %', Number.NaN]]);
    expect(r.rows[1].dashed).toBe(true);
    expect([r.rows[2].low, r.rows[2].high]).toEqual([15, 26]);
    // a shorter series is undefined past its end
    expect(readoutAt(lines, bands, 3).rows[1].value).toBeNaN();
  });

  it('finds the period under the pointer within the range shown', () => {
    expect(periodAt(x, 96, { from: 1, to: 101 })).toBe(11);
    expect(periodAt(x, 96, { from: 20, to: 30 })).toBe(20);
    expect(periodAt(x, 5000, { from: 20, to: 30 })).toBe(30);
  });

  it('moves with the keys and stays inside the range', () => {
    const range = { from: 5, to: 30 };
    expect(stepPeriod(null, 'ArrowRight', range)).toBe(5);
    expect(stepPeriod(null, 'ArrowLeft', range)).toBe(30);
    expect(stepPeriod(7, 'ArrowRight', range)).toBe(8);
    expect(stepPeriod(7, 'ArrowLeft', range)).toBe(6);
    expect(stepPeriod(25, 'PageUp', range)).toBe(30);
    expect(stepPeriod(7, 'PageDown', range)).toBe(5);
    expect(stepPeriod(12, 'Home', range)).toBe(5);
    expect(stepPeriod(12, 'End', range)).toBe(30);
    expect(stepPeriod(2, 'ArrowRight', range)).toBe(5); // left over from before a zoom
    expect(stepPeriod(12, 'a', range)).toBeNull();
  });
});
