/** Why a share link was refused (or could not be made), each with the sentence the user sees. */
import type { ModelIssue } from '../model/issue';
import { formatBytes, MAX_FRAGMENT_CHARS, MAX_PAYLOAD_BYTES, MAX_SHARED_JSON_BYTES, SHARE_VERSION } from './share-limits';

export type ShareFailureKind =
  /** The fragment is longer than any link ChainLab makes; refused before decoding anything. */
  | 'oversized'
  /** Fewer bytes than the header announces, or not even a header: the link was cut off. */
  | 'truncated'
  /** Characters or bytes no encoder produces (chat apps appending ")" or "…", stray edits). */
  | 'corrupt'
  /** A link format this version does not read. */
  | 'version'
  /** The checksum does not match: the link was changed after it was made. */
  | 'tampered'
  /** The data would expand beyond the cap or beyond what it declares. */
  | 'bomb'
  /** Decoded fine, but the text is not JSON. */
  | 'not-json'
  /** A JSON document that fails migration or validation (issues list the first problems). */
  | 'invalid'
  /** Encoding: the scenario does not fit in a link. */
  | 'too-large';

export interface ShareFailure {
  readonly ok: false;
  readonly kind: ShareFailureKind;
  /** One sentence fragment, lower-case start, to follow "Could not open the shared link: ". */
  readonly message: string;
  readonly issues: readonly ModelIssue[];
}

const fail = (kind: ShareFailureKind, message: string, issues: readonly ModelIssue[] = []): ShareFailure => ({ ok: false, kind, message, issues });

export const failures = {
  oversized: (chars: number) =>
    fail('oversized', `the link is ${chars} characters long, more than the ${MAX_FRAGMENT_CHARS} a ChainLab share link can have`),
  notALink: () => fail('corrupt', 'the link does not hold a ChainLab scenario (it has no “v1.” version mark)'),
  badCharacter: (char: string, at: number) =>
    fail('corrupt', `the link contains “${char}” at character ${at + 1} of its data, which a share link never contains — it was changed or damaged when copied`),
  trailingBits: () => fail('corrupt', 'the last character of the link is not one ChainLab writes — the link was changed or damaged when copied'),
  extraBytes: (got: number, want: number) => fail('corrupt', `the link holds ${formatBytes(got)} of data but says ${formatBytes(want)} — it was changed or damaged when copied`),
  badDeflate: (why: string) => fail('corrupt', `the link's compressed data is damaged (${why})`),
  truncated: (got: number, want: number | null) =>
    fail('truncated', `the link is incomplete (${want === null ? `only ${formatBytes(got)}` : `${formatBytes(got)} of ${formatBytes(want)}`}) — it was probably cut off when copied; ask for the whole link`),
  version: (v: string) => {
    const n = Number(v);
    return fail('version', Number.isInteger(n) && n > SHARE_VERSION
      ? `the link was made by a newer ChainLab (link format v${n}; this version reads v${SHARE_VERSION}) — reload the page to update, then open it again`
      : `the link has the unknown format version “v${v.slice(0, 12)}”`);
  },
  tampered: () => fail('tampered', 'the link’s checksum does not match its contents — it was changed after it was made'),
  bombDeclared: (bytes: number) =>
    fail('bomb', `the link says it expands to ${formatBytes(bytes)}, more than the ${formatBytes(MAX_SHARED_JSON_BYTES)} a shared scenario may have — refused as a possible decompression bomb`),
  bombActual: (declared: number) =>
    fail('bomb', `the link's data expands beyond the ${formatBytes(declared)} it declares — refused as a possible decompression bomb`),
  shortOutput: (got: number, want: number) => fail('corrupt', `the link's data expands to ${formatBytes(got)}, not the ${formatBytes(want)} it declares`),
  notJson: (why: string) => fail('not-json', why),
  invalid: (why: string, issues: readonly ModelIssue[]) => fail('invalid', `the shared scenario does not load: ${why}`, issues),
  tooLarge: (name: string, compressed: number) =>
    fail('too-large', `“${name}” is ${formatBytes(compressed)} compressed; links hold up to ${formatBytes(MAX_PAYLOAD_BYTES)} — export a file instead`),
  tooLargeJson: (name: string, json: number) =>
    fail('too-large', `“${name}” is ${formatBytes(json)} as JSON; links hold up to ${formatBytes(MAX_SHARED_JSON_BYTES)} — export a file instead`),
};
