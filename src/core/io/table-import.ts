/**
 * planTableImport: tables a user brings (CSV files or workbook sheets, each in upsert or replace
 * mode) → one `batch` edit for the open scenario, or every problem, each at its table, line and
 * column. All or nothing: the plan carries a command only when the scenario after the import
 * passes the full validation, so dispatching it can never leave half an import behind. The
 * counts (added / updated / removed per table) are the preview the user confirms.
 */
import { applyEdit } from '../edit/apply-edit';
import type { EditCommand } from '../edit/commands';
import { keyFields, rowKey } from '../edit/row-keys';
import type { ModelIssue } from '../model/issue';
import { TABLE_NAMES, type TableName } from '../model/tables';
import type { Scenario, Settings } from '../model/types';
import { validateScenario } from '../model/validate';
import { resolveNameReferences } from './csv-names';
import type { RawRow } from './csv-table-read';
import { assignLaneIds, assignNamedIds, NAMED_TABLES, rowsAfterImport, type ImportMode } from './table-import-ids';
import { cellKey, sortImportIssues, withLine, type ImportIssue } from './table-import-issues';
import { mergeTable, type MergedTable, type TableCounts } from './table-import-merge';
import type { SourceSet, TableSource } from './table-sources';

export type { ImportMode, ImportIssue, TableCounts };

export interface ImportPlan {
  /** The batch to dispatch; only when there is no issue. */
  readonly command?: EditCommand;
  readonly counts: readonly TableCounts[];
  /** Settings the import changes (from a settings file or sheet). */
  readonly settings: readonly string[];
  readonly issues: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
}

const SINGULAR: Partial<Record<TableName, string>> = { parties: 'party', demand: 'demand row', inventory: 'policy', bom: 'BOM row' };
const countText = (n: number, t: TableName) => (n === 1 ? `1 ${SINGULAR[t] ?? t.replace(/s$/, '')}` : `${n} ${t === 'parties' ? 'parties' : SINGULAR[t] ? `${SINGULAR[t]}s` : t}`);

