/**
 * Box selection: Shift+drag on empty map draws a rectangle; on release the sites inside it join
 * the selection. (A plain drag pans the map, as on every web map.)
 */
import { rectFrom, type ScreenRect } from '../box-hit';
import { localPoint, trackGesture, type Gesture } from './pointer-gesture';

export interface BoxSelectParams {
  siteAt(target: EventTarget | null): string | null;
  /** Whether a press on empty map starts a box (Select tool with Shift). */
  accepts(event: PointerEvent): boolean;
  /** The rectangle so far in the root's screen px; null when the box is gone. */
  onpreview(rect: ScreenRect | null): void;
  onselect(rect: ScreenRect): void;
}

export interface BoxSelect {
  update(params: BoxSelectParams): void;
  destroy(): void;
}

export function createBoxSelect(root: HTMLElement, initial: BoxSelectParams): BoxSelect {
  let params = initial;
  let gesture: Gesture | null = null;

  function onDown(event: PointerEvent) {
    if (event.button !== 0 || gesture) return;
    if (params.siteAt(event.target) !== null || !params.accepts(event)) return;
    event.preventDefault();
    const start = localPoint(root, event);
    gesture = trackGesture(root, event, {
      move(e) { params.onpreview(rectFrom(start, localPoint(root, e))); },
      end(e, dragged) {
        gesture = null;
        params.onpreview(null);
        if (dragged) params.onselect(rectFrom(start, localPoint(root, e)));
      },
      cancel() { gesture = null; params.onpreview(null); },
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
