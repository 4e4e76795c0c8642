/**
 * How imported rows combine with a table's existing rows — the same rule as the `import-table`
 * edit command (core/edit/apply-edit.ts), computed here with each row's provenance so a problem
 * found in the combined table can be traced to its spreadsheet line:
 *  - replace: the table becomes the imported rows;
 *  - upsert: a row with the key of an existing row takes its place, the others are appended.
 * Upsert updates only the columns the file has: a sheet of "Site Name; Capacity" changes the
 * capacities and keeps every other field. An empty cell in a present column clears the field
 * (its default applies), as in the table view.
 */
import { rowKey } from '../edit/row-keys';
import type { TableName } from '../model/tables';
import type { Scenario } from '../model/types';
import type { RawRow } from './csv-table-read';
import type { ImportMode } from './table-import-ids';

export type Provenance = { readonly from: 'import'; readonly index: number } | { readonly from: 'existing'; readonly key: string };

export interface TableCounts {
  readonly table: TableName;
  readonly mode: ImportMode;
  /** Rows in the file. */
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  /** Existing rows a replace drops. */
  readonly removed: number;
}

export interface MergedTable {
  /** Rows to put in the `import-table` command (upsert rows already carry the fields they keep). */
  readonly commandRows: readonly RawRow[];
  /** The table after the import, and where each of its rows came from. */
  readonly result: readonly RawRow[];
  readonly provenance: readonly Provenance[];
  readonly counts: TableCounts;
}

export function mergeTable(
  s: Scenario, table: TableName, rows: readonly RawRow[], present: ReadonlySet<string>, mode: ImportMode,
): MergedTable {
  const existing = s[table] as readonly RawRow[];
  const index = new Map(existing.map((r, i) => [rowKey(table, r), i]));
  const isNamed = table === 'parties' || table === 'sites' || table === 'products';

  const commandRows = rows.map((row) => {
    const old = mode === 'upsert' ? index.get(rowKey(table, row)) : undefined;
    if (old === undefined) return isNamed && row.name === undefined && typeof row.id === 'string' ? { ...row, name: row.id } : row;
    const merged: RawRow = { ...existing[old] };
    for (const key of present) {
      if (row[key] === undefined) delete merged[key];
      else merged[key] = row[key];
    }
    for (const [key, value] of Object.entries(row)) if (!present.has(key)) merged[key] ??= value; // derived ids
    return merged;
  });

  let added = 0;
  let updated = 0;
  if (mode === 'replace') {
    const incomingKeys = new Set(commandRows.map((r) => rowKey(table, r)));
    for (const r of commandRows) if (index.has(rowKey(table, r))) updated++; else added++;
    const removed = existing.filter((r) => !incomingKeys.has(rowKey(table, r))).length;
    return {
      commandRows, result: commandRows, provenance: commandRows.map((_, i) => ({ from: 'import', index: i })),
      counts: { table, mode, rows: rows.length, added, updated, removed },
    };
  }
  const result = [...existing];
  const provenance: Provenance[] = existing.map((r) => ({ from: 'existing', key: rowKey(table, r) }));
  const at = new Map(index);
  commandRows.forEach((r, j) => {
    const key = rowKey(table, r);
    const i = at.get(key);
    if (i === undefined) { at.set(key, result.length); result.push(r); provenance.push({ from: 'import', index: j }); added++; } else {
      if (provenance[i].from === 'existing') updated++;
      result[i] = r;
      provenance[i] = { from: 'import', index: j };
    }
  });
  return { commandRows, result, provenance, counts: { table, mode, rows: rows.length, added, updated, removed: 0 } };
}
