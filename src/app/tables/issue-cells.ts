/**
 * Where a refused edit's problems are in the grid: the core reports them at table / row index /
 * field of the scenario; the table view shows them at view row / column, with a line that names
 * table, row and column for the status bar.
 */
import type { ColumnInfo } from '../../core/model/introspect';
import type { ModelIssue } from '../../core/model/issue';
import { labelOf } from './column-labels';

export interface CellProblem {
  /** Row in the view (0-based); undefined when the problem is not at one row. */
  readonly row?: number;
  /** Column in the view; undefined when the field is not a shown column. */
  readonly col?: number;
  readonly message: string;
  /** The problem is in another table (a reference that broke elsewhere); `message` says where. */
  readonly elsewhere?: boolean;
}

export interface IssueContext {
  readonly table: string;
  /** View order: the table row index shown at each view row. */
  readonly order: readonly number[];
  /** Rows in the table before the edit: rows at or above this index were being added. */
  readonly tableLength: number;
  readonly columns: readonly ColumnInfo[];
}

export function locateIssues(issues: readonly ModelIssue[], ctx: IssueContext): CellProblem[] {
  const viewOf = new Map(ctx.order.map((tableRow, viewRow) => [tableRow, viewRow]));
  return issues.map((i) => {
    if (i.table !== ctx.table) {
      return { elsewhere: true, message: `${i.table}${i.row === undefined ? '' : ` row ${i.row + 1}`}${i.field ? `, ${i.field}` : ''}: ${i.message}` };
    }
    const row = i.row === undefined ? undefined : i.row >= ctx.tableLength ? ctx.order.length + (i.row - ctx.tableLength) : viewOf.get(i.row);
    const field = i.field?.split('.')[0];
    const colIndex = field === undefined ? -1 : ctx.columns.findIndex((c) => c.key === field);
    return { row, col: colIndex >= 0 ? colIndex : undefined, message: i.message };
  });
}

/** "lanes row 3, Lead time: must be a whole number" (1-based rows as the grid numbers them). */
export function describeProblem(table: string, p: CellProblem, columns: readonly ColumnInfo[]): string {
  if (p.elsewhere) return p.message;
  const where = [p.row === undefined ? table : `${table} row ${p.row + 1}`, p.col === undefined ? undefined : labelOf(columns[p.col].key)]
    .filter((x) => x !== undefined).join(', ');
  return `${where}: ${p.message}`;
}
