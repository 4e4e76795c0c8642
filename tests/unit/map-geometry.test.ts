/**
 * Geometry of the network map: the fitted projection, lane arcs and the scenario → screen layout.
 * Hand-built points with hand-checkable answers; no DOM.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { LaneSchema, SiteSchema, type Lane, type Site } from '../../src/core';
import { laneArc, parallelBend, DEFAULT_BEND, type Point } from '../../src/ui/map/lane-path';
import { COMPACT_SYMBOL_SCALE, HALO_PAD, LANE_GAP, placeSites, routeLanes } from '../../src/ui/map/map-layout';
import { DEFAULT_PADDING, fitProjection, meanLongitude, type GeoPoint } from '../../src/ui/map/projection';
import { SITE_STYLES } from '../../src/ui/map/site-symbols';

const W = 1000;
const H = 600;

const EUROPE: GeoPoint[] = [
  { lon: -9.14, lat: 38.72 }, // Lisbon
  { lon: 18.07, lat: 59.33 }, // Stockholm
  { lon: 23.73, lat: 37.98 }, // Athens
  { lon: -0.13, lat: 51.51 }, // London
  { lon: 12.37, lat: 51.34 }, // Leipzig
];

// Rows through the core schemas, so every default is filled as in a loaded scenario.
function site(id: string, kind: Site['kind'], lon: number, lat: number): Site {
  return v.parse(SiteSchema, { id, name: id, kind, lon, lat });
}

function lane(id: string, from: string, to: string): Lane {
  return v.parse(LaneSchema, { id, from, to });
}

function inside(p: [number, number] | null, pad = DEFAULT_PADDING, eps = 0.5): boolean {
  return !!p && p[0] >= pad.left - eps && p[0] <= W - pad.right + eps && p[1] >= pad.top - eps && p[1] <= H - pad.bottom + eps;
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Sign of the side of line a→b that p lies on (cross product). */
const side = (a: Point, b: Point, p: Point) => Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));

describe('fitProjection', () => {
  it('puts every site inside the padded extent, touching it on at least one side', () => {
    const projection = fitProjection(EUROPE, W, H);
    const points = EUROPE.map((p) => projection([p.lon, p.lat]));
    for (const p of points) expect(inside(p)).toBe(true);
    // Fitted, not merely inside: the sites span the full width or the full height of the extent.
    const xs = points.map((p) => p![0]);
    const ys = points.map((p) => p![1]);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    const fullX = W - DEFAULT_PADDING.left - DEFAULT_PADDING.right;
    const fullY = H - DEFAULT_PADDING.top - DEFAULT_PADDING.bottom;
    expect(Math.max(spanX / fullX, spanY / fullY)).toBeGreaterThan(0.97);
  });

  it('centres a network crossing the antimeridian on the Pacific', () => {
    const pacific: GeoPoint[] = [
      { lon: 121.47, lat: 31.23 }, // Shanghai
      { lon: -118.24, lat: 34.05 }, // Los Angeles
      { lon: 139.69, lat: 35.69 }, // Tokyo
      { lon: -157.86, lat: 21.31 }, // Honolulu
    ];
    expect(Math.abs(meanLongitude(pacific))).toBeGreaterThan(160);
    const projection = fitProjection(pacific, W, H);
    const points = pacific.map((p) => projection([p.lon, p.lat]));
    for (const p of points) expect(inside(p)).toBe(true);
    // Honolulu lies between Tokyo and Los Angeles on screen, not at the far side of the world.
    const [, la, tokyo, honolulu] = points.map((p) => p![0]);
    expect(honolulu).toBeGreaterThan(tokyo);
    expect(honolulu).toBeLessThan(la);
  });

  it('shows a region, not a point, for a single site', () => {
    const projection = fitProjection([{ lon: 2.35, lat: 48.86 }], W, H);
    const p = projection([2.35, 48.86]);
    expect(inside(p)).toBe(true);
    expect(Number.isFinite(projection.scale())).toBe(true);
    // 1° of longitude is a modest number of px: the view spans a few degrees.
    const q = projection([3.35, 48.86]);
    expect(q![0] - p![0]).toBeGreaterThan(20);
    expect(q![0] - p![0]).toBeLessThan(200);
  });

  it('falls back to the whole world when there are no sites', () => {
    const projection = fitProjection([], W, H);
    for (const [lon, lat] of [[-179, 0], [179, 0], [0, 89], [0, -89], [0, 0]] as const) {
      expect(inside(projection([lon, lat]))).toBe(true);
    }
  });

  it('keeps sites inside a container smaller than the padding', () => {
    const projection = fitProjection(EUROPE, 120, 90);
    for (const p of EUROPE) {
      const xy = projection([p.lon, p.lat])!;
      expect(xy[0]).toBeGreaterThanOrEqual(0);
      expect(xy[0]).toBeLessThanOrEqual(120);
      expect(xy[1]).toBeGreaterThanOrEqual(0);
      expect(xy[1]).toBeLessThanOrEqual(90);
    }
  });
});

