/**
 * Which rows the table view shows, in which order: a filter (text found in any cell, ignoring
 * case) and a sort by one column. Both are views only; the scenario keeps its order. Returns
 * indices into the table, so edits still address the real rows.
 */
import type { ColumnInfo } from '../../core/model/introspect';

export interface SortSpec {
  readonly key: string;
  readonly dir: 'asc' | 'desc';
}

type Row = Readonly<Record<string, unknown>>;

export interface RowOrderOptions {
  readonly sort?: SortSpec;
  readonly filter?: string;
  /** The displayed text of a cell (references by name), which the filter searches and text sorts compare. */
  readonly text: (row: Row, col: ColumnInfo) => string;
}

const NUMERIC = new Set(['number', 'integer']);
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function orderRows(rows: readonly Row[], columns: readonly ColumnInfo[], o: RowOrderOptions): number[] {
  let idx = rows.map((_, i) => i);
  const needle = o.filter?.trim().toLowerCase();
  if (needle) idx = idx.filter((i) => columns.some((c) => o.text(rows[i], c).toLowerCase().includes(needle)));
  const col = o.sort ? columns.find((c) => c.key === o.sort!.key) : undefined;
  if (!col || !o.sort) return idx;
  const sign = o.sort.dir === 'asc' ? 1 : -1;
  // Keys computed once per row, not once per comparison: 50k demand rows sort in a few ms.
  const keys = new Map<number, number | string | undefined>();
  for (const i of idx) {
    const v = rows[i][col.key];
    keys.set(i, v === undefined ? undefined : NUMERIC.has(col.type) ? Number(v) : o.text(rows[i], col));
  }
  return idx.sort((a, b) => {
    const ka = keys.get(a);
    const kb = keys.get(b);
    if (ka === undefined || kb === undefined) return ka === kb ? a - b : ka === undefined ? 1 : -1; // empty cells last
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return c === 0 ? a - b : sign * c;
  });
}

/** Header click: ascending, then descending, then unsorted. */
export function nextSort(current: SortSpec | undefined, key: string): SortSpec | undefined {
  if (!current || current.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : undefined;
}
