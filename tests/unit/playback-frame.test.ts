/**
 * Playback frame data from a hand-made three-period result: lane flows per period (all products
 * and one), the width scale, utilisation bands, site fill against storage capacity, backorder
 * badges, shipment dots by lead time, and the period labels. Every expectation is worked out by
 * hand in the comments from the numbers written in the fixture.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/model/load';
import type { Scenario } from '../../src/core/model/types';
import type { SimResult, SimSummary } from '../../src/core/sim';
import type { Arc } from '../../src/ui/map/lane-path';
import { preparePlayback } from '../../src/ui/playback/playback-data';
import { frameAt, laneWidth, MAX_LANE_WIDTH, MIN_LANE_WIDTH, siteFill, utilisationBand, widthLegend } from '../../src/ui/playback/playback-frame';
import { DOT_MAX, DOT_MIN, pointOnArc, shipmentDots, createDots } from '../../src/ui/playback/shipment-dots';
import { periodAnnouncement, periodStart, periodTitle, shouldAnnounce } from '../../src/ui/playback/period-label';

function scenario(): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 'pb', name: 'pb',
    settings: { horizon: 3, periodLength: 'week', startDate: '2026-01-05' },
    sites: [
      { id: 'sup', name: 'Supplier', kind: 'supplier', lat: 50, lon: 5 },
      { id: 'dc', name: 'DC', kind: 'dc', lat: 48, lon: 8, storageCapacity: 100 },
      { id: 'cust', name: 'Customer', kind: 'customer', lat: 46, lon: 10 },
    ],
    products: [{ id: 'p', name: 'P' }, { id: 'q', name: 'Q' }],
    lanes: [
      { id: 'L1', from: 'sup', to: 'dc', capacity: 50, leadTime: 2 },
      { id: 'L2', from: 'dc', to: 'cust', leadTime: 0 },
    ],
    demand: [{ customerId: 'cust', productId: 'p', period: 1, quantity: 5 }],
    inventory: [{ siteId: 'dc', productId: 'p' }, { siteId: 'dc', productId: 'q' }],
  });
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

const f32 = (v: number[]) => Float32Array.from(v);

/**
 * Arcs (t·3 + a): a0 = L1/p, a1 = L1/q, a2 = L2/p.
 *   t0: 10, 20, 5   → L1 = 30 (0.6 of 50), L2 = 5
 *   t1:  0, 45, 8   → L1 = 45 (0.9),       L2 = 8
 *   t2: 20,  0, 0   → L1 = 20 (0.4),       L2 = 0
 * Nodes (t·3 + k): k0 = dc/p, k1 = dc/q, k2 = cust/p.
 *   on hand     t0: 40, 20, 0 (dc 60)  t1: 70, 50, 0 (dc 120)  t2: 10, 0, 0 (dc 10)
 *   backorders  t0: 0, 0, 0            t1: 0, 0, 3             t2: 0, 2, 0
 */
function result(overrides: Partial<{ arcs: boolean; nodes: boolean }> = {}): SimResult {
  const withArcs = overrides.arcs ?? true;
  const withNodes = overrides.nodes ?? true;
  const zeros = () => new Float32Array(9);
  return {
    summary: {} as SimSummary,
    series: {
      periods: 3, nodes: 3, parties: 0, arcs: withArcs ? 3 : 0,
      node: withNodes ? {
        onHand: f32([40, 20, 0, 70, 50, 0, 10, 0, 0]), backorders: f32([0, 0, 0, 0, 0, 3, 0, 2, 0]),
        inTransit: zeros(), ordered: zeros(), demand: zeros(), shipped: zeros(), received: zeros(),
      } : undefined,
      arc: withArcs ? { shipped: f32([10, 20, 5, 0, 45, 8, 20, 0, 0]), inTransit: zeros() } : undefined,
      total: {} as SimResult['series']['total'],
    },
    nodes: { siteId: ['dc', 'dc', 'cust'], productId: ['p', 'q', 'p'] },
    arcs: { laneId: ['L1', 'L1', 'L2'], productId: ['p', 'q', 'p'], from: ['sup', 'sup', 'dc'], to: ['dc', 'dc', 'cust'] },
    parties: [], warnings: [], seed: 1, replication: 0,
  };
}

