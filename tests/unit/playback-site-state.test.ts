/**
 * Rings and backorder badges on canvas (many-site networks): the painter is driven with a
 * recording context, and the recorded arcs are checked against the frame by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/ui/playback/playback-frame';
import { badgeAt, BADGE_RADIUS, paintSiteState, type StateContext } from '../../src/ui/playback/site-state-canvas';

type Call = [string, ...unknown[]];

function recorder(): { ctx: StateContext; calls: Call[] } {
  const calls: Call[] = [];
  const props: Record<string, unknown> = {};
  const ctx = new Proxy(props, {
    get: (_t, name: string) => (name in props ? props[name] : (...args: unknown[]) => { calls.push([name, ...args]); }),
    set: (_t, name: string, value) => { props[name] = value; calls.push([`set ${name}`, value]); return true; },
  }) as unknown as StateContext;
  return { ctx, calls };
}

const frame = (fill: number[], backorder: number[]): Frame => ({
  t: 0, laneWidth: new Float32Array(0), laneBand: new Uint8Array(0), siteFill: Float32Array.from(fill), siteBackorder: Uint8Array.from(backorder),
});

const colours = { track: 'T', ring: 'R', badge: 'B', badgeText: 'W' };

describe('paintSiteState', () => {
  const sites = [{ index: 0, x: 100, y: 50, ring: 10 }, { index: 1, x: 200, y: 80, ring: 8 }, { index: 2, x: 300, y: 20, ring: 9 }];

  it('tracks every stocked site, arcs from 12 o\'clock over its fill, badges sites with backorders', () => {
    const { ctx, calls } = recorder();
    // Site 0 half full, site 1 empty with backorders, site 2 not stocked (a customer) but backordered.
    paintSiteState(ctx, sites, frame([0.5, 0, 0.7], [0, 1, 1]), Uint8Array.from([1, 1, 0]), colours);
    const arcs = calls.filter((c) => c[0] === 'arc');
    const top = -Math.PI / 2;
    expect(arcs).toEqual([
      ['arc', 100, 50, 10, 0, 2 * Math.PI], // track, site 0
      ['arc', 200, 80, 8, 0, 2 * Math.PI], // track, site 1
      ['arc', 100, 50, 10, top, top + Math.PI], // fill ½ of site 0 (site 1 is empty; site 2 has no ring)
      ['arc', ...badgeAt(sites[1]), BADGE_RADIUS, 0, 2 * Math.PI],
      ['arc', ...badgeAt(sites[2]), BADGE_RADIUS, 0, 2 * Math.PI],
    ]);
    expect(calls.filter((c) => c[0] === 'fillText').map((c) => c[1])).toEqual(['!', '!']);
    // Strokes in order: track colour, then ring colour; badges filled.
    expect(calls.filter((c) => c[0] === 'set strokeStyle').map((c) => c[1])).toEqual(['T', 'R']);
    expect(calls.filter((c) => c[0] === 'set fillStyle').map((c) => c[1])).toEqual(['B', 'W']);
  });

  it('a full site gets a whole ring; no badges means no fill call', () => {
    const { ctx, calls } = recorder();
    paintSiteState(ctx, sites.slice(0, 1), frame([1], [0]), Uint8Array.from([1]), colours);
    const arcs = calls.filter((c) => c[0] === 'arc');
    expect(arcs[1]).toEqual(['arc', 100, 50, 10, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI]);
    expect(calls.some((c) => c[0] === 'fill' || c[0] === 'fillText')).toBe(false);
  });

  it('badge sits at the top right of the ring', () => {
    expect(badgeAt({ index: 0, x: 10, y: 20, ring: 8 })).toEqual([16, 20 - 7.6]);
  });
});
