/** One problem found in a scenario, located at table, row and field. */
export interface ModelIssue {
  /** Table name (`sites`, `lanes`, ...), `settings`, or `scenario` for the envelope. */
  readonly table: string;
  /** 0-based row index in the table; undefined for settings and envelope fields. */
  readonly row?: number;
  /** Field (column) name; undefined when the whole row is at fault. */
  readonly field?: string;
  readonly message: string;
}

/** `table[row].field: message` — the line format of the CLI and the UI's error lists. */
export function formatIssue(issue: ModelIssue): string {
  const row = issue.row === undefined ? '' : `[${issue.row}]`;
  const field = issue.field === undefined ? '' : `.${issue.field}`;
  return `${issue.table}${row}${field}: ${issue.message}`;
}
