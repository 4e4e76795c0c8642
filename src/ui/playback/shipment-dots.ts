/**
 * Animated shipments: one dot per lane and shipping period, moving along the lane's arc. A
 * shipment sent in period s on a lane with lead time L arrives at the start of period s + L; it is
 * drawn travelling over τ ∈ [s, s + D) with D = max(L, 1) (a lead time of 0 arrives within its own
 * period, so it crosses during that period), at the share f = (τ − s) ÷ D of the arc.
 * Dot area grows with the quantity: r = DOT_MIN + (DOT_MAX − DOT_MIN) × √(q ÷ largest flow).
 */
import type { Arc } from '../map/lane-path';
import type { PlaybackData } from './playback-data';

export const DOT_MIN = 1.5;
export const DOT_MAX = 5;
/** Most dots drawn in one frame; beyond it the smallest shipments are left out. */
export const MAX_DOTS = 6000;

/** Point at share f of a quadratic Bézier a → b with control c. */
export function pointOnArc(arc: Arc, f: number): [number, number] {
  const g = 1 - f;
  const a = g * g;
  const b = 2 * g * f;
  const c = f * f;
  return [a * arc.start[0] + b * arc.control[0] + c * arc.end[0], a * arc.start[1] + b * arc.control[1] + c * arc.end[1]];
}

export interface Dots {
  /** x, y, r per dot. */
  readonly xyr: Float32Array;
  count: number;
}

export function createDots(capacity = MAX_DOTS): Dots {
  return { xyr: new Float32Array(capacity * 3), count: 0 };
}

/**
 * The dots at playback position τ (periods, 0-based, fractional). `arcs[l]` is lane l's drawn arc
 * (null when not drawn). Writes into `out` and returns it.
 */
export function shipmentDots(data: PlaybackData, arcs: readonly (Arc | null)[], tau: number, out: Dots = createDots()): Dots {
  const L = data.laneIds.length;
  const T = data.periods;
  const cap = out.xyr.length / 3;
  out.count = 0;
  if (!(data.maxLaneFlow > 0) || T === 0) return out;
  const t = Math.floor(tau);
  let n = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (let l = 0; l < L; l++) {
    const arc = arcs[l];
    if (!arc) continue;
    const D = Math.max(1, data.laneLead[l]);
    for (let s = Math.max(0, t - D + 1); s <= t && s < T; s++) {
      const q = data.laneFlow[s * L + l];
      if (!(q > 0)) continue;
      const f = (tau - s) / D;
      if (f < 0 || f >= 1) continue;
      const r = DOT_MIN + (DOT_MAX - DOT_MIN) * Math.sqrt(Math.min(1, q / data.maxLaneFlow));
      if (n >= cap) {
        // Full: replace the smallest dot drawn so far when this one is larger.
        if (r <= smallest) continue;
        let at = 0;
        for (let i = 1; i < n; i++) if (out.xyr[i * 3 + 2] < out.xyr[at * 3 + 2]) at = i;
        writeDot(out.xyr, at, arc, f, r);
        smallest = Number.POSITIVE_INFINITY;
        for (let i = 0; i < n; i++) smallest = Math.min(smallest, out.xyr[i * 3 + 2]);
        continue;
      }
      writeDot(out.xyr, n++, arc, f, r);
      if (r < smallest) smallest = r;
    }
  }
  out.count = n;
  return out;
}

function writeDot(xyr: Float32Array, i: number, arc: Arc, f: number, r: number): void {
  const [x, y] = pointOnArc(arc, f);
  xyr[i * 3] = x;
  xyr[i * 3 + 1] = y;
  xyr[i * 3 + 2] = r;
}
