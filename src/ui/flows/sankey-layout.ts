/**
 * Sankey geometry in px from a column-assigned graph (sankey-graph.ts, money-flows.ts). d3-sankey
 * places the nodes vertically and routes the forward links; the columns are ours: d3 derives its
 * layers from path lengths (and clamps the alignment to them), so after its layout every node is
 * moved to the x of its own column — nodes that d3 stacked in one layer stay apart vertically, so
 * moving them sideways cannot make them overlap. Back and return links, which d3-sankey refuses
 * (they close cycles), are drawn by us as single curves: from the left edge of the source back to
 * the right edge of an earlier-column target, or bulging out to the right between two nodes of one
 * column. The view styles them apart (dashes), so they never read as forward flow.
 *
 * Node height = max(units in, units out) over every link, back and return links included, so a
 * returns centre fed only by returns still has its size. Scale: ky px per unit, the same for
 * every link, so widths compare across the chart.
 */
import { sankey, sankeyLinkHorizontal, type SankeyGraph, type SankeyLink, type SankeyNode } from 'd3-sankey';

export interface LayoutInputNode {
  readonly id: string;
  readonly column: number;
}

export interface LayoutInputLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly kind: string;
}

export interface PlacedNode<N extends LayoutInputNode> {
  readonly node: N;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** Units through the node: max(in, out). */
  readonly value: number;
  readonly labelSide: 'left' | 'right';
}

export interface PlacedLink<L extends LayoutInputLink> {
  readonly link: L;
  readonly d: string;
  readonly width: number;
  /** Where a hover label for the link goes. */
  readonly mid: readonly [number, number];
  /** True for links drawn by us, outside d3-sankey (back and return links). */
  readonly loop: boolean;
}

export interface SankeyGeometry<N extends LayoutInputNode, L extends LayoutInputLink> {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode<N>[];
  readonly links: readonly PlacedLink<L>[];
  /** px per unit. */
  readonly ky: number;
}

export interface SankeyOptions {
  readonly nodeWidth?: number;
  readonly nodePadding?: number;
  /** Room at the sides for labels. */
  readonly marginX?: number;
  readonly minHeight?: number;
  /** Height given to each node of the fullest column. */
  readonly rowHeight?: number;
  /** Link kinds d3-sankey lays out; the others are drawn as loops. */
  readonly forwardKinds?: readonly string[];
  /** Names outside the chart (left of the first column, right of the last) instead of inside. */
  readonly labelsOutside?: boolean;
  /**
   * Keep the nodes of each column in the order given (top to bottom) instead of letting d3-sankey
   * reorder them to untangle links: for merged "other" nodes, which belong at the bottom.
   */
  readonly fixedOrder?: boolean;
}

const MIN_NODE_HEIGHT = 2;
const MIN_LOOP_WIDTH = 1.5;

type DNode = { id: string; column: number; fixedValue: number };
type DLink = { source: string; target: string; value: number; i: number };

