/**
 * The share codec's Compressor on the platform's streams (`CompressionStream` /
 * `DecompressionStream` with "deflate-raw": Chromium ≥ 103, Firefox ≥ 113, Safari ≥ 16.4, Node ≥ 20).
 *
 * Inflating is bounded: the input goes in 1 KiB slices (deflate expands at most ~1032:1, so one
 * slice yields at most ~1 MB), the output is counted chunk by chunk, and the stream is cancelled
 * the moment the count passes the limit — a 200 MB bomb costs the limit plus about a megabyte.
 */
import type { Compressor, InflateOutcome } from '../../core/share/compressor';

const SLICE = 1024;

/** Feeds `bytes` to `writable` in 1 KiB copies, waiting for each to be taken; stops quietly on error. */
async function feed(writable: WritableStream<BufferSource>, bytes: Uint8Array): Promise<void> {
  const writer = writable.getWriter();
  try {
    for (let i = 0; i < bytes.length; i += SLICE) await writer.write(bytes.slice(i, i + SLICE));
    await writer.close();
  } catch {
    // The reader cancelled (limit reached) or the data is corrupt: the reading side reports it.
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const fed = feed(stream.writable, bytes);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await fed;
  return concat(chunks, total);
}

async function inflate(bytes: Uint8Array, maxBytes: number): Promise<InflateOutcome> {
  const stream = new DecompressionStream('deflate-raw');
  void feed(stream.writable, bytes);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        chunks.length = 0;
        await reader.cancel('over the size limit').catch(() => undefined);
        return { ok: false, reason: 'over-limit', produced: total };
      }
      chunks.push(value);
    }
  } catch (e) {
    return { ok: false, reason: 'corrupt', message: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, bytes: concat(chunks, total) };
}

export const streamCompressor: Compressor = { deflate, inflate };
