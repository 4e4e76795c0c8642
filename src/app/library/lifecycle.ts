/**
 * Page lifecycle hooks for the library (case 1: an edit survives closing the tab within 100 ms).
 * `pagehide` is the last reliable event on every browser (unload is not, on mobile); a tab
 * going hidden may never come back, so it flushes too. Coming back visible rechecks staleness.
 */
export interface ListenerTarget {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export interface VisibilityTarget extends ListenerTarget {
  readonly visibilityState: string;
}

export function attachPageLifecycle(
  target: ListenerTarget,
  doc: VisibilityTarget | undefined,
  on: { hide: () => void; visible: () => void },
): () => void {
  const onHide = (): void => on.hide();
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'hidden') on.hide();
    else on.visible();
  };
  target.addEventListener('pagehide', onHide);
  doc?.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onHide);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}
