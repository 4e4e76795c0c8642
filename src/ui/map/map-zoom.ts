/**
 * Pan and zoom of the map, framework-free (the xyflow controller pattern): d3-zoom on the <svg>
 * handles wheel, drag, double-click and touch; this adds keyboard and button commands.
 *
 * Each zoom frame costs two writes, whatever the network size: the transform attribute of the
 * zoom layer, and the custom property `--ik` = 1/k on the <svg>, from which symbols, strokes and
 * dashes derive their counter-scale in CSS. Geometry is recomputed only at the gesture's end
 * (`onZoomEnd`), never per frame.
 */
import {
  select, zoom, zoomIdentity, zoomTransform, type Selection, type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { keyAction } from './map-keys';

/** Attribute marking the <g> the zoom transform is applied to. */
export const ZOOM_LAYER_ATTRIBUTE = 'data-zoom-layer';
/** Attribute present on the <svg> while a pan/zoom gesture or animation runs. */
export const ZOOMING_ATTRIBUTE = 'data-zooming';

export interface MapZoomParams {
  /** Called with the transform when a gesture or animated command settles. */
  readonly onZoomEnd?: (transform: ZoomTransform) => void;
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

export function createMapZoom(svg: SVGSVGElement, initial: MapZoomParams = {}): MapZoom {
  let params = initial;
  let layer: SVGGElement | null = null;
  const selection: Selection<SVGSVGElement, unknown, null, undefined> = select(svg);

  // The layer may be re-created by the view; look it up again when the cached one left the DOM.
  const zoomLayer = (): SVGGElement | null => {
    if (!layer?.isConnected) layer = svg.querySelector<SVGGElement>(`[${ZOOM_LAYER_ATTRIBUTE}]`);
    return layer;
  };

  const apply = (t: ZoomTransform) => {
    zoomLayer()?.setAttribute('transform', t.toString());
    svg.style.setProperty('--ik', String(1 / t.k));
  };

  // data-zooming marks a running gesture so views can draw cheaper meanwhile. Set on the first
  // real change, not on 'start': a plain click also starts (and ends) a gesture.
  // The gesture counts as settled only SETTLE_MS after d3's 'end': on a slow frame the wheel's
  // idle timer fires between two wheel events, and settling then would trigger the expensive
  // full redraw (and onZoomEnd's recomputation) in the middle of the gesture.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([...(params.scaleExtent ?? DEFAULT_SCALE_EXTENT)] as [number, number])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      clearTimeout(settle);
      if (!svg.hasAttribute(ZOOMING_ATTRIBUTE)) svg.setAttribute(ZOOMING_ATTRIBUTE, '');
      apply(event.transform);
    })
    .on('end', () => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        svg.removeAttribute(ZOOMING_ATTRIBUTE);
        params.onZoomEnd?.(zoomTransform(svg));
      }, SETTLE_MS);
    });

  selection.call(behaviour);
  apply(zoomIdentity);

  // Animated commands go through a transition; d3-zoom emits start/zoom/end for those too.
  const target = (animate: boolean) =>
    animate && !prefersReducedMotion() ? selection.transition().duration(ANIMATION_MS) : selection;

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
    transform() {
      return zoomTransform(svg);
    },
    update(next) {
      params = next;
      behaviour.scaleExtent([...(params.scaleExtent ?? DEFAULT_SCALE_EXTENT)] as [number, number]);
    },
    destroy() {
      clearTimeout(settle);
      svg.removeEventListener('keydown', onKeyDown);
      selection.interrupt().on('.zoom', null);
      svg.removeAttribute(ZOOMING_ATTRIBUTE);
    },
  };

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = keyAction(event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'zoom') controller.zoomBy(action.factor);
    else if (action.type === 'pan') controller.panBy(action.dx, action.dy);
    else controller.fit();
  }
  svg.addEventListener('keydown', onKeyDown);

  return controller;
}
