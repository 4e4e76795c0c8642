/**
 * What the map writes next to lanes and sites: lane labels ("road · 2 wk") placed where they fit,
 * stock-versus-capacity hints, and the memo that keeps unchanged lanes' objects across edits.
 */
import { describe, expect, it } from 'vitest';
import { placeLabelSet } from '../../src/ui/map/label-layout';
import { LABEL_POSITIONS, arcLabelPoints, laneLabel } from '../../src/ui/map/lane-labels';
import { placeSitesBy, routeLanes, type RouteMemo } from '../../src/ui/map/map-layout';
import { sameMap } from '../../src/ui/map/same-map';
import { stockHintText, stockHints } from '../../src/ui/map/site-hints';
import { network } from './editor-fixtures';

describe('lane labels', () => {
  it('say mode and delay in the scenario\'s periods, with any information delay', () => {
    expect(laneLabel({ mode: 'road', leadTime: 2, infoDelay: 0 }, 'week')).toBe('road · 2 wk');
    expect(laneLabel({ mode: 'sea', leadTime: 30, infoDelay: 2 }, 'day')).toBe('sea · 30 d + 2 d info');
    expect(laneLabel({ mode: 'air', leadTime: 1, infoDelay: 0 }, 'month')).toBe('air · 1 mo');
  });

  it('try the middle of the arc first, then further out', () => {
    const pts = arcLabelPoints([0, 0], [50, 40], [100, 0]);
    expect(pts).toHaveLength(LABEL_POSITIONS.length);
    expect(pts[0]).toEqual([50, 20]);
    expect(pts[1][0]).toBeLessThan(50);
    expect(pts[2][0]).toBeGreaterThan(50);
  });

  it('never cover a site or its name: they move along the lane, or give way', () => {
    const view = { k: 1, x: 0, y: 0 };
    const size = { width: 400, height: 300 };
    const sites = [{ id: 's', x: 100, y: 100, radius: 6, text: 'Warehouse North', preferLeft: false }];
    const lane = { id: 'l', text: 'road · 2 wk', at: [[150, 100], [150, 160]] as [number, number][] };
    // The middle (150, 100) is under the site's label: the label moves to the second spot.
    expect(placeLabelSet(sites, [lane], view, size).centred.get('l')).toEqual([150, 160]);
    const blocked = { ...lane, at: [[150, 100]] as [number, number][] };
    expect(placeLabelSet(sites, [blocked], view, size).centred.has('l')).toBe(false);
    // And two lane labels do not overlap each other either.
    const twins = placeLabelSet([], [{ id: 'a', text: 'rail · 3 wk', at: [[200, 200]] }, { id: 'b', text: 'rail · 3 wk', at: [[205, 202]] }], view, size);
    expect([...twins.centred.keys()]).toEqual(['a']);
  });
});

describe('stock hints', () => {
  it('sum initial stock over products and divide by storage capacity', () => {
    const s = network({
      products: [{ id: 'p', name: 'P' }, { id: 'q', name: 'Q' }],
      inventory: [
        { siteId: 'plant', productId: 'p', initialStock: 300 },
        { siteId: 'plant', productId: 'q', initialStock: 200 },
        { siteId: 'dc', productId: 'p', initialStock: 80 },
      ],
    });
    const hints = stockHints(s);
    expect(hints.get('plant')).toEqual({ stock: 500, capacity: 1000, ratio: 0.5 });
    expect(hints.get('dc')).toEqual({ stock: 80, capacity: undefined, ratio: undefined });
    expect(hints.has('cust')).toBe(false);
    expect(stockHintText(hints.get('plant')!)).toBe('Stock 500 of 1,000 (50 %)');
    expect(stockHintText(hints.get('dc')!)).toBe('Stock 80 (no storage limit)');
  });
});

describe('stable lookups across edits', () => {
  it('sameMap returns the old map when nothing changed', () => {
    const a = new Map([['x', 1]]);
    expect(sameMap(a, new Map([['x', 1]]))).toBe(a);
    const b = new Map([['x', 2]]);
    expect(sameMap(a, b)).toBe(b);
    expect(sameMap(a, new Map())).not.toBe(a);
  });

  it('routeLanes keeps the objects of lanes an edit did not touch', () => {
    const s = network();
    const pos = new Map(s.sites.map((x, i) => [x.id, [i * 100, 0] as [number, number]]));
    const placed = placeSitesBy(s.sites, (x) => pos.get(x.id)!, 800);
    const memo = new Map<string, RouteMemo>();
    const first = routeLanes(s.lanes, new Map(placed.map((p) => [p.id, p])), 1, 1, null, memo);
    // Move the customer: only the DC → customer lane is re-routed.
    pos.set('cust', [300, 80]);
    const moved = placeSitesBy(s.sites, (x) => pos.get(x.id)!, 800, new Map(placed.map((p) => [p.id, p])));
    expect(moved.filter((p, i) => p !== placed[i]).map((p) => p.id)).toEqual(['cust']);
    const second = routeLanes(s.lanes, new Map(moved.map((p) => [p.id, p])), 1, 1, null, memo);
    expect(second.map((l, i) => l === first[i])).toEqual([true, true, false]);
    // A new zoom level re-routes everything (insets are in screen px).
    const zoomed = routeLanes(s.lanes, new Map(moved.map((p) => [p.id, p])), 2, 1, null, memo);
    expect(zoomed.some((l, i) => l === second[i])).toBe(false);
  });
});
