/**
 * The finance flow. A sale on a pair (seller → buyer) raises an invoice when title passes; the
 * period's invoices of a pair are scheduled together in the account step:
 *   - each instalment k (share s_k, due ⌈days_k / days per period⌉ periods later) is added to
 *     the pair's due ring; receivable (seller) and payable (buyer) grow by the amount;
 *   - with an early-payment discount d, the part due after the discount deadline e is also a
 *     candidate for early payment in period t + e. Rule: the buyer pays early when its cash at that
 *     moment covers the discounted amount (1 − d)·E; it then pays (1 − d)·E and the later
 *     instalments are cancelled. Otherwise it pays each instalment on its due date, whatever its
 *     cash (cash may go negative: an overdraft).
 *   - credit notes (returns) are negative invoices on the same schedule, never discounted.
 * Operating costs (holding, transport, production, ordering) are paid in the period they occur;
 * shortage penalties are not cash. Revenue and COGS (units × product value) are recognised at
 * the invoice.
 */
import type { SimState } from './state';

/** A sale of `units` at `price` on pair p (title passes now). */
export function invoice(st: SimState, pair: number, units: number, price: number, value: number): void {
  st.pairInvoice[pair] += units * price;
  if (st.t >= st.measureFrom) {
    const seller = st.net.pairSeller[pair];
    st.acc.revenue[seller] += units * price;
    st.acc.cogs[seller] += units * value;
    st.acc.purchases[st.net.pairBuyer[pair]] += units * price;
  }
}

/**
 * The invoice of a plain sale on arc a for the quantity source[i] (read from a typed array, so hot
 * loops pass no boxed number): units × the arc's price, COGS at the product's value.
 */
export function invoiceArc(st: SimState, a: number, source: Float64Array, i: number): void {
  const net = st.net;
  const pair = net.arcPair[a];
  const amount = source[i] * net.arcPrice[a];
  st.pairInvoice[pair] += amount;
  if (st.t >= st.measureFrom) {
    st.acc.revenue[net.pairSeller[pair]] += amount;
    st.acc.cogs[net.pairSeller[pair]] += source[i] * net.nodeValue[net.arcTo[a]];
    st.acc.purchases[net.pairBuyer[pair]] += amount;
  }
}

/** Consignment stock at node k consumed first when k ships, serves or uses units: invoiced now. */
export function consumeConsigned(st: SimState, k: number, units: number): void {
  const net = st.net;
  let left = units;
  for (let i = net.inStart[k], end = net.inStart[k + 1]; i < end && left > 0; i++) {
    const a = net.inArcs[i];
    if (!net.arcConsignment[a] || !(st.consigned[a] > 0)) continue;
    const take = st.consigned[a] < left ? st.consigned[a] : left;
    st.consigned[a] -= take;
    left -= take;
    invoice(st, net.arcPair[a], take, net.arcPrice[a], net.nodeValue[k]);
  }
}

/** A credit note for `units` returned on pair p at `price`; restocked units leave the seller's COGS. */
export function creditNote(st: SimState, pair: number, units: number, price: number, restockedValue: number): void {
  st.pairCredit[pair] -= units * price;
  if (st.t >= st.measureFrom) {
    const seller = st.net.pairSeller[pair];
    st.acc.revenue[seller] -= units * price;
    st.acc.purchases[st.net.pairBuyer[pair]] -= units * price;
    st.acc.creditNotes[seller] += units * price;
    st.acc.cogs[seller] -= restockedValue;
  }
}

/** The account step's money: costs paid, invoices scheduled, early and due payments made. */
export function settlePeriod(st: SimState): void {
  const net = st.net;
  const t = st.t;
  const cash = st.cash;
  const measured = t >= st.measureFrom;
  for (let q = 0; q < net.nParties; q++) {
    cash[q] -= st.partyCostNow[q];
    st.partyCostNow[q] = 0;
  }
  for (let p = 0; p < net.nPairs; p++) {
    const seller = net.pairSeller[p];
    const buyer = net.pairBuyer[p];
    const start = net.pairRingStart[p];
    const size = net.pairRingSize[p];
    const amount = st.pairInvoice[p] + st.pairCredit[p];
    if (amount !== 0) {
      if (measured) st.acc.pairInvoiced[p] += amount;
      st.receivables[seller] += amount;
      st.payables[buyer] += amount;
      for (let i = net.instStart[p], end = net.instStart[p + 1]; i < end; i++) {
        st.dueRing[start + ((t + net.instOffset[i]) % size)] += net.instShare[i] * amount;
      }
      if (st.pairInvoice[p] > 0 && net.pairEarlyShare[p] > 0) {
        st.earlyRing[start + ((t + net.pairEarlyOffset[p]) % size)] += st.pairInvoice[p];
      }
      st.pairInvoice[p] = 0;
      st.pairCredit[p] = 0;
    }
    const early = st.earlyRing[start + (t % size)];
    if (early > 0) {
      st.earlyRing[start + (t % size)] = 0;
      const settled = early * net.pairEarlyShare[p];
      const pay = settled * (1 - net.pairDiscount[p]);
      if (cash[buyer] >= pay) {
        const issued = t - net.pairEarlyOffset[p];
        for (let i = net.instStart[p], end = net.instStart[p + 1]; i < end; i++) {
          if (net.instOffset[i] > net.pairEarlyOffset[p]) st.dueRing[start + ((issued + net.instOffset[i]) % size)] -= net.instShare[i] * early;
        }
        cash[buyer] -= pay;
        cash[seller] += pay;
        st.receivables[seller] -= settled;
        st.payables[buyer] -= settled;
        if (measured) {
          st.acc.pairPaid[p] += pay;
          st.acc.discountsGiven[seller] += settled - pay;
          st.acc.discountsTaken[buyer] += settled - pay;
        }
      }
    }
    const slot = start + (t % size);
    const due = st.dueRing[slot];
    if (due !== 0) {
      st.dueRing[slot] = 0;
      cash[buyer] -= due;
      cash[seller] += due;
      st.receivables[seller] -= due;
      st.payables[buyer] -= due;
      if (measured) st.acc.pairPaid[p] += due;
    }
  }
}
