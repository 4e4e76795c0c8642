/**
 * Filter, sort and page rows for the plan's tables: plain functions so the component stays a
 * renderer and the rules are testable. A plan of a large network has hundreds of thousands of
 * flow rows; only one page is ever rendered.
 */
export interface Column<T> {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** Sort value. */
  readonly value: (row: T) => string | number;
  /** Shown text (default: the value). */
  readonly text?: (row: T) => string;
}

export interface TableQuery {
  readonly filter: string;
  readonly sortKey: string | null;
  readonly descending: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface TablePage<T> {
  readonly rows: readonly T[];
  readonly total: number;
  readonly pages: number;
  readonly page: number;
}

export function queryRows<T>(rows: readonly T[], columns: readonly Column<T>[], q: TableQuery): TablePage<T> {
  const needle = q.filter.trim().toLowerCase();
  const textOf = (row: T) => columns.map((c) => String(c.text ? c.text(row) : c.value(row))).join(' ').toLowerCase();
  let out = needle ? rows.filter((r) => textOf(r).includes(needle)) : [...rows];
  const col = columns.find((c) => c.key === q.sortKey);
  if (col) {
    const dir = q.descending ? -1 : 1;
    out = out.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }
  const pages = Math.max(1, Math.ceil(out.length / q.pageSize));
  const page = Math.min(Math.max(0, q.page), pages - 1);
  return { rows: out.slice(page * q.pageSize, (page + 1) * q.pageSize), total: out.length, pages, page };
}
