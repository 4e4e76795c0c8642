import { describe, expect, it } from 'vitest';
import { EditorSession, type EditableLibrary } from '../../src/app/editor/editor-session';
import { INITIAL_LIBRARY_STATE, type LibraryState } from '../../src/app/library/library-state';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { commitRowField } from '../../src/ui/inspector/commit-field';
import { EditorView } from '../../src/ui/state/editor.svelte';
import { validDoc } from '../support/scenario-doc';

function editor(): { view: EditorView; current: () => Scenario } {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error('fixture invalid');
  let state: LibraryState = { ...INITIAL_LIBRARY_STATE, ready: true, currentId: r.scenario.id, current: r.scenario };
  const listeners = new Set<(s: LibraryState) => void>();
  const lib: EditableLibrary = {
    getState: () => state,
    subscribe(fn) { listeners.add(fn); fn(state); return () => listeners.delete(fn); },
    update(mutate) { state = { ...state, current: mutate(state.current!) }; for (const fn of listeners) fn(state); },
  };
  return { view: new EditorView(new EditorSession(lib)), current: () => state.current! };
}

describe('commitRowField: inspector edits through the command layer', () => {
  it('applies a value, and consecutive commits of one field are one undo step', () => {
    const { view, current } = editor();
    expect(commitRowField(view, 'sites', 'dc', 'storageCapacity', 500)).toBeUndefined();
    expect(commitRowField(view, 'sites', 'dc', 'storageCapacity', 600)).toBeUndefined();
    expect(current().sites.find((s) => s.id === 'dc')!.storageCapacity).toBe(600);
    view.undo();
    expect(current().sites.find((s) => s.id === 'dc')!.storageCapacity).toBeUndefined();
  });

  it('returns the refusal for the field, leaves the scenario as it was and clears the app banner', () => {
    const { view, current } = editor();
    const before = current();
    expect(commitRowField(view, 'sites', 'dc', 'lat', 200)).toBe('must be at most 90');
    expect(current()).toBe(before);
    expect(view.session.snapshot().issues).toEqual([]);
  });

  it('pins a lane value typed by hand', () => {
    const { view, current } = editor();
    commitRowField(view, 'lanes', 'plant-dc', 'leadTime', 3);
    expect(current().lanes.find((l) => l.id === 'plant-dc')).toMatchObject({ leadTime: 3, autoLeadTime: false });
  });

  it('keeps a renamed site selected under its new id, its references following', () => {
    const { view, current } = editor();
    view.select(['sites:dc']);
    expect(commitRowField(view, 'sites', 'dc', 'id', 'dc-west')).toBeUndefined();
    expect([...view.selection]).toEqual(['sites:dc-west']);
    expect(current().lanes.filter((l) => l.from === 'dc-west')).toHaveLength(2);
  });
});
