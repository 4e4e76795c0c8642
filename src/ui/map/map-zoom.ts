/**
 * Pan and zoom of the map, framework-free (the xyflow controller pattern): d3-zoom on the map's
 * root element (an <svg>, or the element stacking the map's layers) handles wheel, drag,
 * double-click and touch; this adds keyboard and button commands.
 *
 * Each zoom frame costs a few writes, whatever the network size: the transform attribute of each
 * zoom layer, the custom property `--ik` = 1/k on the root, from which symbols, strokes and
 * dashes derive their counter-scale in CSS, and `onZoom` (the lane canvas repaints). Geometry is
 * recomputed only at the gesture's end (`onZoomEnd`), never per frame.
 */
import {
  select, zoom, zoomIdentity, zoomTransform, type Selection, type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { BitmapLayers } from './bitmap-layers';
import { keyAction } from './map-keys';

/** Attribute marking the <g>s the zoom transform is applied to. */
export const ZOOM_LAYER_ATTRIBUTE = 'data-zoom-layer';
/** Attribute present on the <svg> while a pan/zoom gesture or animation runs. */
export const ZOOMING_ATTRIBUTE = 'data-zooming';

export interface MapZoomParams {
  /** Called with the transform when a gesture or animated command settles. */
  readonly onZoomEnd?: (transform: ZoomTransform) => void;
  /** Called on every zoom frame; `gesture` is true while a gesture or animation runs. */
  readonly onZoom?: (transform: ZoomTransform, gesture: boolean) => void;
  /** Extra say over which events may pan/zoom (e.g. not a press on a site, which drags it). */
  readonly filter?: (event: Event) => boolean;
  /** What the 0 key does instead of `fit()` (the view may refit its projection first). */
  readonly onFitKey?: () => void;
  /**
   * Gestures move the layers as bitmaps (bitmap-layers.ts) and apply the transform for real only
   * when they settle: compositor-only frames, whatever the network size. Set once, at creation.
   */
  readonly bitmap?: boolean;
  /** Smallest and largest k; k = 1 is the network fitted to the view. */
  readonly scaleExtent?: readonly [number, number];
}

export interface MapZoom {
  /** Back to the fitted view (k = 1, no translation). */
  fit(animate?: boolean): void;
  /** Zoom about the view's centre by a factor (> 1 zooms in). */
  zoomBy(factor: number, animate?: boolean): void;
  /** Move the content by screen px. */
  panBy(dx: number, dy: number, animate?: boolean): void;
  /** Bring a layer point to the view's centre, at scale k (default: the current one). */
  centreOn(x: number, y: number, k?: number, animate?: boolean): void;
  /** The current transform. */
  transform(): ZoomTransform;
  update(params: MapZoomParams): void;
  destroy(): void;
}

export const DEFAULT_SCALE_EXTENT: readonly [number, number] = [1 / 8, 256];
const ANIMATION_MS = 250;
const SETTLE_MS = 120;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

type Root = SVGSVGElement | HTMLElement;

/** d3-zoom's own filter: no secondary buttons, no Ctrl+drag (Ctrl+wheel is the trackpad pinch). */
const defaultFilter = (event: MouseEvent | WheelEvent) => (!event.ctrlKey || event.type === 'wheel') && !event.button;

/** The size d3-zoom assumes for the root: the viewBox of an <svg>, else the client box. */
function extentOf(root: Root): [number, number] {
  if (root instanceof SVGSVGElement && root.viewBox?.baseVal && root.viewBox.baseVal.width > 0) {
    return [root.viewBox.baseVal.width, root.viewBox.baseVal.height];
  }
  return [root.clientWidth, root.clientHeight];
}

export function createMapZoom(svg: Root, initial: MapZoomParams = {}): MapZoom {
  let params = initial;
  let layers: SVGGElement[] = [];
  const selection: Selection<Root, unknown, null, undefined> = select(svg);

  // Layers may be re-created by the view; look them up again when a cached one left the DOM.
  const zoomLayers = (): SVGGElement[] => {
    if (layers.length === 0 || layers.some((l) => !l.isConnected)) {
      layers = [...svg.querySelectorAll<SVGGElement>(`[${ZOOM_LAYER_ATTRIBUTE}]`)];
    }
    return layers;
  };

  const bitmaps = initial.bitmap ? new BitmapLayers(svg) : null;
  /** The transform the layers are drawn at (bitmap mode draws only when a gesture settles). */
  let drawn: ZoomTransform = zoomIdentity;
  /** A command without animation: applied at once, not as a bitmap. */
  let instant = false;

  const apply = (t: ZoomTransform) => {
    const value = t.toString();
    for (const layer of zoomLayers()) layer.setAttribute('transform', value);
    svg.style.setProperty('--ik', String(1 / t.k));
    bitmaps?.clear();
    drawn = t;
    params.onZoom?.(t, svg.hasAttribute(ZOOMING_ATTRIBUTE));
  };

  // data-zooming marks a running gesture so views can draw cheaper meanwhile. Set on the first
  // real change, not on 'start': a plain click also starts (and ends) a gesture.
  // The gesture counts as settled only SETTLE_MS after d3's 'end': on a slow frame the wheel's
  // idle timer fires between two wheel events, and settling then would trigger the expensive
  // full redraw (and onZoomEnd's recomputation) in the middle of the gesture.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const behaviour: ZoomBehavior<Root, unknown> = zoom<Root, unknown>()
    .filter((event: MouseEvent) => defaultFilter(event) && (params.filter?.(event) ?? true))
    .scaleExtent([...(params.scaleExtent ?? DEFAULT_SCALE_EXTENT)] as [number, number])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      clearTimeout(settle);
      if (bitmaps && instant) { apply(event.transform); return; }
      if (!svg.hasAttribute(ZOOMING_ATTRIBUTE)) svg.setAttribute(ZOOMING_ATTRIBUTE, '');
      if (bitmaps) bitmaps.show(drawn, event.transform);
      else apply(event.transform);
    })
    .on('end', () => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        svg.removeAttribute(ZOOMING_ATTRIBUTE);
        const t = zoomTransform(svg);
        if (bitmaps) apply(t);
        else params.onZoom?.(t, false);
        params.onZoomEnd?.(t);
      }, SETTLE_MS);
    });

  selection.call(behaviour);
  apply(zoomIdentity);

  // Animated commands go through a transition; d3-zoom emits start/zoom/end for those too.
  // Without animation the command applies in one go (in bitmap mode too).
  const target = (animate: boolean) => {
    if (animate && !prefersReducedMotion()) return selection.transition().duration(ANIMATION_MS);
    return {
      call(...args: Parameters<typeof selection.call>) {
        instant = true;
        try { selection.call(...args); } finally { instant = false; }
      },
    };
  };

  const controller: MapZoom = {
    fit(animate = true) {
      target(animate).call(behaviour.transform, zoomIdentity);
    },
    zoomBy(factor, animate = true) {
      target(animate).call(behaviour.scaleBy, factor);
    },
    panBy(dx, dy, animate = true) {
      const k = controller.transform().k;
      // translateBy works in the layer's units; divide by k to move by screen px.
      target(animate).call(behaviour.translateBy, dx / k, dy / k);
    },
    centreOn(x, y, k, animate = true) {
      const scale = k ?? controller.transform().k;
      const [w, h] = extentOf(svg);
      target(animate).call(behaviour.transform, zoomIdentity.translate(w / 2 - x * scale, h / 2 - y * scale).scale(scale));
    },
    transform() {
      return zoomTransform(svg);
    },
    update(next) {
      params = next;
      behaviour.scaleExtent([...(params.scaleExtent ?? DEFAULT_SCALE_EXTENT)] as [number, number]);
    },
    destroy() {
      clearTimeout(settle);
      svg.removeEventListener('keydown', onKeyDown as EventListener);
      selection.interrupt().on('.zoom', null);
      svg.removeAttribute(ZOOMING_ATTRIBUTE);
    },
  };

  function onKeyDown(event: KeyboardEvent) {
    // Shift+arrows belong to the view (moving the selection), modifiers to the browser.
    if (event.ctrlKey || event.metaKey || event.altKey || (event.shiftKey && event.key.startsWith('Arrow'))) return;
    const action = keyAction(event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'zoom') controller.zoomBy(action.factor);
    else if (action.type === 'pan') controller.panBy(action.dx, action.dy);
    else if (params.onFitKey) params.onFitKey();
    else controller.fit();
  }
  svg.addEventListener('keydown', onKeyDown as EventListener);

  return controller;
}
