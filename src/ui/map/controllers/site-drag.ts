/**
 * Drag sites to move them. A press on a site (in the Select tool) that moves past the threshold
 * drags it — with the rest of the selection when it is selected. Positions are reported in layer
 * px on every move, tagged with one gesture key so the editor merges the whole drag into a single
 * undo step; Escape puts everything back.
 */
import type { Point } from '../lane-path';
import type { Transform } from '../box-hit';
import { trackGesture, type Gesture } from './pointer-gesture';

export interface SiteMove {
  readonly id: string;
  /** New position in layer px. */
  readonly to: Point;
}

export interface SiteDragParams {
  /** The site under an event target, or null. */
  siteAt(target: EventTarget | null): string | null;
  /** Whether a press on a site starts a drag (Select tool, no modifier). */
  accepts(event: PointerEvent): boolean;
  /** The sites moving with `id`: the selection if it holds `id`, else `id` alone. */
  group(id: string): readonly string[];
  /** A site's position in layer px when the drag starts. */
  positionOf(id: string): Point | null;
  transform(): Transform;
  /** The drag began (past the threshold) on site `id`. */
  onstart?(id: string): void;
  onmove(moves: readonly SiteMove[], gesture: string): void;
  onend(gesture: string, cancelled: boolean): void;
}

export interface SiteDrag {
  update(params: SiteDragParams): void;
  destroy(): void;
}

let gestures = 0;

/** The moved positions for a screen-px displacement (dx, dy) at zoom k. */
export function dragMoves(starts: ReadonlyMap<string, Point>, dx: number, dy: number, k: number): SiteMove[] {
  return [...starts].map(([id, p]) => ({ id, to: [p[0] + dx / k, p[1] + dy / k] as Point }));
}

export function createSiteDrag(root: HTMLElement, initial: SiteDragParams): SiteDrag {
  let params = initial;
  let gesture: Gesture | null = null;

  function onDown(event: PointerEvent) {
    if (event.button !== 0 || gesture) return;
    const id = params.siteAt(event.target);
    if (id === null || !params.accepts(event)) return;
    const starts = new Map<string, Point>();
    for (const g of params.group(id)) {
      const p = params.positionOf(g);
      if (p) starts.set(g, p);
    }
    if (starts.size === 0) return;
    const key = `site-drag-${++gestures}`;
    const k = params.transform().k;
    let started = false;
    gesture = trackGesture(root, event, {
      move(e) {
        if (!started) { started = true; params.onstart?.(id); }
        params.onmove(dragMoves(starts, e.clientX - event.clientX, e.clientY - event.clientY, k), key);
      },
      end(_e, dragged) {
        gesture = null;
        if (dragged) params.onend(key, false);
      },
      cancel() {
        gesture = null;
        if (started) params.onend(key, true);
      },
    });
  }

  root.addEventListener('pointerdown', onDown);
  return {
    update(next) { params = next; },
    destroy() {
      gesture?.abort();
      root.removeEventListener('pointerdown', onDown);
    },
  };
}
