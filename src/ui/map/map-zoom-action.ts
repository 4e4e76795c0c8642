/**
 * `use:mapZoom` — attaches the pan/zoom controller to the map's root for the element's lifetime.
 * `onready` hands the controller to the component so its buttons can call fit() and zoomBy().
 */
import type { Action } from 'svelte/action';
import { createMapZoom, type MapZoom, type MapZoomParams } from './map-zoom';

export interface MapZoomActionParams extends MapZoomParams {
  readonly onready?: (zoom: MapZoom | null) => void;
}

export const mapZoom: Action<HTMLElement, MapZoomActionParams> = (node, initial) => {
  let params = initial;
  const controller = createMapZoom(node, params);
  params.onready?.(controller);
  return {
    update(next: MapZoomActionParams) {
      params = next;
      controller.update(next);
    },
    destroy() {
      params.onready?.(null);
      controller.destroy();
    },
  };
};
