/**
 * The drawn shape of a lane: a quadratic Bézier arc from origin to destination in projected px.
 *
 * The control point sits off the chord's midpoint along its left normal n = (−dy, dx)/|d|, at
 * `bend` × chord length. Travelling B→A flips the normal, so a lane and its return lane bow to
 * opposite sides instead of hiding each other. Both ends are pulled back along the curve's end
 * tangents (towards the control point) by the insets, so the arrowhead stops at the symbol's
 * outline instead of under it.
 */
export type Point = readonly [number, number];

export interface ArcOptions {
  /** Offset of the control point as a share of the chord length (0 = straight line). */
  readonly bend?: number;
  /** Distance cut from the start, in the same units as the points. */
  readonly startInset?: number;
  /** Distance cut from the end, in the same units as the points. */
  readonly endInset?: number;
}

export interface Arc {
  readonly start: Point;
  readonly control: Point;
  readonly end: Point;
  /** SVG path data `M start Q control end`. */
  readonly d: string;
}

/** Default bend: enough to separate a pair of opposite lanes, little enough to read as direct. */
export const DEFAULT_BEND = 0.14;

/** Insets never eat more than this share of the chord: very close sites still get a visible stub. */
const MAX_INSET_SHARE = 0.8;

const round = (v: number) => Math.round(v * 100) / 100;

function towards(from: Point, to: Point, distance: number): Point {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return from;
  return [from[0] + (dx / len) * distance, from[1] + (dy / len) * distance];
}

/** The arc from a to b, or null when both ends coincide (nothing to draw). */
export function laneArc(a: Point, b: Point, options: ArcOptions = {}): Arc | null {
  const { bend = DEFAULT_BEND, startInset = 0, endInset = 0 } = options;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return null;
  const control: Point = [(a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend];
  const insets = startInset + endInset;
  const shrink = insets > len * MAX_INSET_SHARE ? (len * MAX_INSET_SHARE) / insets : 1;
  const start = towards(a, control, startInset * shrink);
  const end = towards(b, control, endInset * shrink);
  const d = `M${round(start[0])},${round(start[1])}Q${round(control[0])},${round(control[1])} ${round(end[0])},${round(end[1])}`;
  return { start, control, end, d };
}

/**
 * Bend of the i-th of several lanes with the same origin and destination (one per product, say):
 * each further lane bows wider so parallel lanes fan out instead of drawing over each other.
 */
export function parallelBend(index: number): number {
  return DEFAULT_BEND * (1 + 0.75 * index);
}
