/**
 * Share links as the UI sees them: the read-only shared scenario (if one is shown), why a link
 * was refused, and which scenario the Share dialog is open for. The work itself is done by
 * src/app/share (the view over the library, the link-opening flow) and src/core/share (the codec).
 */
import type { ModelIssue } from '../../core/model/issue';
import type { Scenario } from '../../core/model/types';
import type { ScenarioLibrary } from '../../app/library/scenario-library';
import { openSharedLink } from '../../app/share/open-shared-link';
import { removeShareFragment } from '../../app/share/share-location';
import { SharedScenarioView } from '../../app/share/shared-scenario-view';

export class ShareState {
  readonly view: SharedScenarioView;
  /** The shared scenario shown read-only, or null. */
  shared = $state.raw<Scenario | null>(null);
  /** The last refused link, in words; cleared when dismissed or when a link opens. */
  linkError = $state.raw<{ readonly message: string; readonly issues: readonly ModelIssue[] } | null>(null);
  /** The scenario the Share dialog is open for. */
  sharing = $state.raw<Scenario | null>(null);
  /** "Save a copy" is running. */
  saving = $state(false);
  #seq = 0;
  readonly #unsubscribe: () => void;

  constructor(library: ScenarioLibrary) {
    this.view = new SharedScenarioView(library, { forgetLink: () => removeShareFragment(window.location, window.history) });
    this.#unsubscribe = this.view.subscribeShared((s) => { this.shared = s; });
  }

  /** Shows the scenario of a `#share=…` address; a bad one becomes `linkError`. Safe to call often. */
  async openFromLocation(): Promise<void> {
    const seq = ++this.#seq;
    const r = await openSharedLink(this.view, { location: window.location, history: window.history });
    if (seq !== this.#seq || r.kind === 'none') return;
    this.linkError = r.kind === 'refused' ? { message: r.failure.message, issues: r.failure.issues } : null;
  }

  /** Listens for a share link pasted into the address bar of an open tab. */
  attach(target: Window): () => void {
    const onHash = (): void => { void this.openFromLocation(); };
    target.addEventListener('hashchange', onHash);
    return () => target.removeEventListener('hashchange', onHash);
  }

  async saveCopy(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    try {
      await this.view.saveCopy();
    } finally {
      this.saving = false;
    }
  }

  close(): void {
    this.view.close();
  }

  dispose(): void {
    this.#unsubscribe();
    this.view.dispose();
  }
}