describe('meanLongitude', () => {
  it('averages on the circle', () => {
    expect(meanLongitude([{ lon: 10, lat: 0 }, { lon: 20, lat: 0 }])).toBeCloseTo(15);
    expect(Math.abs(meanLongitude([{ lon: 170, lat: 0 }, { lon: -170, lat: 0 }]))).toBeCloseTo(180);
    expect(meanLongitude([])).toBe(0);
  });
});

describe('laneArc', () => {
  const a: Point = [100, 100];
  const b: Point = [400, 100];

  it('runs from a to b when there are no insets', () => {
    const arc = laneArc(a, b)!;
    expect(arc.start).toEqual(a);
    expect(arc.end).toEqual(b);
    expect(arc.d).toBe(`M100,100Q${arc.control[0]},${arc.control[1]} 400,100`);
    // Control point: above/below the midpoint by bend × chord length.
    expect(arc.control[0]).toBeCloseTo(250);
    expect(Math.abs(arc.control[1] - 100)).toBeCloseTo(DEFAULT_BEND * 300);
  });

  it('pulls both ends back by the insets, towards the control point', () => {
    const arc = laneArc(a, b, { startInset: 8, endInset: 10 })!;
    expect(dist(arc.start, a)).toBeCloseTo(8);
    expect(dist(arc.end, b)).toBeCloseTo(10);
    // Along the end tangents: start, a and the control point are collinear (same for the end).
    const cross = (p: Point, q: Point, r: Point) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    expect(cross(a, arc.start, arc.control)).toBeCloseTo(0);
    expect(cross(b, arc.end, arc.control)).toBeCloseTo(0);
    expect(arc.d.startsWith(`M${Math.round(arc.start[0] * 100) / 100},`)).toBe(true);
  });

  it('bends a lane and its return lane to opposite sides', () => {
    const there = laneArc(a, b)!;
    const back = laneArc(b, a)!;
    expect(side(a, b, there.control)).toBe(-side(a, b, back.control));
    expect(side(a, b, there.control)).not.toBe(0);
  });

  it('draws a straight line with bend 0', () => {
    const arc = laneArc([0, 0], [10, 10], { bend: 0 })!;
    expect(arc.control[0]).toBeCloseTo(5);
    expect(arc.control[1]).toBeCloseTo(5);
  });

  it('leaves a stub when the insets exceed the distance, and nothing for coincident ends', () => {
    const arc = laneArc([0, 0], [10, 0], { startInset: 10, endInset: 10 })!;
    expect(dist(arc.start, arc.end)).toBeGreaterThan(1);
    expect(laneArc([5, 5], [5, 5])).toBeNull();
  });

  it('fans parallel lanes out wider and wider', () => {
    expect(parallelBend(0)).toBe(DEFAULT_BEND);
    expect(parallelBend(1)).toBeGreaterThan(parallelBend(0));
    expect(parallelBend(2)).toBeGreaterThan(parallelBend(1));
  });
});

