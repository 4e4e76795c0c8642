/**
 * Excel workbooks on disk for the CLI: read (size-checked before reading) and write (through a
 * temporary file and a rename, like JSON). The sheets follow the import-template convention of
 * core/io/scenario-xlsx.ts; exceljs is loaded only when a workbook is involved.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { idFromName } from '../core/io/csv-names';
import { MAX_XLSX_BYTES, scenarioFromWorkbook, scenarioToWorkbook } from '../core/io/scenario-xlsx';
import { loadExcelJs } from '../core/io/xlsx-library';
import type { Scenario } from '../core/model/types';
import { CliError } from './io';
import { describeFsError, type ReadResult } from './scenario-files';

export const isWorkbookPath = (path: string): boolean => extname(path).toLowerCase() === '.xlsx';

export async function readXlsxSource(path: string): Promise<ReadResult> {
  let data: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_XLSX_BYTES) {
      throw new CliError(`${path} is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_XLSX_BYTES / 1048576} MB)`);
    }
    data = new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
  // A workbook without a settings sheet is still a scenario: it is named after the file.
  const stem = basename(path, extname(path));
  const r = await scenarioFromWorkbook(data, await loadExcelJs(), { id: idFromName(stem) || 'scenario', name: stem });
  return r.ok
    ? { ok: true, kind: 'xlsx', scenario: r.scenario, warnings: r.warnings }
    : { ok: false, kind: 'xlsx', issues: r.issues, warnings: r.warnings };
}

export async function writeScenarioXlsx(path: string, scenario: Scenario): Promise<void> {
  const bytes = await scenarioToWorkbook(scenario, await loadExcelJs());
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}
