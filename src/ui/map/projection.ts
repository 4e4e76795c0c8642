/**
 * The map projection, fitted to the network: Natural Earth (a compromise projection that keeps
 * both a continent and the whole world readable) centred on the sites and scaled so they all fall
 * inside the view with padding. Computed once per network and view size, never per zoom frame:
 * zooming is a transform on top of it.
 */
import { geoCentroid, geoCircle, geoNaturalEarth1, type GeoPermissibleObjects, type GeoProjection } from 'd3';

export interface GeoPoint {
  readonly lon: number;
  readonly lat: number;
}

export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * Smallest region shown, as a radius in degrees around the sites' centre: a network of one site
 * (or all in one city) would otherwise be fitted to a zero-size box and zoom in without limit.
 */
export const MIN_RADIUS_DEGREES = 2.5;

/** Room at the edges for symbols and labels (which run right), the zoom buttons (top right) and
 *  the legend strip (bottom). */
export const DEFAULT_PADDING: Padding = { top: 40, right: 96, bottom: 76, left: 40 };

const toRad = Math.PI / 180;

/**
 * Mean longitude on the circle (atan2 of the mean unit vector), so a network spanning the
 * antimeridian (Shanghai → Los Angeles) is centred on the Pacific rather than on Greenwich.
 */
export function meanLongitude(points: readonly GeoPoint[]): number {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += Math.cos(p.lon * toRad);
    y += Math.sin(p.lon * toRad);
  }
  if (Math.abs(x) < 1e-12 && Math.abs(y) < 1e-12) return 0;
  return Math.atan2(y, x) / toRad;
}

/** What the projection is fitted to: the sites plus a minimum circle, or the whole globe. */
export function fitTarget(points: readonly GeoPoint[]): GeoPermissibleObjects {
  if (points.length === 0) return { type: 'Sphere' };
  const sites: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: points.map((p) => [p.lon, p.lat]) };
  const centre = geoCentroid(sites);
  // Antipodal sites have no centroid (NaN): fall back to the first site, the circle is only a floor.
  const centreOk = Number.isFinite(centre[0]) && Number.isFinite(centre[1]);
  const floor = geoCircle()
    .center(centreOk ? centre : [points[0].lon, points[0].lat])
    .radius(MIN_RADIUS_DEGREES)
    .precision(10)();
  return { type: 'GeometryCollection', geometries: [sites, floor] };
}

/** Padding shrunk proportionally when the view is too small to hold it (a tiny panel). */
function usablePadding(width: number, height: number, padding: Padding): Padding {
  const fx = Math.min(1, (width * 0.5) / Math.max(1, padding.left + padding.right));
  const fy = Math.min(1, (height * 0.5) / Math.max(1, padding.top + padding.bottom));
  return {
    top: padding.top * fy, bottom: padding.bottom * fy, left: padding.left * fx, right: padding.right * fx,
  };
}

/** A Natural Earth projection showing every point inside [left, top]–[width−right, height−bottom]. */
export function fitProjection(
  points: readonly GeoPoint[],
  width: number,
  height: number,
  padding: Padding = DEFAULT_PADDING,
): GeoProjection {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const pad = usablePadding(w, h, padding);
  const lon0 = points.length === 0 ? 0 : meanLongitude(points);
  return geoNaturalEarth1()
    .rotate([-lon0, 0])
    .fitExtent([[pad.left, pad.top], [w - pad.right, h - pad.bottom]], fitTarget(points));
}
