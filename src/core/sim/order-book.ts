/**
 * Orders not yet delivered, per arc, as a FIFO ring buffer in one shared pool (an arc receives
 * at most one order per period, so its ring is small: information delay + lead time + a few).
 * An order's place on its arc is given by cumulative quantities: the head order occupies
 * [headBase, headBase + qty), the next one follows, and so on. The arc's cumulative shipped and
 * delivered quantities then tell each order's status without touching the records: shipped when
 * shippedCum ≥ its end, delivered when deliveredCum ≥ its end. A full ring moves to a region
 * twice as large at the end of the pool (amortised; no allocation in a steady state).
 */

/** Flags of an order record. */
export const ORDER_CANCELLED = 1; // part or all of it was cancelled (lost sales)

const nextPow2 = (n: number) => { let p = 4; while (p < n) p *= 2; return p; };

/** The order book's fixed per-arc arrays. */
export interface OrderBookArrays {
  readonly start: Int32Array;
  readonly cap: Int32Array;
  readonly head: Int32Array;
  readonly count: Int32Array;
  readonly headBase: Float64Array;
}

export class OrderBook implements OrderBookArrays {
  qty: Float64Array;
  placed: Int32Array;
  flags: Uint8Array;
  /** Ring of arc a: pool slots start[a] .. start[a] + cap[a]; `count` orders from position `head`. */
  readonly start: Int32Array;
  readonly cap: Int32Array;
  readonly head: Int32Array;
  readonly count: Int32Array;
  /** Cumulative position where the head order starts (all orders before it are delivered). */
  readonly headBase: Float64Array;
  private used: number;

  /**
   * capacityHint(a): orders the arc is expected to hold at once. The per-arc arrays may be given
   * (views of the run's memory arena, zeros); the pool of records grows on its own.
   */
  constructor(nArcs: number, capacityHint: (arc: number) => number, perArc?: OrderBookArrays) {
    this.start = perArc?.start ?? new Int32Array(nArcs);
    this.cap = perArc?.cap ?? new Int32Array(nArcs);
    this.head = perArc?.head ?? new Int32Array(nArcs);
    this.count = perArc?.count ?? new Int32Array(nArcs);
    this.headBase = perArc?.headBase ?? new Float64Array(nArcs);
    let used = 0;
    for (let a = 0; a < nArcs; a++) {
      this.start[a] = used;
      this.cap[a] = nextPow2(capacityHint(a));
      used += this.cap[a];
    }
    this.used = used;
    const size = Math.max(64, used * 2);
    this.qty = new Float64Array(size);
    this.placed = new Int32Array(size);
    this.flags = new Uint8Array(size);
  }

  /** Pool slot of the i-th undelivered order of the arc (i = 0: the head). */
  slot(arc: number, i: number): number {
    return this.start[arc] + ((this.head[arc] + i) & (this.cap[arc] - 1));
  }

  /** Appends an order placed in period `placed` whose quantity is source[i] (no boxed number in hot loops). */
  pushFrom(arc: number, source: Float64Array, i: number, placed: number): void {
    if (this.count[arc] === this.cap[arc]) this.grow(arc);
    const s = this.start[arc] + ((this.head[arc] + this.count[arc]) & (this.cap[arc] - 1));
    this.qty[s] = source[i];
    this.placed[s] = placed;
    this.flags[s] = 0;
    this.count[arc]++;
  }

  /** Removes the arc's head order; its quantity moves into headBase. */
  popHead(arc: number): void {
    const s = this.start[arc] + this.head[arc];
    this.headBase[arc] += this.qty[s];
    this.head[arc] = (this.head[arc] + 1) & (this.cap[arc] - 1);
    this.count[arc]--;
  }

  private grow(arc: number): void {
    const cap = this.cap[arc] * 2;
    if (this.used + cap > this.qty.length) {
      const size = Math.max(this.qty.length * 2, this.used + cap);
      const qty = new Float64Array(size); qty.set(this.qty); this.qty = qty;
      const placed = new Int32Array(size); placed.set(this.placed); this.placed = placed;
      const flags = new Uint8Array(size); flags.set(this.flags); this.flags = flags;
    }
    const to = this.used;
    for (let i = 0; i < this.count[arc]; i++) {
      const from = this.slot(arc, i);
      this.qty[to + i] = this.qty[from];
      this.placed[to + i] = this.placed[from];
      this.flags[to + i] = this.flags[from];
    }
    this.start[arc] = to;
    this.cap[arc] = cap;
    this.head[arc] = 0;
    this.used += cap;
  }
}
