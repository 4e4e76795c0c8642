/**
 * Tells the other ChainLab tabs of this origin that a scenario changed, so a tab holding an
 * older copy learns it is stale before it tries to write (reliability case 10). The revision
 * check in `put` stays the real guard; messages only make the conflict visible sooner.
 */
export type TabMessage =
  | { readonly type: 'saved'; readonly id: string; readonly revision: number }
  | { readonly type: 'deleted'; readonly id: string };

export interface TabChannel {
  post(message: TabMessage): void;
  /** Messages from other tabs (never this tab's own posts). */
  subscribe(fn: (message: TabMessage) => void): () => void;
  close(): void;
}

/** The part of BroadcastChannel we use; tests may pass Node's BroadcastChannel or a fake. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', fn: (event: { data: unknown }) => void): void;
  close(): void;
}

export const TAB_CHANNEL_NAME = 'chainlab';

/** Messages come from other tabs, possibly of another app version: accept only known shapes. */
export function parseTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.id !== 'string') return null;
  if (m.type === 'saved' && typeof m.revision === 'number') return { type: 'saved', id: m.id, revision: m.revision };
  if (m.type === 'deleted') return { type: 'deleted', id: m.id };
  return null;
}

const defaultFactory = (name: string): BroadcastChannelLike | null =>
  typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(name) as unknown as BroadcastChannelLike);

/** Without BroadcastChannel (old Safari) this is a silent no-op; revisions still protect data. */
export function createTabChannel(
  name: string = TAB_CHANNEL_NAME,
  create: (name: string) => BroadcastChannelLike | null = defaultFactory,
): TabChannel {
  const channel = create(name);
  const listeners = new Set<(message: TabMessage) => void>();
  const onMessage = (event: { data: unknown }): void => {
    const message = parseTabMessage(event.data);
    if (message) for (const fn of listeners) fn(message);
  };
  channel?.addEventListener('message', onMessage);
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel (tab shutting down) must not turn a successful save into an error.
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => { listeners.delete(fn); };
    },
    close() {
      listeners.clear();
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    },
  };
}
