/**
 * The schematic (free layout): echelon layout for sites without x/y, snapping, the d3-force
 * auto-layout, and the frames that map positions to layer px and back (geo and schematic).
 */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/core/edit/apply-edit';
import type { Site } from '../../src/core/model/types';
import { autoLayoutCommand } from '../../src/ui/editor/auto-layout';
import { forceLayout } from '../../src/ui/map/force-layout';
import { fitGeo, fitSchematic, geoFrame, resizeFit, schematicFrame, MAX_SCHEMATIC_SCALE } from '../../src/ui/map/map-frame';
import { DEFAULT_PADDING } from '../../src/ui/map/projection';
import { SCHEMATIC_SPACING, echelonLayout, maxRows, schematicPoints, snap } from '../../src/ui/map/schematic-layout';
import { network } from './editor-fixtures';

const site = (id: string, kind: Site['kind'], extra: Partial<Site> = {}): Site =>
  ({ id, name: id, kind, lat: 50, lon: 10, status: 'existing', holdingCost: 0, fixedCost: 0, openingCost: 0, ...extra }) as Site;

describe('echelon layout', () => {
  it('puts suppliers, plants, DCs and customers in columns from left to right, centred on y = 0', () => {
    const sites = [site('c1', 'customer'), site('p', 'plant'), site('c2', 'customer'), site('d', 'dc'), site('s', 'supplier'), site('r', 'returns')];
    const at = echelonLayout(sites);
    const x = (id: string) => at.get(id)![0];
    expect(x('s')).toBeLessThan(x('p'));
    expect(x('p')).toBeLessThan(x('d'));
    expect(x('d')).toBeLessThan(x('c1'));
    expect(x('r')).toBe(x('d')); // returns centres share the DC column
    expect(x('c1')).toBe(x('c2'));
    expect(at.get('c1')![1] + at.get('c2')![1]).toBe(0);
    expect(Math.abs(at.get('c1')![1] - at.get('c2')![1])).toBe(SCHEMATIC_SPACING.row);
  });

  it('wraps a long column into sub-columns', () => {
    const customers = Array.from({ length: 100 }, (_, i) => site(`c${i}`, 'customer'));
    const at = echelonLayout(customers);
    const rows = maxRows(100);
    expect(rows).toBe(15);
    expect(new Set([...at.values()].map((p) => p[0])).size).toBe(Math.ceil(100 / rows));
    expect(new Set([...at.values()].map((p) => p[1])).size).toBe(rows);
  });

  it('keeps a site\'s own x/y and lays out the others', () => {
    const pts = schematicPoints([site('a', 'plant', { x: 500, y: -20 }), site('b', 'dc')]);
    expect(pts.get('a')).toEqual([500, -20]);
    expect(pts.get('b')).toEqual(echelonLayout([site('a', 'plant'), site('b', 'dc')]).get('b'));
  });

  it('snaps to the nearest grid point', () => {
    expect(snap(29, 20)).toBe(20);
    expect(snap(31, 20)).toBe(40);
    expect(snap(-31, 20)).toBe(-40);
    expect(snap(7.3, 0)).toBe(7.3);
  });
});

describe('force auto-layout', () => {
  const s = network();
  const start = schematicPoints(s.sites);

  it('is deterministic: the same network always gets the same layout', () => {
    expect([...forceLayout(s.sites, s.lanes, start)]).toEqual([...forceLayout(s.sites, s.lanes, start)]);
  });

  it('keeps goods flowing left to right and sites apart', () => {
    const at = forceLayout(s.sites, s.lanes, start);
    const x = (id: string) => at.get(id)![0];
    expect(x('sup')).toBeLessThan(x('plant'));
    expect(x('plant')).toBeLessThan(x('dc'));
    expect(x('dc')).toBeLessThan(x('cust'));
    const points = [...at.values()];
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) expect(Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1])).toBeGreaterThan(50);
    }
  });

  it('snaps the result to the grid when asked', () => {
    for (const [x, y] of forceLayout(s.sites, s.lanes, start, { grid: 20 }).values()) {
      expect(Math.abs(x % 20)).toBe(0);
      expect(Math.abs(y % 20)).toBe(0);
    }
  });

  it('is one undoable edit writing x/y of every site', () => {
    const cmd = autoLayoutCommand(s, true)!;
    expect(cmd).toMatchObject({ kind: 'batch', label: 'auto-layout' });
    const r = applyEdit(s, cmd);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.label).toBe('auto-layout');
      expect(r.scenario.sites.every((x) => x.x !== undefined && x.y !== undefined)).toBe(true);
      // Geography untouched: lat/lon and lanes stay as they were.
      expect(r.scenario.sites.map((x) => [x.lat, x.lon])).toEqual(s.sites.map((x) => [x.lat, x.lon]));
      expect(r.scenario.lanes).toBe(s.lanes);
    }
    expect(autoLayoutCommand(network({ sites: [], lanes: [] }), false)).toBeNull();
  });
});

describe('frames', () => {
  it('geo: places a site and finds it again under the same point', () => {
    const s = network();
    const frame = geoFrame(fitGeo(s.sites, 800, 600) as Extract<ReturnType<typeof fitGeo>, { layout: 'geo' }>);
    for (const x of s.sites) {
      const p = frame.place(x)!;
      expect(frame.locate(p)).toEqual({ lat: expect.closeTo(x.lat, 3), lon: expect.closeTo(x.lon, 3) });
    }
  });

  it('geo: a point outside the globe is nowhere', () => {
    const frame = geoFrame(fitGeo([], 800, 600) as Extract<ReturnType<typeof fitGeo>, { layout: 'geo' }>);
    expect(frame.locate([2, 2])).toBeNull(); // the corner, off the Natural Earth outline
    expect(frame.locate([400, 300])).not.toBeNull();
  });

  it('schematic: fits the layout into the padded view without blowing up a tiny network', () => {
    const pts: [number, number][] = [[0, 0], [400, 100], [200, -100]];
    const fit = fitSchematic(pts, 1000, 700);
    if (fit.layout !== 'schematic') throw new Error('expected a schematic fit');
    const frame = schematicFrame(fit, new Map(pts.map((p, i) => [`s${i}`, p])));
    const placed = pts.map((_, i) => frame.place(site(`s${i}`, 'dc'))!);
    for (const [x, y] of placed) {
      expect(x).toBeGreaterThanOrEqual(DEFAULT_PADDING.left - 1e-6);
      expect(x).toBeLessThanOrEqual(1000 - DEFAULT_PADDING.right + 1e-6);
      expect(y).toBeGreaterThanOrEqual(DEFAULT_PADDING.top - 1e-6);
      expect(y).toBeLessThanOrEqual(700 - DEFAULT_PADDING.bottom + 1e-6);
    }
    expect(frame.locate(placed[1])).toEqual({ x: 400, y: 100 });
    expect(fitSchematic([[0, 0], [10, 0]], 1000, 700).scale).toBe(MAX_SCHEMATIC_SCALE);
  });

  it('stays anchored when the view is resized (sites never move under the pointer)', () => {
    const fit = fitSchematic([[0, 0], [400, 200]], 1000, 700);
    const resized = resizeFit(fit, 800, 650);
    expect(resized).toMatchObject({ scale: fit.scale, translate: fit.translate, width: 800, height: 650 });
    expect(resizeFit(fit, 1000, 700)).toBe(fit);
  });
});
