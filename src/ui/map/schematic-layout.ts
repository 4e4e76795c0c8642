/**
 * Where sites sit on the schematic (free layout) canvas. A site's own x/y wins; a site without
 * them is laid out by echelon, the way supply chains are drawn on whiteboards: suppliers, then
 * plants, DCs (and returns centres), retailers and customers in columns from left to right.
 * Long columns wrap into sub-columns so a thousand customers do not form a line a mile high.
 */
import type { Site, SiteKind } from '../../core/model/types';
import type { Point } from './lane-path';

/** Column of each kind, left to right: goods flow rightwards. */
export const ECHELON: Record<SiteKind, number> = { supplier: 0, plant: 1, dc: 2, returns: 2, retailer: 3, customer: 4 };

export const SCHEMATIC_SPACING = {
  /** Between echelon columns. */
  column: 220,
  /** Between sub-columns of one long echelon. */
  subColumn: 80,
  /** Between rows. */
  row: 80,
} as const;

/** Most rows in one column before it wraps: about √n·1.5, at least 8. */
export function maxRows(siteCount: number): number {
  return Math.max(8, Math.ceil(Math.sqrt(siteCount) * 1.5));
}

/** Echelon positions of every site (its own x/y ignored), centred vertically on y = 0. */
export function echelonLayout(sites: readonly Site[]): Map<string, Point> {
  const columns: Site[][] = [];
  for (const s of sites) (columns[ECHELON[s.kind]] ??= []).push(s);
  const rows = maxRows(sites.length);
  const out = new Map<string, Point>();
  let x = 0;
  for (const column of columns) {
    if (!column || column.length === 0) continue;
    const subColumns = Math.ceil(column.length / rows);
    const inColumn = Math.min(rows, column.length);
    column.forEach((s, i) => {
      const sub = Math.floor(i / rows);
      const row = i % rows;
      out.set(s.id, [x + sub * SCHEMATIC_SPACING.subColumn, (row - (inColumn - 1) / 2) * SCHEMATIC_SPACING.row]);
    });
    x += (subColumns - 1) * SCHEMATIC_SPACING.subColumn + SCHEMATIC_SPACING.column;
  }
  return out;
}

/** The x of each echelon column in `echelonLayout` (for the auto-layout's left-to-right pull). */
export function echelonColumnX(sites: readonly Site[]): Map<number, number> {
  const layout = echelonLayout(sites);
  const xs = new Map<number, number[]>();
  for (const s of sites) {
    const p = layout.get(s.id);
    if (p) (xs.get(ECHELON[s.kind]) ?? xs.set(ECHELON[s.kind], []).get(ECHELON[s.kind])!).push(p[0]);
  }
  return new Map([...xs].map(([e, list]) => [e, list.reduce((a, b) => a + b, 0) / list.length]));
}

/** Schematic position of each site: its x/y when it has both, else its echelon slot. */
export function schematicPoints(sites: readonly Site[]): Map<string, Point> {
  const needLayout = sites.some((s) => s.x === undefined || s.y === undefined);
  const layout = needLayout ? echelonLayout(sites) : new Map<string, Point>();
  const out = new Map<string, Point>();
  for (const s of sites) {
    out.set(s.id, s.x !== undefined && s.y !== undefined ? [s.x, s.y] : layout.get(s.id) ?? [0, 0]);
  }
  return out;
}

/** Nearest multiple of `grid` (the schematic's snap). */
export function snap(value: number, grid: number): number {
  return grid > 0 ? Math.round(value / grid) * grid : value;
}

export const SNAP_GRID = 20;
