// @vitest-environment jsdom
/** Chart exports: CSV of a chart's numbers (range, bands, undefined values, injection-safe labels) and the standalone SVG. */
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../src/app/files/svg-serialize';
import { PNG_SIGNATURE } from '../../src/app/files/svg-to-png';
import { parseCsv, stripBom } from '../../src/core/io/csv';
import { barsCsv, chartCsv } from '../../src/ui/charts/chart-csv';

describe('chartCsv', () => {
  const lines = [
    { label: 'on hand', values: Float32Array.from([10.3, 20, Number.NaN, 40]), color: '#000' },
    { label: '=HYPERLINK("x")', values: [1, 2, 3, 4], color: '#111' },
  ];
  const bands = [{ label: 'on hand 5–95 %', low: [9, 18, 27, 36], high: [11, 22, 33, 44], color: '#222' }];

  it('writes a period column, one column per line and two per band, undefined as empty', () => {
    const text = chartCsv(lines, bands, null, { periodLabel: 'week', bandLow: '5 %', bandHigh: '95 %' });
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM, for Excel
    const parsed = parseCsv(stripBom(text));
    if (!parsed.ok) throw new Error('not CSV');
    expect(parsed.records[0]).toEqual(['week', 'on hand', "'=HYPERLINK(\"x\")", 'on hand 5–95 % (5 %)', 'on hand 5–95 % (95 %)']);
    // Float32 10.3 is 10.30000019…: written as 10.3
    expect(parsed.records.slice(1)).toEqual([
      ['1', '10.3', '1', '9', '11'],
      ['2', '20', '2', '18', '22'],
      ['3', '', '3', '27', '33'],
      ['4', '40', '4', '36', '44'],
    ]);
  });

  it('writes only the zoomed range', () => {
    const parsed = parseCsv(stripBom(chartCsv(lines, [], { from: 2, to: 3 })));
    if (!parsed.ok) throw new Error('not CSV');
    expect(parsed.records[0][0]).toBe('period');
    expect(parsed.records.slice(1).map((r) => r[0])).toEqual(['2', '3']);
  });

  it('writes bars with their CI when they have one', () => {
    const parsed = parseCsv(stripBom(barsCsv([{ label: 'open', value: 3 }, { label: 'delivered', value: 40.5, low: 38, high: 43 }], 'orders')));
    if (!parsed.ok) throw new Error('not CSV');
    expect(parsed.records[0]).toEqual(['category', 'orders', 'CI low', 'CI high']);
    expect(parsed.records.slice(1)).toEqual([['open', '3', '', ''], ['delivered', '40.5', '38', '43']]);
  });
});

/** A chart-like SVG in this document, styled by a stylesheet (as Svelte's scoped CSS would). */
function chartSvg(): SVGSVGElement {
  document.head.innerHTML = `<style>
    .series { stroke-width: 3px; fill: none; }
    .tick { font-size: 11px; fill: rgb(91, 107, 122); }
  </style>`;
  document.body.innerHTML = `<svg width="320" height="160" role="slider" tabindex="0" aria-valuetext="x" class="chart">
    <text class="tick" x="10" y="20">1.2k</text>
    <path class="series" d="M0,0L10,10" stroke="#0072B2" data-testid="p"></path>
    <g data-export="skip"><line x1="0" x2="0" y1="0" y2="10"></line></g>
    <rect class="overlay" style="display: none" width="5" height="5"></rect>
  </svg>`;
  return document.querySelector('svg')!;
}

describe('standaloneSvg', () => {
  it('declares the SVG namespace once, sets size and viewBox, inlines the stylesheet’s styles', () => {
    const file = standaloneSvg(chartSvg());
    expect(file.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(file.text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    const doc = new DOMParser().parseFromString(file.text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['320', '160', '0 0 320 160']);
    expect(svg.getAttribute('font-family')).toContain('sans-serif');
    const path = svg.querySelector('path')!;
    expect(path.getAttribute('style')).toContain('stroke-width: 3px');
    // jsdom computes `none` as transparent black; a browser says none
    expect(path.getAttribute('style')).toMatch(/fill: (none|rgba\(0, 0, 0, 0\))/);
    expect(path.getAttribute('class')).toBeNull();
    expect(path.getAttribute('data-testid')).toBeNull();
    expect(svg.querySelector('text')!.getAttribute('style')).toContain('font-size: 11px');
    // page-only attributes are gone
    expect(svg.getAttribute('role')).toBeNull();
    expect(svg.getAttribute('tabindex')).toBeNull();
  });

  it('leaves out hover rules and hidden elements, and adds a white background', () => {
    const doc = new DOMParser().parseFromString(standaloneSvg(chartSvg()).text, 'image/svg+xml');
    expect(doc.querySelectorAll('line')).toHaveLength(0);
    expect(doc.querySelector('rect.overlay, rect[width="5"]')).toBeNull();
    const bg = doc.querySelector('rect')!;
    expect([bg.getAttribute('fill'), bg.getAttribute('width'), bg.getAttribute('height')]).toEqual(['#ffffff', '320', '160']);
  });

  it('draws the heading and legend above the chart and grows the height by their space', () => {
    const file = standaloneSvg(chartSvg(), {
      heading: 'Stock on hand — DC <Lyon> & co (units)',
      legend: [{ label: 'on hand', color: '#0072B2' }, { label: 'capacity', color: '#5b6b7a', dashed: true }, { label: '5–95 %', color: '#0072B2', band: true }],
    });
    expect(file.height).toBeGreaterThan(160);
    const doc = new DOMParser().parseFromString(file.text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')!.textContent).toBe('Stock on hand — DC <Lyon> & co (units)');
    expect(file.text).toContain('DC &lt;Lyon&gt; &amp; co'); // escaped, never markup
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['on hand', 'capacity', '5–95 %', '1.2k']));
    expect(doc.querySelector('line[stroke-dasharray="5 3"]')).not.toBeNull();
    // the chart itself moved down under the header
    const moved = doc.querySelector('g[transform]')!;
    expect(moved.getAttribute('transform')).toBe(`translate(0 ${file.height - 160})`);
    expect(doc.documentElement.getAttribute('height')).toBe(String(file.height));
  });

  it('knows the PNG signature the e2e test checks downloads against', () => {
    expect(Buffer.from(PNG_SIGNATURE).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  });
});
