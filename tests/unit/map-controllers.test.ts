// @vitest-environment jsdom
/**
 * The map's pointer controllers on a real (jsdom) DOM, fed synthetic pointer events: a press
 * becomes a drag only past the threshold, a drag swallows its click, Escape cancels, and each
 * controller takes only the presses meant for it (tool, modifier, target).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBoxSelect } from '../../src/ui/map/controllers/box-select';
import { createConnectDrag, type ConnectPreview } from '../../src/ui/map/controllers/connect-drag';
import { DRAG_THRESHOLD } from '../../src/ui/map/controllers/pointer-gesture';
import { createSiteDrag, dragMoves, type SiteMove } from '../../src/ui/map/controllers/site-drag';

let root: HTMLDivElement;
const siteAt = (t: EventTarget | null) => (t instanceof Element ? t.closest('[data-site-id]')?.getAttribute('data-site-id') ?? null : null);
const site = (id: string) => root.querySelector<HTMLElement>(`[data-site-id="${id}"]`)!;

beforeEach(() => {
  document.body.innerHTML = '<div id="root"><span data-site-id="a">A</span><span data-site-id="b">B</span><i id="empty"></i></div>';
  root = document.getElementById('root') as HTMLDivElement;
});
afterEach(() => { vi.useRealTimers(); });

function pointer(target: EventTarget, type: string, x: number, y: number, init: PointerEventInit = {}) {
  const e = new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, button: 0, clientX: x, clientY: y, ...init });
  target.dispatchEvent(e);
  return e;
}
function click(target: EventTarget) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
}

describe('site drag', () => {
  function setup(accepts = true) {
    const moves: { moves: readonly SiteMove[]; gesture: string }[] = [];
    const ends: [string, boolean][] = [];
    const started: string[] = [];
    const drag = createSiteDrag(root, {
      siteAt, accepts: () => accepts, group: (id) => (id === 'a' ? ['a', 'b'] : [id]),
      positionOf: (id) => (id === 'a' ? [100, 100] : [200, 50]), transform: () => ({ k: 2, x: 0, y: 0 }),
      onstart: (id) => started.push(id), onmove: (m, g) => moves.push({ moves: m, gesture: g }), onend: (g, c) => ends.push([g, c]),
    });
    return { drag, moves, ends, started };
  }

  it('moves the pressed site with the selection by screen px ÷ k, under one gesture key', () => {
    const t = setup();
    pointer(site('a'), 'pointerdown', 10, 10);
    pointer(window, 'pointermove', 10 + DRAG_THRESHOLD - 1, 10); // below the threshold: still a click
    expect(t.moves).toHaveLength(0);
    pointer(window, 'pointermove', 30, 50);
    pointer(window, 'pointermove', 50, 10);
    pointer(window, 'pointerup', 50, 10);
    expect(t.started).toEqual(['a']);
    expect(t.moves[0].moves).toEqual([{ id: 'a', to: [110, 120] }, { id: 'b', to: [210, 70] }]);
    expect(t.moves[1].moves[0]).toEqual({ id: 'a', to: [120, 100] });
    expect(new Set(t.moves.map((m) => m.gesture)).size).toBe(1);
    expect(t.ends).toEqual([[t.moves[0].gesture, false]]);
    // The click a drag fires at its end is swallowed; the next one is not.
    const onclick = vi.fn();
    root.addEventListener('click', onclick);
    click(site('a'));
    expect(onclick).not.toHaveBeenCalled();
    t.drag.destroy();
  });

  it('leaves a click a click, and lets Escape cancel a drag', () => {
    const t = setup();
    pointer(site('b'), 'pointerdown', 0, 0);
    pointer(window, 'pointerup', 1, 1);
    expect(t.moves).toHaveLength(0);
    expect(t.ends).toHaveLength(0);

    pointer(site('b'), 'pointerdown', 0, 0);
    pointer(window, 'pointermove', 20, 0);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(t.ends).toEqual([[t.moves[0].gesture, true]]);
    pointer(window, 'pointermove', 40, 0); // the gesture is over
    expect(t.moves).toHaveLength(1);
    t.drag.destroy();
  });

  it('ignores presses it does not accept, on empty map, or with another button', () => {
    const t = setup(false);
    pointer(site('a'), 'pointerdown', 0, 0);
    pointer(window, 'pointermove', 30, 0);
    const u = setup(true);
    pointer(root.querySelector('#empty')!, 'pointerdown', 0, 0);
    pointer(window, 'pointermove', 30, 0);
    pointer(site('a'), 'pointerdown', 0, 0, { button: 2 });
    pointer(window, 'pointermove', 60, 0);
    expect(t.moves).toHaveLength(0);
    expect(u.moves).toHaveLength(0);
    t.drag.destroy();
    u.drag.destroy();
  });

  it('computes moves in layer px for a zoomed view', () => {
    expect(dragMoves(new Map([['x', [10, 10]]]), 40, -20, 4)).toEqual([{ id: 'x', to: [20, 5] }]);
  });
});

describe('connect drag', () => {
  function setup() {
    const previews: (ConnectPreview | null)[] = [];
    const connects: [string, string][] = [];
    const c = createConnectDrag(root, {
      siteAt, accepts: () => true, onpreview: (p) => previews.push(p), onconnect: (a, b) => connects.push([a, b]),
    });
    return { c, previews, connects };
  }

  it('connects by dragging from one site and releasing over another', () => {
    const t = setup();
    document.elementFromPoint = (x: number) => (x > 100 ? site('b') : root.querySelector('#empty'));
    const down = pointer(site('a'), 'pointerdown', 10, 10);
    expect(down.defaultPrevented).toBe(true); // no pan, no text selection
    pointer(window, 'pointermove', 60, 10);
    expect(t.previews.at(-1)).toMatchObject({ from: 'a', over: null });
    pointer(window, 'pointermove', 150, 10);
    expect(t.previews.at(-1)).toMatchObject({ from: 'a', over: 'b' });
    pointer(window, 'pointerup', 150, 10);
    expect(t.connects).toEqual([['a', 'b']]);
    expect(t.previews.at(-1)).toBeNull();
    t.c.destroy();
  });

  it('connects by clicking one site, then the other; Escape drops a half-made connection', () => {
    const t = setup();
    pointer(site('a'), 'pointerdown', 10, 10);
    pointer(window, 'pointerup', 10, 10);
    expect(t.connects).toEqual([]);
    pointer(root, 'pointermove', 80, 20, { buttons: 0 });
    expect(t.previews.at(-1)).toMatchObject({ from: 'a' });
    pointer(site('b'), 'pointerdown', 150, 10);
    pointer(window, 'pointerup', 150, 10);
    expect(t.connects).toEqual([['a', 'b']]);

    pointer(site('a'), 'pointerdown', 10, 10);
    pointer(window, 'pointerup', 10, 10);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(t.previews.at(-1)).toBeNull();
    pointer(site('b'), 'pointerdown', 150, 10);
    pointer(window, 'pointerup', 150, 10); // a fresh first click, not a connection
    expect(t.connects).toHaveLength(1);
    t.c.destroy();
  });

  it('takes the rubber band away when Escape cancels a drag', () => {
    const t = setup();
    document.elementFromPoint = () => site('b');
    pointer(site('a'), 'pointerdown', 10, 10);
    pointer(window, 'pointermove', 60, 10);
    expect(t.previews.at(-1)).toMatchObject({ from: 'a', over: 'b' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(t.previews.at(-1)).toBeNull();
    pointer(window, 'pointerup', 60, 10);
    expect(t.connects).toEqual([]);
    t.c.destroy();
  });

  it('never connects a site to itself', () => {
    const t = setup();
    document.elementFromPoint = () => site('a');
    pointer(site('a'), 'pointerdown', 10, 10);
    pointer(window, 'pointermove', 40, 10);
    pointer(window, 'pointerup', 40, 10);
    expect(t.connects).toEqual([]);
    t.c.destroy();
  });
});

describe('box select', () => {
  it('draws a box from a Shift+press on empty map and selects on release', () => {
    const rects: unknown[] = [];
    const selected: unknown[] = [];
    const box = createBoxSelect(root, {
      siteAt, accepts: (e) => e.shiftKey, onpreview: (r) => rects.push(r), onselect: (r) => selected.push(r),
    });
    pointer(root.querySelector('#empty')!, 'pointerdown', 50, 40); // no Shift: not a box
    pointer(window, 'pointermove', 90, 90);
    pointer(window, 'pointerup', 90, 90);
    expect(rects).toEqual([]);
    pointer(site('a'), 'pointerdown', 50, 40, { shiftKey: true }); // on a site: not a box either
    pointer(window, 'pointerup', 90, 90);
    const down = pointer(root.querySelector('#empty')!, 'pointerdown', 50, 40, { shiftKey: true });
    expect(down.defaultPrevented).toBe(true);
    pointer(window, 'pointermove', 20, 90);
    pointer(window, 'pointerup', 10, 100);
    expect(rects[0]).toEqual({ x0: 20, y0: 40, x1: 50, y1: 90 });
    expect(rects.at(-1)).toBeNull();
    expect(selected).toEqual([{ x0: 10, y0: 40, x1: 50, y1: 100 }]);
    box.destroy();
  });
});
