/**
 * MapEditing — what gestures and shortcuts do — driving the real EditorSession (command layer,
 * undo history) over a stand-in library, on a schematic frame with simple numbers.
 */
import { describe, expect, it } from 'vitest';
import { EditorSession, type EditableLibrary } from '../../src/app/editor/editor-session';
import { INITIAL_LIBRARY_STATE, type LibraryState } from '../../src/app/library/library-state';
import type { Scenario } from '../../src/core/model/types';
import { MapEditing, type EditorPort, type MapContext } from '../../src/ui/map/map-editing';
import { schematicFrame, type FrameFit } from '../../src/ui/map/map-frame';
import { PASTE_STEP_PX } from '../../src/ui/map/map-positions';
import { schematicPoints } from '../../src/ui/map/schematic-layout';
import { network } from './editor-fixtures';

function library(initial: Scenario): EditableLibrary {
  let state: LibraryState = { ...INITIAL_LIBRARY_STATE, ready: true, currentId: initial.id, current: initial };
  const listeners = new Set<(s: LibraryState) => void>();
  return {
    getState: () => state,
    subscribe(fn) { listeners.add(fn); fn(state); return () => listeners.delete(fn); },
    update(mutate) { state = { ...state, current: mutate(state.current!) }; for (const fn of listeners) fn(state); },
  };
}

/** The editor port over a session, with the selection as a plain set. */
function setup(s: Scenario = network({ sites: network().sites.map((x, i) => ({ ...x, x: i * 100, y: 0 })) })) {
  const lib = library(s);
  const session = new EditorSession(lib);
  let selection = new Set<string>();
  const port: EditorPort = {
    dispatch: (cmd, key) => session.dispatch(cmd, key),
    undo: () => { session.undo(); },
    select(keys, additive = false) {
      const next = new Set(additive ? selection : []);
      for (const k of keys) { if (additive && next.has(k)) next.delete(k); else next.add(k); }
      selection = next;
    },
    clearSelection: () => { selection = new Set(); },
    selectedIds: (table) => [...selection].filter((k) => k.startsWith(`${table}:`)).map((k) => k.slice(table.length + 1)),
  };
  // Schematic frame: layer px = 2 × schematic units + (10, 20).
  const fit: Extract<FrameFit, { layout: 'schematic' }> = { layout: 'schematic', scale: 2, translate: [10, 20], width: 800, height: 600 };
  const context = (snapping = false, k = 1): MapContext => {
    const scenario = lib.getState().current!;
    const frame = schematicFrame(fit, schematicPoints(scenario.sites));
    const placed = scenario.sites.map((x) => { const p = frame.place(x)!; return { id: x.id, x: p[0], y: p[1] }; });
    return { scenario, frame, transform: { k, x: 0, y: 0 }, snapping, placed };
  };
  let snapping = false;
  let k = 1;
  const editing = new MapEditing(port, () => context(snapping, k));
  return {
    editing, session, current: () => lib.getState().current!, selection: () => [...selection],
    setSnapping: (v: boolean) => { snapping = v; }, setZoom: (v: number) => { k = v; },
  };
}

