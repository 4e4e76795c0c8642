/**
 * A short, stable fingerprint of a scenario: what a cached result remembers so it can tell
 * whether the scenario changed since the run. "Stable" means equal data gives an equal
 * fingerprint however it was built — an edited object and the same scenario reloaded from
 * storage may hold their keys in another order, so the JSON is written with sorted keys.
 *
 * The hash is 64 bits from two independent 32-bit lanes over the UTF-16 code units: FNV-1a
 * (offset basis 2166136261, prime 16777619) and a multiply–xorshift lane (murmur3's finaliser),
 * plus the text length. Not cryptographic: it guards against accidental equality only.
 * Cost on the default network (98 k characters of JSON): about 2 ms.
 */

/** Replaces every plain object by a copy with its keys in sorted order (arrays keep theirs). */
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  const rec = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k];
  return out;
}

/**
 * JSON with object keys sorted (recursively; integer-like keys come first, ascending, as
 * JavaScript orders them), arrays in order. Otherwise JSON.stringify's rules: undefined
 * members and functions are left out, non-finite numbers become null, toJSON is honoured.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null';
}

/** 32-bit FNV-1a over UTF-16 code units, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** Fingerprint of a text: 16 hex digits (FNV-1a lane, mixing lane), "-", the length in base 36. */
export function textFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return `${hex8(a)}${hex8(b)}-${text.length.toString(36)}`;
}

/** Fingerprint of a scenario (or any plain data): equal data ⇔ equal fingerprint, barring collisions. */
export function scenarioFingerprint(scenario: unknown): string {
  return textFingerprint(canonicalJson(scenario));
}
