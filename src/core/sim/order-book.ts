/**
 * Orders as records in a pool of typed arrays, one FIFO list per arc of the orders not yet
 * delivered. An order's place on its arc is given by cumulative quantities: the head order
 * occupies [headBase, headBase + qty), the next one follows, and so on. The arc's cumulative
 * shipped and delivered quantities then tell each order's status without touching the records:
 * shipped when shippedCum ≥ its end, delivered when deliveredCum ≥ its end. The pool grows by
 * doubling (amortised; no allocation in a steady state) and recycles records through a free list.
 */

/** Flags of an order record. */
export const ORDER_CANCELLED = 1; // part or all of it was cancelled (lost sales)

export class OrderBook {
  qty: Float64Array;
  placed: Int32Array;
  next: Int32Array;
  flags: Uint8Array;
  /** First order not yet delivered on each arc (−1: none), and the last one. */
  readonly head: Int32Array;
  readonly tail: Int32Array;
  /** Cumulative position where the head order starts (all orders before it are delivered). */
  readonly headBase: Float64Array;
  private freeHead = -1;
  private used = 0;

  constructor(nArcs: number, initialCapacity: number) {
    const cap = Math.max(64, initialCapacity);
    this.qty = new Float64Array(cap);
    this.placed = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
    this.head = new Int32Array(nArcs).fill(-1);
    this.tail = new Int32Array(nArcs).fill(-1);
    this.headBase = new Float64Array(nArcs);
  }

  /** Appends an order of `qty` placed in period `placed` to the arc's list; returns its record. */
  push(arc: number, qty: number, placed: number): number {
    let o = this.freeHead;
    if (o >= 0) this.freeHead = this.next[o];
    else {
      if (this.used === this.qty.length) this.grow();
      o = this.used++;
    }
    this.qty[o] = qty;
    this.placed[o] = placed;
    this.flags[o] = 0;
    this.next[o] = -1;
    const t = this.tail[arc];
    if (t >= 0) this.next[t] = o;
    else this.head[arc] = o;
    this.tail[arc] = o;
    return o;
  }

  /** Removes the arc's head order (its position moves into headBase) and recycles the record. */
  popHead(arc: number): void {
    const o = this.head[arc];
    this.headBase[arc] += this.qty[o];
    const n = this.next[o];
    this.head[arc] = n;
    if (n < 0) this.tail[arc] = -1;
    this.next[o] = this.freeHead;
    this.freeHead = o;
  }

  private grow(): void {
    const cap = this.qty.length * 2;
    const qty = new Float64Array(cap); qty.set(this.qty); this.qty = qty;
    const placed = new Int32Array(cap); placed.set(this.placed); this.placed = placed;
    const next = new Int32Array(cap); next.set(this.next); this.next = next;
    const flags = new Uint8Array(cap); flags.set(this.flags); this.flags = flags;
  }
}
