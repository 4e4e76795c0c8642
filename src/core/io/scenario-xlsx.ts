/**
 * Scenario ⇄ Excel workbook, the suites' import-template convention: one sheet per table, named
 * after the table (`sites`, `lanes`, …, plus `settings` with key/value rows), the header row holds
 * the column names. A sheet reads exactly like the CSV file of the same table (same header aliases,
 * ids from names, names as references, all-or-nothing validation); messages give the sheet row.
 *
 * The Excel library is passed in (`loadExcelJs()` in the app and the CLI), so this module stays
 * pure and the library stays out of the first page load.
 */
import type { ModelIssue } from '../model/issue';
import { tableColumns } from '../model/introspect';
import { CURRENT_VERSION, TABLE_NAMES, type TableName } from '../model/tables';
import type { Scenario } from '../model/types';
import type { CsvCell } from './csv';
import { formatInstalments, type Instalment } from './csv-cells';
import { settingsRecords } from './csv-settings';
import type { TableRead } from './csv-table-read';
import { scenarioFromTableReads, type CsvImportBase, type CsvImportResult } from './scenario-csv';
import { sourcesFromSheets, type SourceSet } from './table-sources';
import { sheetRecords } from './xlsx-cells';
import type { ExcelJs, Worksheet } from './xlsx-library';
import { checkZipBudget, MAX_XLSX_BYTES } from './zip-directory';

export { MAX_XLSX_BYTES };

function cellOf(value: unknown): CsvCell {
  if (Array.isArray(value)) return formatInstalments(value as Instalment[]);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value as CsvCell;
}

function addSheet(wb: InstanceType<ExcelJs['Workbook']>, name: string, records: readonly (readonly CsvCell[])[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const r of records) ws.addRow(r.map((c) => (c === undefined ? null : c)));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    const header = String(records[0]?.[i] ?? '');
    col.width = Math.min(40, Math.max(10, header.length + 2));
  });
  return ws;
}

/**
 * Every table as a sheet (empty tables as a header row: the workbook doubles as an import
 * template). Text is stored as text cells, never as formulas, so a name like "=HYPERLINK(…)" cannot
 * run in Excel; numbers stay typed numbers.
 */
export async function scenarioToWorkbook(s: Scenario, excel: ExcelJs): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  wb.creator = 'ChainLab';
  addSheet(wb, 'settings', settingsRecords({ id: s.id, name: s.name, description: s.description, version: CURRENT_VERSION }, s.settings));
  for (const table of TABLE_NAMES) {
    const columns = tableColumns(table);
    const rows = s[table] as readonly Record<string, unknown>[];
    addSheet(wb, table, [columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => cellOf(r[c.key])))]);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** The workbook's sheets as table sources, or an issue saying why the file is no readable workbook. */
export async function workbookSources(data: Uint8Array, excel: ExcelJs): Promise<SourceSet> {
  const fail = (message: string): SourceSet => ({ tables: [], issues: [{ table: 'scenario', message }], warnings: [] });
  if (data.byteLength > MAX_XLSX_BYTES) {
    return fail(`the workbook is too large (${(data.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_XLSX_BYTES / 1048576} MB)`);
  }
  const budget = checkZipBudget(data);
  if (!budget.ok) return fail(budget.message);
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    return fail(`not a readable Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}`);
  }
  return sourcesFromSheets(wb.worksheets.map((ws) => ({ name: ws.name, records: sheetRecords(ws) })));
}

/** Messages from the table codecs speak of CSV lines; in a workbook they are sheet rows. */
export function inSheetTerms(issue: ModelIssue): ModelIssue {
  const message = issue.message.replace(/\bline (\d+)/g, 'row $1').replace(/\bin settings\.csv\b/, 'in the settings sheet');
  return message === issue.message ? issue : { ...issue, message };
}

/** A whole scenario from a workbook (all or nothing, like `scenarioFromCsvTables`). */
export async function scenarioFromWorkbook(data: Uint8Array, excel: ExcelJs, base: CsvImportBase = {}): Promise<CsvImportResult> {
  const set = await workbookSources(data, excel);
  const reads = new Map<TableName, TableRead>(set.tables.map((t) => [t.table, t.read]));
  const r = scenarioFromTableReads(reads, set.settings?.read, base, [...set.issues], [...set.warnings]);
  const warnings = r.warnings.map(inSheetTerms);
  return r.ok ? { ...r, warnings } : { ok: false, issues: r.issues.map(inSheetTerms), warnings };
}
