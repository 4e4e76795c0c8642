/**
 * Files a user picks for an import → the table sources the import plan reads. Sizes are checked
 * before any byte is read; the Excel library is loaded only when a workbook is picked.
 */
import { MAX_CSV_BYTES } from '../../core/io/scenario-csv';
import { MAX_XLSX_BYTES, workbookSources } from '../../core/io/scenario-xlsx';
import { sourcesFromCsvFiles, type SourceSet } from '../../core/io/table-sources';
import { loadExcelJs } from '../../core/io/xlsx-library';

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const failed = (message: string): SourceSet => ({ tables: [], issues: [{ table: 'scenario', message }], warnings: [] });

export async function readCsvSources(files: readonly File[]): Promise<SourceSet> {
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    if (f.size > MAX_CSV_BYTES) return failed(`"${f.name}" is too large (${mb(f.size)} MB; the limit is ${MAX_CSV_BYTES / 1048576} MB)`);
    try {
      texts.push({ name: f.name, text: await f.text() });
    } catch (e) {
      return failed(`"${f.name}" could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return sourcesFromCsvFiles(texts);
}

export async function readWorkbookSources(file: File): Promise<SourceSet> {
  if (file.size > MAX_XLSX_BYTES) return failed(`"${file.name}" is too large (${mb(file.size)} MB; the limit is ${MAX_XLSX_BYTES / 1048576} MB)`);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return failed(`"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  let excel;
  try {
    excel = await loadExcelJs();
  } catch {
    return failed('the Excel reader could not be loaded (offline after an update?); reload the page and try again');
  }
  return workbookSources(data, excel);
}
