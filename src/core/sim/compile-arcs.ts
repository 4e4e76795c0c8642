/**
 * Arc drafts → arc arrays: lead times, information delays, sourcing shares (normalised per
 * destination), lane capacities, the in-transit and order ring buffers, and CSR adjacency.
 * Ring sizes are bounded by the longest delay (+2), never by the horizon.
 */
import type { Network } from './network';
import type { CompileContext } from './compile-context';
import type { ArcDraft, NodeDraft } from './compile-nodes';

/** The part of the compiled Network this step fills in. */
export type ArcArrays = Pick<Network, 'nArcs' | 'arcFrom' | 'arcTo' | 'arcLane' | 'arcLead' | 'arcLeadSd' | 'arcLeadMax' | 'arcInfo' | 'arcCost' | 'arcShare' | 'arcPriority' | 'arcToSink' | 'arcRingStart' | 'arcRingSize' | 'arcInfoStart' | 'arcInfoSize' | 'laneCapacity' | 'nodeCapOut' | 'outStart' | 'outArcs' | 'inStart' | 'inArcs' | 'shipOrder'>;

/** Smallest power of two ≥ n. */
export const pow2 = (n: number): number => { let p = 1; while (p < n) p *= 2; return p; };

/** Builds CSR adjacency: items grouped by owner, in the order of `order`. */
export function csr(nOwners: number, order: readonly number[], owner: (item: number) => number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(nOwners + 1);
  for (const i of order) start[owner(i) + 1]++;
  for (let k = 0; k < nOwners; k++) start[k + 1] += start[k];
  const fill = start.slice(0, nOwners);
  const items = new Int32Array(order.length);
  for (const i of order) items[fill[owner(i)]++] = i;
  return { start, items };
}

export function compileArcs(
  ctx: CompileContext, drafts: readonly ArcDraft[], nodeIndex: ReadonlyMap<NodeDraft, number>,
  sinkFlags: Uint8Array, pipelineArrivalMax: ReadonlyMap<ArcDraft, number>, orderArrivalMax: ReadonlyMap<ArcDraft, number>,
): ArcArrays {
  const { scenario } = ctx;
  const N = nodeIndex.size;
  const A = drafts.length;
  const arcFrom = new Int32Array(A);
  const arcTo = new Int32Array(A);
  const arcLane = new Int32Array(A);
  const arcLead = new Int32Array(A);
  const arcLeadSd = new Float64Array(A);
  const arcLeadMax = new Int32Array(A);
  const arcInfo = new Int32Array(A);
  const arcCost = new Float64Array(A);
  const arcShare = new Float64Array(A);
  const arcPriority = new Int32Array(A);
  const arcToSink = new Uint8Array(A);
  const arcRingStart = new Int32Array(A);
  const arcRingSize = new Int32Array(A);
  const arcInfoStart = new Int32Array(A);
  const arcInfoSize = new Int32Array(A);
  const weightInto = new Float64Array(N);
  let ring = 0;
  let info = 0;
  drafts.forEach((d, a) => {
    const lane = scenario.lanes[d.lane];
    arcFrom[a] = nodeIndex.get(d.from)!;
    arcTo[a] = nodeIndex.get(d.to)!;
    arcLane[a] = d.lane;
    arcLead[a] = lane.leadTime;
    const sd = lane.leadTimeStdDev ?? 0;
    arcLeadSd[a] = sd;
    arcLeadMax[a] = lane.leadTime + (sd > 0 ? Math.ceil(4 * sd) : 0);
    arcInfo[a] = lane.infoDelay;
    arcCost[a] = lane.costPerUnit;
    arcPriority[a] = lane.priority;
    arcToSink[a] = sinkFlags[arcTo[a]];
    weightInto[arcTo[a]] += d.weight;
    // +2: slot t+L is written in period t while slot t is read; one more slot takes arrivals held
    // back by storage capacity. Powers of two, so the slot of period t is t & (size − 1).
    arcRingSize[a] = pow2(Math.max(arcLeadMax[a] + 2, (pipelineArrivalMax.get(d) ?? 0) + 1));
    arcRingStart[a] = ring;
    ring += arcRingSize[a];
    arcInfoSize[a] = pow2(Math.max(lane.infoDelay + 2, (orderArrivalMax.get(d) ?? 0) + 1));
    arcInfoStart[a] = info;
    info += arcInfoSize[a];
  });
  drafts.forEach((d, a) => {
    arcShare[a] = weightInto[arcTo[a]] > 0 ? d.weight / weightInto[arcTo[a]] : 0;
  });

  const laneCapacity = new Float64Array(scenario.lanes.length).fill(Number.POSITIVE_INFINITY);
  const zeroCap = new Set<string>();
  scenario.lanes.forEach((l, i) => { if (l.capacity !== undefined) laneCapacity[i] = l.capacity; });
  const nodeCapOut = new Uint8Array(N);
  for (let a = 0; a < A; a++) {
    if (Number.isFinite(laneCapacity[arcLane[a]])) nodeCapOut[arcFrom[a]] = 1;
    if (laneCapacity[arcLane[a]] === 0) zeroCap.add(scenario.lanes[arcLane[a]].id);
  }
  if (zeroCap.size > 0) ctx.warnings.push(`lanes with capacity 0 carry nothing: ${[...zeroCap].join(', ')}`);

  const ids = Array.from({ length: A }, (_, i) => i);
  const outOrder = ctx.settings.allocation === 'priority'
    ? [...ids].sort((x, y) => arcPriority[x] - arcPriority[y] || x - y) : ids;
  const out = csr(N, outOrder, (a) => arcFrom[a]);
  const inn = csr(N, ids, (a) => arcTo[a]);

  // Only nodes with outbound arcs ship (sinks never have any: customers cannot ship).
  const shipOrder = upstreamFirst(N, ids.filter((a) => arcLead[a] === 0 || arcLeadSd[a] > 0), arcFrom, arcTo, ctx.warnings)
    .filter((k) => out.start[k + 1] > out.start[k]);
  return {
    nArcs: A, arcFrom, arcTo, arcLane, arcLead, arcLeadSd, arcLeadMax, arcInfo, arcCost, arcShare, arcPriority,
    arcToSink, arcRingStart, arcRingSize, arcInfoStart, arcInfoSize, laneCapacity, nodeCapOut,
    outStart: out.start, outArcs: out.items, inStart: inn.start, inArcs: inn.items, shipOrder: Int32Array.from(shipOrder),
  };
}

/**
 * Topological order of the nodes over the given arcs (origin before destination), nodes without
 * such arcs by index. Nodes on a cycle of such arcs keep their index order (goods then move one
 * lane of the cycle per period), with a warning.
 */
function upstreamFirst(N: number, arcs: readonly number[], from: Int32Array, to: Int32Array, warnings: string[]): number[] {
  const indegree = new Int32Array(N);
  const next: number[][] = Array.from({ length: N }, () => []);
  for (const a of arcs) { indegree[to[a]]++; next[from[a]].push(to[a]); }
  const order: number[] = [];
  for (let k = 0; k < N; k++) if (indegree[k] === 0) order.push(k);
  for (let i = 0; i < order.length; i++) for (const j of next[order[i]]) if (--indegree[j] === 0) order.push(j);
  if (order.length < N) {
    warnings.push('some lanes with lead time 0 form a cycle: goods move one lane of the cycle per period');
    const seen = new Uint8Array(N);
    for (const k of order) seen[k] = 1;
    for (let k = 0; k < N; k++) if (!seen[k]) order.push(k);
  }
  return order;
}