export function planTableImport(s: Scenario, set: SourceSet, modes: Partial<Record<TableName, ImportMode>> = {}): ImportPlan {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = set.warnings.map((w) => withLine(w, undefined, () => undefined));
  const reported = new Set<string>();
  const missingColumns = new Set<string>();
  const sources = new Map<TableName, TableSource>(set.tables.map((t) => [t.table, t]));
  const lineOf = (table: string, row: number) => sources.get(table as TableName)?.read.lines[row];
  const push = (i: ModelIssue) => {
    const src = sources.get(i.table as TableName);
    issues.push(withLine(i, src?.origin, (row) => lineOf(i.table, row)));
    if (i.row !== undefined || i.field !== undefined) reported.add(cellKey(i.table, i.row, i.field));
    if (i.row === undefined && i.field !== undefined) missingColumns.add(`${i.table}\u0000${i.field}`);
  };
  // Problems of the file set name their files in the message.
  for (const i of set.issues) issues.push(withLine(i, undefined, () => undefined));
  for (const src of set.tables) {
    src.read.issues.forEach(push);
    for (const w of src.read.warnings) warnings.push(withLine(w, src.origin, (row) => src.read.lines[row]));
  }
  if (set.settings) {
    const origin = set.settings.origin;
    for (const i of set.settings.read.issues) issues.push(withLine(i, origin, () => undefined));
    for (const w of set.settings.read.warnings) warnings.push(withLine(w, origin, () => undefined));
  }
  const modeOf = (t: TableName): ImportMode => modes[t] ?? 'upsert';

  // Ids and references, on copies (the reads stay as read, so the plan can be redone per mode).
  const incoming: Partial<Record<TableName, RawRow[]>> = {};
  for (const src of set.tables) incoming[src.table] = src.read.rows.map((r) => ({ ...r }));
  for (const t of NAMED_TABLES) if (incoming[t]) assignNamedIds(s, t, incoming[t], modeOf(t), push);
  resolveNameReferences(incoming, push, () => '', rowsAfterImport(s, incoming, Object.fromEntries(set.tables.map((t) => [t.table, modeOf(t.table)]))));
  if (incoming.lanes) assignLaneIds(s, incoming.lanes, modeOf('lanes'));
  for (const src of set.tables) reportDuplicateKeys(src.table, incoming[src.table]!, push, (row) => src.read.lines[row]);

  const merged = new Map<TableName, MergedTable>();
  for (const src of set.tables) merged.set(src.table, mergeTable(s, src.table, incoming[src.table]!, src.read.present, modeOf(src.table)));
  const settingsPatch = (set.settings?.read.settings ?? {}) as Partial<Settings>;

  // The scenario after the import, checked as a whole: row schemas and every cross-table rule.
  const after: Record<string, unknown> = { ...s, settings: { ...s.settings, ...settingsPatch } };
  for (const [t, m] of merged) after[t] = m.result;
  const checked = validateScenario(after);
  if (!checked.ok) {
    for (const i of checked.issues) {
      const m = merged.get(i.table as TableName);
      const p = i.row !== undefined ? m?.provenance[i.row] : undefined;
      if (p?.from === 'import') {
        if (reported.has(cellKey(i.table, p.index, i.field)) || (i.field !== undefined && missingColumns.has(`${i.table}\u0000${i.field.split('.')[0]}`))) continue;
        issues.push(withLine({ ...i, row: p.index }, sources.get(i.table as TableName)?.origin, (row) => lineOf(i.table, row)));
      } else if (p?.from === 'existing') {
        issues.push({ table: i.table, existing: p.key, ...(i.field ? { field: i.field } : {}), message: i.message });
      } else if (i.table === 'settings') {
        issues.push({ table: 'settings', ...(set.settings ? { origin: set.settings.origin } : {}), ...(i.field ? { field: i.field } : {}), message: i.message });
      } else {
        // A table the import does not touch (rows are the scenario's own): name the row by its key.
        const rows = (s[i.table as TableName] ?? []) as readonly RawRow[];
        const key = i.row !== undefined && rows[i.row] ? rowKey(i.table as TableName, rows[i.row]) : undefined;
        issues.push({ table: i.table, ...(key !== undefined ? { existing: key } : {}), ...(i.field ? { field: i.field } : {}), message: i.message });
      }
    }
  }

  const counts = [...merged.values()].map((m) => m.counts);
  const settings = Object.keys(settingsPatch);
  const plan = { counts, settings, warnings };
  if (issues.length > 0) return { ...plan, issues: sortImportIssues(issues) };

  const commands: EditCommand[] = [];
  if (settings.length > 0) commands.push({ kind: 'set-settings', patch: settingsPatch });
  for (const t of TABLE_NAMES) {
    const m = merged.get(t);
    if (m) commands.push({ kind: 'import-table', table: t, rows: m.commandRows, mode: modeOf(t) });
  }
  const label = `import ${counts.map((c) => countText(c.rows, c.table)).join(', ') || 'settings'}`;
  const command: EditCommand = { kind: 'batch', label, commands };
  // The edit layer has the last word; it agrees with the check above, but a refusal must show.
  const dry = applyEdit(s, command);
  if (!dry.ok) return { ...plan, issues: dry.issues.map((i) => withLine(i, sources.get(i.table as TableName)?.origin, (row) => lineOf(i.table, row))) };
  return { ...plan, command, issues: [] };
}

/** A key given twice in one file: in upsert the second row would silently win, so it is an error. */
function reportDuplicateKeys(table: TableName, rows: readonly RawRow[], push: (i: ModelIssue) => void, lineOf: (row: number) => number | undefined): void {
  const fields = keyFields(table);
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (fields.every((f) => r[f] === undefined)) return;
    const key = rowKey(table, r);
    const first = seen.get(key);
    if (first === undefined) { seen.set(key, i); return; }
    const at = lineOf(first);
    const what = fields.length === 1 ? `${fields[0]} "${String(r[fields[0]])}"` : fields.map((f) => `${f} ${r[f] === undefined ? '(empty)' : String(r[f])}`).join(', ');
    push({ table, row: i, field: fields.length === 1 ? fields[0] : undefined, message: `duplicate ${what} (also ${at !== undefined ? `line ${at}` : `row ${first}`})` });
  });
}
