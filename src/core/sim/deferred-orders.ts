/**
 * Orders without a record. Most orders are shipped in full the period they reach their supplier,
 * and a record pushed and popped for each of them is pure overhead. On a plain arc (fixed lead
 * time, nothing special on arrival or shipment) an order placed while the arc has no recorded
 * order goes without one, as long as it keeps to that course:
 *   into a customer without stock (no information delay): it waits in `pendingOrder` until the
 *     ship step of its own period;
 *   between sites (lead time ≥ 1): it travels to the supplier alone in its order-ring slot
 *     (`infoRecordless` marks the slot, `infoStage` counts them), and waits in `pendingOrder` the
 *     period it arrives.
 * Shipped in full at once it travels alone in its ring slot of t + L (`recordless` counts them,
 * `orderRing` keeps its quantity and tells its arrival from others') or, with lead time 0, is
 * delivered at once; its arrival is its delivery, at the age lead time + information lag
 * (arcAgeI). (Slots, not counts, say which arrival is which: a tiny recorded order can leave the
 * book before it arrives — its cumulative position is covered early — and still be on its way.)
 * Anything that needs the records (allocation when short, lost sales, order statuses, the
 * snapshot, an order placed off that course) first calls materialize*, which writes the records
 * exactly as they would have been. Every count and age is the same as with records throughout.
 */
import type { SimState } from './state';

/**
 * Writes the records of arc a's orders without one, oldest first: those in transit (orderRing
 * slots of t+1 .. t+L), the one waiting at the origin this period (pendingOrder), those still
 * travelling to the origin (order-ring slots of t+1 .. t+lag). Each was (or will be) shipped the
 * period it reached the origin, so its placement period follows from its slot.
 */
export function materializeArc(st: SimState, a: number): void {
  const net = st.net;
  const book = st.book;
  const t = st.t;
  const L = net.arcLead[a];
  const age = st.arcAgeI[a];
  const lag = age - L;
  const n = st.recordless[a];
  if (n > 0) {
    const start = net.arcRingStart[a];
    const mask = net.arcRingSize[a] - 1;
    for (let u = t + 1, found = 0; u <= t + L && found < n; u++) {
      const slot = start + (u & mask);
      if (st.orderRing[slot] > 0) {
        book.pushFrom(a, st.orderRing, slot, u - age);
        st.orderRing[slot] = 0;
        found++;
      }
    }
    st.recordless[a] = 0;
  }
  if (st.pendingOrder[a] > 0) {
    book.pushFrom(a, st.pendingOrder, a, t - lag);
    st.pendingOrder[a] = 0;
  }
  const m = st.infoStage[a];
  if (m > 0) {
    const start = net.arcInfoStart[a];
    const mask = net.arcInfoSize[a] - 1;
    for (let u = t + 1, found = 0; u <= t + lag && found < m; u++) {
      const slot = start + (u & mask);
      if (st.infoRecordless[slot] !== 0) {
        book.pushFrom(a, st.infoRing, slot, u - lag);
        st.infoRecordless[slot] = 0;
        found++;
      }
    }
    st.infoStage[a] = 0;
  }
}

/** Records for every outbound arc of node k (before allocation, lost sales and other record readers). */
export function materializeNode(st: SimState, k: number): void {
  const net = st.net;
  for (let i = net.outStart[k], end = net.outStart[k + 1]; i < end; i++) {
    const a = net.outArcs[i];
    if (st.recordless[a] > 0 || st.pendingOrder[a] > 0 || st.infoStage[a] > 0) materializeArc(st, a);
  }
}

/** Records for every arc (the summary's order statuses, the snapshot). */
export function materializeAll(st: SimState): void {
  for (let a = 0; a < st.net.nArcs; a++) {
    if (st.recordless[a] > 0 || st.pendingOrder[a] > 0 || st.infoStage[a] > 0) materializeArc(st, a);
  }
}
