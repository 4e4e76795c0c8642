/**
 * The state of a run between periods, for rolling-horizon re-planning: stock and unfilled orders
 * per node, shipments still travelling (with their absolute arrival period), and orders still on
 * their way upstream or waiting at their supplier. A scenario whose inventory starts at `onHand`
 * and whose inTransit rows are `inTransit` shifted by −period (with `orders` shifted alike as
 * the run option initialOrders) continues a deterministic run as the original does — for the
 * goods and the orders; policy memory (forecasts), production in progress and money are not
 * part of the snapshot.
 */
import { materializeAll } from './deferred-orders';
import type { InitialOrder } from './options';
import type { SimState } from './state';

export interface SimSnapshot {
  /** Periods run so far (the next period to run is period + 1, 1-based). */
  readonly period: number;
  /** Every (site, product) node: end-of-last-period stock and unfilled orders/demand. */
  readonly stock: readonly { readonly siteId: string; readonly productId: string; readonly onHand: number; readonly backorders: number }[];
  /** Every shipment still travelling, with the absolute 1-based period in which it arrives (same convention as the scenario's inTransit table). */
  readonly inTransit: readonly { readonly laneId: string; readonly productId: string; readonly quantity: number; readonly arrivalPeriod: number }[];
  /**
   * Orders not yet shipped, per lane and product, as the run option initialOrders takes them with
   * absolute periods: still travelling upstream (arrivalPeriod > period: when they reach the
   * lane's origin), or waiting in the origin's backlog (arrivalPeriod ≤ period: when they reached
   * it; shifted by −period they become ≤ 0, which initialOrders read as "already waiting").
   * End-customer orders of customers without stock are included (their lane ends at the customer).
   */
  readonly orders?: readonly InitialOrder[];
}

const EPS = 1e-9;

export function snapshotOf(st: SimState): SimSnapshot {
  materializeAll(st);
  const net = st.net;
  const t = st.t;
  const { sites, products, lanes } = net.labels;
  const stock: { siteId: string; productId: string; onHand: number; backorders: number }[] = [];
  for (let k = 0; k < net.nNodes; k++) {
    stock.push({
      siteId: sites[net.nodeSite[k]].id, productId: products[net.nodeProduct[k]].id,
      onHand: st.onHand[k], backorders: st.backlog[k] + st.custBacklog[k],
    });
  }
  const inTransit: { laneId: string; productId: string; quantity: number; arrivalPeriod: number }[] = [];
  const orders: InitialOrder[] = [];
  for (let a = 0; a < net.nArcs; a++) {
    const laneId = lanes[net.arcLane[a]].id;
    const productId = products[net.nodeProduct[net.arcFrom[a]]].id;
    // Slot of period u is u & (size − 1); after period t every filled slot is due in t + 1 .. t + size − 1.
    const size = net.arcRingSize[a];
    for (let u = t + 1; u < t + size; u++) {
      const q = st.ring[net.arcRingStart[a] + (u & (size - 1))];
      if (q > 0) inTransit.push({ laneId, productId, quantity: q, arrivalPeriod: u });
    }
    // Orders that reached the origin and are not completely shipped, oldest first, each with the
    // period it arrived in (FIFO allocation serves older orders first).
    const book = st.book;
    const lag = net.arcToSink[a] ? net.arcInfo[a] : net.arcInfo[a] + 1;
    const shipped = st.shippedCum[a];
    const arrived = st.arrivedCum[a];
    let base = book.headBase[a];
    for (let i = 0; i < book.count[a] && base < arrived - EPS; i++) {
      const o = book.slot(a, i);
      const lo = base > shipped ? base : shipped;
      base += book.qty[o];
      const hi = base < arrived ? base : arrived;
      if (hi - lo > EPS) orders.push({ laneId, productId, quantity: hi - lo, arrivalPeriod: book.placed[o] + lag });
    }
    const infoSize = net.arcInfoSize[a];
    for (let u = t + 1; u < t + infoSize; u++) {
      const q = st.infoRing[net.arcInfoStart[a] + (u & (infoSize - 1))];
      if (q > 0) orders.push({ laneId, productId, quantity: q, arrivalPeriod: u });
    }
  }
  return { period: t, stock, inTransit, orders };
}
