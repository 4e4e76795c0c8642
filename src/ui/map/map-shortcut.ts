/**
 * The map's share of the keyboard (the toolbar handles tools and help): Delete, copy, paste,
 * select all, Shift+arrows and Escape, each turned into a MapEditing call. Keys typed into a
 * field, or while a dialog is open, are left alone.
 */
import { shortcutAction } from '../editor/shortcuts';
import type { MapEditing } from './map-editing';

export interface MapShortcutContext {
  readonly editing: MapEditing;
  /** The map itself has keyboard focus (Shift+arrows move sites only then). */
  readonly mapFocused: boolean;
  /** Escape: drop a half-made connection, back to the Select tool, clear the selection. */
  escape(): void;
}

export function inTextField(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

/** Handles the key if it is one of the map's; true when it did something. */
export function runMapShortcut(event: KeyboardEvent, ctx: MapShortcutContext): boolean {
  if (event.defaultPrevented || inTextField(event.target) || document.querySelector('dialog[open]')) return false;
  const action = shortcutAction(event);
  let done = false;
  switch (action?.type) {
    case 'delete': done = ctx.editing.deleteSelection(); break;
    // Nothing selected on the map: Ctrl+C stays the browser's (copying text).
    case 'copy': done = ctx.editing.copy() > 0; break;
    case 'paste': done = ctx.editing.paste().length > 0; break;
    // Elsewhere Shift+arrows select text or move a caret.
    case 'nudge': done = ctx.mapFocused && ctx.editing.nudge(action.dx, action.dy); break;
    case 'select-all': ctx.editing.selectAll(); done = true; break;
    case 'escape': ctx.escape(); return false; // others (a search box, a dialog) may close too
  }
  if (done) event.preventDefault();
  return done;
}
