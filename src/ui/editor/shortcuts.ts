/**
 * Every keyboard shortcut of the editor in one table: the key handlers match against it and the
 * help overlay lists it, so the two cannot drift apart. Pure, tested in Node.
 */
import { SITE_KINDS } from '../../core/model/tables';
import type { SiteKind } from '../../core/model/types';

export type ShortcutAction =
  | { readonly type: 'tool-select' }
  | { readonly type: 'tool-add'; readonly siteKind: SiteKind }
  | { readonly type: 'tool-connect' }
  | { readonly type: 'delete' }
  | { readonly type: 'copy' }
  | { readonly type: 'paste' }
  | { readonly type: 'select-all' }
  | { readonly type: 'escape' }
  | { readonly type: 'help' }
  | { readonly type: 'search' }
  | { readonly type: 'toggle-snap' }
  /** Move the selected sites by screen px (Shift+arrows). */
  | { readonly type: 'nudge'; readonly dx: number; readonly dy: number };

/** Screen px a Shift+arrow press moves the selected sites. */
export const NUDGE_PX = 10;

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
}

/** Keys 1–6 pick a site kind, in the scenario format's order. */
export const KIND_KEYS: readonly SiteKind[] = SITE_KINDS;

export function shortcutAction(e: KeyLike): ShortcutAction | null {
  const mod = !!(e.ctrlKey || e.metaKey);
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.shiftKey && !mod && ARROWS[key]) return { type: 'nudge', dx: ARROWS[key][0] * NUDGE_PX, dy: ARROWS[key][1] * NUDGE_PX };
  if (mod) {
    if (key === 'c') return { type: 'copy' };
    if (key === 'v') return { type: 'paste' };
    if (key === 'a') return { type: 'select-all' };
    return null;
  }
  switch (key) {
    case 'v': return { type: 'tool-select' };
    case 'l': return { type: 'tool-connect' };
    case 'g': return { type: 'toggle-snap' };
    case 'Delete': case 'Backspace': return { type: 'delete' };
    case 'Escape': return { type: 'escape' };
    case '?': return { type: 'help' };
    case '/': return { type: 'search' };
  }
  const n = Number(key);
  if (Number.isInteger(n) && n >= 1 && n <= KIND_KEYS.length && key.length === 1) return { type: 'tool-add', siteKind: KIND_KEYS[n - 1] };
  return null;
}

export interface ShortcutHelp {
  readonly keys: readonly string[];
  readonly does: string;
  /** The keys are alternatives (+ or −), not a combination (Ctrl+Z). */
  readonly either?: boolean;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly items: readonly ShortcutHelp[];
}

const KIND_WORDS: Record<SiteKind, string> = {
  supplier: 'supplier', plant: 'plant', dc: 'DC / warehouse', retailer: 'retailer', customer: 'customer', returns: 'returns centre',
};

/** What the help overlay lists ("Ctrl" reads "⌘" on a Mac, as the overlay says). */
export const SHORTCUT_HELP: readonly ShortcutGroup[] = [
  {
    title: 'Tools',
    items: [
      { keys: ['V'], does: 'Select and move: click a site or lane, drag a site to move it' },
      ...KIND_KEYS.map((k, i) => ({ keys: [String(i + 1)], does: `Add a ${KIND_WORDS[k]}: click on the map` })),
      { keys: ['L'], does: 'Connect: drag from one site to another to add a lane (or click one, then the other)' },
      { keys: ['Alt', 'drag'], does: 'Connect from the Select tool' },
      { keys: ['Esc'], does: 'Back to Select, clear the selection' },
    ],
  },
  {
    title: 'Selection',
    items: [
      { keys: ['Shift', 'click'], does: 'Add a site or lane to the selection, or take it out' },
      { keys: ['Shift', 'drag'], does: 'Select the sites in a box (a plain drag pans)' },
      { keys: ['Ctrl', 'A'], does: 'Select every site' },
      { keys: ['Shift', '←↑→↓'], does: 'Move the selected sites (map focused)' },
      { keys: ['Delete'], does: 'Delete the selected sites and lanes (Backspace too)' },
      { keys: ['Ctrl', 'C'], does: 'Copy the selected sites and the lanes between them' },
      { keys: ['Ctrl', 'V'], does: 'Paste the copies next to the originals' },
      { keys: ['/'], does: 'Search a site by name' },
    ],
  },
  {
    title: 'History',
    items: [
      { keys: ['Ctrl', 'Z'], does: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo (Ctrl+Y too)' },
    ],
  },
  {
    title: 'View (map focused)',
    items: [
      { keys: ['+', '−'], does: 'Zoom in and out (or the mouse wheel, or pinch)', either: true },
      { keys: ['←', '↑', '→', '↓'], does: 'Pan (or drag the map)', either: true },
      { keys: ['0'], does: 'Fit the whole network' },
      { keys: ['G'], does: 'Snap to grid on or off (schematic)' },
      { keys: ['?'], does: 'This help' },
    ],
  },
];
