/** `chainlab convert` between JSON and Excel workbooks, and `validate` of a workbook, run in-process. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import { loadExcelJs } from '../../src/core/io/xlsx-library';

const run = runCliCaptured;

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'chainlab-xlsx-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('chainlab convert with .xlsx', () => {
  it('JSON → workbook → JSON gives back the same scenario', async () => {
    const input = new URL('../../scenarios/default-europe.json', import.meta.url).pathname;
    const book = join(dir, 'europe.xlsx');
    const toBook = await run('convert', input, book);
    expect(toBook).toMatchObject({ code: 0, stdout: `wrote ${book}\n`, stderr: '' });
    const back = join(dir, 'back.json');
    expect((await run('convert', book, back)).code).toBe(0);
    const original = scenarioFromJson(await readFile(input, 'utf8'));
    const again = scenarioFromJson(await readFile(back, 'utf8'));
    expect(original.ok && again.ok).toBe(true);
    if (original.ok && again.ok) expect(again.scenario).toStrictEqual(original.scenario);
    expect((await run('validate', book)).stdout).toMatch(/^ok: European network/);
  });

  it('refuses to overwrite a workbook without --force', async () => {
    const input = new URL('../../scenarios/beer-game.json', import.meta.url).pathname;
    const book = join(dir, 'beer.xlsx');
    await writeFile(book, 'old');
    const refused = await run('convert', input, book);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; add --force');
    expect((await run('convert', input, book, '--force')).code).toBe(0);
  });

  it('prints every problem of a bad workbook with its sheet row and writes nothing', async () => {
    const excel = await loadExcelJs();
    const wb = new excel.Workbook();
    wb.addWorksheet('sites').addRows([['Site Name', 'Type', 'Latitude', 'Longitude'], ['DC Lyon', 'DC', 45.76, 4.84], ['DC Far', 'DC', 200, 4.84]]);
    wb.addWorksheet('lanes').addRows([['Origin', 'Destination'], ['DC Lyon', 'DC Nowhere']]);
    const book = join(dir, 'client.xlsx');
    await writeFile(book, new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
    const out = join(dir, 'client.json');
    const r = await run('convert', book, out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      'sites[1].lat: must be at most 90 (got 200) (row 3)',
      'lanes[0].to: unknown site "DC Nowhere": no site has this id or name (row 2)',
      '',
    ].join('\n'));
    expect(await exists(out)).toBe(false);
  });

  it('says plainly when an .xlsx file is no workbook', async () => {
    const book = join(dir, 'fake.xlsx');
    await writeFile(book, 'name,kind\n');
    const r = await run('validate', book);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('scenario: not an Excel workbook (.xlsx): the file is not a zip archive\n');
  });
});
