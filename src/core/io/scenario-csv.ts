/**
 * Scenario ⇄ a set of CSV tables, one file per table (sites.csv, lanes.csv, …) plus settings.csv
 * (key,value rows: envelope and settings). Columns come from the table schemas (`tableColumns`),
 * so every field the JSON format has, the CSV format has too.
 *
 * Import always ends in `loadScenario` (migrate → validate), so a CSV import obeys exactly the
 * rules a JSON file does. It is all or nothing: the result is a full valid Scenario, or the list
 * of every problem found (cell conversion and validation together, each with its spreadsheet line).
 */
import { tableColumns } from '../model/introspect';
import type { ModelIssue } from '../model/issue';
import { loadScenario } from '../model/load';
import { CURRENT_VERSION, SCENARIO_FORMAT, TABLE_NAMES, type TableName } from '../model/tables';
import type { Scenario } from '../model/types';
import { writeCsv, type CsvCell, type CsvWriteOptions } from './csv';
import { formatInstalments, normaliseLabel, type Instalment } from './csv-cells';
import { fillIdsAndNames, resolveNameReferences } from './csv-names';
import { readSettingsCsv, settingsRecords, type SettingsRead } from './csv-settings';
import { lineNote, readCsvTable, type RawRow, type TableRead } from './csv-table-read';

export type CsvTableName = TableName | 'settings';
export const CSV_TABLE_NAMES: readonly CsvTableName[] = ['settings', ...TABLE_NAMES];
export const csvFileName = (table: CsvTableName): string => `${table}.csv`;

/** Largest CSV file read (the same budget as a JSON scenario). */
export const MAX_CSV_BYTES = 40 * 1024 * 1024;

export type CsvImportResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly ModelIssue[] }
  | { readonly ok: false; readonly issues: readonly ModelIssue[]; readonly warnings: readonly ModelIssue[] };

export interface CsvImportBase {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
}

// ---------------------------------------------------------------------------------------------
// Export

function cellOf(value: unknown): CsvCell {
  if (Array.isArray(value)) return formatInstalments(value as Instalment[]);
  return value as CsvCell;
}

/** One CSV text per table (header only when the table is empty), keyed by file name. */
export function scenarioToCsvTables(s: Scenario, options: CsvWriteOptions = {}): Record<string, string> {
  const files: Record<string, string> = {
    [csvFileName('settings')]: writeCsv(settingsRecords({ id: s.id, name: s.name, description: s.description, version: CURRENT_VERSION }, s.settings), options),
  };
  for (const table of TABLE_NAMES) {
    const columns = tableColumns(table);
    const rows = s[table] as readonly Record<string, unknown>[];
    const records: CsvCell[][] = [columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => cellOf(r[c.key])))];
    files[csvFileName(table)] = writeCsv(records, options);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Import

/** "Sites.CSV", "data/sites.tsv" → "sites"; undefined for files that are no table. */
export function tableOfFileName(fileName: string): CsvTableName | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.(csv|tsv|txt)$/i, '');
  if (stem === base) return undefined;
  const key = normaliseLabel(stem);
  return CSV_TABLE_NAMES.find((t) => t.toLowerCase() === key.toLowerCase());
}

export function scenarioFromCsvTables(files: Readonly<Record<string, string>>, base: CsvImportBase = {}): CsvImportResult {
  const issues: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];
  const texts = new Map<CsvTableName, { file: string; text: string }>();
  for (const [file, text] of Object.entries(files)) {
    const table = tableOfFileName(file);
    if (!table) { warnings.push({ table: 'scenario', message: `file "${file}" is not a ChainLab table and was ignored` }); continue; }
    const earlier = texts.get(table);
    if (earlier) { issues.push({ table, message: `both "${earlier.file}" and "${file}" hold the ${table} table; keep one` }); continue; }
    if (text.length > MAX_CSV_BYTES) {
      issues.push({ table, message: `${file} is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_CSV_BYTES / 1048576} MB)` });
      continue;
    }
    texts.set(table, { file, text });
  }

  const settingsText = texts.get('settings');
  const settings: SettingsRead | undefined = settingsText ? readSettingsCsv(settingsText.text) : undefined;
  const reads = new Map<TableName, TableRead>();
  for (const table of TABLE_NAMES) {
    const t = texts.get(table);
    if (t) reads.set(table, readCsvTable(table, t.text));
  }
  return scenarioFromTableReads(reads, settings, base, issues, warnings);
}