export function layoutSankey<N extends LayoutInputNode, L extends LayoutInputLink>(
  nodes: readonly N[],
  links: readonly L[],
  width: number,
  options: SankeyOptions = {},
): SankeyGeometry<N, L> {
  const { nodeWidth = 14, nodePadding = 10, marginX = 8, minHeight = 240, rowHeight = 26, forwardKinds = ['forward'], labelsOutside = false, fixedOrder = false } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const usable = links.filter((l) => l.value > 0 && Number.isFinite(l.value) && byId.has(l.source) && byId.has(l.target) && l.source !== l.target);
  const forward = usable.filter((l) => forwardKinds.includes(l.kind) && byId.get(l.target)!.column > byId.get(l.source)!.column);
  const isForward = new Set<L>(forward);
  const loops = usable.filter((l) => !isForward.has(l));
  const columns = Math.max(1, ...nodes.map((n) => n.column + 1));
  const perColumn = new Array<number>(columns).fill(0);
  for (const n of nodes) perColumn[n.column]++;
  const fullest = Math.max(0, ...perColumn);
  const top = 8;
  const chartBottom = Math.max(minHeight, fullest * rowHeight) + top;
  const height = chartBottom + 8;
  if (nodes.length === 0 || usable.length === 0) return { width, height: minHeight, nodes: [], links: [], ky: 0 };

  const totalIn = new Map<string, number>();
  const totalOut = new Map<string, number>();
  for (const l of usable) {
    totalOut.set(l.source, (totalOut.get(l.source) ?? 0) + l.value);
    totalIn.set(l.target, (totalIn.get(l.target) ?? 0) + l.value);
  }
  const dNodes: DNode[] = nodes.map((n) => ({ id: n.id, column: n.column, fixedValue: Math.max(totalIn.get(n.id) ?? 0, totalOut.get(n.id) ?? 0) }));
  const dLinks: DLink[] = forward.map((l, i) => ({ source: l.source, target: l.target, value: l.value, i }));
  const x0 = marginX;
  const x1 = Math.max(x0 + nodeWidth + 1, width - marginX);
  const layout = sankey<DNode, DLink>()
    .nodeId((d) => d.id)
    .nodeAlign((d) => d.column)
    .nodeWidth(nodeWidth)
    .nodePadding(nodePadding)
    .extent([[x0, top], [x1, chartBottom]]);
  // nodeSort(null): d3-sankey neither sorts the columns nor reorders them while relaxing.
  if (fixedOrder) layout.nodeSort(null);
  const graph: SankeyGraph<DNode, DLink> = layout({ nodes: dNodes, links: dLinks });

  const kx = columns > 1 ? (x1 - x0 - nodeWidth) / (columns - 1) : 0;
  const columnX = (c: number) => (columns > 1 ? x0 + c * kx : (x0 + x1 - nodeWidth) / 2);
  for (const n of graph.nodes) {
    n.x0 = columnX(n.column);
    n.x1 = n.x0 + nodeWidth;
    if (!((n.y1 ?? 0) - (n.y0 ?? 0) >= MIN_NODE_HEIGHT)) n.y1 = (n.y0 ?? top) + MIN_NODE_HEIGHT;
  }
  layout.update(graph);
  const ky = pxPerUnit(graph.nodes);

  const path = sankeyLinkHorizontal<DNode, DLink>();
  const placedLinks: PlacedLink<L>[] = [];
  for (const dl of graph.links as SankeyLink<DNode, DLink>[]) {
    const s = dl.source as SankeyNode<DNode, DLink>;
    const t = dl.target as SankeyNode<DNode, DLink>;
    placedLinks.push({
      link: forward[dl.i], d: path(dl) ?? '', width: Math.max(1, dl.width ?? 0), loop: false,
      mid: [(s.x1! + t.x0!) / 2, ((dl.y0 ?? 0) + (dl.y1 ?? 0)) / 2],
    });
  }
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const l of loops) {
    const s = nodeById.get(l.source)!;
    const t = nodeById.get(l.target)!;
    const sy = (s.y0! + s.y1!) / 2;
    const ty = (t.y0! + t.y1!) / 2;
    const w = Math.max(MIN_LOOP_WIDTH, l.value * ky);
    let sx: number;
    let tx: number;
    let c1: number;
    let c2: number;
    if (t.column < s.column) { // back: left edge of the source to the right edge of the target
      sx = s.x0!;
      tx = t.x1!;
      c1 = c2 = (sx + tx) / 2;
    } else if (t.column === s.column) { // within a column: bulge out to the right
      sx = s.x1!;
      tx = t.x1!;
      c1 = c2 = sx + 24 + 0.35 * Math.abs(ty - sy);
    } else {
      sx = s.x1!;
      tx = t.x0!;
      c1 = c2 = (sx + tx) / 2;
    }
    const d = `M${r(sx)},${r(sy)}C${r(c1)},${r(sy)} ${r(c2)},${r(ty)} ${r(tx)},${r(ty)}`;
    placedLinks.push({ link: l, d, width: w, loop: true, mid: [(sx + tx + c1 + c2) / 4, (sy + ty) / 2] });
  }
  const placedNodes: PlacedNode<N>[] = graph.nodes.map((n) => ({
    node: byId.get(n.id)!, x0: n.x0!, x1: n.x1!, y0: n.y0!, y1: n.y1!, value: n.fixedValue,
    labelSide: labelsOutside ? (n.column === 0 ? 'left' : 'right') : n.column === columns - 1 && columns > 1 ? 'left' : 'right',
  }));
  return { width, height, nodes: placedNodes, links: placedLinks, ky };
}

const r = (v: number) => Math.round(v * 100) / 100;

/** d3-sankey's scale, read back from the node carrying the most (its height is exactly value × ky). */
function pxPerUnit(nodes: readonly SankeyNode<DNode, DLink>[]): number {
  let biggest: SankeyNode<DNode, DLink> | null = null;
  for (const n of nodes) if (n.fixedValue > 0 && (!biggest || n.fixedValue > biggest.fixedValue)) biggest = n;
  return biggest ? (biggest.y1! - biggest.y0!) / biggest.fixedValue : 0;
}
