/**
 * Allocation of a short supplier's stock over the orders waiting on its outbound arcs
 * (settings.allocation). Within one arc, orders are always filled first come, first served.
 *   fifo        orders in the order they reached the supplier (ties: by arc order), across arcs;
 *   fair-share  every arc gets stock in proportion to its waiting quantity (pro rata);
 *   priority    arcs by lane priority (1 first); arcs of equal priority share FIFO.
 * Lane capacities cap each arc; stock an arc cannot take because its lane is full goes to the
 * others. Sources (unlimited stock) come here only when a lane capacity binds.
 */
import { ALLOC_FAIR_SHARE, ALLOC_PRIORITY } from './network';
import { shipOnArc } from './shipment';
import type { SimState } from './state';

const EPS = 1e-9;
const REMOVED = 0x7fffffff;

/** Units the arc's lane can still carry this period. */
export function laneRoom(st: SimState, a: number): number {
  const lane = st.net.arcLane[a];
  const cap = st.net.laneCapacity[lane];
  if (cap === Number.POSITIVE_INFINITY) return cap;
  const used = st.laneStamp[lane] === st.t ? st.laneUsed[lane] : 0;
  return cap > used ? cap - used : 0;
}

/** Ships from node k what `avail` allows over its waiting orders; returns the quantity shipped. */
export function allocate(st: SimState, k: number, avail: number): number {
  const net = st.net;
  const start = net.outStart[k];
  const end = net.outStart[k + 1];
  if (net.allocation === ALLOC_FAIR_SHARE) return fairShare(st, start, end, avail);
  if (net.allocation !== ALLOC_PRIORITY) return firstComeFirstServed(st, start, end, avail);
  let shipped = 0;
  for (let i = start; i < end;) {
    let j = i + 1;
    while (j < end && net.arcPriority[net.outArcs[j]] === net.arcPriority[net.outArcs[i]]) j++;
    shipped += firstComeFirstServed(st, i, j, avail - shipped);
    i = j;
  }
  return shipped;
}

function firstComeFirstServed(st: SimState, i0: number, i1: number, avail: number): number {
  const net = st.net;
  const book = st.book;
  const arcs = st.scratchArc;
  const orders = st.scratchOrder;
  const left = st.scratchLeft;
  const arrival = st.scratchArrival;
  let n = 0;
  for (let j = i0; j < i1; j++) {
    const a = net.outArcs[j];
    const shipped = st.shippedCum[a];
    if (!(st.arrivedCum[a] - shipped > EPS)) continue;
    // The first order not fully shipped: orders before it are covered by shippedCum.
    const count = book.count[a];
    let base = book.headBase[a];
    let i = 0;
    while (i < count && base + book.qty[book.slot(a, i)] <= shipped + EPS) { base += book.qty[book.slot(a, i)]; i++; }
    if (i === count) continue;
    const o = book.slot(a, i);
    arcs[n] = a;
    // The ring index (not the position from the head: a delivery within the step may pop the head).
    orders[n] = o - book.start[a];
    left[n] = base + book.qty[o] - shipped;
    arrival[n] = book.placed[o] + (net.arcToSink[a] ? net.arcInfo[a] : net.arcInfo[a] + 1);
    n++;
  }
  let active = n;
  let total = 0;
  while (active > 0 && avail > EPS) {
    let best = -1;
    for (let i = 0; i < n; i++) if (arrival[i] !== REMOVED && (best < 0 || arrival[i] < arrival[best])) best = i;
    const a = arcs[best];
    const room = laneRoom(st, a);
    const want = left[best];
    let x = want < avail ? want : avail;
    if (room < x) x = room;
    if (x > 0) { shipOnArc(st, a, x); avail -= x; total += x; }
    if (x < want - EPS) {
      if (room <= x + EPS) { arrival[best] = REMOVED; active--; continue; }
      break; // out of stock
    }
    const mask = book.cap[a] - 1;
    const next = (orders[best] + 1) & mask;
    const tail = (book.head[a] + book.count[a]) & mask;
    if (book.count[a] > 0 && next !== tail && st.arrivedCum[a] - st.shippedCum[a] > EPS) {
      const o = book.start[a] + next;
      orders[best] = next;
      left[best] = book.qty[o];
      arrival[best] = book.placed[o] + (net.arcToSink[a] ? net.arcInfo[a] : net.arcInfo[a] + 1);
    } else { arrival[best] = REMOVED; active--; }
  }
  return total;
}

function fairShare(st: SimState, i0: number, i1: number, avail: number): number {
  const net = st.net;
  const arcs = st.scratchArc;
  const left = st.scratchLeft;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const a = net.outArcs[i];
    const r = st.arrivedCum[a] - st.shippedCum[a];
    if (r > EPS && laneRoom(st, a) > 0) { arcs[n] = a; left[n] = r; n++; }
  }
  let total = 0;
  // Water-filling: pro rata shares; an arc capped by its lane drops out and the rest is shared again.
  for (let round = 0; round <= n && avail > EPS; round++) {
    let waiting = 0;
    for (let i = 0; i < n; i++) waiting += left[i];
    if (!(waiting > EPS)) break;
    const f = waiting <= avail ? 1 : avail / waiting;
    let capped = false;
    for (let i = 0; i < n; i++) {
      if (!(left[i] > EPS)) continue;
      const want = left[i] * f;
      const room = laneRoom(st, arcs[i]);
      const x = want < room ? want : room;
      if (x > 0) { shipOnArc(st, arcs[i], x); avail -= x; total += x; }
      if (room <= want) { capped = true; left[i] = 0; } else left[i] -= x;
    }
    if (!capped || f === 1) break;
  }
  return total;
}
