/**
 * Virtual scrolling: a table of 50,000 demand rows renders only the rows in (and just around) the
 * viewport. Rows have one fixed height, so the window is arithmetic.
 */

export interface RowWindow {
  /** First rendered row. */
  readonly start: number;
  /** One past the last rendered row. */
  readonly end: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) };
}

/**
 * The scroll position that brings `row` fully into view (under a sticky header of `headerHeight`),
 * or undefined when it is already visible.
 */
export function revealRow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number, headerHeight = 0): number | undefined {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  const visibleTop = scrollTop;
  const visibleBottom = scrollTop + viewportHeight - headerHeight;
  if (top < visibleTop) return top;
  if (bottom > visibleBottom) return bottom - (viewportHeight - headerHeight);
  return undefined;
}

/** Rows per PageUp/PageDown step. */
export function pageRows(viewportHeight: number, rowHeight: number, headerHeight = 0): number {
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight) - 1);
}
