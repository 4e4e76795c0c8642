/**
 * "Export all tables" writes a zip of CSV files with a tiny stored-zip writer; a real zip reader
 * (JSZip, the one inside the Excel library) must read it back byte for byte. The directory reader
 * that guards workbook imports lists the same entries and refuses what would inflate too far.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { scenarioFromCsvTables, scenarioToCsvTables } from '../../src/core/io/scenario-csv';
import { utf8Decode, utf8Encode } from '../../src/core/io/utf8';
import { checkZipBudget, readZipDirectory } from '../../src/core/io/zip-directory';
import { crc32 } from '../../src/core/io/crc32';
import { zipStore } from '../../src/core/io/zip-store';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

describe('zipStore', () => {
  it('computes the standard CRC-32 (check value of "123456789" is CBF43926)', () => {
    expect(crc32(utf8Encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes an archive JSZip reads back exactly, UTF-8 names included', async () => {
    const files = [
      { name: 'sites.csv', data: utf8Encode('\ufeffid,name\r\nzh,Zürich Lager 東京\r\n') },
      { name: 'empty.csv', data: new Uint8Array() },
      { name: 'größe.csv', data: utf8Encode('x\n'.repeat(10_000)) },
    ];
    const zip = await JSZip.loadAsync(zipStore(files, new Date(2025, 0, 6, 10, 30, 12)));
    expect(Object.keys(zip.files)).toEqual(['sites.csv', 'empty.csv', 'größe.csv']);
    for (const f of files) expect(await zip.file(f.name)!.async('uint8array')).toEqual(f.data);
    expect(zip.file('sites.csv')!.date.getFullYear()).toBe(2025);
  });

  it('carries a whole scenario as CSV tables that import back to the same scenario', async () => {
    const r = validateScenario(validDoc());
    if (!r.ok) throw new Error('invalid fixture');
    const tables = scenarioToCsvTables(r.scenario, { bom: true });
    const zip = await JSZip.loadAsync(zipStore(Object.entries(tables).map(([name, text]) => ({ name, data: utf8Encode(text) }))));
    const back: Record<string, string> = {};
    for (const name of Object.keys(zip.files)) back[name] = utf8Decode(await zip.file(name)!.async('uint8array'));
    const again = scenarioFromCsvTables(back);
    expect(again.ok && again.scenario).toStrictEqual(r.scenario);
  });
});

describe('readZipDirectory and checkZipBudget', () => {
  it('lists names and sizes without inflating anything', () => {
    const dir = readZipDirectory(zipStore([{ name: 'a.xml', data: new Uint8Array(1000) }, { name: 'b.xml', data: new Uint8Array(10) }]));
    expect(dir).toEqual({ ok: true, entries: [{ name: 'a.xml', compressedSize: 1000, size: 1000 }, { name: 'b.xml', compressedSize: 10, size: 10 }] });
  });

  it('refuses an archive that declares more than the budget (a zip bomb)', () => {
    const data = zipStore([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4096) }]);
    expect(checkZipBudget(data, 1 << 20)).toEqual({ ok: true });
    expect(checkZipBudget(data, 1000)).toEqual({ ok: false, message: expect.stringMatching(/unpacks to more than/) });
    // A forged directory entry claiming 3 GB uncompressed.
    const forged = data.slice();
    const dirStart = new DataView(forged.buffer).getUint32(forged.length - 22 + 16, true);
    new DataView(forged.buffer).setUint32(dirStart + 24, 3_000_000_000, true);
    expect(checkZipBudget(forged).ok).toBe(false);
  });

  it('says plainly what is no zip, and what is an old .xls', () => {
    expect(readZipDirectory(utf8Encode('id,name\n'))).toEqual({ ok: false, message: 'not an Excel workbook (.xlsx): the file is not a zip archive' });
    expect(readZipDirectory(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatchObject({ ok: false, message: expect.stringMatching(/\.xls\)/) });
  });
});
