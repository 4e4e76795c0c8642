/** Words for import previews and notices. */
import type { TableCounts } from '../../core/io/table-import';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "50 added, 2 updated" · "120 rows, replacing 36 existing rows"; with the table name first when `named`. */
export function describeCounts(c: TableCounts, named = false): string {
  const prefix = named ? `${c.table}: ` : '';
  if (c.mode === 'replace') {
    const existing = c.updated + c.removed;
    return `${prefix}${plural(c.rows, 'row')}, replacing ${existing === 0 ? 'an empty table' : plural(existing, 'existing row')}`;
  }
  const parts = [c.added ? `${c.added} added` : '', c.updated ? `${c.updated} updated` : ''].filter(Boolean);
  return `${prefix}${parts.join(', ') || 'no rows'}`;
}
