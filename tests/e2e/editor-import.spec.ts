/**
 * A consultant brings a client's network as spreadsheets: a CSV set (`;`, decimal commas, a BOM,
 * the suites' headers, names instead of ids) and an Excel workbook, 56 sites with lanes and demand,
 * each with ONE bad row (latitude 200). The import lists the problem at its table, line and column
 * and imports nothing; once the row is fixed, the network is imported and drawn on the map. Then a
 * planner shapes one customer's demand with a seasonal pattern, applies it and undoes it.
 * The page runs under the production CSP: the Excel library must work without eval.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { openApp, watchForProblems } from './helpers';

interface Site { name: string; type: string; lat: number; lon: number; capacity?: number }

/** 2 plants, 4 DCs, 50 customers around Europe; customer k is supplied by DC k mod 4. */
function network(badLatitude: boolean) {
  const sites: Site[] = [
    { name: 'Plant Lyon', type: 'Plant', lat: 45.76, lon: 4.84, capacity: 50000 },
    { name: 'Plant Hamburg', type: 'Plant', lat: 53.55, lon: 9.99, capacity: 50000 },
    { name: 'DC Paris', type: 'DC', lat: 48.86, lon: 2.35, capacity: 8000 },
    { name: 'DC Milano', type: 'DC', lat: 45.46, lon: 9.19, capacity: 8000 },
    { name: 'DC Madrid', type: 'DC', lat: 40.42, lon: -3.7, capacity: 8000 },
    { name: 'DC Warszawa', type: 'DC', lat: 52.23, lon: 21.01, capacity: 8000 },
  ];
  for (let k = 1; k <= 50; k++) {
    sites.push({ name: `Client ${String(k).padStart(2, '0')}`, type: 'Customer', lat: 41 + ((k * 37) % 130) / 10, lon: -4 + ((k * 53) % 240) / 10 });
  }
  // The bad row: Client 17 is the 23rd site, on line 24 of sites.csv (header on line 1).
  if (badLatitude) sites[22].lat = 200;
  const dcs = sites.slice(2, 6).map((s) => s.name);
  const lanes = [
    ...sites.slice(0, 2).flatMap((p) => dcs.map((d) => ({ from: p.name, to: d, lead: 2, cost: 1.25 }))),
    ...sites.slice(6).map((c, k) => ({ from: dcs[k % 4], to: c.name, lead: 1, cost: 0.8 })),
  ];
  const demand = sites.slice(6).flatMap((c, k) => Array.from({ length: 12 }, (_, w) => ({ customer: c.name, week: w + 1, qty: 20 + ((k * 7 + w * 3) % 15) + 0.5 })));
  return { sites, lanes, demand };
}

const comma = (x: number) => String(x).replace('.', ',');

