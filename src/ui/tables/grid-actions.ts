/**
 * The table view's edits: commit one cell, clear a range, paste a block, delete rows. Each is
 * one command through the editor (one undo step) and reports back either a status line or the
 * problems to show at the cells. Kept out of the component so DataGrid stays about rendering.
 */
import { parseCellText } from '../../app/tables/cell-text';
import { parseClipboardGrid } from '../../app/tables/clipboard-grid';
import type { GridPos, GridRange } from '../../app/tables/grid-nav';
import { describeProblem, locateIssues, type CellProblem } from '../../app/tables/issue-cells';
import { planPaste } from '../../app/tables/paste-plan';
import type { RefIndex } from '../../app/tables/ref-index';
import { handEditPatch } from '../../app/tables/row-patch';
import { applyEdit } from '../../core/edit/apply-edit';
import { deleteWithCascade } from '../../core/edit/cascade';
import type { EditCommand, RowPatch } from '../../core/edit/commands';
import { rowKey } from '../../core/edit/row-keys';
import type { ColumnInfo } from '../../core/model/introspect';
import type { TableName } from '../../core/model/tables';
import type { Scenario } from '../../core/model/types';
import type { EditorView } from '../state/editor.svelte';

type Row = Readonly<Record<string, unknown>>;

export interface GridContext {
  readonly editor: EditorView;
  readonly scenario: Scenario;
  readonly table: TableName;
  readonly columns: readonly ColumnInfo[];
  readonly order: readonly number[];
  readonly refs: RefIndex;
}

export type GridOutcome =
  | { readonly ok: true; readonly status?: string }
  | { readonly ok: false; readonly problems: readonly CellProblem[] };

const rowsOf = (g: GridContext) => g.scenario[g.table] as readonly Row[];

function run(g: GridContext, cmd: EditCommand, coalesceKey?: string): GridOutcome {
  const tableLength = rowsOf(g).length;
  const r = g.editor.dispatch(cmd, coalesceKey);
  if (r.ok) return { ok: true };
  // The message is shown at the cells; the app-wide banner would only repeat it.
  g.editor.session.clearIssues();
  return { ok: false, problems: locateIssues(r.issues, { table: g.table, order: g.order, tableLength, columns: g.columns }) };
}

/** Commits typed text into one cell; unchanged text is no edit at all. */
export function commitCell(g: GridContext, at: GridPos, text: string, initial: string): GridOutcome {
  if (text === initial) return { ok: true };
  const col = g.columns[at.col];
  const row = rowsOf(g)[g.order[at.row]];
  if (!row || !col) return { ok: false, problems: [{ message: 'this row no longer exists (it was deleted or undone meanwhile)' }] };
  const parsed = parseCellText(col, text, g.refs);
  if (!parsed.ok) return { ok: false, problems: [{ row: at.row, col: at.col, message: parsed.message }] };
  const key = rowKey(g.table, row);
  const patch: RowPatch = handEditPatch(g.table, { [col.key]: parsed.value });
  return run(g, { kind: 'update-rows', table: g.table, changes: [{ key, patch }] }, `grid:${g.table}:${key}:${col.key}`);
}

/** Delete on a range: optional cells become empty (their default applies); required cells stay. */
export function clearRange(g: GridContext, r: GridRange): GridOutcome {
  const cols = g.columns.slice(r.left, r.right + 1).filter((c) => !c.required);
  const skipped = r.right - r.left + 1 - cols.length;
  const changes: { key: string; patch: RowPatch }[] = [];
  for (let v = r.top; v <= r.bottom; v++) {
    const row = rowsOf(g)[g.order[v]];
    const set = cols.filter((c) => row[c.key] !== undefined);
    if (set.length > 0) changes.push({ key: rowKey(g.table, row), patch: handEditPatch(g.table, Object.fromEntries(set.map((c) => [c.key, undefined]))) });
  }
  const note = skipped > 0 ? 'required cells were kept (they cannot be empty)' : undefined;
  if (changes.length === 0) return { ok: true, status: note };
  const out = run(g, { kind: 'update-rows', table: g.table, changes });
  return out.ok ? { ok: true, status: `Cleared ${changes.length === 1 ? '1 row' : `${changes.length} rows`}${note ? `; ${note}` : ''}.` } : out;
}

/** A clipboard block at `start`: one batch, refused whole with the bad cells marked. */
export function pasteText(g: GridContext, start: GridPos, text: string): GridOutcome & { size?: { rows: number; cols: number } } {
  const cells = parseClipboardGrid(text);
  if (cells.length === 0) return { ok: true, status: 'The clipboard holds no cells.' };
  const plan = planPaste({ table: g.table, rows: rowsOf(g), order: g.order, columns: g.columns, start, cells, refs: g.refs });
  if (!plan.ok) return { ok: false, problems: withDryRun(g, plan.problems, plan.partial) };
  const width = Math.min(cells[0].length, g.columns.length - start.col);
  const size = { rows: cells.length, cols: width };
  if (!plan.command) return { ok: true, status: 'Pasted cells equal the table: nothing changed.', size };
  const out = run(g, plan.command);
  if (!out.ok) return out;
  const parts = [plan.updated > 0 ? `${plan.updated} updated` : '', plan.added > 0 ? `${plan.added} added` : ''].filter(Boolean).join(', ');
  const dropped = plan.droppedColumns > 0 ? `; ${plan.droppedColumns} column${plan.droppedColumns > 1 ? 's' : ''} beyond the last ignored` : '';
  return { ok: true, status: `Pasted ${size.rows}×${size.cols} cells (${parts} rows)${dropped}. Ctrl+Z undoes the paste.`, size };
}

/**
 * Unreadable cells plus what the core would say about the readable ones (applyEdit is pure: a
 * dry run changes nothing), one problem per cell, so a refused paste lists everything at once.
 */
function withDryRun(g: GridContext, problems: readonly CellProblem[], partial: EditCommand | undefined): CellProblem[] {
  if (!partial) return [...problems];
  const dry = applyEdit(g.scenario, partial);
  if (dry.ok) return [...problems];
  const more = locateIssues(dry.issues, { table: g.table, order: g.order, tableLength: rowsOf(g).length, columns: g.columns });
  const seen = new Set(problems.map((p) => `${p.row}:${p.col}`));
  return [...problems, ...more.filter((p) => p.row === undefined || !seen.has(`${p.row}:${p.col}`))]
    .sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || (a.col ?? -1) - (b.col ?? -1));
}

/** Deletes rows by key, saying what goes with them (cascade.ts). */
export function deleteRows(g: GridContext, keys: readonly string[]): GridOutcome {
  if (keys.length === 0) return { ok: true };
  const { removed } = deleteWithCascade(g.scenario, g.table, new Set(keys), (r) => rowKey(g.table, r));
  const out = run(g, { kind: 'delete-rows', table: g.table, keys });
  if (!out.ok) return out;
  const also = Object.entries(removed).filter(([t]) => t !== g.table).map(([t, n]) => `${n} ${t}`);
  return { ok: true, status: `Deleted ${keys.length} row${keys.length > 1 ? 's' : ''}${also.length ? `, with ${also.join(', ')}` : ''}.` };
}

/** Status-line text for cell problems: where (table, row, column) and what. */
export function problemSummary(g: Pick<GridContext, 'table' | 'columns'>, problems: readonly CellProblem[], what = 'Not changed'): string {
  const lines = problems.slice(0, 4).map((p) => describeProblem(g.table, p, g.columns));
  const more = problems.length > 4 ? `; and ${problems.length - 4} more` : '';
  return `${what}: ${lines.join('; ')}${more}`;
}
