/**
 * One pointer gesture, from pointerdown to pointerup, shared by the map's drag controllers: it
 * captures the pointer once dragging (the gesture keeps going outside the map), waits for a few px of movement
 * before it counts as a drag (a click stays a click), swallows the click a drag would otherwise
 * fire, and lets Escape cancel.
 */

export interface GestureHandlers {
  /** The pointer moved past the threshold (called for every move from then on). */
  move?(event: PointerEvent): void;
  /** Pointer released; `dragged` is false for a click. */
  end?(event: PointerEvent, dragged: boolean): void;
  /** Escape pressed or the pointer lost (pointercancel). */
  cancel?(): void;
}

/** Movement (screen px) below which a press is a click, not a drag. */
export const DRAG_THRESHOLD = 3;

export interface Gesture {
  /** Stops listening without calling any handler (the controller is being destroyed). */
  abort(): void;
}

/** The point of an event in the root's own px (what the zoom transform maps layer px to). */
export function localPoint(root: Element, event: { clientX: number; clientY: number }): [number, number] {
  const r = root.getBoundingClientRect();
  return [event.clientX - r.left, event.clientY - r.top];
}

function swallowNextClick(): void {
  const swallow = (e: Event) => { e.preventDefault(); e.stopImmediatePropagation(); };
  window.addEventListener('click', swallow, { capture: true, once: true });
  // The click, if any, is dispatched right after pointerup; anything later is a new click.
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}

export function trackGesture(root: Element, down: PointerEvent, handlers: GestureHandlers, threshold = DRAG_THRESHOLD): Gesture {
  let dragged = false;
  const id = down.pointerId;

  const stop = () => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
    try { if (root.hasPointerCapture(id)) root.releasePointerCapture(id); } catch { /* already released */ }
  };
  function onMove(e: PointerEvent) {
    if (e.pointerId !== id) return;
    if (!dragged && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < threshold) return;
    if (!dragged) {
      // Capture only once it is a drag: a captured press would retarget its click to the root.
      try { root.setPointerCapture(id); } catch { /* synthetic events have no capturable pointer */ }
    }
    dragged = true;
    handlers.move?.(e);
  }
  function onUp(e: PointerEvent) {
    if (e.pointerId !== id) return;
    stop();
    if (dragged) swallowNextClick();
    handlers.end?.(e, dragged);
  }
  function onCancel() {
    stop();
    handlers.cancel?.();
  }
  function onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    if (dragged) swallowNextClick();
    onCancel();
  }
  // On window: a press released outside the map (before the capture) still ends the gesture.
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey, true);
  return { abort: stop };
}
