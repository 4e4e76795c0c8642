/**
 * The map's visual vocabulary: every site kind and transport mode has a distinct look, statuses
 * restyle sites, tooltips are plain text, keys map to navigation, and the bundled world data
 * converts to land and borders.
 */
import { describe, expect, it } from 'vitest';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import * as v from 'valibot';
import { LaneSchema, SITE_KINDS, SiteSchema, TRANSPORT_MODES } from '../../src/core';
import { LANE_STYLES, laneDashArray, laneDashCss, laneWidthCss } from '../../src/ui/map/lane-styles';
import { KEY_PAN_STEP, KEY_ZOOM_FACTOR, keyAction } from '../../src/ui/map/map-keys';
import { laneTooltip, siteTooltip } from '../../src/ui/map/map-layout';
import { CLOSED_COLOUR, SITE_STYLES, siteColours, siteSymbolPath } from '../../src/ui/map/site-symbols';
import { worldShapesFromTopology } from '../../src/ui/map/world-shapes';

describe('site symbols', () => {
  it('gives every site kind its own shape, colour and a drawable path', () => {
    expect(Object.keys(SITE_STYLES).sort()).toEqual([...SITE_KINDS].sort());
    const shapes = new Set(SITE_KINDS.map((k) => SITE_STYLES[k].shape));
    const colours = new Set(SITE_KINDS.map((k) => SITE_STYLES[k].colour.toLowerCase()));
    expect(shapes.size).toBe(SITE_KINDS.length);
    expect(colours.size).toBe(SITE_KINDS.length);
    for (const kind of SITE_KINDS) {
      expect(siteSymbolPath(kind)).toMatch(/^M[-\d.]/);
      expect(SITE_STYLES[kind].radius).toBeGreaterThan(0);
    }
  });

  it('scales a symbol path linearly', () => {
    const size = (d: string) => Math.max(...d.match(/-?\d+(\.\d+)?/g)!.map((n) => Math.abs(Number(n))));
    expect(size(siteSymbolPath('plant', 2))).toBeCloseTo(2 * size(siteSymbolPath('plant')), 1);
  });

  it('paints existing sites solid, potential ones hollow and closed ones grey', () => {
    expect(siteColours('dc', 'existing').fill).toBe(SITE_STYLES.dc.colour);
    expect(siteColours('dc', 'potential')).toEqual({ fill: '#FFFFFF', stroke: SITE_STYLES.dc.colour });
    expect(siteColours('dc', 'closed').fill).toBe(CLOSED_COLOUR);
    expect(siteColours('plant', 'closed').fill).toBe(CLOSED_COLOUR);
  });
});

describe('lane styles', () => {
  it('gives every transport mode its own dash pattern', () => {
    expect(Object.keys(LANE_STYLES).sort()).toEqual([...TRANSPORT_MODES].sort());
    const patterns = new Set(TRANSPORT_MODES.map((m) => laneDashArray(m)));
    expect(patterns.size).toBe(TRANSPORT_MODES.length);
    expect(laneDashArray('road')).toBe('none');
  });

  it('scales dashes and widths with the --ik zoom property', () => {
    expect(laneDashCss('sea')).toBe('calc(7px * var(--ik, 1)) calc(4px * var(--ik, 1))');
    expect(laneDashCss('road')).toBe('none');
    expect(laneWidthCss('road')).toBe('calc(1.5px * var(--ik, 1))');
  });
});

describe('tooltips', () => {
  const site = v.parse(SiteSchema, {
    id: 'x', name: 'Berlin <img src=x onerror=alert(1)>', kind: 'customer', lat: 52.5, lon: 13.4,
    city: 'Berlin', country: 'Germany', status: 'potential',
  });

  it('names the site, its kind, status and place, as raw text', () => {
    expect(siteTooltip(site, 'Customer')).toBe('Berlin <img src=x onerror=alert(1)>\nCustomer (potential)\nBerlin, Germany');
    expect(siteTooltip({ ...site, status: 'existing', city: undefined, country: undefined }, 'Customer'))
      .toBe('Berlin <img src=x onerror=alert(1)>\nCustomer');
  });

  it('gives a lane its ends, mode and lead time in the scenario\'s periods', () => {
    const lane = v.parse(LaneSchema, { id: 'l', from: 'a', to: 'b', mode: 'sea', leadTime: 3 });
    expect(laneTooltip(lane, 'Oslo', 'Rotterdam', 'week')).toBe('Oslo → Rotterdam\nsea · lead time 3 weeks');
    expect(laneTooltip({ ...lane, leadTime: 1 }, 'Oslo', 'Rotterdam', 'day')).toBe('Oslo → Rotterdam\nsea · lead time 1 day');
  });
});

describe('keyAction', () => {
  it('zooms with + and −, pans the view with arrows, fits with 0', () => {
    expect(keyAction('+')).toEqual({ type: 'zoom', factor: KEY_ZOOM_FACTOR });
    expect(keyAction('=')).toEqual({ type: 'zoom', factor: KEY_ZOOM_FACTOR });
    expect(keyAction('-')).toEqual({ type: 'zoom', factor: 1 / KEY_ZOOM_FACTOR });
    // → shows what lies east: the content moves left.
    expect(keyAction('ArrowRight')).toEqual({ type: 'pan', dx: -KEY_PAN_STEP, dy: 0 });
    expect(keyAction('ArrowUp')).toEqual({ type: 'pan', dx: 0, dy: KEY_PAN_STEP });
    expect(keyAction('0')).toEqual({ type: 'fit' });
  });

  it('leaves Tab, Enter and letters to the page', () => {
    for (const key of ['Tab', 'Enter', 'a', ' ', 'Escape']) expect(keyAction(key)).toBeNull();
  });
});

describe('worldShapesFromTopology', () => {
  it('yields Natural Earth land and interior country borders', () => {
    const world = worldShapesFromTopology(countries as unknown as Topology);
    const land = world.land.type === 'FeatureCollection' ? world.land.features : [world.land];
    expect(land.length).toBeGreaterThan(0);
    expect(land[0].geometry.type).toMatch(/Polygon/);
    expect(world.borders.type).toBe('MultiLineString');
    // Borders between countries only: fewer points than the mesh of all country outlines, whose
    // extra lines are the coastlines (drawn by the land outline instead).
    const topology = countries as unknown as Topology;
    const all = mesh(topology, topology.objects.countries as GeometryCollection);
    const points = (m: GeoJSON.MultiLineString) => m.coordinates.reduce((n, line) => n + line.length, 0);
    expect(world.borders.coordinates.length).toBeGreaterThan(100);
    expect(points(world.borders)).toBeLessThan(points(all) * 0.6);
  });
});
