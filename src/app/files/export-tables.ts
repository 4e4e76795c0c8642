/**
 * Table exports of the open scenario: one table as CSV, all tables as CSV files in one zip, or the
 * whole scenario as an Excel workbook (one sheet per table). CSV text comes from the injection-safe
 * writer; the zip is stored (uncompressed), the workbook built by the lazily loaded Excel library.
 */
import { csvFileName, scenarioToCsvTables, type CsvTableName } from '../../core/io/scenario-csv';
import { scenarioToWorkbook } from '../../core/io/scenario-xlsx';
import { utf8Encode } from '../../core/io/utf8';
import { loadExcelJs } from '../../core/io/xlsx-library';
import { zipStore } from '../../core/io/zip-store';
import type { Scenario } from '../../core/model/types';
import { exportFileName } from '../library/export-name';
import { downloadBytes, XLSX_MIME, ZIP_MIME } from './download-bytes';
import { downloadText } from './download';

/** "european-network-sites.csv" */
export const tableFileName = (s: Scenario, table: CsvTableName): string => exportFileName(`${s.name} ${table}`, 'csv');

export function exportTableCsv(s: Scenario, table: CsvTableName): void {
  // A BOM, so Excel opens names such as "Zürich" correctly when the file is double-clicked.
  const text = scenarioToCsvTables(s, { bom: true })[csvFileName(table)];
  downloadText(tableFileName(s, table), text, 'text/csv');
}

/** Every table (settings.csv included) in one zip, each file named as the import expects it. */
export function exportAllCsv(s: Scenario): void {
  const files = Object.entries(scenarioToCsvTables(s, { bom: true })).map(([name, text]) => ({ name, data: utf8Encode(text) }));
  downloadBytes(exportFileName(`${s.name} tables`, 'zip'), zipStore(files), ZIP_MIME);
}

export async function exportWorkbook(s: Scenario): Promise<void> {
  const bytes = await scenarioToWorkbook(s, await loadExcelJs());
  downloadBytes(exportFileName(s.name, 'xlsx'), bytes, XLSX_MIME);
}
