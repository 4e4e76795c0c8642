/**
 * Tables read from the files a user brings — CSV files (one per table) or the sheets of a workbook
 * — before they become a scenario (`scenarioFromTableReads`) or an import into the open scenario
 * (`planTableImport`). Where each table came from is kept for messages ("sites.csv", "sheet sites").
 */
import type { ModelIssue } from '../model/issue';
import { TABLE_NAMES, type TableName } from '../model/tables';
import type { CsvTable } from './csv';
import { normaliseLabel } from './csv-cells';
import { readSettingsCsv, readSettingsRecords, type SettingsRead } from './csv-settings';
import { readCsvTable, readTableRecords, type TableRead } from './csv-table-read';
import { MAX_CSV_BYTES, tableOfFileName, type CsvTableName } from './scenario-csv';

export interface TableSource {
  readonly table: TableName;
  /** File or sheet the table came from. */
  readonly origin: string;
  readonly read: TableRead;
}

export interface SettingsSource {
  readonly origin: string;
  readonly read: SettingsRead;
}

export interface SourceSet {
  /** In TABLE_NAMES order. */
  readonly tables: readonly TableSource[];
  readonly settings?: SettingsSource;
  /** Problems with the set itself (two files for one table, a file too large). */
  readonly issues: readonly ModelIssue[];
  /** Files or sheets that are no table (each read keeps its own issues and warnings). */
  readonly warnings: readonly ModelIssue[];
}

interface Named<T> { readonly name: string; readonly content: T }

/** Common part of both readers: which table each input is, duplicates, then one read per table. */
function collect<T>(
  inputs: readonly Named<T>[], tableOf: (name: string) => CsvTableName | undefined, what: string,
  readTable: (table: TableName, c: T) => TableRead, readSettings: (c: T) => SettingsRead, tooLarge?: (c: T) => string | undefined,
): SourceSet {
  const issues: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];
  const chosen = new Map<CsvTableName, Named<T>>();
  for (const input of inputs) {
    const table = tableOf(input.name);
    if (!table) { warnings.push({ table: 'scenario', message: `${what} "${input.name}" is not a ChainLab table and was ignored` }); continue; }
    const earlier = chosen.get(table);
    if (earlier) { issues.push({ table, message: `both ${what} "${earlier.name}" and "${input.name}" hold the ${table} table; keep one` }); continue; }
    const large = tooLarge?.(input.content);
    if (large) { issues.push({ table, message: `${input.name} ${large}` }); continue; }
    chosen.set(table, input);
  }
  const tables: TableSource[] = [];
  for (const table of TABLE_NAMES) {
    const input = chosen.get(table);
    if (input) tables.push({ table, origin: input.name, read: readTable(table, input.content) });
  }
  const s = chosen.get('settings');
  const settings = s ? { origin: s.name, read: readSettings(s.content) } : undefined;
  return { tables, settings, issues, warnings };
}

/** CSV files named after their tables: sites.csv, Lanes.CSV, demand.tsv, settings.csv. */
export function sourcesFromCsvFiles(files: readonly { readonly name: string; readonly text: string }[]): SourceSet {
  return collect(files.map((f) => ({ name: f.name, content: f.text })), tableOfFileName, 'file', readCsvTable, readSettingsCsv,
    (text) => (text.length > MAX_CSV_BYTES ? `is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_CSV_BYTES / 1048576} MB)` : undefined));
}

/** A sheet name → its table: the table's name ignoring case, spaces, "_" and "-" ("In Transit" → inTransit). */
export function tableOfSheetName(name: string): CsvTableName | undefined {
  const key = normaliseLabel(name);
  return (['settings', ...TABLE_NAMES] as const).find((t) => t.toLowerCase() === key);
}

/** Sheets already turned into text records (see xlsx-cells.ts). */
export function sourcesFromSheets(sheets: readonly { readonly name: string; readonly records: CsvTable }[]): SourceSet {
  return collect(sheets.map((s) => ({ name: s.name, content: s.records })), tableOfSheetName, 'sheet', readTableRecords, readSettingsRecords);
}
