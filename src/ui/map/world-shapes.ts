/**
 * Natural Earth 1:110m land and country borders (world-atlas), loaded lazily: the ~108 kB
 * TopoJSON stays out of the first chunk and the map draws its sites before the land arrives.
 * countries-110m holds both the `land` and the `countries` objects, so one file gives both.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldShapes {
  readonly land: GeoJSON.Feature | GeoJSON.FeatureCollection;
  /** Borders between two countries only; coastlines come from the land outline. */
  readonly borders: GeoJSON.MultiLineString;
}

let pending: Promise<WorldShapes> | null = null;

/** Converts the TopoJSON once; every map on the page shares the result. */
export function worldShapesFromTopology(topology: Topology): WorldShapes {
  const land = topology.objects.land as GeometryCollection;
  const countries = topology.objects.countries as GeometryCollection;
  return {
    land: feature(topology, land),
    borders: mesh(topology, countries, (a, b) => a !== b),
  };
}

/** The world shapes, fetched on first call; a failed load is forgotten so a later call retries. */
export function loadWorldShapes(): Promise<WorldShapes> {
  pending ??= import('world-atlas/countries-110m.json')
    .then((m) => worldShapesFromTopology(m.default as unknown as Topology))
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}
