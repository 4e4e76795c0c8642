/**
 * A look at a zip archive's central directory before anything is inflated: an .xlsx is a zip, and
 * a small file can declare gigabytes of XML (a "zip bomb") that the Excel library would inflate in
 * memory. The declared sizes are checked against a budget; an old binary .xls (OLE2) or any other
 * non-zip file gets a plain message instead of a library stack trace.
 */
import { utf8Decode } from './utf8';

/** Largest workbook file read (the same budget as a CSV file). */
export const MAX_XLSX_BYTES = 40 * 1024 * 1024;
/** Most bytes all entries may inflate to: far above a workbook of two million rows' worth of sheets. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
}

export type ZipDirectory = { readonly ok: true; readonly entries: readonly ZipEntryInfo[] } | { readonly ok: false; readonly message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Lists the entries of a zip from its central directory (no data is read or inflated). */
export function readZipDirectory(data: Uint8Array): ZipDirectory {
  if (OLE2.every((b, i) => data[i] === b)) {
    return { ok: false, message: 'this is an old binary Excel file (.xls); save it as an Excel workbook (.xlsx) and import that' };
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  // The end record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  for (let i = data.byteLength - 22; i >= Math.max(0, data.byteLength - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return { ok: false, message: 'not an Excel workbook (.xlsx): the file is not a zip archive' };
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return { ok: false, message: `the workbook has too many parts (${count})` };
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.byteLength || view.getUint32(p, true) !== CENTRAL) {
      return { ok: false, message: 'not an Excel workbook (.xlsx): the zip directory is damaged' };
    }
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: utf8Decode(data.subarray(p + 46, p + 46 + nameLength)),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Refuses archives whose declared content exceeds the budget (0xFFFFFFFF = a zip64 size: too large). */
export function checkZipBudget(data: Uint8Array, budget = MAX_UNZIPPED_BYTES): { ok: true } | { ok: false; message: string } {
  const dir = readZipDirectory(data);
  if (!dir.ok) return dir;
  const total = dir.entries.reduce((a, e) => a + e.size, 0);
  if (total > budget || dir.entries.some((e) => e.size === 0xffffffff)) {
    return { ok: false, message: `the workbook unpacks to more than ${budget / 1048576} MB; split it or remove unused sheets` };
  }
  return { ok: true };
}
