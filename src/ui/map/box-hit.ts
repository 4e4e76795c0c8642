/**
 * Box selection: the sites whose centre falls inside a rectangle drawn on the screen. Sites sit
 * in layer px; the zoom transform (screen = layer · k + t) brings them to the screen first.
 */
import type { Point } from './lane-path';

export interface ScreenRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** The rectangle spanned by two corners, whichever way the user dragged. */
export function rectFrom(a: Point, b: Point): ScreenRect {
  return { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) };
}

export function idsInRect(points: Iterable<{ readonly id: string; readonly x: number; readonly y: number }>, rect: ScreenRect, t: Transform): string[] {
  const out: string[] = [];
  for (const p of points) {
    const sx = p.x * t.k + t.x;
    const sy = p.y * t.k + t.y;
    if (sx >= rect.x0 && sx <= rect.x1 && sy >= rect.y0 && sy <= rect.y1) out.push(p.id);
  }
  return out;
}

/**
 * Whether an edit moved or added a site to somewhere outside the view (width × height on
 * screen): `before` holds the sites as placed before, by id.
 */
export function movedOutOfView(
  placed: Iterable<{ readonly id: string; readonly x: number; readonly y: number }>,
  before: ReadonlyMap<string, { readonly x: number; readonly y: number }>,
  t: Transform,
  width: number,
  height: number,
): boolean {
  for (const s of placed) {
    const old = before.get(s.id);
    if (old && old.x === s.x && old.y === s.y) continue;
    const x = s.x * t.k + t.x;
    const y = s.y * t.k + t.y;
    if (x < 0 || y < 0 || x > width || y > height) return true;
  }
  return false;
}
