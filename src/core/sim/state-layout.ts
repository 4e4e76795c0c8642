/**
 * The layout of a run's state in its memory arena (memory-arena.ts): which arrays it has and how
 * large, and the offsets of the views that the hot loops index in the F / I blocks.
 */
import { Accumulators } from './accumulators';
import type { MemoryArena } from './memory-arena';
import type { Network } from './network';
import { allocateHotParameters } from './state-setup';

/** Sizes that decide the state's arrays. */
export interface Dimensions {
  readonly N: number;
  readonly A: number;
  readonly echelons: number;
  readonly maxDegree: number;
  readonly ring: number;
  readonly infoRing: number;
  readonly wip: number;
  readonly retRing: number;
  readonly pairRing: number;
}

/** Arrays computed before the state exists; the state holds copies of them in the arena. */
export interface ComputedLists {
  readonly seriesColumn: Int32Array;
  readonly arcSeriesColumn: Int32Array;
  readonly arcTracked: Int32Array;
  readonly deciders: Int32Array;
  readonly producers: Int32Array;
  readonly stockDemandNodes: Int32Array;
  readonly usedByStart: Int32Array;
  readonly usedBy: Int32Array;
  readonly usedByQty: Float64Array;
}

/** Every Float64Array and Int32Array of the state, as views of the arena (zeros; computed lists still to copy). */
export function allocateArrays(net: Network, m: MemoryArena, d: Dimensions, lists: ComputedLists) {
  const { N, A } = d;
  const Q = net.nParties;
  const S = net.labels.sites.length;
  const P = net.labels.products.length;
  const L = net.labels.lanes.length;
  const nf = () => m.f64(N);
  const af = () => m.f64(A);
  return {
    onHand: nf(), backlog: nf(), sinkBacklog: nf(), custBacklog: nf(), outstanding: nf(), inTransitIn: nf(),
    demandNow: nf(), obs: nf(), orderedNow: nf(), shippedNow: nf(), receivedNow: nf(), lostNow: nf(), sharedDemand: nf(),
    decided: nf(), level: nf(), errVar: nf(), planNow: nf(),
    productCustNow: m.f64(P), demandDraw: m.f64(2), orderDraw: m.f64(1),
    hist: m.f64(net.histStart[N]), histCount: m.i32(N), histPos: m.i32(N),
    ring: m.f64(d.ring), orderRing: m.f64(d.ring), infoRing: m.f64(d.infoRing), infoRecordless: m.i32(d.infoRing),
    orderedCum: af(), arrivedCum: af(), shippedCum: af(), deliveredCum: af(), arrivedNow: af(), arcInTransit: af(),
    arcShippedNow: af(), consigned: af(), pendingOrder: af(), recordless: m.i32(A), infoStage: m.i32(A), pipelineUntil: m.i32(A),
    laneUsed: m.f64(L), laneStamp: m.i32(L),
    wip: m.f64(d.wip), retRing: m.f64(d.retRing),
    cash: m.f64(Q), receivables: m.f64(Q), payables: m.f64(Q), partyCostNow: m.f64(Q),
    pairInvoice: m.f64(net.nPairs), pairCredit: m.f64(net.nPairs), dueRing: m.f64(d.pairRing), earlyRing: m.f64(d.pairRing),
    acc: new Accumulators(m, N, A, Q, S, P, d.echelons, net.retRate.length, net.nPairs),
    scratchArc: m.i32(d.maxDegree), scratchOrder: m.i32(d.maxDegree), scratchLeft: m.f64(d.maxDegree), scratchArrival: m.i32(d.maxDegree),
    siteOrdNow: m.f64(S), siteObsNow: m.f64(S), siteCustNow: m.f64(S), echelonOrdNow: m.f64(d.echelons),
    seriesColumn: m.i32(lists.seriesColumn.length), arcSeriesColumn: m.i32(lists.arcSeriesColumn.length),
    arcTracked: m.i32(lists.arcTracked.length), deciders: m.i32(lists.deciders.length), producers: m.i32(lists.producers.length),
    stockDemandNodes: m.i32(lists.stockDemandNodes.length), usedByStart: m.i32(lists.usedByStart.length),
    usedBy: m.i32(lists.usedBy.length), usedByQty: m.f64(lists.usedByQty.length),
    bookArrays: { start: m.i32(A), cap: m.i32(A), head: m.i32(A), count: m.i32(A), headBase: m.f64(A) },
    hot: allocateHotParameters(net, m),
  };
}

/** Offsets of the state's (or its accumulators') arena views: F index for Float64Arrays, I index for Int32Arrays. */
type ViewKeys<T> = { [K in keyof T]: T[K] extends Float64Array | Int32Array ? K : never }[keyof T];
export type Offsets<T> = { readonly [K in ViewKeys<T>]: number };

export function offsetsOf<T extends object>(o: T, arena: MemoryArena): Offsets<T> {
  const out: [string, number][] = [];
  for (const [key, v] of Object.entries(o)) {
    if (v instanceof Float64Array || v instanceof Int32Array) {
      if (v.buffer !== arena.F.buffer && v.buffer !== arena.I.buffer) throw new Error(`state array ${key} is not in the arena`);
      out.push([key, v instanceof Float64Array ? v.byteOffset >> 3 : v.byteOffset >> 2]);
    }
  }
  // Object.fromEntries makes an object with fast (in-object) properties; one grown key by key would
  // be a slow dictionary in V8 past ~100 keys.
  return Object.fromEntries(out) as Offsets<T>;
}

