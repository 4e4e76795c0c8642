/**
 * Pan/zoom frames that cost no repaint: while a gesture runs, the map's layers are moved and
 * scaled as bitmaps with a CSS transform (the compositor's work), relative to the transform they
 * were last drawn at; when the gesture settles, the view redraws them for real and the CSS
 * transform is cleared. Leaflet's SVG and canvas renderers do the same during zoom animations.
 * Content a little beyond the view is drawn in advance (an SVG with overflow visible, a canvas
 * with a margin) so a pan does not uncover blank edges.
 *
 * Screen = drawn·s + d with s = k/k₀ and d = t − s·t₀, for drawn transform (k₀, t₀) and live
 * transform (k, t); each layer's transform origin is the root's top-left corner.
 */
import type { Transform } from './box-hit';

/** Attribute marking the elements moved as bitmaps during gestures. */
export const ZOOM_BITMAP_ATTRIBUTE = 'data-zoom-bitmap';

export function bitmapTransform(drawn: Transform, live: Transform): { s: number; dx: number; dy: number } {
  const s = live.k / drawn.k;
  return { s, dx: live.x - s * drawn.x, dy: live.y - s * drawn.y };
}

export class BitmapLayers {
  readonly #root: Element;
  #elements: { el: HTMLElement | SVGElement; origin: string }[] = [];

  constructor(root: Element) {
    this.#root = root;
  }

  /** Moves every marked layer to show `live` while it is still drawn at `drawn`. */
  show(drawn: Transform, live: Transform): void {
    if (this.#elements.length === 0) this.#collect();
    const { s, dx, dy } = bitmapTransform(drawn, live);
    const value = `translate(${dx}px, ${dy}px) scale(${s})`;
    for (const { el, origin } of this.#elements) {
      el.style.transformOrigin = origin;
      el.style.transform = value;
    }
  }

  /** Back to the layers as drawn (call after redrawing them at the live transform). */
  clear(): void {
    for (const { el } of this.#elements) {
      el.style.transform = '';
      el.style.transformOrigin = '';
    }
    this.#elements = [];
  }

  #collect(): void {
    const root = this.#root.getBoundingClientRect();
    this.#elements = [...this.#root.querySelectorAll<HTMLElement | SVGElement>(`[${ZOOM_BITMAP_ATTRIBUTE}]`)].map((el) => {
      // Layers larger than the view (a canvas with a margin) start left of and above the root.
      const box = el.getBoundingClientRect();
      return { el, origin: `${root.left - box.left}px ${root.top - box.top}px` };
    });
  }
}
