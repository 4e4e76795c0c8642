/**
 * Problems of an import, located the way a spreadsheet user looks for them: the table, the file or
 * sheet, the line (CSV line or sheet row, header = line 1) and the column. A problem may also sit
 * in a row the import does not touch (a replace that removes a site still used by a lane), which
 * is then named by its key.
 */
import type { ModelIssue } from '../model/issue';
import { CSV_TABLE_NAMES } from './scenario-csv';

export interface ImportIssue {
  /** Table name, `settings`, or `scenario` for the file set as a whole. */
  readonly table: string;
  /** File or sheet name. */
  readonly origin?: string;
  /** Spreadsheet line (CSV) or sheet row, 1-based with the header on line 1. */
  readonly line?: number;
  /** 0-based data row in the file. */
  readonly row?: number;
  /** Key of an existing row (not in the file) the problem is in. */
  readonly existing?: string;
  /** Column (field name). */
  readonly field?: string;
  readonly message: string;
}

const LINE_NOTE = / \(line (\d+)\)$/;

/** Moves the codecs' " (line 12)" suffix into `line`. */
export function withLine(issue: ModelIssue, origin: string | undefined, lineOf: (row: number) => number | undefined): ImportIssue {
  const m = LINE_NOTE.exec(issue.message);
  const message = m ? issue.message.slice(0, m.index) : issue.message;
  const line = issue.row !== undefined ? lineOf(issue.row) : m ? Number(m[1]) : undefined;
  return {
    table: issue.table,
    ...(origin !== undefined ? { origin } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(issue.row !== undefined ? { row: issue.row } : {}),
    ...(issue.field !== undefined ? { field: issue.field } : {}),
    message,
  };
}

/** "sites.csv line 5, lat: must be at most 90 (got 200)" — for notices and the CLI-like list. */
export function formatImportIssue(i: ImportIssue): string {
  const where = [i.origin ?? i.table, i.line !== undefined ? `line ${i.line}` : i.existing !== undefined ? `existing row ${i.existing}` : undefined]
    .filter(Boolean).join(' ');
  return `${where}${i.field ? `, ${i.field}` : ''}: ${i.message}`;
}

/** Table by table (settings first), then line by line. */
export function sortImportIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  const rank = (i: ImportIssue) => (i.table === 'scenario' ? -1 : CSV_TABLE_NAMES.indexOf(i.table as never));
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.k - b.k)
    .map(({ issue }) => issue);
}

/** Key of the cell a problem is in, to drop validation's echo of a problem already reported. */
export const cellKey = (table: string, row: number | undefined, field: string | undefined): string =>
  `${table}\u0000${row ?? ''}\u0000${(field ?? '').split('.')[0]}`;
