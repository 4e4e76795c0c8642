/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as in zlib, PNG and ZIP). It detects
 * every change confined to 32 consecutive bits — one edited base64 character changes at most 6 —
 * and all but 1 in 2^32 others. An integrity check, not a signature: anyone can recompute it.
 */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `bytes[start..]` as an unsigned 32-bit number; crc32("123456789") = 0xCBF43926. */
export function crc32(bytes: Uint8Array, start = 0): number {
  let c = 0xffffffff;
  for (let i = start; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
