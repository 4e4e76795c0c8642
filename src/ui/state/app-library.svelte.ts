/**
 * The app's one scenario library, wrapped for Svelte: `state` follows the framework-free
 * ScenarioLibrary (src/app/library) and is replaced, never mutated (hence `$state.raw`).
 */
import type { LibraryState, ScenarioLibrary } from '../../app/library/scenario-library';

const INITIAL: LibraryState = {
  ready: false, list: [], currentId: null, current: null, save: { kind: 'loading' }, warning: null, error: null,
};

/** Where `state` comes from: the library itself, or a view over it (a shared link shown read-only). */
export interface LibraryStateSource {
  getState(): LibraryState;
  subscribe(fn: (s: LibraryState) => void): () => void;
}

export class LibraryView {
  state = $state.raw<LibraryState>(INITIAL);
  readonly library: ScenarioLibrary;
  #unsubscribe: () => void;

  constructor(library: ScenarioLibrary, source: LibraryStateSource = library) {
    this.library = library;
    this.state = source.getState();
    this.#unsubscribe = source.subscribe((s) => { this.state = s; });
  }

  dispose(): void {
    this.#unsubscribe();
  }
}