describe('placeSites and routeLanes', () => {
  const sites = [site('p', 'plant', 4.84, 45.76), site('d', 'dc', 4.48, 51.92), site('c', 'customer', 13.4, 52.52)];
  const projection = fitProjection(sites, W, H);
  const placed = placeSites(sites, projection, W);
  const byId = new Map(placed.map((s) => [s.id, s]));

  it('places every site at its projected position and flips labels near the right edge', () => {
    expect(placed.map((s) => s.id)).toEqual(['p', 'd', 'c']);
    for (const s of placed) {
      const xy = projection([s.site.lon, s.site.lat])!;
      expect(s.x).toBeCloseTo(xy[0]);
      expect(s.y).toBeCloseTo(xy[1]);
    }
  });

  it('puts the label left of sites on the right edge, where a label would be cut off', () => {
    const wide = EUROPE.map((p, i) => site(`s${i}`, 'customer', p.lon, p.lat));
    // A narrow, tall view: the fit is limited by width, so the easternmost site (Athens) touches
    // the right edge of the extent.
    const spread = placeSites(wide, fitProjection(wide, 400, 1000), 400);
    const athens = spread[2];
    const lisbon = spread[0];
    expect(athens.x).toBeCloseTo(400 - DEFAULT_PADDING.right, 0);
    expect(athens.preferLeft).toBe(true);
    expect(lisbon.preferLeft).toBe(false);
  });

  it('stops each lane at its sites\' symbol outlines, in screen px whatever the zoom', () => {
    const [route] = routeLanes([lane('l', 'p', 'd')], byId, 1);
    const nums = route.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const start: Point = [nums[0], nums[1]];
    const end: Point = [nums[4], nums[5]];
    const p = byId.get('p')!;
    const d = byId.get('d')!;
    expect(dist(start, [p.x, p.y])).toBeCloseTo(SITE_STYLES.plant.radius + LANE_GAP, 1);
    expect(dist(end, [d.x, d.y])).toBeCloseTo(SITE_STYLES.dc.radius + LANE_GAP, 1);
    // At zoom k = 4 the same screen gap is a quarter in layer units; compact symbols shrink it.
    const [zoomed] = routeLanes([lane('l', 'p', 'd')], byId, 4);
    const z = zoomed.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(dist([z[4], z[5]], [d.x, d.y])).toBeCloseTo((SITE_STYLES.dc.radius + LANE_GAP) / 4, 1);
    const [small] = routeLanes([lane('l', 'p', 'd')], byId, 1, COMPACT_SYMBOL_SCALE);
    const c = small.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(dist([c[4], c[5]], [d.x, d.y])).toBeCloseTo(SITE_STYLES.dc.radius * COMPACT_SYMBOL_SCALE + LANE_GAP, 1);
    // The selected site is drawn with a halo: its lanes stop at the halo's ring.
    const [selected] = routeLanes([lane('l', 'p', 'd')], byId, 1, 1, 'd');
    const s = selected.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(dist([s[4], s[5]], [d.x, d.y])).toBeCloseTo(SITE_STYLES.dc.radius + HALO_PAD + LANE_GAP, 1);
  });

  it('separates parallel and return lanes and skips lanes it cannot draw', () => {
    const routes = routeLanes(
      [lane('a', 'p', 'd'), lane('b', 'p', 'd'), lane('back', 'd', 'p'), lane('ghost', 'p', 'nowhere'), lane('self', 'p', 'p')],
      byId,
    );
    expect(routes.map((r) => r.id)).toEqual(['a', 'b', 'back']);
    expect(new Set(routes.map((r) => r.d)).size).toBe(3);
  });
});