function csvFiles(badLatitude: boolean) {
  const { sites, lanes, demand } = network(badLatitude);
  const csv = (rows: string[][]) => `\ufeff${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;
  const file = (name: string, rows: string[][]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(csv(rows), 'utf8') });
  return [
    file('Sites.csv', [['Site Name', 'Type', 'Latitude', 'Longitude', 'Capacity'], ...sites.map((s) => [s.name, s.type, comma(s.lat), comma(s.lon), s.capacity === undefined ? '' : String(s.capacity)])]),
    file('products.csv', [['Product', 'Unit Price', 'Unit Cost'], ['Widget', '24,5', '11']]),
    file('lanes.csv', [['Origin', 'Destination', 'Lead Time', 'Cost per unit'], ...lanes.map((l) => [l.from, l.to, String(l.lead), comma(l.cost)])]),
    file('demand.csv', [['Customer', 'Product', 'Week', 'Demand'], ...demand.map((d) => [d.customer, 'Widget', String(d.week), comma(d.qty)])]),
  ];
}

async function workbook(badLatitude: boolean) {
  const { sites, lanes, demand } = network(badLatitude);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sites').addRows([['Site Name', 'Type', 'Latitude', 'Longitude', 'Capacity'], ...sites.map((s) => [s.name, s.type, s.lat, s.lon, s.capacity ?? null])]);
  wb.addWorksheet('Products').addRows([['Product', 'Unit Price'], ['Widget', 24.5]]);
  wb.addWorksheet('Lanes').addRows([['Origin', 'Destination', 'Lead Time', 'Cost per unit'], ...lanes.map((l) => [l.from, l.to, l.lead, l.cost])]);
  wb.addWorksheet('Demand').addRows([['Customer', 'Product', 'Week', 'Demand'], ...demand.map((d) => [d.customer, 'Widget', d.week, d.qty])]);
  wb.addWorksheet('Read me').addRow(['Client network, week 12']);
  return { name: 'client-network.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

const mapSites = (page: Page) => page.locator('[data-testid^="site-"][data-kind]');

async function newBlankScenario(page: Page) {
  await page.getByTestId('action-new').click();
  await page.getByTestId('new-blank').click();
  await expect(page.getByTestId('network-map')).toBeVisible();
  await expect(mapSites(page)).toHaveCount(0);
}

async function openImport(page: Page, kind: 'csv' | 'xlsx', files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByTestId('action-data').click();
  await expect(page.getByTestId('data-menu')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`import-${kind}`).click();
  await (await chooser).setFiles(files as never);
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

async function expectOneBadLatitude(page: Page, origin: string) {
  await expect(page.getByTestId('import-blocked')).toHaveText('Nothing will be imported: 1 problem to fix first.');
  const issue = page.getByTestId('import-issue');
  await expect(issue).toHaveCount(1);
  await expect(issue).toHaveAttribute('data-table', 'sites');
  await expect(issue).toHaveAttribute('data-line', '24');
  await expect(issue).toHaveAttribute('data-field', 'lat');
  await expect(issue).toContainText(origin);
  await expect(issue).toContainText('must be at most 90 (got 200)');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
}

test('a CSV set and an Excel workbook of 56 sites: one bad row blocks the import, the fixed files are imported and drawn', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);

  // --- CSV set -----------------------------------------------------------------------------
  await newBlankScenario(page);
  await openImport(page, 'csv', csvFiles(true));
  await expect(page.getByTestId('import-table-sites')).toContainText('56');
  await expectOneBadLatitude(page, 'Sites.csv');
  await page.screenshot({ path: info.outputPath('csv-import-blocked.png') });
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(mapSites(page)).toHaveCount(0); // nothing imported

  await openImport(page, 'csv', csvFiles(false));
  await expect(page.getByTestId('import-issue')).toHaveCount(0);
  await expect(page.getByTestId('import-effect-sites')).toHaveText('56 added');
  await expect(page.getByTestId('import-effect-lanes')).toHaveText('58 added');
  await expect(page.getByTestId('import-effect-demand')).toHaveText('600 added');
  await page.screenshot({ path: info.outputPath('csv-import-preview.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Imported — sites: 56 added; products: 1 added; lanes: 58 added; demand: 600 added');
  await expect(mapSites(page)).toHaveCount(56);
  await expect(page.locator('[data-testid^="site-"][data-kind="dc"]')).toHaveCount(4);
  await page.screenshot({ path: info.outputPath('csv-imported-map.png') });

  // --- Excel workbook ------------------------------------------------------------------------
  await newBlankScenario(page);
  await openImport(page, 'xlsx', await workbook(true));
  await expectOneBadLatitude(page, 'Sites');
  await page.getByTestId('import-cancel').click();
  await expect(mapSites(page)).toHaveCount(0);

  await openImport(page, 'xlsx', await workbook(false));
  await expect(page.getByTestId('import-issue')).toHaveCount(0);
  await expect(page.getByTestId('import-warnings')).toContainText('1 note');
  await page.getByTestId('import-confirm').click();
  await expect(mapSites(page)).toHaveCount(56);

  // The imported workbook exports again as a workbook the Excel library can read.
  await page.getByTestId('action-data').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = info.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await readFile(saved) as never);
  expect(back.getWorksheet('sites')!.rowCount).toBe(57);
  expect(back.getWorksheet('demand')!.rowCount).toBe(601);

  expect(problems).toEqual([]);
});

test('the demand editor: a seasonal pattern previewed, applied to the stored rows, and undone', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await newBlankScenario(page);
  await openImport(page, 'csv', csvFiles(false));
  await page.getByTestId('import-confirm').click();
  await expect(mapSites(page)).toHaveCount(56);

  await page.getByTestId('view-demand').click();
  await expect(page.getByTestId('demand-editor')).toBeVisible();
  await expect(page.getByTestId('demand-pair')).toHaveCount(50);
  await page.getByTestId('demand-customer').selectOption({ label: 'Client 03' });
  const before = await page.getByTestId('demand-total').textContent();
  const averageBefore = await page.getByTestId('demand-average').textContent();
  const levelBefore = await page.getByTestId('pattern-level').inputValue();
  const currentBefore = await page.getByTestId('demand-current-path').getAttribute('d');
  const flat = await page.getByTestId('demand-new-path').getAttribute('d');

  await page.getByTestId('pattern-level').fill('100');
  await page.getByTestId('pattern-season').check();
  await page.getByTestId('pattern-amplitude').fill('50');
  await page.getByTestId('pattern-cycle').fill('4');
  await expect(page.getByTestId('demand-new-path')).not.toHaveAttribute('d', flat ?? '');
  await expect(page.getByTestId('demand-new-stats')).toHaveText('new: total 5,200, average 100'); // 100, 150, 100, 50 × 13
  await page.getByTestId('demand-chart').locator('svg').hover({ position: { x: 200, y: 100 } });
  await expect(page.getByTestId('demand-readout')).toContainText('Period');
  await page.screenshot({ path: info.outputPath('demand-preview.png') });

  await page.getByTestId('demand-apply').click();
  await expect(page.getByTestId('demand-status')).toContainText('Stored 52 demand rows for Client 03 × Widget');
  await expect(page.getByTestId('demand-total')).toHaveText('5,200');
  await expect(page.getByTestId('demand-current-path')).not.toHaveAttribute('d', currentBefore ?? '');

  // The stored rows, as a user would check them: the demand table exported as CSV.
  await page.getByTestId('action-data').click();
  await page.getByTestId('export-one-table').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-table-demand').click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const rows = csv.replace(/^\ufeff/, '').trim().split(/\r\n/).map((l) => l.split(','));
  const client = rows.filter((r) => r[0] === 'Client-03');
  expect(client.map((r) => Number(r[3])).slice(0, 8)).toEqual([100, 150, 100, 50, 100, 150, 100, 50]);
  expect(client).toHaveLength(52);
  expect(rows.filter((r) => r[0] === 'Client-04')).toHaveLength(12); // other customers untouched

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('demand-total')).toHaveText(before ?? '');
  await expect(page.getByTestId('demand-average')).toHaveText(averageBefore ?? '');
  // With the same preview on both sides, the stored series draws exactly as before the edit.
  await page.getByTestId('pattern-season').uncheck();
  await page.getByTestId('pattern-level').fill(levelBefore);
  await expect(page.getByTestId('demand-current-path')).toHaveAttribute('d', currentBefore ?? '');
  await page.screenshot({ path: info.outputPath('demand-undone.png') });
  expect(problems).toEqual([]);
});
