/**
 * The share fragment in the page address: reading it, building a link, and removing it without
 * a navigation (history.replaceState), so that a reload after "Close" opens the user's own work.
 */
import { shareBody } from '../../core/share/share-frame';

export interface LocationLike {
  readonly href: string;
  readonly hash: string;
}

export interface HistoryLike {
  readonly state: unknown;
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

/** True when the address carries a share fragment (`#share=…`), whatever its state. */
export function hasShareFragment(location: LocationLike): boolean {
  return shareBody(location.hash) !== null;
}

/** The page address without its fragment, plus `#<fragment>`: the link to hand out. */
export function shareUrl(location: LocationLike, fragment: string): string {
  return `${withoutFragment(location.href)}#${fragment}`;
}

/** Drops the fragment from the address bar (no reload, no new history entry). */
export function removeShareFragment(location: LocationLike, history: HistoryLike): void {
  if (!hasShareFragment(location)) return;
  history.replaceState(history.state, '', withoutFragment(location.href));
}

function withoutFragment(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}
