/**
 * Order statuses at the end of a run, read from each arc's list of undelivered orders and its
 * cumulative quantities (see OrderBook): an order [start, end) on an arc is
 *   shipped         when shippedCum ≥ end (in transit),
 *   partly shipped  when start < shippedCum < end,
 *   backordered     when nothing is shipped but arrivedCum ≥ end (it reached the supplier),
 *   open            otherwise (still in the information delay),
 *   cancelled       when lost sales reduced it to nothing.
 * Delivered and cancelled orders already left the lists; their counts come from the accumulators.
 */
import type { SimState } from './state';
import type { OrderStatus } from './summary-types';

const EPS = 1e-9;

/** Per placing node: open, backordered, partly shipped, shipped, cancelled, Σ age of outstanding. */
export interface OpenOrderCounts {
  readonly open: Float64Array;
  readonly backordered: Float64Array;
  readonly partlyShipped: Float64Array;
  readonly shipped: Float64Array;
  readonly cancelled: Float64Array;
  readonly ageSum: Float64Array;
}

export function countOpenOrders(st: SimState): OpenOrderCounts {
  const net = st.net;
  const N = net.nNodes;
  const c = {
    open: new Float64Array(N), backordered: new Float64Array(N), partlyShipped: new Float64Array(N),
    shipped: new Float64Array(N), cancelled: new Float64Array(N), ageSum: new Float64Array(N),
  };
  const book = st.book;
  for (let a = 0; a < net.nArcs; a++) {
    const k = net.arcTo[a];
    const shipped = st.shippedCum[a] + EPS;
    const arrived = st.arrivedCum[a] + EPS;
    let base = book.headBase[a];
    for (let i = 0; i < book.count[a]; i++) {
      const o = book.slot(a, i);
      const end = base + book.qty[o];
      if (book.qty[o] === 0) { c.cancelled[k]++; continue; }
      if (end <= shipped) c.shipped[k]++;
      else if (base < shipped - 2 * EPS) c.partlyShipped[k]++;
      else if (end <= arrived) c.backordered[k]++;
      else c.open[k]++;
      c.ageSum[k] += st.t - book.placed[o];
      base = end;
    }
  }
  return c;
}

/** Sums the per-node counts of the given nodes into one OrderStatus. */
export function orderStatusOf(st: SimState, open: OpenOrderCounts, nodes: readonly number[]): OrderStatus {
  const acc = st.acc;
  let placed = 0; let o = 0; let b = 0; let p = 0; let s = 0; let d = 0; let c = 0; let late = 0; let ageD = 0; let ageO = 0;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    placed += acc.ordersPlaced[k];
    o += open.open[k]; b += open.backordered[k]; p += open.partlyShipped[k]; s += open.shipped[k];
    d += acc.ordersDelivered[k]; c += acc.ordersCancelled[k] + open.cancelled[k]; late += acc.ordersLate[k];
    ageD += acc.ordersDeliveredAge[k]; ageO += open.ageSum[k];
  }
  const outstanding = o + b + p + s;
  return {
    placed, open: o, backordered: b, partlyShipped: p, shipped: s, delivered: d, cancelled: c, late,
    averageAgeDelivered: d > 0 ? ageD / d : Number.NaN,
    averageAgeOutstanding: outstanding > 0 ? ageO / outstanding : Number.NaN,
  };
}
