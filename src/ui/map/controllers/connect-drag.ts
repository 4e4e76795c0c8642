/**
 * Connect two sites with a lane: drag from one site and release over another (the Connect tool,
 * or Alt+drag in Select), or click one site, then the other. While connecting, the view draws a
 * rubber band from the source to the pointer (`onpreview`); Escape or a click on empty map drops it.
 */
import type { Point } from '../lane-path';
import { localPoint, trackGesture, type Gesture } from './pointer-gesture';

export interface ConnectPreview {
  readonly from: string;
  /** Pointer position in screen px of the root. */
  readonly to: Point;
  /** The site under the pointer, if any (highlighted as the drop target). */
  readonly over: string | null;
}

export interface ConnectDragParams {
  siteAt(target: EventTarget | null): string | null;
  /** Whether a press on a site starts connecting (Connect tool, or Alt in Select). */
  accepts(event: PointerEvent): boolean;
  onpreview(preview: ConnectPreview | null): void;
  onconnect(from: string, to: string): void;
}

export interface ConnectDrag {
  update(params: ConnectDragParams): void;
  /** Forget a half-made connection (tool change, Escape). */
  reset(): void;
  destroy(): void;
}

export function createConnectDrag(root: HTMLElement, initial: ConnectDragParams): ConnectDrag {
  let params = initial;
  let gesture: Gesture | null = null;
  /** Source picked by a click, waiting for the click on the destination. */
  let pending: string | null = null;

  const under = (e: PointerEvent) => params.siteAt(document.elementFromPoint(e.clientX, e.clientY));

  /** A rubber band is on screen (so reset has something to take away). */
  let previewing = false;
  const preview = (from: string, e: PointerEvent) => {
    previewing = true;
    params.onpreview({ from, to: localPoint(root, e), over: under(e) });
  };
  const clearPreview = () => {
    if (previewing) params.onpreview(null);
    previewing = false;
  };

  function reset() {
    pending = null;
    gesture?.abort();
    gesture = null;
    clearPreview();
  }

  function finish(from: string, to: string | null) {
    pending = null;
    clearPreview();
    if (to !== null && to !== from) params.onconnect(from, to);
  }

  function onDown(event: PointerEvent) {
    if (event.button !== 0 || gesture) return;
    const id = params.siteAt(event.target);
    if (id === null) {
      if (pending !== null) reset();
      return;
    }
    if (!params.accepts(event)) return;
    // A press on a site is ours: keep the map from panning and the browser from selecting text.
    event.preventDefault();
    const from = pending ?? id;
    gesture = trackGesture(root, event, {
      move(e) { preview(from, e); },
      end(e, dragged) {
        gesture = null;
        const target = dragged ? under(e) : id;
        if (pending === null && !dragged) {
          pending = id; // first click: wait for the second
          preview(id, e);
        } else finish(from, target);
      },
      cancel() { gesture = null; reset(); },
    });
  }

  function onHover(e: PointerEvent) {
    if (pending !== null && !gesture) preview(pending, e);
  }
  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && pending !== null) { e.stopPropagation(); reset(); }
  }

  root.addEventListener('pointerdown', onDown);
  root.addEventListener('pointermove', onHover);
  window.addEventListener('keydown', onKey, true);
  return {
    update(next) { params = next; },
    reset,
    destroy() {
      gesture?.abort();
      root.removeEventListener('pointerdown', onDown);
      root.removeEventListener('pointermove', onHover);
      window.removeEventListener('keydown', onKey, true);
    },
  };
}
