/**
 * The frame maps scenario positions to layer px (the space the zoom transform acts on) and back:
 * a Natural Earth projection for the geographic map, a scale-and-shift for the schematic.
 *
 * A frame is fitted to the network once — on opening a scenario, switching layout, or pressing
 * Fit — and then stays frozen while the user edits: a site dragged to the edge must not make the
 * whole map jump under the pointer. Resizing the view keeps it too (anchored at the top-left).
 */
import { geoNaturalEarth1, type GeoProjection } from 'd3';
import type { Site } from '../../core/model/types';
import type { SitePosition } from '../editor/site-edits';
import type { Point } from './lane-path';
import { DEFAULT_PADDING, fitProjection, type GeoPoint } from './projection';

export interface MapFrame {
  readonly layout: 'geo' | 'schematic';
  /** Layer px of a site; null when it cannot be drawn. */
  place(site: Site): Point | null;
  /** The site position under a layer point; null off the map (outside the globe). */
  locate(p: Point): SitePosition | null;
  /** The geographic projection (geo frames only), for the land underneath. */
  readonly projection?: GeoProjection;
}

/** What a fit fixes, for the view size it was made for. */
export type FrameFit =
  | { readonly layout: 'geo'; readonly rotate: [number, number, number]; readonly scale: number; readonly translate: [number, number]; readonly width: number; readonly height: number }
  | { readonly layout: 'schematic'; readonly scale: number; readonly translate: [number, number]; readonly width: number; readonly height: number };

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const round1 = (v: number) => Math.round(v * 10) / 10;

export function fitGeo(points: readonly GeoPoint[], width: number, height: number): FrameFit {
  const p = fitProjection(points, width, height);
  return { layout: 'geo', rotate: p.rotate(), scale: p.scale(), translate: p.translate(), width, height };
}

/** Largest schematic zoom a fit picks: a two-site network is not blown up to fill the screen. */
export const MAX_SCHEMATIC_SCALE = 1.5;

export function fitSchematic(points: Iterable<Point>, width: number, height: number): FrameFit {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  const pad = DEFAULT_PADDING;
  const w = Math.max(1, width - pad.left - pad.right);
  const h = Math.max(1, height - pad.top - pad.bottom);
  if (!Number.isFinite(x0)) return { layout: 'schematic', scale: 1, translate: [pad.left + w / 2, pad.top + h / 2], width, height };
  const scale = Math.min(MAX_SCHEMATIC_SCALE, w / Math.max(1e-9, x1 - x0), h / Math.max(1e-9, y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { layout: 'schematic', scale, translate: [pad.left + w / 2 - cx * scale, pad.top + h / 2 - cy * scale], width, height };
}

/**
 * The fit for a view resized to width × height: scale and offset kept, so the map stays anchored
 * at its top-left corner — an inspector opening on the right or a notice above never moves a
 * site on the map's own coordinates (and never mid-drag).
 */
export function resizeFit(fit: FrameFit, width: number, height: number): FrameFit {
  if (fit.width === width && fit.height === height) return fit;
  return { ...fit, width, height };
}

const normaliseLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

export function geoFrame(fit: Extract<FrameFit, { layout: 'geo' }>): MapFrame {
  const projection = geoNaturalEarth1().rotate(fit.rotate).scale(fit.scale).translate(fit.translate);
  return {
    layout: 'geo',
    projection,
    place(site) {
      const p = projection([site.lon, site.lat]);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
    },
    locate(p) {
      const ll = projection.invert?.([p[0], p[1]]);
      if (!ll || !Number.isFinite(ll[0]) || !Number.isFinite(ll[1]) || Math.abs(ll[1]) > 90) return null;
      // Outside the globe's outline invert still answers; projecting back tells the two apart.
      const back = projection(ll);
      if (!back || Math.hypot(back[0] - p[0], back[1] - p[1]) > 0.5) return null;
      return { lat: round4(ll[1]), lon: round4(normaliseLon(ll[0])) };
    },
  };
}

/** `points` holds every site's schematic position (schematicPoints): x/y or its echelon slot. */
export function schematicFrame(fit: Extract<FrameFit, { layout: 'schematic' }>, points: ReadonlyMap<string, Point>): MapFrame {
  const [tx, ty] = fit.translate;
  const k = fit.scale;
  return {
    layout: 'schematic',
    place(site) {
      const p = points.get(site.id) ?? (site.x !== undefined && site.y !== undefined ? [site.x, site.y] : null);
      return p ? [p[0] * k + tx, p[1] * k + ty] : null;
    },
    locate(p) {
      return { x: round1((p[0] - tx) / k), y: round1((p[1] - ty) / k) };
    },
  };
}

/** Schematic units per layer px (for the snap grid and offsets); 1 on the geographic map. */
export function frameScale(fit: FrameFit): number {
  return fit.layout === 'schematic' ? fit.scale : 1;
}
