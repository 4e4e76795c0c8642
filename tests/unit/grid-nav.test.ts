import { describe, expect, it } from 'vitest';
import { editKeyAction, gridKeyAction, inRange, rangeOf } from '../../src/app/tables/grid-nav';
import { nextSort, orderRows } from '../../src/app/tables/row-order';
import { pageRows, revealRow, visibleRows } from '../../src/app/tables/virtual-rows';
import { tableColumns } from '../../src/core/model/introspect';

const size = { rows: 10, cols: 4 };
const at = { row: 5, col: 2 };
const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({ key: k, ...mods });

describe('gridKeyAction: spreadsheet navigation', () => {
  it('arrows move one cell and stop at the edges', () => {
    expect(gridKeyAction(key('ArrowDown'), at, size, 5)).toEqual({ kind: 'move', to: { row: 6, col: 2 }, extend: false });
    expect(gridKeyAction(key('ArrowLeft'), { row: 0, col: 0 }, size, 5)).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
    expect(gridKeyAction(key('ArrowRight'), { row: 0, col: 3 }, size, 5)).toEqual({ kind: 'move', to: { row: 0, col: 3 }, extend: false });
  });

  it('Shift extends the range; Ctrl jumps to the edge', () => {
    expect(gridKeyAction(key('ArrowUp', { shiftKey: true }), at, size, 5)).toEqual({ kind: 'move', to: { row: 4, col: 2 }, extend: true });
    expect(gridKeyAction(key('ArrowDown', { ctrlKey: true }), at, size, 5)).toEqual({ kind: 'move', to: { row: 9, col: 2 }, extend: false });
    expect(gridKeyAction(key('ArrowLeft', { metaKey: true }), at, size, 5)).toEqual({ kind: 'move', to: { row: 5, col: 0 }, extend: false });
    expect(gridKeyAction(key('End', { ctrlKey: true }), at, size, 5)).toEqual({ kind: 'move', to: { row: 9, col: 3 }, extend: false });
    expect(gridKeyAction(key('Home'), at, size, 5)).toEqual({ kind: 'move', to: { row: 5, col: 0 }, extend: false });
  });

  it('Tab moves right and wraps to the next row; Shift+Tab back to the previous row', () => {
    expect(gridKeyAction(key('Tab'), { row: 1, col: 3 }, size, 5)).toEqual({ kind: 'move', to: { row: 2, col: 0 }, extend: false });
    expect(gridKeyAction(key('Tab', { shiftKey: true }), { row: 1, col: 0 }, size, 5)).toEqual({ kind: 'move', to: { row: 0, col: 3 }, extend: false });
    expect(gridKeyAction(key('Tab'), { row: 9, col: 3 }, size, 5)).toEqual({ kind: 'move', to: { row: 9, col: 3 }, extend: false });
  });

  it('PageDown/PageUp move a page, clamped', () => {
    expect(gridKeyAction(key('PageDown'), at, size, 3)).toEqual({ kind: 'move', to: { row: 8, col: 2 }, extend: false });
    expect(gridKeyAction(key('PageUp'), at, size, 30)).toEqual({ kind: 'move', to: { row: 0, col: 2 }, extend: false });
  });

  it('F2 and Enter edit the text; a character replaces it; Delete clears', () => {
    expect(gridKeyAction(key('F2'), at, size, 5)).toEqual({ kind: 'edit' });
    expect(gridKeyAction(key('Enter'), at, size, 5)).toEqual({ kind: 'edit' });
    expect(gridKeyAction(key('7'), at, size, 5)).toEqual({ kind: 'edit', text: '7' });
    expect(gridKeyAction(key('Delete'), at, size, 5)).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('Backspace'), at, size, 5)).toEqual({ kind: 'clear' });
  });

  it('leaves shortcuts alone (Ctrl+C, Ctrl+Z) and does nothing in an empty table', () => {
    expect(gridKeyAction(key('c', { ctrlKey: true }), at, size, 5)).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('z', { metaKey: true }), at, size, 5)).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('ArrowDown'), at, { rows: 0, cols: 4 }, 5)).toEqual({ kind: 'none' });
  });

  it('in an editor: Enter/Tab commit and move, Escape cancels, arrows stay with the caret', () => {
    expect(editKeyAction(key('Enter'))).toEqual({ kind: 'commit', move: 'down' });
    expect(editKeyAction(key('Enter', { shiftKey: true }))).toEqual({ kind: 'commit', move: 'up' });
    expect(editKeyAction(key('Tab'))).toEqual({ kind: 'commit', move: 'right' });
    expect(editKeyAction(key('Tab', { shiftKey: true }))).toEqual({ kind: 'commit', move: 'left' });
    expect(editKeyAction(key('Escape'))).toEqual({ kind: 'cancel' });
    expect(editKeyAction(key('ArrowLeft'))).toEqual({ kind: 'none' });
  });

  it('a range spans anchor and active cell in any direction', () => {
    const r = rangeOf({ row: 4, col: 3 }, { row: 2, col: 1 });
    expect(r).toEqual({ top: 2, bottom: 4, left: 1, right: 3 });
    expect(inRange(r, 3, 2)).toBe(true);
    expect(inRange(r, 5, 2)).toBe(false);
  });
});

