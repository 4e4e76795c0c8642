/**
 * A block pasted from a spreadsheet → one edit. The block lands with its top-left cell on the
 * active cell; cells over existing rows change those rows (`update-rows`), rows beyond the last
 * are appended (`add-rows`), columns beyond the last are dropped. Both go in ONE `batch`, so the
 * paste is one undo step and is refused whole when any cell is wrong. Cell text is read like a
 * CSV cell: decimal commas (decided for the whole block), references by id or name.
 */
import { idFromName } from '../../core/io/csv-names';
import type { EditCommand, RowPatch } from '../../core/edit/commands';
import { rowKey } from '../../core/edit/row-keys';
import type { ColumnInfo } from '../../core/model/introspect';
import type { TableName } from '../../core/model/tables';
import { parseCellText } from './cell-text';
import { labelOf } from './column-labels';
import type { GridPos } from './grid-nav';
import type { CellProblem } from './issue-cells';
import { freshId } from './new-row';
import { handEditPatch } from './row-patch';
import type { RefIndex } from './ref-index';
import { decimalStyleOf } from './user-number';

type Row = Readonly<Record<string, unknown>>;

export interface PasteInput {
  readonly table: TableName;
  /** The table's rows in scenario order. */
  readonly rows: readonly Row[];
  /** View order: the table row shown at each view row. */
  readonly order: readonly number[];
  /** The grid's columns, in view order. */
  readonly columns: readonly ColumnInfo[];
  readonly start: GridPos;
  readonly cells: readonly (readonly string[])[];
  readonly refs: RefIndex;
}

export type PastePlan =
  | {
    readonly ok: true;
    /** Undefined when the block changes nothing. */
    readonly command?: EditCommand;
    readonly updated: number;
    readonly added: number;
    /** Columns of the block that fell beyond the last column. */
    readonly droppedColumns: number;
  }
  | {
    readonly ok: false;
    readonly problems: readonly CellProblem[];
    /**
     * The edit the readable cells would make. Not to apply: a dry run of it through the core
     * finds the rule breaks among the other cells, so the user gets every problem in one pass.
     */
    readonly partial?: EditCommand;
  };

const NAMED = new Set(['parties', 'sites', 'products']);
const SINGULAR: Record<string, string> = { parties: 'party', sites: 'site', products: 'product', lanes: 'lane' };

export function planPaste(p: PasteInput): PastePlan {
  const width = Math.min(Math.max(0, ...p.cells.map((r) => r.length)), p.columns.length - p.start.col);
  const droppedColumns = Math.max(0, ...p.cells.map((r) => r.length)) - Math.max(0, width);
  const cols = p.columns.slice(p.start.col, p.start.col + Math.max(0, width));
  const numeric = p.cells.flatMap((r) => cols.flatMap((c, j) => (c.type === 'number' || c.type === 'integer' || c.type === 'list' ? [r[j] ?? ''] : [])));
  const style = decimalStyleOf(numeric);
  const problems: CellProblem[] = [];
  const changes: { key: string; patch: RowPatch }[] = [];
  const added: Record<string, unknown>[] = [];

  p.cells.forEach((cellRow, i) => {
    const viewRow = p.start.row + i;
    const existing = viewRow < p.order.length ? p.rows[p.order[viewRow]] : undefined;
    const patch: Record<string, unknown> = {};
    cols.forEach((col, j) => {
      const text = cellRow[j] ?? '';
      // An empty cell of a new row is a field left out: its default applies, or completeNewRows fills it.
      if (!existing && text.trim() === '') return;
      const r = parseCellText(col, text, p.refs, style);
      if (!r.ok) problems.push({ row: viewRow, col: p.start.col + j, message: r.message });
      else if (!existing) { if (r.value !== undefined) patch[col.key] = r.value; }
      else if (!sameValue(existing[col.key], r.value)) patch[col.key] = r.value;
    });
    if (existing) {
      if (Object.keys(patch).length > 0) changes.push({ key: rowKey(p.table, existing), patch: handEditPatch(p.table, patch) });
    } else added.push(patch);
  });

  completeNewRows(p, added, problems);
  const commands: EditCommand[] = [];
  if (changes.length > 0) commands.push({ kind: 'update-rows', table: p.table, changes });
  if (added.length > 0) commands.push({ kind: 'add-rows', table: p.table, rows: added });
  const size = `${p.cells.length}×${Math.max(0, width)}`;
  const command: EditCommand | undefined = commands.length > 0 ? { kind: 'batch', label: `paste ${size} cells into ${p.table}`, commands } : undefined;
  if (problems.length > 0) return { ok: false, problems, partial: command };
  return {
    ok: true,
    command,
    updated: changes.length,
    added: added.length,
    droppedColumns,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * Appended rows need their required fields. A missing id is made from the name (as CSV import
 * does) or numbered; a missing name repeats the id; anything else missing is a problem at that cell.
 */
function completeNewRows(p: PasteInput, added: Record<string, unknown>[], problems: CellProblem[]): void {
  if (added.length === 0) return;
  const used = new Set(p.rows.map((r) => String(r.id ?? '')));
  for (const r of added) if (typeof r.id === 'string') used.add(r.id);
  const hasId = p.columns.some((c) => c.key === 'id');
  added.forEach((row, i) => {
    const viewRow = Math.max(p.start.row, p.order.length) + i;
    if (hasId && row.id === undefined) {
      const base = NAMED.has(p.table) && typeof row.name === 'string' ? idFromName(row.name) : '';
      row.id = base && !used.has(base) ? base : freshId(base || (SINGULAR[p.table] ?? p.table), used);
      used.add(row.id as string);
    }
    if (NAMED.has(p.table) && row.name === undefined && typeof row.id === 'string') row.name = row.id;
    p.columns.forEach((col, c) => {
      if (col.required && row[col.key] === undefined) {
        problems.push({ row: viewRow, col: c, message: `${labelOf(col.key)} is required for a new row` });
      }
    });
  });
}
