/**
 * After a node has shipped (ship step): the per-arc bookkeeping of a node that was short
 * (settleArcs: units filled on arrival, late orders, lost sales, backlog) and, for every node,
 * closing its outbound arcs for the period (closeArcs: units in transit and shipped are final).
 */
import { ORDER_CANCELLED } from './order-book';
import { popDelivered } from './receive-step';
import type { SimState } from './state';

const EPS = 1e-9;

/**
 * The outbound arcs of a node that has shipped (outArcs[start..end)): their units in transit and
 * shipped are final for the period (nothing later in the period ships on them or takes from
 * them), so they go into the KPI sums and the per-arc series now, and the period's count resets.
 */
export function closeArcs(st: SimState, start: number, end: number, measured: boolean, sShipped: number, sTransit: number): void {
  const F = st.F;
  const I = st.I;
  const S = st.seriesBlock;
  const arcSeries = st.series.arc !== undefined;
  const iOut = st.at.outArcsI;
  const iColumn = st.at.arcSeriesColumn;
  const fTransit = st.at.arcInTransit;
  const fShippedNow = st.at.arcShippedNow;
  const fAccTransit = st.accAt.arcTransit;
  for (let i = start; i < end; i++) {
    const a = I[iOut + i];
    const x = F[fTransit + a];
    if (measured) F[fAccTransit + a] += x;
    if (arcSeries) {
      const c = I[iColumn + a];
      if (c >= 0) { S[sShipped + c] = F[fShippedNow + a]; S[sTransit + c] = x; }
    }
    F[fShippedNow + a] = 0;
  }
}

/** Per-arc bookkeeping after shipping: fill on arrival, late orders, lost sales, backlog. */
export function settleArcs(st: SimState, k: number, start: number, end: number): void {
  const net = st.net;
  const acc = st.acc;
  const measured = st.t >= st.measureFrom;
  let backlog = 0;
  let sinkBacklog = 0;
  for (let i = start; i < end; i++) {
    const a = net.outArcs[i];
    let rest = st.arrivedCum[a] - st.shippedCum[a];
    if (rest < EPS) rest = 0;
    const fresh = st.arrivedNow[a];
    const toSink = net.arcToSink[a];
    if (fresh > 0) {
      // FIFO within the arc: what is still waiting comes from the newest orders first.
      const filled = rest >= fresh ? 0 : fresh - rest;
      if (toSink) st.custFilledNow += filled;
      if (measured) {
        acc.filledOnArrival[k] += filled;
        if (toSink) acc.custFilled[k] += filled;
      }
      if (rest > 0) acc.ordersLate[net.arcTo[a]]++;
    }
    if (rest > 0 && toSink && net.lostSales) {
      cancelUnfilled(st, a, rest);
      st.lostNow[k] += rest;
      if (measured) acc.lostSales[k] += rest;
      rest = 0;
    }
    backlog += rest;
    if (toSink) sinkBacklog += rest;
  }
  st.backlog[k] = backlog;
  st.sinkBacklog[k] = sinkBacklog;
}

/** Lost sales: the unshipped part of the arc's arrived orders is cancelled (orders shrink, counts too). */
function cancelUnfilled(st: SimState, a: number, quantity: number): void {
  const book = st.book;
  const shipped = st.shippedCum[a];
  const n = book.count[a];
  let base = book.headBase[a];
  let i = 0;
  while (i < n && base + book.qty[book.slot(a, i)] <= shipped + EPS) { base += book.qty[book.slot(a, i)]; i++; }
  let rest = quantity;
  for (; rest > EPS && i < n; i++) {
    const o = book.slot(a, i);
    const open = base + book.qty[o] - shipped;
    const c = open < rest ? open : rest;
    book.qty[o] -= c;
    if (book.qty[o] < EPS) book.qty[o] = 0;
    book.flags[o] |= ORDER_CANCELLED;
    rest -= c;
    base += book.qty[o];
  }
  st.orderedCum[a] -= quantity;
  st.arrivedCum[a] -= quantity;
  popDelivered(st, a);
}
