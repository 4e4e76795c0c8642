/**
 * From layer px back to scenario positions, for the edits the map makes: a dragged site's new
 * lat/lon (geographic map) or x/y (schematic, snapped to the grid when snapping is on), and where
 * pasted copies go.
 */
import type { EditCommand } from '../../core/edit/commands';
import type { Site } from '../../core/model/types';
import type { PasteOffset } from '../editor/clipboard';
import { isGeoPosition, type SitePosition } from '../editor/site-edits';
import type { MapFrame } from './map-frame';
import type { Point } from './lane-path';
import { SNAP_GRID, snap } from './schematic-layout';

/** The position under a layer point, snapped on the schematic when `snapping`. */
export function positionAt(frame: MapFrame, p: Point, snapping: boolean): SitePosition | null {
  const at = frame.locate(p);
  if (!at || isGeoPosition(at) || !snapping) return at;
  return { x: snap(at.x, SNAP_GRID), y: snap(at.y, SNAP_GRID) };
}

type Move = Extract<EditCommand, { kind: 'move-sites' }>['moves'][number];

/** A move-sites command for sites dragged to layer points; points off the map are skipped. */
export function moveCommand(frame: MapFrame, moves: readonly { id: string; to: Point }[], snapping: boolean): EditCommand | null {
  const out: Move[] = [];
  for (const m of moves) {
    const at = positionAt(frame, m.to, snapping);
    if (at) out.push({ id: m.id, ...at });
  }
  return out.length ? { kind: 'move-sites', moves: out } : null;
}

/** Screen px between an original and its copy (times the paste count). */
export const PASTE_STEP_PX = 28;

/**
 * Where the n-th paste of a clip puts each copy: PASTE_STEP_PX·n screen px down and right of the
 * original in the shown layout; the other layout's coordinates shift by a grid step per paste.
 */
export function pasteOffset(frame: MapFrame, k: number, n: number, snapping: boolean): PasteOffset {
  const d = (PASTE_STEP_PX * n) / k;
  return (site: Site) => {
    const p = frame.place(site);
    const at = p ? positionAt(frame, [p[0] + d, p[1] + d], snapping) : null;
    if (frame.layout === 'geo') {
      const xy = site.x !== undefined && site.y !== undefined ? { x: site.x + SNAP_GRID * n, y: site.y + SNAP_GRID * n } : {};
      return { ...(at ?? {}), ...xy };
    }
    return at ?? {};
  };
}
