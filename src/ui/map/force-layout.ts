/**
 * Auto-layout of the schematic with d3-force: lanes pull their ends together, sites push each
 * other apart and never overlap, and each site is drawn towards its echelon's column so goods
 * still flow left to right. The simulation runs a fixed number of ticks synchronously from the
 * current positions; d3-force's random source is a seeded LCG, so the same network always gets
 * the same layout (in Node and in the browser).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import type { Lane, Site } from '../../core/model/types';
import type { Point } from './lane-path';
import { ECHELON, echelonColumnX, snap } from './schematic-layout';

interface Node extends SimulationNodeDatum {
  readonly id: string;
  readonly column: number;
}

export interface ForceLayoutOptions {
  /** Snap the result to this grid (0 = no snapping). */
  readonly grid?: number;
  /** Ticks to run; fewer for big networks, where each tick costs O(n log n). */
  readonly ticks?: number;
}

export function defaultTicks(siteCount: number): number {
  return siteCount <= 200 ? 300 : siteCount <= 600 ? 150 : 80;
}

/** New schematic positions of every site (rounded, optionally snapped). */
export function forceLayout(
  sites: readonly Site[],
  lanes: readonly Lane[],
  start: ReadonlyMap<string, Point>,
  options: ForceLayoutOptions = {},
): Map<string, Point> {
  const columns = echelonColumnX(sites);
  const nodes: Node[] = sites.map((s, i) => {
    const p = start.get(s.id) ?? [0, i * 10];
    return { id: s.id, column: columns.get(ECHELON[s.kind]) ?? 0, x: p[0], y: p[1] };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const links = lanes
    .filter((l) => l.from !== l.to && ids.has(l.from) && ids.has(l.to))
    .map((l) => ({ source: l.from, target: l.to }));
  const simulation = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, { source: string; target: string }>(links).id((n) => n.id).distance(110).strength(0.3))
    .force('charge', forceManyBody<Node>().strength(-260).distanceMax(700))
    .force('column', forceX<Node>((n) => n.column).strength(0.35))
    .force('middle', forceY<Node>(0).strength(0.04))
    .force('collide', forceCollide<Node>(34))
    .stop();
  simulation.tick(options.ticks ?? defaultTicks(nodes.length));
  const grid = options.grid ?? 0;
  const out = new Map<string, Point>();
  for (const n of nodes) {
    const x = grid ? snap(n.x ?? 0, grid) : Math.round(n.x ?? 0);
    const y = grid ? snap(n.y ?? 0, grid) : Math.round(n.y ?? 0);
    out.set(n.id, [x, y]);
  }
  return out;
}
