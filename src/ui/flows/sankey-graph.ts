/**
 * The product-flow Sankey as a graph: one node per site that ships or receives, links = units
 * shipped between two sites over the measured periods (summary.lanes summed over the lanes and
 * products joining the pair, or one product), and customer returns as links back.
 *
 * Columns follow the supply chain left to right by site kind (supplier → plant → DC / returns
 * centre → retailer → customer). Lanes between sites of one kind (a central DC feeding regional
 * DCs) get sub-columns by longest path, after breaking cycles with a depth-first search (an edge
 * to a site still on the search stack is a back edge). A link is *forward* when it runs to a later
 * column; every other lane (A → B and B → A, a DC sending back to a plant) is drawn as a *back*
 * link beside the Sankey. d3-sankey only ever sees forward links, so it never meets a cycle.
 */
import type { Scenario, SiteKind } from '../../core/model/types';
import type { SimSummary } from '../../core/sim';
import { ECHELON } from '../map/schematic-layout';
import { laneFlowsOf, returnFlowsOf } from './flow-fields';

export type FlowLinkKind = 'forward' | 'back' | 'return';

export interface FlowNode {
  readonly id: string;
  readonly name: string;
  readonly kind: SiteKind | 'other';
  /** Column, 0 = leftmost; consecutive from 0. */
  readonly column: number;
  /** Sites merged into this node (one, or several for an "other" node). */
  readonly members: readonly string[];
}

export interface FlowLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly kind: FlowLinkKind;
  /** Returns only: units put back into stock and scrapped. */
  readonly restocked?: number;
  readonly scrapped?: number;
}

export interface FlowGraph {
  readonly nodes: readonly FlowNode[];
  readonly links: readonly FlowLink[];
  /** The links between single sites before any merging: the data table lists these. */
  readonly pairs: readonly FlowLink[];
  readonly columns: number;
}

/** Most nodes in one column; the sites with the least flow beyond it merge into one "other" node. */
export const MAX_NODES_PER_COLUMN = 24;

const keyOf = (from: string, to: string) => `${from}\u0000${to}`;

interface Pair { from: string; to: string; value: number; restocked: number; scrapped: number }

function sumPairs<T>(rows: readonly T[], pick: (r: T) => { from: string; to: string; value: number; restocked?: number; scrapped?: number } | null): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const r of rows) {
    const p = pick(r);
    if (!p || p.from === p.to || !(p.value > 0) || !Number.isFinite(p.value)) continue;
    const key = keyOf(p.from, p.to);
    const acc = pairs.get(key) ?? { from: p.from, to: p.to, value: 0, restocked: 0, scrapped: 0 };
    acc.value += p.value;
    acc.restocked += p.restocked ?? 0;
    acc.scrapped += p.scrapped ?? 0;
    pairs.set(key, acc);
  }
  return [...pairs.values()];
}

/**
 * Sub-levels of the sites inside one kind column: longest path over the lanes between them,
 * back edges (found by an iterative depth-first search) left out so the rest is acyclic.
 */
