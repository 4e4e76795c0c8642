/**
 * The plan map's backdrop — the globe's outline, land and country borders as SVG paths — for a
 * projection. Projecting the 1:110m world takes a large network's map 15–30 ms, so it runs in
 * tasks of its own after the plan is drawn, and the paths are remembered for the last few
 * projections: optimising the same network again (the usual case) draws them at once.
 */
import { geoPath, type GeoProjection } from 'd3';
import type { WorldShapes } from '../map/world-shapes';
import { inTasks, nextTask, type Cancel, type Schedule } from './staging';

export interface MapBackdrop {
  readonly sphere: string;
  /** '' until projected (or without the world shapes). */
  readonly land: string;
  readonly borders: string;
}

/** Backdrops remembered, most recent last. */
const KEEP = 4;
const remembered = new Map<string, MapBackdrop>();

/** What the paths depend on: the projection's parameters and the view's size. */
export function backdropKey(projection: GeoProjection, width: number, height: number): string {
  return [projection.scale(), ...projection.translate(), ...projection.rotate(), width, height].join(',');
}

function remember(key: string, backdrop: MapBackdrop): void {
  remembered.delete(key);
  remembered.set(key, backdrop);
  while (remembered.size > KEEP) remembered.delete(remembered.keys().next().value!);
}

/**
 * Hands `show` the backdrop: at once when remembered, otherwise the outline at once and then land
 * and borders, each projected in a task of its own. Returns how to stop the tasks not yet run.
 */
export function mapBackdrop(
  projection: GeoProjection, width: number, height: number, world: WorldShapes | null,
  show: (backdrop: MapBackdrop) => void, schedule: Schedule = nextTask,
): Cancel {
  const key = backdropKey(projection, width, height);
  const known = remembered.get(key);
  if (known && (known.land || !world)) {
    remember(key, known);
    show(known);
    return () => undefined;
  }
  const path = geoPath(projection);
  let backdrop: MapBackdrop = known ?? { sphere: path({ type: 'Sphere' }) ?? '', land: '', borders: '' };
  show(backdrop);
  if (!world) {
    remember(key, backdrop);
    return () => undefined;
  }
  return inTasks([
    () => { backdrop = { ...backdrop, land: path(world.land) ?? '' }; show(backdrop); },
    () => { backdrop = { ...backdrop, borders: path(world.borders) ?? '' }; remember(key, backdrop); show(backdrop); },
  ], schedule);
}

/** Forgets every remembered backdrop (tests). */
export function forgetBackdrops(): void {
  remembered.clear();
}
