/**
 * Which site labels to show, and on which side: a greedy placement in priority order that never
 * lets a label cover another label or another site's symbol (the rule cartographic label engines
 * start from). A label tries its preferred side, then the other; if both collide it is hidden and
 * its name stays available in the tooltip. A label must also lie fully inside the view. Works in
 * screen px under the zoom transform, because symbols and labels keep their screen size while
 * positions spread apart as k grows: zooming in reveals more labels.
 */

export type LabelSide = 'left' | 'right';

export interface LabelCandidate {
  readonly id: string;
  /** Position in layer units (projected px); the view transform maps it to the screen. */
  readonly x: number;
  readonly y: number;
  /** Half-size of the symbol in screen px; the label starts just beyond it. */
  readonly radius: number;
  readonly text: string;
  readonly preferLeft: boolean;
}

export interface LabelMetrics {
  /** Average glyph advance in px (≈ 0.55 em for the UI sans-serif). */
  readonly charWidth: number;
  /** Line box height in px. */
  readonly height: number;
  /** Space between symbol and label in px. */
  readonly gap: number;
  /** Clearance kept around every label and symbol, in px, so neighbours do not touch. */
  readonly clearance: number;
}

/** 11 px system-ui, as MapSites draws the labels. */
export const LABEL_METRICS: LabelMetrics = { charWidth: 6.3, height: 14, gap: 5, clearance: 2 };

/** The zoom transform of the layer: screen = (x·k + tx, y·k + ty). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** The visible area in screen px. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const CELL = 64;

/** Uniform-grid index of boxes, so each test looks at a few neighbours, not at every label. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  private *keys(b: Box): Generator<string> {
    for (let i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++) {
      for (let j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) yield `${i},${j}`;
    }
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }

  hits(b: Box, ignore?: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) {
        if (o !== ignore && o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return true;
      }
    }
    return false;
  }
}

/** A label centred on one of a few points, shown only where it fits (lane labels, after the site labels). */
export interface CentredLabel {
  readonly id: string;
  /** Candidate centres in layer units, best first (e.g. along a lane from its middle outwards). */
  readonly at: readonly (readonly [number, number])[];
  readonly text: string;
}

/**
 * Label sides for the candidates, which come in priority order (the selected site first);
 * a site missing from the result gets no label. O(n) grid operations for n sites.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  view: ViewTransform,
  size: ViewSize,
  metrics: LabelMetrics = LABEL_METRICS,
): Map<string, LabelSide> {
  return placeLabelSet(candidates, [], view, size, metrics).sides;
}

/**
 * Site labels as in `placeLabels`, then the centred labels (in priority order) wherever they
 * cover no symbol and no label already placed.
 */
export function placeLabelSet(
  candidates: readonly LabelCandidate[],
  centred: readonly CentredLabel[],
  view: ViewTransform,
  size: ViewSize,
  metrics: LabelMetrics = LABEL_METRICS,
): { sides: Map<string, LabelSide>; centred: Map<string, readonly [number, number]> } {
  const grid = new BoxGrid();
  const symbols = new Map<string, Box>();
  const screen = (c: { x: number; y: number }): [number, number] => [c.x * view.k + view.x, c.y * view.k + view.y];
  const visible = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= size.width && b.y1 <= size.height;
  const grow = (b: Box, d: number): Box => ({ x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d });
  // Each box carries half the clearance, so two neighbours end up a full clearance apart.
  const half = metrics.clearance / 2;
  for (const c of candidates) {
    const [x, y] = screen(c);
    const box = grow({ x0: x - c.radius, y0: y - c.radius, x1: x + c.radius, y1: y + c.radius }, half);
    symbols.set(c.id, box);
    grid.add(box);
  }
  const sides = new Map<string, LabelSide>();
  for (const c of candidates) {
    const [x, y] = screen(c);
    const width = c.text.length * metrics.charWidth;
    const h = metrics.height / 2;
    const offset = c.radius + metrics.gap;
    const right: Box = { x0: x + offset, y0: y - h, x1: x + offset + width, y1: y + h };
    const left: Box = { x0: x - offset - width, y0: y - h, x1: x - offset, y1: y + h };
    const order: [LabelSide, Box][] = c.preferLeft ? [['left', left], ['right', right]] : [['right', right], ['left', left]];
    const own = symbols.get(c.id);
    for (const [side, box] of order) {
      const padded = grow(box, half);
      if (visible(box) && !grid.hits(padded, own)) {
        grid.add(padded);
        sides.set(c.id, side);
        break;
      }
    }
  }
  const placed = new Map<string, readonly [number, number]>();
  for (const c of centred) {
    const w = (c.text.length * metrics.charWidth) / 2;
    const h = metrics.height / 2;
    for (const at of c.at) {
      const [x, y] = screen({ x: at[0], y: at[1] });
      const box: Box = { x0: x - w, y0: y - h, x1: x + w, y1: y + h };
      const padded = grow(box, half);
      if (visible(box) && !grid.hits(padded)) {
        grid.add(padded);
        placed.set(c.id, at);
        break;
      }
    }
  }
  return { sides, centred: placed };
}
