/**
 * The edit commands: every change a user makes to a scenario is one of these, as data. One layer
 * for all edits is what makes undo, autosave and validation uniform (see `applyEdit`).
 */
import type { TableName } from '../model/tables';
import type { Settings } from '../model/types';

export type RowPatch = Readonly<Record<string, unknown>>;

export type EditCommand =
  /** New rows (validated, defaults filled). */
  | { readonly kind: 'add-rows'; readonly table: TableName; readonly rows: readonly RowPatch[] }
  /** Field changes of existing rows by key; a value of `undefined` clears an optional field. */
  | { readonly kind: 'update-rows'; readonly table: TableName; readonly changes: readonly { readonly key: string; readonly patch: RowPatch }[] }
  /** Rows removed with everything that references them (see cascade.ts). */
  | { readonly kind: 'delete-rows'; readonly table: TableName; readonly keys: readonly string[] }
  /** Sites moved on the map (lat/lon) or the schematic (x/y); automatic lane fields follow. */
  | { readonly kind: 'move-sites'; readonly moves: readonly { readonly id: string; readonly lat?: number; readonly lon?: number; readonly x?: number; readonly y?: number }[] }
  | { readonly kind: 'set-settings'; readonly patch: Partial<Settings> }
  | { readonly kind: 'set-meta'; readonly name?: string; readonly description?: string }
  /** Imports: `replace` swaps the whole table; `upsert` updates rows with the same key and adds the rest. */
  | { readonly kind: 'import-table'; readonly table: TableName; readonly rows: readonly RowPatch[]; readonly mode: 'replace' | 'upsert' }
  /** Several commands as one undo step. */
  | { readonly kind: 'batch'; readonly label: string; readonly commands: readonly EditCommand[] };
