/**
 * The table view's keyboard model, as in a spreadsheet: an active cell and an anchor spanning a
 * range; arrows, Tab, Home/End and PageUp/PageDown move (Shift extends the range, Ctrl jumps to
 * the edge); F2 or Enter edit the cell's text, typing a character replaces it; Delete clears.
 * While editing, Enter/Tab commit and move on, Escape cancels. Pure functions of key and position.
 */

export interface GridPos {
  readonly row: number;
  readonly col: number;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

export interface KeyLike {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

export type GridKeyAction =
  | { readonly kind: 'move'; readonly to: GridPos; readonly extend: boolean }
  /** Start editing: `text` undefined keeps the cell's text (F2/Enter), else replaces it (typing). */
  | { readonly kind: 'edit'; readonly text?: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'escape' }
  | { readonly kind: 'none' };

export type EditKeyAction =
  | { readonly kind: 'commit'; readonly move: 'down' | 'up' | 'right' | 'left' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'none' };

export function clampPos(p: GridPos, size: GridSize): GridPos {
  return {
    row: Math.max(0, Math.min(size.rows - 1, p.row)),
    col: Math.max(0, Math.min(size.cols - 1, p.col)),
  };
}

/** The cell one step away; Tab wraps to the next (Shift+Tab the previous) row. */
export function step(p: GridPos, dir: 'up' | 'down' | 'left' | 'right' | 'next' | 'prev', size: GridSize): GridPos {
  switch (dir) {
    case 'up': return clampPos({ row: p.row - 1, col: p.col }, size);
    case 'down': return clampPos({ row: p.row + 1, col: p.col }, size);
    case 'left': return clampPos({ row: p.row, col: p.col - 1 }, size);
    case 'right': return clampPos({ row: p.row, col: p.col + 1 }, size);
    case 'next': return p.col < size.cols - 1 ? { row: p.row, col: p.col + 1 } : clampPos({ row: p.row + 1, col: p.row + 1 < size.rows ? 0 : p.col }, size);
    case 'prev': return p.col > 0 ? { row: p.row, col: p.col - 1 } : clampPos({ row: p.row - 1, col: p.row > 0 ? size.cols - 1 : 0 }, size);
  }
}

const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** What a key does while the grid (not an editor) has focus. */
export function gridKeyAction(k: KeyLike, at: GridPos, size: GridSize, pageRows: number): GridKeyAction {
  if (size.rows === 0 || size.cols === 0) return { kind: 'none' };
  const mod = !!(k.ctrlKey || k.metaKey);
  const extend = !!k.shiftKey;
  const move = (to: GridPos, ext = extend): GridKeyAction => ({ kind: 'move', to: clampPos(to, size), extend: ext });
  const arrow = ARROWS[k.key];
  if (arrow) {
    if (!mod) return move(step(at, arrow, size));
    if (arrow === 'up') return move({ row: 0, col: at.col });
    if (arrow === 'down') return move({ row: size.rows - 1, col: at.col });
    if (arrow === 'left') return move({ row: at.row, col: 0 });
    return move({ row: at.row, col: size.cols - 1 });
  }
  switch (k.key) {
    case 'Tab': return move(step(at, k.shiftKey ? 'prev' : 'next', size), false);
    case 'Home': return move(mod ? { row: 0, col: 0 } : { row: at.row, col: 0 });
    case 'End': return move(mod ? { row: size.rows - 1, col: size.cols - 1 } : { row: at.row, col: size.cols - 1 });
    case 'PageDown': return move({ row: at.row + pageRows, col: at.col });
    case 'PageUp': return move({ row: at.row - pageRows, col: at.col });
    case 'F2':
    case 'Enter': return { kind: 'edit' };
    case 'Delete':
    case 'Backspace': return { kind: 'clear' };
    case 'Escape': return { kind: 'escape' };
  }
  // A printable character starts editing with it, replacing the cell (Ctrl/Cmd shortcuts excepted).
  if (k.key.length === 1 && !mod && !k.altKey) return { kind: 'edit', text: k.key };
  return { kind: 'none' };
}

/** What a key does inside a cell editor. Arrows stay with the text caret. */
export function editKeyAction(k: KeyLike): EditKeyAction {
  if (k.key === 'Enter') return { kind: 'commit', move: k.shiftKey ? 'up' : 'down' };
  if (k.key === 'Tab') return { kind: 'commit', move: k.shiftKey ? 'left' : 'right' };
  if (k.key === 'Escape') return { kind: 'cancel' };
  return { kind: 'none' };
}

export interface GridRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangle between the anchor and the active cell (both included). */
export function rangeOf(anchor: GridPos, active: GridPos): GridRange {
  return {
    top: Math.min(anchor.row, active.row), bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.col, active.col), right: Math.max(anchor.col, active.col),
  };
}

export function inRange(r: GridRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
