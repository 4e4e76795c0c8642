/**
 * Label placement: labels never cover each other or other sites' symbols, stay inside the view,
 * flip sides before giving up, follow the priority order, and reappear as zooming spreads sites.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SiteSchema } from '../../src/core';
import { LABEL_METRICS, placeLabels, type LabelCandidate } from '../../src/ui/map/label-layout';
import { siteLabelSides, type PlacedSite } from '../../src/ui/map/map-layout';

const VIEW = { x: 0, y: 0, k: 1 };
const SIZE = { width: 800, height: 600 };

/** A candidate with a 10-letter name: 63 px wide at the default metrics. */
function at(id: string, x: number, y: number, preferLeft = false): LabelCandidate {
  return { id, x, y, radius: 6, text: 'abcdefghij', preferLeft };
}

describe('placeLabels', () => {
  it('labels a lone site on its preferred side', () => {
    expect(placeLabels([at('a', 400, 300)], VIEW, SIZE).get('a')).toBe('right');
    expect(placeLabels([at('a', 400, 300, true)], VIEW, SIZE).get('a')).toBe('left');
  });

  it('flips a label whose preferred side is taken, and hides one with no room on either side', () => {
    // b sits just right of a: a's right label would cover b's symbol, so it goes left;
    // c sits between two close neighbours on one line and gets no label.
    const sides = placeLabels([at('a', 400, 300), at('b', 440, 300)], VIEW, SIZE);
    expect(sides.get('a')).toBe('left');
    expect(sides.get('b')).toBe('right');
    const crowded = placeLabels([at('l', 360, 300), at('r', 440, 300), at('c', 400, 300)], VIEW, SIZE);
    expect(crowded.has('l')).toBe(true);
    expect(crowded.has('r')).toBe(true);
    expect(crowded.has('c')).toBe(false);
  });

  it('gives contested space to the earlier candidate', () => {
    // Two sites on one spot: the first in priority order gets its preferred (right) side, the
    // second has to take the left.
    const first = placeLabels([at('x', 400, 300), at('y', 400, 301)], VIEW, SIZE);
    expect(first.get('x')).toBe('right');
    expect(first.get('y')).toBe('left');
    const swapped = placeLabels([at('y', 400, 301), at('x', 400, 300)], VIEW, SIZE);
    expect(swapped.get('y')).toBe('right');
    expect(swapped.get('x')).toBe('left');
  });

  it('keeps labels inside the view', () => {
    // Near the right edge the label goes left; off-screen sites get none.
    expect(placeLabels([at('edge', 790, 300)], VIEW, SIZE).get('edge')).toBe('left');
    expect(placeLabels([at('top', 400, 3)], VIEW, SIZE).has('top')).toBe(false);
    expect(placeLabels([at('away', 2000, 300)], VIEW, SIZE).has('away')).toBe(false);
  });

  it('shows more labels as zooming spreads the sites apart', () => {
    const row = [at('l', 390, 300), at('c', 400, 300), at('r', 410, 300)];
    expect(placeLabels(row, VIEW, SIZE).size).toBeLessThan(3);
    // At k = 10 about the centre the sites are 100 px apart: room for every label.
    const zoomed = placeLabels(row, { x: -3600, y: -2700, k: 10 }, SIZE);
    expect(zoomed.size).toBe(3);
  });

  it('never lets two placed labels overlap in a crowd', () => {
    const crowd: LabelCandidate[] = [];
    for (let i = 0; i < 150; i++) crowd.push(at(`s${i}`, (i * 137.3) % 780 + 10, (i * 91.7) % 580 + 10));
    const sides = placeLabels(crowd, VIEW, SIZE);
    const boxes = crowd.filter((c) => sides.has(c.id)).map((c) => {
      const w = c.text.length * LABEL_METRICS.charWidth;
      const off = c.radius + LABEL_METRICS.gap;
      const x0 = sides.get(c.id) === 'right' ? c.x + off : c.x - off - w;
      return { x0, x1: x0 + w, y0: c.y - LABEL_METRICS.height / 2, y1: c.y + LABEL_METRICS.height / 2 };
    });
    expect(boxes.length).toBeGreaterThan(10);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
    }
  });
});

describe('siteLabelSides', () => {
  const placed = (id: string, kind: 'plant' | 'customer', x: number): PlacedSite => ({
    id, site: v.parse(SiteSchema, { id, name: 'abcdefghij', kind, lat: 0, lon: 0 }), x, y: 300, preferLeft: false,
  });

  it('labels plants before customers, and the selected site before all', () => {
    // Two sites on one spot, customer first in table order: rank decides who gets the right side.
    const sites = [placed('cust', 'customer', 400), placed('plant', 'plant', 400)];
    const byKind = siteLabelSides(sites, null, VIEW, SIZE);
    expect(byKind.get('plant')).toBe('right');
    expect(byKind.get('cust')).toBe('left');
    const bySelection = siteLabelSides(sites, 'cust', VIEW, SIZE);
    expect(bySelection.get('cust')).toBe('right');
  });
});
