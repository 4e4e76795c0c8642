/**
 * Sizes and names of the share-link format (docs/share-links.md):
 *
 *   #share=v1.<base64url( crc32 | compressed length | JSON length | deflate-raw(JSON) )>
 *
 * The fragment is limited to 60 000 characters so that the whole URL, origin included, stays
 * under 64 KiB: Chromium accepts URLs up to 2 MB, but Firefox's address bar shows only the first
 * 65 536 characters and Safari gives out near 80 000, and a link that does not survive the
 * address bar cannot be shared. Within that, 45 kB of deflate holds ~500 kB of scenario JSON
 * (the default network: 97.9 kB → 8.4 kB, 11 243 characters).
 */
export const SHARE_KEY = 'share=';
export const SHARE_VERSION = 1;
export const MAX_FRAGMENT_CHARS = 60_000;
/** crc32 (4) + compressed length (4) + JSON length (4), all big-endian unsigned. */
export const HEADER_BYTES = 12;
/** The most payload bytes (header + deflate) a fragment of MAX_FRAGMENT_CHARS can carry. */
export const MAX_PAYLOAD_BYTES = Math.floor(((MAX_FRAGMENT_CHARS - `${SHARE_KEY}v${SHARE_VERSION}.`.length) * 6) / 8);
/**
 * The most JSON a link may expand to. Real scenarios in a link stay far below (45 kB of deflate
 * is rarely more than 1 MB of JSON), but deflate reaches 1032:1, so 45 kB could claim ~46 MB:
 * a decompression bomb. Decoding stops as soon as the output passes this or what the link declares.
 */
export const MAX_SHARED_JSON_BYTES = 20 * 1024 * 1024;

/** "44.9 kB", "1.2 MB": sizes as the messages show them (decimal units, one decimal). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
