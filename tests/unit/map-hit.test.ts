/** Box selection and lane hit-testing (lanes on the canvas have no DOM element to click). */
import { describe, expect, it } from 'vitest';
import { idsInRect, rectFrom } from '../../src/ui/map/box-hit';
import { LaneHitIndex, distanceToSegment, quadPoint, type HitArc } from '../../src/ui/map/lane-hit';

describe('box selection', () => {
  it('normalises a rectangle dragged in any direction', () => {
    expect(rectFrom([50, 10], [20, 40])).toEqual({ x0: 20, y0: 10, x1: 50, y1: 40 });
  });

  it('selects the sites whose centre is inside the box on screen, under the zoom transform', () => {
    const sites = [{ id: 'a', x: 10, y: 10 }, { id: 'b', x: 30, y: 10 }, { id: 'c', x: 10, y: 60 }];
    // k = 2, shifted by (5, 5): a → (25, 25), b → (65, 25), c → (25, 125).
    expect(idsInRect(sites, { x0: 0, y0: 0, x1: 60, y1: 60 }, { k: 2, x: 5, y: 5 })).toEqual(['a']);
    expect(idsInRect(sites, { x0: 20, y0: 20, x1: 70, y1: 130 }, { k: 2, x: 5, y: 5 })).toEqual(['a', 'b', 'c']);
    expect(idsInRect(sites, { x0: 26, y0: 0, x1: 64, y1: 200 }, { k: 2, x: 5, y: 5 })).toEqual([]);
  });
});

describe('lane hit-testing', () => {
  const straight = (id: string, a: [number, number], b: [number, number]): HitArc => ({
    id, start: a, end: b, control: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2],
  });

  it('measures distance to a segment, clamped at its ends', () => {
    expect(distanceToSegment([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(distanceToSegment([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([1, 1], [0, 0], [0, 0])).toBeCloseTo(Math.SQRT2);
  });

  it('finds the nearest lane within the tolerance, and none beyond it', () => {
    const index = new LaneHitIndex([straight('h', [0, 0], [100, 0]), straight('v', [50, -50], [50, 50]), straight('far', [0, 90], [100, 90])]);
    expect(index.nearest([20, 2], 5)).toBe('h');
    expect(index.nearest([52, 30], 5)).toBe('v');
    expect(index.nearest([47, 1], 5)).toBe('h'); // 1 px from h, 3 px from v
    expect(index.nearest([20, 10], 5)).toBeNull();
    expect(index.nearest([20, 88], 5)).toBe('far');
  });

  it('follows the curve, not the chord', () => {
    const arc: HitArc = { id: 'bent', start: [0, 0], control: [50, 80], end: [100, 0] };
    const index = new LaneHitIndex([arc]);
    const mid = quadPoint(arc.start, arc.control, arc.end, 0.5); // (50, 40)
    expect(mid).toEqual([50, 40]);
    expect(index.nearest([50, 41], 3)).toBe('bent');
    expect(index.nearest([50, 1], 3)).toBeNull();
  });

  it('answers in microseconds on 3,000 lanes', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const arcs: HitArc[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `l${i}`, start: [rnd() * 1000, rnd() * 700], control: [rnd() * 1000, rnd() * 700], end: [rnd() * 1000, rnd() * 700],
    }));
    const t0 = performance.now();
    const index = new LaneHitIndex(arcs);
    const built = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < 1000; i++) index.nearest([rnd() * 1000, rnd() * 700], 4);
    const perQuery = (performance.now() - t1) / 1000;
    expect(built).toBeLessThan(400);
    expect(perQuery).toBeLessThan(1);
    // And it agrees with a brute-force search (up to ties: the same distance).
    const distance = (a: HitArc, p: [number, number]) => {
      let d = Infinity;
      let prev = a.start;
      for (let s = 1; s <= 8; s++) {
        const next = quadPoint(a.start, a.control, a.end, s / 8);
        d = Math.min(d, distanceToSegment(p, prev, next));
        prev = next;
      }
      return d;
    };
    let hits = 0;
    for (let i = 0; i < 200; i++) {
      const p: [number, number] = [rnd() * 1000, rnd() * 700];
      const best = Math.min(...arcs.map((a) => distance(a, p)));
      const found = index.nearest(p, 6);
      if (best > 6) expect(found).toBeNull();
      else {
        hits++;
        expect(distance(arcs.find((a) => a.id === found)!, p)).toBeCloseTo(best, 9);
      }
    }
    expect(hits).toBeGreaterThan(20);
  });
});