describe('MapEditing', () => {
  it('adds a site where the user clicked and selects it', () => {
    const t = setup();
    const id = t.editing.addSite('dc', [210, 120]);
    expect(id).toBe('dc-1');
    expect(t.current().sites.at(-1)).toMatchObject({ id: 'dc-1', x: 100, y: 50 });
    expect(t.selection()).toEqual(['sites:dc-1']);
  });

  it('snaps a new site to the 20-unit grid when snapping is on', () => {
    const t = setup();
    t.setSnapping(true);
    t.editing.addSite('plant', [10 + 2 * 33, 20 + 2 * -11]);
    expect(t.current().sites.at(-1)).toMatchObject({ x: 40, y: -20 });
  });

  it('connects two sites and selects the lane; a refused connection changes nothing', () => {
    const t = setup();
    expect(t.editing.connect('sup', 'dc')).toBe('lane-1');
    expect(t.selection()).toEqual(['lanes:lane-1']);
    const before = t.current();
    expect(t.editing.connect('cust', 'sup')).toBeNull();
    expect(t.current()).toBe(before);
    expect(t.session.snapshot().issues.length).toBeGreaterThan(0);
  });

  it('merges a whole drag into one undo step, and Escape rolls it back', () => {
    const t = setup();
    const start = t.current();
    t.editing.dragMove([{ id: 'dc', to: [410, 20] }], 'g1');
    t.editing.dragMove([{ id: 'dc', to: [430, 60] }], 'g1');
    t.editing.dragEnd('g1', false);
    expect(t.current().sites.find((x) => x.id === 'dc')).toMatchObject({ x: 210, y: 20 });
    expect(t.session.snapshot().undoLabel).toBe('move DC');
    t.session.undo();
    expect(t.current()).toBe(start);
    expect(t.session.snapshot().canUndo).toBe(false);

    t.editing.dragMove([{ id: 'dc', to: [500, 500] }], 'g2');
    t.editing.dragEnd('g2', true);
    expect(t.current().sites).toEqual(start.sites);
    // A cancelled drag that never moved must not undo anything else.
    t.editing.addSite('dc', [0, 0]);
    t.editing.dragEnd('g3', true);
    expect(t.current().sites).toHaveLength(5);
  });

  it('deletes the selection (sites with their lanes) as one step', () => {
    const t = setup();
    t.editing.clickSelect('sites:dc', false);
    t.editing.clickSelect('lanes:sup-plant', true);
    expect(t.editing.deleteSelection()).toBe(true);
    expect(t.current().sites.map((x) => x.id)).toEqual(['sup', 'plant', 'cust']);
    expect(t.current().lanes).toEqual([]);
    expect(t.session.snapshot().undoLabel).toBe('delete 1 site and 1 lane');
    t.editing.clickSelect('sites:nothing', false);
    t.session.undo();
    expect(t.current().lanes).toHaveLength(3);
  });

  it('box-selects sites, adding to the selection', () => {
    const t = setup();
    t.editing.clickSelect('lanes:plant-dc', false);
    // Sites at layer x = 10, 210, 410, 610 (y = 20): the box takes the middle two.
    t.editing.selectBox({ x0: 100, y0: 0, x1: 450, y1: 40 });
    expect(t.selection().sort()).toEqual(['lanes:plant-dc', 'sites:dc', 'sites:plant']);
    t.editing.selectBox({ x0: 100, y0: 0, x1: 450, y1: 40 }); // again: still selected, not toggled off
    expect(t.selection()).toHaveLength(3);
    t.editing.selectAll();
    expect(t.selection()).toHaveLength(4);
  });

  it('pastes copies a few screen px away, further on each paste, and selects them', () => {
    const t = setup();
    t.setZoom(2);
    t.editing.clickSelect('sites:plant', false);
    t.editing.clickSelect('sites:dc', true);
    expect(t.editing.copy()).toBe(2);
    expect(t.editing.paste()).toEqual(['plant-1', 'dc-1']);
    // PASTE_STEP_PX screen px at k = 2 is PASTE_STEP_PX / 2 layer px = PASTE_STEP_PX / 4 units.
    const d = PASTE_STEP_PX / 4;
    expect(t.current().sites.find((x) => x.id === 'plant-1')).toMatchObject({ x: 100 + d, y: d, name: 'Plant (copy)' });
    expect(t.current().lanes.at(-1)).toMatchObject({ from: 'plant-1', to: 'dc-1' });
    expect(t.selection().sort()).toEqual(['lanes:lane-1', 'sites:dc-1', 'sites:plant-1']);
    t.editing.paste();
    expect(t.current().sites.find((x) => x.id === 'plant-2')).toMatchObject({ x: 100 + 2 * d, y: 2 * d });
    expect(t.session.snapshot().undoLabel).toBe('paste 2 sites and 1 lane');
  });

  it('nudges the selected sites by screen px, presses in a row making one undo step', () => {
    const t = setup();
    t.setZoom(2);
    expect(t.editing.nudge(10, 0)).toBe(false); // nothing selected
    t.editing.clickSelect('sites:dc', false);
    t.editing.nudge(10, 0);
    t.editing.nudge(0, -10);
    // 10 screen px at k = 2 = 5 layer px = 2.5 schematic units.
    expect(t.current().sites.find((x) => x.id === 'dc')).toMatchObject({ x: 202.5, y: -2.5 });
    t.session.undo();
    expect(t.current().sites.find((x) => x.id === 'dc')).toMatchObject({ x: 200, y: 0 });
  });
});
