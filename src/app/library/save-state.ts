/** What the save indicator shows, and the sentences the library uses to explain it. */
export type SaveState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'unsaved' }
  /** A write failed; the in-memory work is intact and the next edit or flush retries. */
  | { readonly kind: 'error'; readonly message: string }
  /** Another tab saved this scenario: reload theirs, or keep mine as a copy. */
  | { readonly kind: 'conflict'; readonly message: string }
  /** No persistent storage: work lives in this tab only. */
  | { readonly kind: 'memory-only'; readonly message: string };

export const MEMORY_ONLY_MESSAGE = 'Storage unavailable: your work is kept in this tab only — export to keep it.';
export const STORAGE_FULL_MESSAGE = "Not saved: the browser's storage is full. Export the scenario to keep it.";
export const NEWER_DB_MESSAGE = 'Your saved scenarios were stored by a newer ChainLab: reload the page to get it. Until then your work is kept in this tab only — export to keep it.';
export const BLOCKED_MESSAGE = 'ChainLab was updated: close or reload the other ChainLab tabs to finish opening your scenarios.';
export const VERSION_CHANGE_MESSAGE = 'ChainLab was updated in another tab: reload this tab to keep saving (export first to keep unsaved changes).';

export function notSavedMessage(reason: string): string {
  return `Not saved: ${reason}. Your changes are still here; export the scenario to keep them.`;
}

export function conflictMessage(name: string, deleted: boolean): string {
  return deleted
    ? `“${name}” was deleted in another tab. Keep yours as a copy, or discard your changes.`
    : `Another tab saved a newer version of “${name}”. Reload theirs, or keep yours as a copy.`;
}
