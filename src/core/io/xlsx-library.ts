/**
 * The Excel library (exceljs), loaded only when a workbook is read or written: it is about 1 MB
 * of script, so it must never be part of the first page load. The browser build (exceljs.min.js,
 * picked by the package's `browser` field) runs under the app's strict CSP: its `Function(...)`
 * calls are fallbacks behind `globalThis`/`self` checks that a browser never reaches (tested in
 * tests/e2e/editor-import.spec.ts, which watches for CSP violations).
 */
import type * as ExcelJsModule from 'exceljs';

export type ExcelJs = typeof ExcelJsModule;
export type Workbook = ExcelJsModule.Workbook;
export type Worksheet = ExcelJsModule.Worksheet;
export type CellValue = ExcelJsModule.CellValue;

let loading: Promise<ExcelJs> | undefined;

/** The exceljs module, imported once (a CommonJS/UMD module: its API sits on `default`). */
export function loadExcelJs(): Promise<ExcelJs> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs).catch((e: unknown) => {
    loading = undefined; // a failed chunk load (offline, new deploy) may succeed next time
    throw e;
  });
  return loading;
}