describe('preparePlayback', () => {
  it('sums the arcs of each lane per period, all products', () => {
    const d = preparePlayback(scenario(), result(), null);
    expect(d.periods).toBe(3);
    expect(d.laneIds).toEqual(['L1', 'L2']);
    expect([...d.laneFlow]).toEqual([30, 5, 45, 8, 20, 0]);
    expect(d.laneUse).toBe(d.laneFlow);
    expect(d.maxLaneFlow).toBe(45);
    expect([...d.laneCapacity]).toEqual([50, Number.POSITIVE_INFINITY]);
    expect([...d.laneLead]).toEqual([2, 0]);
    expect(d.hasLaneSeries).toBe(true);
  });

  it('with one product chosen, widths follow that product but utilisation still counts every product', () => {
    const d = preparePlayback(scenario(), result(), 'p');
    expect([...d.laneFlow]).toEqual([10, 5, 0, 8, 20, 0]);
    expect([...d.laneUse]).toEqual([30, 5, 45, 8, 20, 0]);
    expect(d.maxLaneFlow).toBe(20);
  });

  it('sums site stock over products and keeps each site\'s peak', () => {
    const d = preparePlayback(scenario(), result(), null);
    // sites: sup, dc, cust
    expect([...d.siteOnHand]).toEqual([0, 60, 0, 0, 120, 0, 0, 10, 0]);
    expect([...d.siteBackorders]).toEqual([0, 0, 0, 0, 0, 3, 0, 2, 0]);
    expect([...d.sitePeak]).toEqual([0, 120, 0]);
    // The supplier has no nodes; the customer never holds stock and has no capacity: no gauge.
    expect([...d.siteStocked]).toEqual([0, 1, 0]);
  });

  it('backorders follow the product choice', () => {
    const d = preparePlayback(scenario(), result(), 'p');
    expect([...d.siteBackorders]).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0]);
    // Stock stays the sum of every product (a capacity holds all of them).
    expect([...d.siteOnHand]).toEqual([0, 60, 0, 0, 120, 0, 0, 10, 0]);
  });

  it('a run without per-lane or per-site series gives empty flows and says so', () => {
    const d = preparePlayback(scenario(), result({ arcs: false, nodes: false }), null);
    expect(d.hasLaneSeries).toBe(false);
    expect(d.hasSiteSeries).toBe(false);
    expect(d.maxLaneFlow).toBe(0);
    expect([...d.laneFlow].every((v) => v === 0)).toBe(true);
    const f = frameAt(d, 1);
    expect([...f.laneWidth]).toEqual([0, 0]);
    expect([...f.siteBackorder]).toEqual([0, 0, 0]);
  });

  it('ignores arcs of lanes the scenario does not have and series shorter than periods × arcs', () => {
    const r = result();
    const odd = { ...r, arcs: { ...r.arcs, laneId: ['L1', 'gone', 'L2'] } };
    const d = preparePlayback(scenario(), odd, null);
    expect([...d.laneFlow]).toEqual([10, 5, 0, 8, 20, 0]);
    const short = { ...r, series: { ...r.series, arc: { shipped: f32([1, 2]), inTransit: f32([0, 0]) } } };
    expect(preparePlayback(scenario(), short, null).hasLaneSeries).toBe(false);
  });
});

describe('frameAt', () => {
  it('lane widths are proportional to the flow, on the run\'s fixed scale', () => {
    const d = preparePlayback(scenario(), result(), null);
    // max 45 → 14 px: 30 → 9.333, 5 → 1.556; 45 → 14, 8 → 2.489; 20 → 6.222, 0 → idle.
    const widths = [0, 1, 2].map((t) => [...frameAt(d, t).laneWidth]);
    expect(widths[0][0]).toBeCloseTo((14 * 30) / 45, 4);
    expect(widths[0][1]).toBeCloseTo((14 * 5) / 45, 4);
    expect(widths[1]).toEqual([14, expect.closeTo((14 * 8) / 45, 4)]);
    expect(widths[2][0]).toBeCloseTo((14 * 20) / 45, 4);
    expect(widths[2][1]).toBe(0);
  });

  it('colours lanes with a capacity by utilisation band, others as "no capacity"', () => {
    const d = preparePlayback(scenario(), result(), null);
    // L1: 30/50 = 0.6 → band 2; 45/50 = 0.9 → band 3; 20/50 = 0.4 → band 1. L2 has no capacity.
    expect([0, 1, 2].map((t) => [...frameAt(d, t).laneBand])).toEqual([[2, 0], [3, 0], [1, 0]]);
  });

  it('fills the DC to on hand ÷ storage capacity, capped at full, and flags backorders', () => {
    const d = preparePlayback(scenario(), result(), null);
    const frames = [0, 1, 2].map((t) => frameAt(d, t));
    expect(frames.map((f) => f.siteFill[1])).toEqual([expect.closeTo(0.6, 6), 1, expect.closeTo(0.1, 6)]);
    expect(frames.map((f) => [...f.siteBackorder])).toEqual([[0, 0, 0], [0, 0, 1], [0, 1, 0]]);
  });

  it('clamps the period into the run and reuses the arrays it is given', () => {
    const d = preparePlayback(scenario(), result(), null);
    const f = frameAt(d, 99);
    expect(f.t).toBe(2);
    const again = frameAt(d, -3, f);
    expect(again).toBe(f);
    expect(again.t).toBe(0);
  });
});

