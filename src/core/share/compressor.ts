/**
 * Raw DEFLATE (RFC 1951) as the share codec needs it. The core has no stream API in its lib
 * (no DOM, no Node types), so the browser/Node `CompressionStream` implementation lives in
 * src/app/share/stream-compressor.ts and is passed in.
 */
export type InflateOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** The output passed `maxBytes`: decoding stopped there, the rest was never produced. */
  | { readonly ok: false; readonly reason: 'over-limit'; readonly produced: number }
  /** Not a valid deflate stream (bad block, or it ends early). */
  | { readonly ok: false; readonly reason: 'corrupt'; readonly message: string };

export interface Compressor {
  deflate(bytes: Uint8Array): Promise<Uint8Array>;
  /** Must stop (and free what it holds) as soon as the output exceeds `maxBytes`. */
  inflate(bytes: Uint8Array, maxBytes: number): Promise<InflateOutcome>;
}
