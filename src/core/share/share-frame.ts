/**
 * The synchronous half of the share-link format: fragment text ⇄ framed payload bytes, with
 * every check that needs no decompression (size, version, base64, header, checksum). Order
 * matters: the cheap size check comes before any decoding, and the lengths are checked before
 * the checksum so that a link cut off in a chat message is called "incomplete", not "changed".
 */
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { crc32 } from '../io/crc32';
import { failures, type ShareFailure } from './share-failure';
import { HEADER_BYTES, MAX_FRAGMENT_CHARS, MAX_SHARED_JSON_BYTES, SHARE_KEY, SHARE_VERSION } from './share-limits';

/** A payload whose framing checked out: the deflate bytes and the JSON size they declare. */
export interface Frame {
  readonly ok: true;
  readonly deflated: Uint8Array;
  readonly jsonBytes: number;
}

/** The part after `#share=` when `hash` (with or without its `#`) is a share fragment, else null. */
export function shareBody(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(SHARE_KEY) ? h.slice(SHARE_KEY.length) : null;
}

/** Header + deflate bytes → `share=v1.<base64url>` (the fragment without its `#`). */
export function packFragment(deflated: Uint8Array, jsonBytes: number): { fragment: string; payloadBytes: number } {
  const payload = new Uint8Array(HEADER_BYTES + deflated.length);
  const view = new DataView(payload.buffer);
  view.setUint32(4, deflated.length);
  view.setUint32(8, jsonBytes);
  payload.set(deflated, HEADER_BYTES);
  view.setUint32(0, crc32(payload, 4));
  return { fragment: `${SHARE_KEY}v${SHARE_VERSION}.${encodeBase64Url(payload)}`, payloadBytes: payload.length };
}

/** `share=v1.…` (or `#share=v1.…`) → the checked frame, or why it was refused. */
export function unpackFragment(fragment: string): Frame | ShareFailure {
  const hash = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  // Before anything else: an oversized fragment is not even scanned.
  if (hash.length > MAX_FRAGMENT_CHARS) return failures.oversized(hash.length);
  const body = shareBody(hash);
  if (body === null) return failures.notALink();
  const m = /^v([^.]*)\./.exec(body);
  if (!m) return failures.notALink();
  if (m[1] !== String(SHARE_VERSION)) return failures.version(m[1]);
  const text = body.slice(m[0].length);

  const decoded = decodeBase64Url(text);
  if (!decoded.ok) return decoded.reason === 'character' ? failures.badCharacter(decoded.char, decoded.at) : cutOrDamaged(text);
  const bytes = decoded.bytes;
  if (bytes.length < HEADER_BYTES) return failures.truncated(bytes.length, null);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const want = HEADER_BYTES + view.getUint32(4);
  if (bytes.length < want) return failures.truncated(bytes.length, want);
  if (bytes.length > want) return failures.extraBytes(bytes.length, want);
  if (crc32(bytes, 4) !== view.getUint32(0)) return failures.tampered();
  const jsonBytes = view.getUint32(8);
  // An honest header announcing a bomb is refused without inflating a single byte.
  if (jsonBytes > MAX_SHARED_JSON_BYTES) return failures.bombDeclared(jsonBytes);
  return { ok: true, deflated: bytes.subarray(HEADER_BYTES), jsonBytes };
}

/**
 * A last group that encodes no whole bytes (n mod 4 = 1, or set bits no encoder writes): most
 * often a link cut off mid-character, sometimes one with a character added. The header says
 * which — fewer bytes than it announces is a cut link.
 */
function cutOrDamaged(text: string): ShareFailure {
  const prefix = decodeBase64Url(text.slice(0, text.length - (text.length % 4)));
  const whole = prefix.ok ? prefix.bytes : new Uint8Array(0);
  const got = whole.length + Math.max(0, (text.length % 4) - 1);
  const want = whole.length >= HEADER_BYTES ? HEADER_BYTES + new DataView(whole.buffer).getUint32(4) : null;
  return want === null || got < want ? failures.truncated(got, want) : failures.trailingBits();
}