describe('scales', () => {
  it('laneWidth: 0 for no flow, at least MIN_LANE_WIDTH for any flow, MAX at the largest', () => {
    expect(laneWidth(0, 45)).toBe(0);
    expect(laneWidth(0.1, 45)).toBe(MIN_LANE_WIDTH);
    expect(laneWidth(45, 45)).toBe(MAX_LANE_WIDTH);
    expect(laneWidth(90, 45)).toBe(MAX_LANE_WIDTH);
    expect(laneWidth(Number.NaN, 45)).toBe(0);
    expect(laneWidth(5, 0)).toBe(0);
  });

  it('utilisationBand: bands at ½ and 0.9, unlimited = 0, zero capacity with flow = full', () => {
    expect(utilisationBand(10, Number.POSITIVE_INFINITY)).toBe(0);
    expect(utilisationBand(0, 50)).toBe(1);
    expect(utilisationBand(24.9, 50)).toBe(1);
    expect(utilisationBand(25, 50)).toBe(2);
    expect(utilisationBand(44.9, 50)).toBe(2);
    expect(utilisationBand(45, 50)).toBe(3);
    expect(utilisationBand(1, 0)).toBe(3);
  });

  it('siteFill: against capacity, else against the peak, within [0, 1]', () => {
    expect(siteFill(25, 100, 999)).toBe(0.25);
    expect(siteFill(5, Number.POSITIVE_INFINITY, 20)).toBe(0.25);
    expect(siteFill(150, 100, 150)).toBe(1);
    expect(siteFill(-3, 100, 10)).toBe(0);
    expect(siteFill(5, Number.POSITIVE_INFINITY, 0)).toBe(0);
  });

  it('widthLegend: round flows up to the largest, with their drawn widths', () => {
    // d3.ticks(0, 45, 3) = 0, 20, 40 → 20 and 40.
    expect(widthLegend(45)).toEqual([{ flow: 20, width: (14 * 20) / 45 }, { flow: 40, width: (14 * 40) / 45 }]);
    expect(widthLegend(0)).toEqual([]);
    // Below the first round tick: the largest flow itself.
    expect(widthLegend(0.0004).map((e) => e.width).every((w) => w > 0)).toBe(true);
  });
});

describe('shipmentDots', () => {
  const straight = (y: number): Arc => ({ start: [0, y], control: [50, y], end: [100, y], d: '' });
  const arcs = [straight(0), straight(10)];

  it('pointOnArc: a control point at the chord\'s middle moves linearly', () => {
    expect(pointOnArc(straight(0), 0.3)).toEqual([30, 0]);
    const bent: Arc = { start: [0, 0], control: [50, 50], end: [100, 0], d: '' };
    // B(½) = ¼·a + ½·c + ¼·b = (50, 25).
    expect(pointOnArc(bent, 0.5)).toEqual([50, 25]);
  });

  it('places each shipment at (τ − shipped period) ÷ lead time along its lane', () => {
    const d = preparePlayback(scenario(), result(), null);
    const dots = shipmentDots(d, arcs, 1.5, createDots());
    // L1 (lead 2): shipped in 0 (30) at f = 0.75, shipped in 1 (45) at f = 0.25.
    // L2 (lead 0, crosses within its period): shipped in 1 (8) at f = 0.5.
    const list = Array.from({ length: dots.count }, (_, i) => [...dots.xyr.slice(i * 3, i * 3 + 3)]);
    const r = (q: number) => DOT_MIN + (DOT_MAX - DOT_MIN) * Math.sqrt(q / 45);
    expect(list).toEqual([
      [75, 0, expect.closeTo(r(30), 5)],
      [25, 0, expect.closeTo(r(45), 5)],
      [50, 10, expect.closeTo(r(8), 5)],
    ]);
  });

  it('draws nothing for lanes it cannot draw, and at most the buffer\'s capacity (largest kept)', () => {
    const d = preparePlayback(scenario(), result(), null);
    expect(shipmentDots(d, [null, null], 1.5).count).toBe(0);
    const one = shipmentDots(d, arcs, 1.5, createDots(1));
    expect(one.count).toBe(1);
    expect(one.xyr[2]).toBeCloseTo(DOT_MAX, 5); // the 45-unit shipment
  });
});

describe('period labels', () => {
  const week = { periodLength: 'week' as const, startDate: '2026-01-05' };
  it('dates periods from the start date by the period length', () => {
    expect(periodStart(week, 1)).toBe('2026-01-05');
    expect(periodStart(week, 12)).toBe('2026-03-23');
    expect(periodStart({ periodLength: 'day', startDate: '2026-02-27' }, 3)).toBe('2026-03-01');
    expect(periodStart({ periodLength: 'month', startDate: '2026-01-15' }, 13)).toBe('2027-01-15');
    expect(periodStart({ periodLength: 'week', startDate: undefined }, 2)).toBeNull();
  });

  it('announces "Week 12 of 52, from …", and while playing at most every 2 s', () => {
    expect(periodTitle(week, 12, 52)).toBe('Week 12 of 52');
    expect(periodAnnouncement(week, 12, 52)).toBe('Week 12 of 52, from 2026-03-23');
    expect(periodAnnouncement({ periodLength: 'day', startDate: undefined }, 1, 1000)).toBe('Day 1 of 1,000');
    expect(shouldAnnounce(false, 100, 99)).toBe(true);
    expect(shouldAnnounce(true, 1500, 0)).toBe(false);
    expect(shouldAnnounce(true, 2000, 0)).toBe(true);
  });
});
