import { describe, expect, it } from 'vitest';
import { EditorSession, type EditableLibrary } from '../../../src/app/editor/editor-session';
import { INITIAL_LIBRARY_STATE, type LibraryState } from '../../../src/app/library/library-state';
import type { Scenario } from '../../../src/core/model/types';
import { validateScenario } from '../../../src/core/model/validate';
import { validDoc } from '../../support/scenario-doc';

function scenario(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error('fixture invalid');
  return r.scenario;
}

/** A library stand-in: holds the state, applies updates, notifies like the real one. */
function fakeLibrary(initial: Scenario): EditableLibrary & { set(p: Partial<LibraryState>): void; updates: number } {
  let state: LibraryState = { ...INITIAL_LIBRARY_STATE, ready: true, currentId: initial.id, current: initial };
  const listeners = new Set<(s: LibraryState) => void>();
  const lib = {
    updates: 0,
    getState: () => state,
    subscribe(fn: (s: LibraryState) => void) { listeners.add(fn); fn(state); return () => listeners.delete(fn); },
    update(mutate: (s: Scenario) => Scenario) { lib.updates++; lib.set({ current: mutate(state.current!) }); },
    set(p: Partial<LibraryState>) { state = { ...state, ...p }; for (const fn of listeners) fn(state); },
  };
  return lib;
}

describe('EditorSession', () => {
  it('applies edits through the library, undoes and redoes them', () => {
    const lib = fakeLibrary(scenario());
    const ed = new EditorSession(lib);
    const r = ed.dispatch({ kind: 'move-sites', moves: [{ id: 'dc', lat: 45, lon: 5 }] });
    expect(r.ok).toBe(true);
    expect(lib.getState().current!.sites.find((s) => s.id === 'dc')).toMatchObject({ lat: 45, lon: 5 });
    expect(ed.snapshot()).toMatchObject({ canUndo: true, undoLabel: expect.stringContaining('move') });
    expect(ed.undo()).toBe(true);
    expect(lib.getState().current!.sites.find((s) => s.id === 'dc')!.lat).not.toBe(45);
    expect(ed.redo()).toBe(true);
    expect(lib.getState().current!.sites.find((s) => s.id === 'dc')!.lat).toBe(45);
  });

  it('a refused edit changes nothing and reports the field', () => {
    const lib = fakeLibrary(scenario());
    const ed = new EditorSession(lib);
    const before = lib.getState().current;
    const r = ed.dispatch({ kind: 'update-rows', table: 'sites', changes: [{ key: 'dc', patch: { lat: 200 } }] });
    expect(r.ok).toBe(false);
    expect(lib.getState().current).toBe(before);
    expect(lib.updates).toBe(0);
    expect(ed.snapshot().issues[0]).toMatchObject({ table: 'sites', field: 'lat' });
    expect(ed.snapshot().canUndo).toBe(false);
  });

  it('coalesces a drag into one undo step', () => {
    const lib = fakeLibrary(scenario());
    const ed = new EditorSession(lib);
    for (let i = 1; i <= 5; i++) ed.dispatch({ kind: 'move-sites', moves: [{ id: 'dc', lat: 40 + i, lon: 5 }] }, 'drag-1');
    ed.undo();
    expect(ed.snapshot().canUndo).toBe(false);
  });

  it('forgets its history when another scenario opens or another tab\'s version arrives', () => {
    const lib = fakeLibrary(scenario());
    const ed = new EditorSession(lib);
    ed.dispatch({ kind: 'set-meta', name: 'Mine' });
    expect(ed.snapshot().canUndo).toBe(true);
    lib.set({ current: { ...lib.getState().current!, name: 'From another tab' } });
    expect(ed.snapshot().canUndo).toBe(false);
    ed.dispatch({ kind: 'set-meta', name: 'Again' });
    lib.set({ currentId: 'other', current: { ...scenario(), id: 'other' } });
    expect(ed.snapshot().canUndo).toBe(false);
  });
});
