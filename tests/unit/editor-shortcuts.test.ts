/** The shortcut table (one source for the key handlers and the help overlay) and the site search. */
import { describe, expect, it } from 'vitest';
import { SHORTCUT_HELP, shortcutAction } from '../../src/ui/editor/shortcuts';
import { foldText, searchSites } from '../../src/ui/editor/site-search';
import { network } from './editor-fixtures';

describe('shortcutAction', () => {
  it('maps tool keys, with 1–6 picking the site kinds in order', () => {
    expect(shortcutAction({ key: 'v' })).toEqual({ type: 'tool-select' });
    expect(shortcutAction({ key: 'V', shiftKey: true })).toEqual({ type: 'tool-select' });
    expect(shortcutAction({ key: 'l' })).toEqual({ type: 'tool-connect' });
    expect(['1', '2', '3', '4', '5', '6'].map((key) => shortcutAction({ key }))).toEqual(
      ['supplier', 'plant', 'dc', 'retailer', 'customer', 'returns'].map((siteKind) => ({ type: 'tool-add', siteKind })),
    );
    expect(shortcutAction({ key: '7' })).toBeNull();
    expect(shortcutAction({ key: '0' })).toBeNull(); // the map's "fit", not a tool
  });

  it('maps editing keys, with Ctrl or ⌘', () => {
    expect(shortcutAction({ key: 'Delete' })).toEqual({ type: 'delete' });
    expect(shortcutAction({ key: 'Backspace' })).toEqual({ type: 'delete' });
    expect(shortcutAction({ key: 'c', ctrlKey: true })).toEqual({ type: 'copy' });
    expect(shortcutAction({ key: 'v', metaKey: true })).toEqual({ type: 'paste' });
    expect(shortcutAction({ key: 'a', ctrlKey: true })).toEqual({ type: 'select-all' });
    expect(shortcutAction({ key: 'Escape' })).toEqual({ type: 'escape' });
    expect(shortcutAction({ key: '?', shiftKey: true })).toEqual({ type: 'help' });
    expect(shortcutAction({ key: '/' })).toEqual({ type: 'search' });
    expect(shortcutAction({ key: 'g' })).toEqual({ type: 'toggle-snap' });
    expect(shortcutAction({ key: 'ArrowLeft', shiftKey: true })).toEqual({ type: 'nudge', dx: -10, dy: 0 });
    expect(shortcutAction({ key: 'ArrowDown', shiftKey: true })).toEqual({ type: 'nudge', dx: 0, dy: 10 });
    expect(shortcutAction({ key: 'ArrowDown' })).toBeNull(); // plain arrows pan (map-keys.ts)
  });

  it('leaves browser and App shortcuts alone', () => {
    expect(shortcutAction({ key: 'z', ctrlKey: true })).toBeNull(); // undo: App
    expect(shortcutAction({ key: 's', ctrlKey: true })).toBeNull();
    expect(shortcutAction({ key: 'l', altKey: true })).toBeNull();
    expect(shortcutAction({ key: 'Tab' })).toBeNull();
  });

  it('lists every key it handles in the help', () => {
    const listed = new Set(SHORTCUT_HELP.flatMap((g) => g.items.flatMap((i) => i.keys)));
    for (const key of ['V', 'L', '1', '2', '3', '4', '5', '6', 'Esc', 'Delete', 'Ctrl', 'C', 'V', 'A', 'Z', '?', '/', 'G', '0', '+', 'Shift', 'Alt']) {
      expect(listed, key).toContain(key);
    }
  });
});

describe('searchSites', () => {
  const sites = [
    ...network().sites,
    { ...network().sites[3], id: 'c2', name: 'Düsseldorf customer' },
    { ...network().sites[3], id: 'c3', name: 'Big Customer Hub' },
    { ...network().sites[3], id: 'c4', name: '<img src=x onerror=alert(1)>' },
  ];

  it('ranks whole name, start, word start, anywhere, then id', () => {
    expect(searchSites(sites, 'customer').map((s) => s.id)).toEqual(['cust', 'c2', 'c3']);
    expect(searchSites(sites, 'big').map((s) => s.id)).toEqual(['c3']);
    // Inside a word only: table order among equals.
    expect(searchSites(sites, 'ustom').map((s) => s.id)).toEqual(['cust', 'c2', 'c3']);
    expect(searchSites([sites[5], sites[4], sites[3]], 'customer').map((s) => s.id)).toEqual(['cust', 'c3', 'c2']);
    expect(searchSites(sites, 'sup').map((s) => s.id)).toEqual(['sup']);
    expect(searchSites(sites, 'c4').map((s) => s.id)).toEqual(['c4']);
  });

  it('ignores case and accents, and treats markup as text', () => {
    expect(foldText('Düsseldorf')).toBe('dusseldorf');
    expect(searchSites(sites, 'DUSSEL').map((s) => s.id)).toEqual(['c2']);
    expect(searchSites(sites, '<img').map((s) => s.name)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(searchSites(sites, '   ')).toEqual([]);
  });

  it('caps the suggestions and stays fast on 1,000 sites', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...sites[0], id: `s${i}`, name: `Store ${i}` }));
    const t0 = performance.now();
    const hits = searchSites(many, 'store 1');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(hits).toHaveLength(8);
    expect(hits[0].name).toBe('Store 1');
  });
});