/**
 * Tables already read (from CSV files or workbook sheets) → a full valid Scenario or every
 * problem: ids from names, names as references, then the one load path. `issues`/`warnings` may
 * hold what the caller found before reading (unknown or duplicate files).
 */
export function scenarioFromTableReads(
  reads: ReadonlyMap<TableName, TableRead>, settings: SettingsRead | undefined, base: CsvImportBase = {},
  issues: ModelIssue[] = [], warnings: ModelIssue[] = [],
): CsvImportResult {
  for (const r of [settings, ...reads.values()]) if (r) { issues.push(...r.issues); warnings.push(...r.warnings); }

  const note = (table: string, row: number) => lineNote(reads.get(table as TableName)?.lines[row]);
  const rows: Partial<Record<TableName, RawRow[]>> = Object.fromEntries([...reads].map(([t, r]) => [t, r.rows]));
  const push = (i: ModelIssue) => issues.push(i);
  fillIdsAndNames(rows, push, note);
  resolveNameReferences(rows, push, note);

  const envelope = settings?.envelope ?? {};
  const doc: Record<string, unknown> = {
    format: SCENARIO_FORMAT,
    version: envelope.version ?? CURRENT_VERSION,
    id: envelope.id ?? base.id,
    name: envelope.name ?? base.name,
    description: envelope.description ?? base.description,
    settings: settings?.settings ?? {},
    ...rows,
  };
  if (doc.description === undefined) delete doc.description;

  const loaded = loadScenario(doc);
  if (loaded.ok && issues.length === 0) return { ok: true, scenario: loaded.scenario, warnings };
  if (!loaded.ok) issues.push(...explainLoadIssues(loaded.issues, issues, reads, settings));
  return { ok: false, issues: inFileOrder(issues), warnings };
}

/** Envelope and settings first, then table by table (in CSV_TABLE_NAMES order) and row by row. */
function inFileOrder(issues: readonly ModelIssue[]): ModelIssue[] {
  const rank = (i: ModelIssue) => (i.table === 'scenario' ? -1 : CSV_TABLE_NAMES.indexOf(i.table as CsvTableName));
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.row ?? -1) - (b.issue.row ?? -1) || a.k - b.k)
    .map(({ issue }) => issue);
}

/**
 * Adds the spreadsheet line to validation issues and drops the ones that only echo a problem
 * already reported while reading (a cell that failed to convert is absent, so the schema would
 * also say "is required"; a missing column would say so on every row).
 */
function explainLoadIssues(
  loadIssues: readonly ModelIssue[], codecIssues: readonly ModelIssue[],
  reads: ReadonlyMap<TableName, TableRead>, settings: SettingsRead | undefined,
): ModelIssue[] {
  const cellKey = (i: ModelIssue) => `${i.table}\u0000${i.row ?? ''}\u0000${(i.field ?? '').split('.')[0]}`;
  const columnKey = (i: ModelIssue) => `${i.table}\u0000${(i.field ?? '').split('.')[0]}`;
  const reported = new Set(codecIssues.filter((i) => i.field !== undefined).map(cellKey));
  const missingColumns = new Set(codecIssues.filter((i) => i.row === undefined && i.field !== undefined).map(columnKey));
  const out: ModelIssue[] = [];
  for (const issue of loadIssues) {
    if (reported.has(cellKey(issue)) || (issue.row !== undefined && missingColumns.has(columnKey(issue)))) continue;
    let line: number | undefined;
    if (issue.row !== undefined) line = reads.get(issue.table as TableName)?.lines[issue.row];
    else if ((issue.table === 'settings' || issue.table === 'scenario') && issue.field) line = settings?.lines.get(issue.field.split('.')[0]);
    let message = issue.message;
    if (issue.table === 'scenario' && (issue.field === 'id' || issue.field === 'name') && line === undefined) {
      message += ` (give it as a "${issue.field}" row in settings.csv)`;
    }
    out.push({ ...issue, message: `${message}${lineNote(line)}` });
  }
  return out;
}
