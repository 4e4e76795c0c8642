/**
 * The app's one scenario library, wrapped for Svelte: `state` follows the framework-free
 * ScenarioLibrary (src/app/library) and is replaced, never mutated (hence `$state.raw`).
 */
import type { LibraryState, ScenarioLibrary } from '../../app/library/scenario-library';

const INITIAL: LibraryState = {
  ready: false, list: [], currentId: null, current: null, save: { kind: 'loading' }, warning: null, error: null,
};

export class LibraryView {
  state = $state.raw<LibraryState>(INITIAL);
  readonly library: ScenarioLibrary;
  #unsubscribe: () => void;

  constructor(library: ScenarioLibrary) {
    this.library = library;
    this.state = library.getState();
    this.#unsubscribe = library.subscribe((s) => { this.state = s; });
  }

  dispose(): void {
    this.#unsubscribe();
  }
}
