/**
 * base64url (RFC 4648 §5, no padding) ⇄ bytes, pure. Decoding is strict: only the 64 URL-safe
 * characters, no padding, no impossible length, and the unused low bits of the last character
 * must be zero. Strictness makes the text → bytes mapping one-to-one, so a changed character
 * always changes the bytes (and the checksum then catches it).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

export type Base64Result =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** `character`: a character outside the alphabet at `at` (0-based). */
  | { readonly ok: false; readonly reason: 'character'; readonly at: number; readonly char: string }
  /** `length`: n mod 4 = 1 characters encode no whole number of bytes (text cut or padded). */
  | { readonly ok: false; readonly reason: 'length' }
  /** `trailing-bits`: the last character carries bits that no encoder writes. */
  | { readonly ok: false; readonly reason: 'trailing-bits' };

export function decodeBase64Url(text: string): Base64Result {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUE[c] < 0) return { ok: false, reason: 'character', at: i, char: String.fromCodePoint(text.codePointAt(i) ?? c) };
  }
  const rest = text.length % 4;
  if (rest === 1) return { ok: false, reason: 'length' };
  const bytes = new Uint8Array(Math.floor(text.length / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  const v = (k: number): number => VALUE[text.charCodeAt(k)];
  let o = 0;
  let i = 0;
  for (; i + 4 <= text.length; i += 4) {
    const n = (v(i) << 18) | (v(i + 1) << 12) | (v(i + 2) << 6) | v(i + 3);
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  if (rest === 2) {
    if ((v(i + 1) & 15) !== 0) return { ok: false, reason: 'trailing-bits' };
    bytes[o] = (v(i) << 2) | (v(i + 1) >> 4);
  } else if (rest === 3) {
    if ((v(i + 2) & 3) !== 0) return { ok: false, reason: 'trailing-bits' };
    const n = (v(i) << 18) | (v(i + 1) << 12) | (v(i + 2) << 6);
    bytes[o++] = n >> 16;
    bytes[o] = (n >> 8) & 255;
  }
  return { ok: true, bytes };
}
