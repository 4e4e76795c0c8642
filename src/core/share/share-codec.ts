/**
 * Scenario ⇄ share-link fragment (docs/share-links.md). Encoding writes the scenario as compact
 * JSON (the scenario file format without indentation); decoding ends in the one load path —
 * safe JSON parse → migrateScenario → validateScenario — so a link is trusted no more than a file.
 */
import { parseJsonSafely } from '../io/safe-json';
import { utf8Decode, utf8Encode } from '../io/utf8';
import { loadScenario } from '../model/load';
import type { Scenario } from '../model/types';
import type { Compressor } from './compressor';
import { failures, type ShareFailure } from './share-failure';
import { packFragment, unpackFragment } from './share-frame';
import { MAX_FRAGMENT_CHARS, MAX_SHARED_JSON_BYTES } from './share-limits';

export interface EncodedShare {
  readonly ok: true;
  /** `share=v1.…`: append to a URL after `#`. */
  readonly fragment: string;
  /** Size of the scenario as compact UTF-8 JSON, and of the framed compressed payload. */
  readonly jsonBytes: number;
  readonly payloadBytes: number;
}

export interface DecodedShare {
  readonly ok: true;
  readonly scenario: Scenario;
  /** Format version the shared document had before migration. */
  readonly migratedFrom: number;
}

export async function encodeShareFragment(scenario: Scenario, compressor: Compressor): Promise<EncodedShare | ShareFailure> {
  const json = utf8Encode(JSON.stringify(scenario));
  if (json.length > MAX_SHARED_JSON_BYTES) return failures.tooLargeJson(scenario.name, json.length);
  const deflated = await compressor.deflate(json);
  const { fragment, payloadBytes } = packFragment(deflated, json.length);
  if (fragment.length > MAX_FRAGMENT_CHARS) return failures.tooLarge(scenario.name, payloadBytes);
  return { ok: true, fragment, jsonBytes: json.length, payloadBytes };
}

/** Decodes a fragment (`share=v1.…`, with or without `#`); never throws for any input text. */
export async function decodeShareFragment(fragment: string, compressor: Compressor): Promise<DecodedShare | ShareFailure> {
  const frame = unpackFragment(fragment);
  if (!frame.ok) return frame;
  // One byte past the declared size is enough to know the declaration was a lie.
  const inflated = await compressor.inflate(frame.deflated, frame.jsonBytes);
  if (!inflated.ok) return inflated.reason === 'over-limit' ? failures.bombActual(frame.jsonBytes) : failures.badDeflate(inflated.message);
  if (inflated.bytes.length !== frame.jsonBytes) return failures.shortOutput(inflated.bytes.length, frame.jsonBytes);
  const parsed = parseJsonSafely(utf8Decode(inflated.bytes), 'the shared data');
  if (!parsed.ok) return failures.notJson(parsed.message);
  const loaded = loadScenario(parsed.value);
  if (!loaded.ok) return failures.invalid(loaded.message, loaded.issues);
  return { ok: true, scenario: loaded.scenario, migratedFrom: loaded.migratedFrom };
}