export function subLevels(sites: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const s of sites) out.set(s, []);
  for (const e of edges) if (out.has(e.from) && out.has(e.to)) out.get(e.from)!.push(e.to);
  const state = new Map<string, 0 | 1 | 2>(); // 0 new, 1 on the stack, 2 done
  const dag = new Map<string, string[]>(sites.map((s) => [s, []]));
  for (const root of sites) {
    if (state.get(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const targets = out.get(top.node)!;
      if (top.next >= targets.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const to = targets[top.next++];
      const s = state.get(to) ?? 0;
      if (s === 1) continue; // back edge: closes a cycle
      dag.get(top.node)!.push(to);
      if (s === 0) {
        state.set(to, 1);
        stack.push({ node: to, next: 0 });
      }
    }
  }
  // Longest path from the sources, in topological order (Kahn).
  const indegree = new Map<string, number>(sites.map((s) => [s, 0]));
  for (const targets of dag.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const level = new Map<string, number>(sites.map((s) => [s, 0]));
  const queue = sites.filter((s) => indegree.get(s) === 0);
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    for (const t of dag.get(s)!) {
      level.set(t, Math.max(level.get(t)!, level.get(s)! + 1));
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  return level;
}

/** Builds the graph; `productId` null = all products. */
export function buildFlowGraph(scenario: Scenario, summary: SimSummary, productId: string | null, maxPerColumn = MAX_NODES_PER_COLUMN): FlowGraph {
  const kindOf = new Map<string, SiteKind>(summary.sites.map((s) => [s.siteId, s.kind as SiteKind]));
  const nameOf = new Map<string, string>(summary.sites.map((s) => [s.siteId, s.name]));
  for (const s of scenario.sites) {
    kindOf.set(s.id, s.kind);
    nameOf.set(s.id, s.name);
  }
  const matches = (p: string) => productId === null || p === productId;
  const lanes = sumPairs(laneFlowsOf(summary), (r) => (matches(r.productId) ? { from: r.from, to: r.to, value: r.shipped } : null));
  const returns = sumPairs(returnFlowsOf(summary), (r) => (matches(r.productId) ? { from: r.from, to: r.to, value: r.quantity, restocked: r.restocked, scrapped: r.scrapped } : null));

  const ids: string[] = [];
  const seen = new Set<string>();
  for (const p of [...lanes, ...returns]) {
    for (const id of [p.from, p.to]) if (!seen.has(id)) { seen.add(id); ids.push(id); }
  }
  const base = (id: string) => ECHELON[kindOf.get(id) ?? 'dc'] ?? 2;
  // Sub-columns inside each kind column, from the lanes between sites of that column.
  const byBase = new Map<number, string[]>();
  for (const id of ids) (byBase.get(base(id)) ?? byBase.set(base(id), []).get(base(id))!).push(id);
  const level = new Map<string, number>();
  for (const members of byBase.values()) {
    const inColumn = new Set(members);
    const inner = lanes.filter((p) => inColumn.has(p.from) && inColumn.has(p.to));
    for (const [id, l] of subLevels(members, inner)) level.set(id, l);
  }
  const rawColumn = (id: string) => base(id) * 1000 + (level.get(id) ?? 0);
  const present = [...new Set(ids.map(rawColumn))].sort((a, b) => a - b);
  const columnOf = new Map(ids.map((id) => [id, present.indexOf(rawColumn(id))]));

  const pairs: FlowLink[] = [
    ...lanes.map((p): FlowLink => ({ source: p.from, target: p.to, value: p.value, kind: columnOf.get(p.to)! > columnOf.get(p.from)! ? 'forward' : 'back' })),
    ...returns.map((p): FlowLink => ({ source: p.from, target: p.to, value: p.value, kind: 'return', restocked: p.restocked, scrapped: p.scrapped })),
  ];

  // Busy columns keep their largest sites; the rest of each column becomes one node.
  const throughput = new Map<string, number>();
  for (const p of pairs) {
    throughput.set(p.source, (throughput.get(p.source) ?? 0) + p.value);
    throughput.set(p.target, (throughput.get(p.target) ?? 0) + p.value);
  }
  const nodeOf = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (let c = 0; c < present.length; c++) {
    const inColumn = ids.filter((id) => columnOf.get(id) === c);
    inColumn.sort((a, b) => (throughput.get(b) ?? 0) - (throughput.get(a) ?? 0));
    const keep = inColumn.length > maxPerColumn ? inColumn.slice(0, Math.max(1, maxPerColumn - 1)) : inColumn;
    for (const id of keep) {
      nodeOf.set(id, id);
      nodes.push({ id, name: nameOf.get(id) ?? id, kind: kindOf.get(id) ?? 'dc', column: c, members: [id] });
    }
    const rest = inColumn.slice(keep.length);
    if (rest.length > 0) {
      const other = `other:${c}`;
      for (const id of rest) nodeOf.set(id, other);
      nodes.push({ id: other, name: `${rest.length.toLocaleString('en-US')} other sites`, kind: 'other', column: c, members: rest });
    }
  }
  const merged = new Map<string, FlowLink>();
  for (const p of pairs) {
    const source = nodeOf.get(p.source)!;
    const target = nodeOf.get(p.target)!;
    if (source === target) continue; // inside one "other" node: listed in the table only
    const key = `${p.kind}\u0000${keyOf(source, target)}`;
    const m = merged.get(key);
    merged.set(key, m
      ? { ...m, value: m.value + p.value, restocked: (m.restocked ?? 0) + (p.restocked ?? 0), scrapped: (m.scrapped ?? 0) + (p.scrapped ?? 0) }
      : { ...p, source, target });
  }
  return { nodes, links: [...merged.values()], pairs, columns: present.length };
}
