/**
 * One Float64Array and one Int32Array for all of a run's state. The engine's named arrays
 * (st.onHand, st.arrivedCum, acc.shipped, …) are views (subarrays) into these two, so the code
 * that reads them by name and the hot loops that index the whole block (F[st.at.onHand + k]) see
 * the same memory. Why: V8 reloads a typed array's base and length at nearly every access in a loop
 * that touches many distinct arrays; one block per number type keeps the hot loops to two or
 * three arrays (measured: about twice as fast per arc).
 *
 * An arena is used twice: a counting pass (capacity undefined: views are empty, sizes add up),
 * then a real pass with the counted capacity; done() checks that both passes asked for the same.
 */
const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);

export class MemoryArena {
  readonly F: Float64Array;
  readonly I: Int32Array;
  private f = 0;
  private i = 0;
  private readonly counting: boolean;

  constructor(capacity?: { readonly f64: number; readonly i32: number }) {
    this.counting = capacity === undefined;
    this.F = capacity ? new Float64Array(capacity.f64) : EMPTY_F64;
    this.I = capacity ? new Int32Array(capacity.i32) : EMPTY_I32;
  }

  /** A view of n doubles (zeros). */
  f64(n: number): Float64Array {
    const at = this.f;
    this.f += n;
    return this.counting ? EMPTY_F64 : this.F.subarray(at, at + n);
  }

  /** A view of n 32-bit integers (zeros). */
  i32(n: number): Int32Array {
    const at = this.i;
    this.i += n;
    return this.counting ? EMPTY_I32 : this.I.subarray(at, at + n);
  }

  /** What a counting pass asked for. */
  used(): { f64: number; i32: number } {
    return { f64: this.f, i32: this.i };
  }

  /** Checks that the real pass took exactly its capacity. */
  done(): void {
    if (this.f !== this.F.length || this.i !== this.I.length) throw new Error('memory arena: the two passes differ');
  }
}

/** Index of a view's first element in the F block. */
export const offsetF = (view: Float64Array): number => view.byteOffset >> 3;
