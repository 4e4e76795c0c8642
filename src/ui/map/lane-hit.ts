/**
 * Which lane is under the pointer, for lanes drawn on a <canvas> (no DOM element to hit) and for
 * hairline SVG lanes too thin to click. Each lane's quadratic arc is flattened into a few
 * segments stored in a uniform grid; a query looks at the cells around the point and returns the
 * nearest lane within the tolerance. Built once per lane geometry, a query costs microseconds.
 */
import type { Point } from './lane-path';

export interface HitArc {
  readonly id: string;
  readonly start: Point;
  readonly control: Point;
  readonly end: Point;
}

/** Straight pieces per arc: the chord error of a DEFAULT_BEND arc is then < 0.2 % of its length. */
export const ARC_SEGMENTS = 8;

export function quadPoint(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const OFFSET = 1 << 15;
const key = (cx: number, cy: number) => (cx + OFFSET) * (OFFSET * 2) + (cy + OFFSET);

export class LaneHitIndex {
  readonly #cell: number;
  readonly #ids: string[] = [];
  /** Segment i runs from (seg[4i], seg[4i+1]) to (seg[4i+2], seg[4i+3]) and belongs to lane #owner[i]. */
  readonly #seg: number[] = [];
  readonly #owner: number[] = [];
  readonly #grid = new Map<number, number[]>();

  constructor(arcs: readonly HitArc[]) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const a of arcs) for (const p of [a.start, a.control, a.end]) {
      x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]);
    }
    // ~32 cells across the network: few cells per segment, few segments per cell.
    this.#cell = Number.isFinite(x0) ? Math.max(1e-6, Math.max(x1 - x0, y1 - y0) / 32) : 1;
    arcs.forEach((arc, lane) => {
      this.#ids.push(arc.id);
      let prev = arc.start;
      for (let i = 1; i <= ARC_SEGMENTS; i++) {
        const next = quadPoint(arc.start, arc.control, arc.end, i / ARC_SEGMENTS);
        this.#add(prev, next, lane);
        prev = next;
      }
    });
  }

  #add(a: Point, b: Point, lane: number): void {
    const s = this.#owner.length;
    this.#owner.push(lane);
    this.#seg.push(a[0], a[1], b[0], b[1]);
    // Mark the cells along the segment, sampled every half cell; queries widen by one cell.
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / (this.#cell / 2)));
    let last = NaN;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const k = key(Math.floor((a[0] + t * (b[0] - a[0])) / this.#cell), Math.floor((a[1] + t * (b[1] - a[1])) / this.#cell));
      if (k === last) continue;
      last = k;
      const list = this.#grid.get(k);
      if (!list) this.#grid.set(k, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
  }

  /** The lane nearest to p within `tolerance` (layer units), or null. */
  nearest(p: Point, tolerance: number): string | null {
    const r = Math.ceil(tolerance / this.#cell) + 1;
    const cx = Math.floor(p[0] / this.#cell);
    const cy = Math.floor(p[1] / this.#cell);
    let best = -1;
    let bestD = tolerance;
    for (let x = cx - r; x <= cx + r; x++) {
      for (let y = cy - r; y <= cy + r; y++) {
        for (const s of this.#grid.get(key(x, y)) ?? []) {
          const o = s * 4;
          const d = distanceToSegment(p, [this.#seg[o], this.#seg[o + 1]], [this.#seg[o + 2], this.#seg[o + 3]]);
          if (d <= bestD) { bestD = d; best = this.#owner[s]; }
        }
      }
    }
    return best < 0 ? null : this.#ids[best];
  }
}