describe('virtual rows', () => {
  it('renders only the rows in view plus a margin', () => {
    expect(visibleRows(0, 280, 28, 50_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(28 * 1000, 280, 28, 50_000, 5)).toEqual({ start: 995, end: 1016 });
    expect(visibleRows(28 * 49_999, 280, 28, 50_000, 5)).toEqual({ start: 49_994, end: 50_000 });
    expect(visibleRows(0, 280, 28, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls just enough to reveal a row under the sticky header', () => {
    expect(revealRow(5, 0, 300, 28, 30)).toBeUndefined();
    expect(revealRow(20, 0, 300, 28, 30)).toBe(21 * 28 - 270);
    expect(revealRow(2, 28 * 10, 300, 28, 30)).toBe(56);
    expect(pageRows(300, 28, 30)).toBe(8);
  });
});

describe('orderRows: filter and sort as a view', () => {
  const cols = tableColumns('sites');
  const rows = [
    { id: 'b', name: 'Berlin', kind: 'dc', lat: 52, lon: 13, storageCapacity: 500 },
    { id: 'a', name: 'Aachen', kind: 'plant', lat: 50, lon: 6 },
    { id: 'c', name: 'Cologne', kind: 'dc', lat: 51, lon: 7, storageCapacity: 100 },
  ];
  const text = (r: Readonly<Record<string, unknown>>, c: { key: string }) => (r[c.key] === undefined ? '' : String(r[c.key]));

  it('filters by text in any cell, ignoring case', () => {
    expect(orderRows(rows, cols, { filter: 'DC', text })).toEqual([0, 2]);
    expect(orderRows(rows, cols, { filter: ' aach ', text })).toEqual([1]);
    expect(orderRows(rows, cols, { filter: '', text })).toEqual([0, 1, 2]);
  });

  it('sorts numbers numerically and text by name, empty cells last in both directions', () => {
    expect(orderRows(rows, cols, { sort: { key: 'lat', dir: 'asc' }, text })).toEqual([1, 2, 0]);
    expect(orderRows(rows, cols, { sort: { key: 'name', dir: 'desc' }, text })).toEqual([2, 0, 1]);
    expect(orderRows(rows, cols, { sort: { key: 'storageCapacity', dir: 'asc' }, text })).toEqual([2, 0, 1]);
    expect(orderRows(rows, cols, { sort: { key: 'storageCapacity', dir: 'desc' }, text })).toEqual([0, 2, 1]);
  });

  it('cycles a header through ascending, descending and unsorted', () => {
    expect(nextSort(undefined, 'lat')).toEqual({ key: 'lat', dir: 'asc' });
    expect(nextSort({ key: 'lat', dir: 'asc' }, 'lat')).toEqual({ key: 'lat', dir: 'desc' });
    expect(nextSort({ key: 'lat', dir: 'desc' }, 'lat')).toBeUndefined();
    expect(nextSort({ key: 'lat', dir: 'desc' }, 'lon')).toEqual({ key: 'lon', dir: 'asc' });
  });
});
