/**
 * Opening the app with `#share=…`: decode the fragment (core codec, bounded inflate) and show the
 * scenario read-only. A refused link is removed from the address and reported; the user's own
 * work opens as usual either way, since the library is never involved.
 */
import { decodeShareFragment } from '../../core/share/share-codec';
import type { Compressor } from '../../core/share/compressor';
import type { ShareFailure } from '../../core/share/share-failure';
import { shareBody } from '../../core/share/share-frame';
import { removeShareFragment, type HistoryLike, type LocationLike } from './share-location';
import type { SharedScenarioView } from './shared-scenario-view';
import { streamCompressor } from './stream-compressor';

export type OpenLinkOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'shown'; readonly name: string }
  | { readonly kind: 'refused'; readonly failure: ShareFailure };

export interface OpenLinkEnv {
  readonly location: LocationLike;
  readonly history: HistoryLike;
  readonly compressor?: Compressor;
}

export async function openSharedLink(view: Pick<SharedScenarioView, 'show'>, env: OpenLinkEnv): Promise<OpenLinkOutcome> {
  const hash = env.location.hash;
  if (shareBody(hash) === null) return { kind: 'none' };
  let r: Awaited<ReturnType<typeof decodeShareFragment>>;
  try {
    r = await decodeShareFragment(hash, env.compressor ?? streamCompressor);
  } catch (e) {
    // The codec refuses every bad input itself; this is a platform failure (no DecompressionStream).
    r = { ok: false, kind: 'corrupt', message: `this browser could not decode the link (${e instanceof Error ? e.message : String(e)})`, issues: [] };
  }
  // The address may have moved on to another link while this one was decoded.
  if (env.location.hash !== hash) return { kind: 'none' };
  if (!r.ok) {
    removeShareFragment(env.location, env.history);
    return { kind: 'refused', failure: r };
  }
  view.show(r.scenario);
  return { kind: 'shown', name: r.scenario.name };
}
