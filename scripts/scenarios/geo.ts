/** Great-circle distance and rounding helpers used while generating the built-in scenarios. */

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Haversine distance in km: exact enough for lane costs (well under 0.5 % error). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounds to `digits` decimals without the 1.005 → 1.00 surprise of toFixed. */
export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
}

/** Rounds up to a multiple of `step` (stock levels read better as 10s). */
export function ceilTo(x: number, step: number): number {
  return Math.ceil(x / step) * step;
}
