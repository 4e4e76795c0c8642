import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

/** The current scenario as exported by the app (to prove a run left it untouched). */
async function exportCurrent(page: Page, info: TestInfo, tag: string): Promise<unknown> {
  const download = page.waitForEvent('download');
  await page.getByTestId('action-export').click();
  const file = await download;
  const path = info.outputPath(`${tag}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8'));
}

const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test('simulate the default network: progress, KPIs and charts, cancel a long run, run again (cases 19, 21)', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await page.getByTestId('view-simulate').click();
  await expect(page.getByTestId('sim-empty')).toBeVisible();

  // One seeded run of the default horizon: KPI cards, a site's charts, the per-site table.
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  await expect(page.getByTestId('sim-run-line')).toContainText('52 weeks · seed 42 · demand none · one run');
  const fill = percent(await page.getByTestId('kpi-fill-rate-value').innerText());
  expect(fill).toBeGreaterThan(0);
  expect(fill).toBeLessThanOrEqual(100);
  await expect(page.getByTestId('kpi-cost-value')).toHaveText(/^[\d,]+$/);
  await expect(page.getByTestId('kpi-fill-rate-definition')).toContainText('End-customer demand filled');
  const stockPath = page.getByTestId('sim-chart-stock-path').first();
  const d = (await stockPath.getAttribute('d')) ?? '';
  expect(d.split('L').length).toBeGreaterThanOrEqual(52); // one point per week
  await expect(page.getByTestId('sim-chart-site')).toHaveValue('site:dc-lyon');
  expect(await page.getByTestId('sim-site-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(5);

  // Hover read-out and the data table alternative.
  const svg = page.getByTestId('sim-chart-stock').locator('svg');
  await svg.hover();
  await expect(page.getByTestId('sim-chart-stock-readout')).toContainText(/week \d+.*on hand [\d,.]+/);
  await page.getByTestId('sim-chart-stock-data').locator('summary').click();
  await expect(page.getByTestId('sim-chart-stock').locator('table tbody tr')).toHaveCount(52);

  // Another site and product redraw the charts.
  await page.getByTestId('sim-chart-site').selectOption('site:plant-leipzig');
  await expect(page.getByTestId('sim-chart-stock')).toContainText('Leipzig');

  // Monte Carlo over the worker pool: progress with a percentage, then ± confidence intervals.
  await page.getByTestId('sim-replications').fill('400');
  await page.getByTestId('sim-variability').selectOption('normal');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-progress')).toBeVisible();
  await expect(page.getByTestId('sim-progress-text')).toHaveText(/^\d+ %$/);
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'replications', { timeout: 30_000 });
  await expect(page.getByTestId('sim-run-line')).toContainText(/400 replications on \d+ workers?/);
  await expect(page.getByTestId('kpi-fill-rate-value')).toHaveText(/^[\d.]+ ± [\d.]+ %$/);
  await page.screenshot({ path: info.outputPath('monte-carlo.png'), fullPage: true });

  // A long run: progress moves, Cancel stops it within a second and its workers are gone.
  await page.getByTestId('sim-replications').fill('5000');
  await page.getByTestId('sim-run').click();
  await expect.poll(async () => percent(await page.getByTestId('sim-progress-text').innerText()), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(page.workers().length).toBeGreaterThan(0);
  const t0 = Date.now();
  await page.getByTestId('sim-cancel').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-state', 'cancelled', { timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(page.getByTestId('sim-problem')).toHaveText('Simulation cancelled. Your scenario is unchanged.');
  await expect.poll(() => page.workers().length, { timeout: 1000 }).toBe(0);
  // The previous result is still shown.
  await expect(page.getByTestId('sim-run-line')).toContainText('400 replications');

  // Run again: works, on fresh workers.
  await page.getByTestId('sim-replications').fill('1');
  await page.getByTestId('sim-periods').fill('104');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  await expect(page.getByTestId('sim-run-line')).toContainText('104 weeks · seed 42 · demand normal · one run');
  expect(page.workers().length).toBe(1);

  // The result survives a trip to another tab; an edit marks it as from an older scenario.
  await page.getByTestId('view-map').click();
  await page.getByTestId('view-simulate').click();
  await expect(page.getByTestId('sim-run-line')).toContainText('104 weeks');
  await expect(page.getByTestId('sim-stale')).toHaveCount(0);
  await page.getByTestId('scenario-name').click();
  await page.getByTestId('scenario-name-input').fill('Europe, renamed');
  await page.getByTestId('scenario-name-input').press('Enter');
  await expect(page.getByTestId('sim-stale')).toHaveText('scenario changed since this run');

  await page.screenshot({ path: info.outputPath('simulate.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('a worker that dies mid-run: the error is shown, the scenario is unchanged, the next run works (case 20)', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  const before = await exportCurrent(page, info, 'before');
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toBeVisible();
  expect(page.workers()).toHaveLength(1);

  // Make the live worker die during its next call: it never answers, and an uncaught error
  // reaches the page as the worker's error event — what a bug in the worker looks like. (A real V8
  // out-of-memory in a worker took the whole renderer down in this Chromium, tried with
  // --js-flags=--max-old-space-size=96: nothing in the page survives that to recover.)
  await page.workers()[0].evaluate(() => {
    self.postMessage = () => { setTimeout(() => { throw new Error('simulated worker failure'); }); };
  });
  await page.getByTestId('sim-periods').fill('60');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-state', 'crashed');
  await expect(page.getByTestId('sim-problem')).toContainText(/The worker crashed: .*simulated worker failure.*Your scenario is unchanged\./);
  // The last good result stays, labelled as from the 52-week run.
  await expect(page.getByTestId('sim-run-line')).toContainText('52 weeks');

  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-run-line')).toContainText('60 weeks');
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-state', 'idle');
  expect(await exportCurrent(page, info, 'after')).toEqual(before);
  // The crash is reported by the page as a worker error, nothing else went wrong.
  expect(problems.filter((p) => !/simulated worker failure/.test(p))).toEqual([]);
});

test('input the engine refuses is reported with the site at fault, and nothing runs', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  // A copy of the default network in which DC Lyon has no inventory rows (valid, but not simulable).
  const doc = JSON.parse(await readFile('scenarios/default-europe.json', 'utf8')) as { id: string; name: string; inventory: { siteId: string }[] };
  doc.id = 'no-lyon-stock';
  doc.name = 'No stock rows at Lyon';
  doc.inventory = doc.inventory.filter((r) => r.siteId !== 'dc-lyon');
  const path = info.outputPath('no-lyon-stock.json');
  await writeFile(path, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('scenario-name')).toHaveText('No stock rows at Lyon');
  await waitSaved(page);
  const before = await exportCurrent(page, info, 'before');

  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-state', 'refused');
  const message = page.getByTestId('sim-problem');
  await expect(message).toContainText('The scenario cannot be simulated (2 problems)');
  await expect(message.locator('li').first()).toContainText('sites[2]: "dc-lyon" has no inventory row for');
  await expect(page.getByTestId('sim-results')).toHaveCount(0);
  expect(await exportCurrent(page, info, 'after')).toEqual(before);
  expect(problems).toEqual([]);
});

/** The bytes of a download triggered by `click`. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Points ("M…L…") of a chart's first path. */
async function pointsOf(page: Page, testid: string): Promise<number> {
  const d = (await page.getByTestId(`${testid}-path`).first().getAttribute('d')) ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

test('the results dashboard: scopes, shared brush zoom, read-outs, SVG / PNG / CSV exports, Monte Carlo bands', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-dashboard')).toHaveAttribute('data-render-ms', /^\d+$/);

  // Every chart of a site, each with its KPI definition on keyboard focus too.
  for (const id of ['stock', 'transit', 'orders', 'backlog', 'order-status', 'bullwhip']) await expect(page.getByTestId(`sim-chart-${id}`)).toBeVisible();
  await expect(page.getByTestId('sim-chart-stock-path')).toHaveCount(2); // on hand and storage capacity
  await expect(page.getByTestId('sim-chart-bullwhip-path')).toHaveCount(3); // demand, echelons 1 and 2
  await expect(page.getByTestId('sim-chart-order-status-bar')).toHaveCount(6);
  // The definition is a 1 px visually hidden description until the card is hovered or focused.
  const definitionWidth = async () => (await page.getByTestId('kpi-profit-definition').boundingBox())?.width ?? 0;
  expect(await definitionWidth()).toBeLessThan(2);
  await page.getByTestId('kpi-profit').focus();
  await expect.poll(definitionWidth).toBeGreaterThan(100);
  await expect(page.getByTestId('kpi-profit-definition')).toContainText('Margin − holding');
  await page.getByTestId('kpi-profit').blur();

  // Brush weeks on the orders chart: every line chart zooms to the same range.
  const line = ['stock', 'transit', 'orders', 'backlog', 'bullwhip'];
  for (const id of line) await expect(page.getByTestId(`sim-chart-${id}`)).toHaveAttribute('data-range', '1-52');
  const before = await pointsOf(page, 'sim-chart-stock');
  await page.getByTestId('sim-chart-orders-svg').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('sim-chart-orders-svg').boundingBox())!;
  const plotLeft = box.x + 52;
  const plotWidth = box.width - 52 - 18;
  await page.mouse.move(plotLeft + plotWidth * 0.2, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(plotLeft + plotWidth * 0.45, box.y + 70, { steps: 8 });
  await page.mouse.up();
  const zoomed = (await page.getByTestId('sim-chart-orders').getAttribute('data-range'))!;
  const [from, to] = zoomed.split('-').map(Number);
  // 0.2 and 0.45 of weeks 1..52 → about weeks 11 and 24
  expect(from).toBeGreaterThanOrEqual(10);
  expect(from).toBeLessThanOrEqual(12);
  expect(to).toBeGreaterThanOrEqual(23);
  expect(to).toBeLessThanOrEqual(25);
  for (const id of line) await expect(page.getByTestId(`sim-chart-${id}`)).toHaveAttribute('data-range', zoomed);
  expect(await pointsOf(page, 'sim-chart-stock')).toBe(to - from + 1);
  expect(await pointsOf(page, 'sim-chart-stock')).toBeLessThan(before);
  await expect(page.getByTestId('sim-zoom-from')).toHaveValue(String(from));

  // Hover read-out inside the zoom: the week and every line's value.
  const stock = page.getByTestId('sim-chart-stock-svg');
  await stock.hover({ position: { x: 60, y: 80 } });
  await expect(page.getByTestId('sim-chart-stock-readout')).toContainText(new RegExp(`week ${from}\\b.*on hand [\\d,.]+.*storage capacity \\(all products\\) 40,000`));
  // Keyboard: arrows move the read-out, Escape shows the whole run again.
  await page.mouse.move(0, 0);
  await stock.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sim-chart-stock-readout')).toContainText(`week ${from + 1}`);
  await expect(stock).toHaveAttribute('aria-valuetext', new RegExp(`^week ${from + 1}: on hand`));
  await page.keyboard.press('Escape');
  for (const id of line) await expect(page.getByTestId(`sim-chart-${id}`)).toHaveAttribute('data-range', '1-52');
  // Brush again on another chart, then a double-click shows the whole run.
  await page.getByTestId('sim-chart-transit-svg').scrollIntoViewIfNeeded();
  const transit = (await page.getByTestId('sim-chart-transit-svg').boundingBox())!;
  await page.mouse.move(transit.x + 52 + 40, transit.y + 60);
  await page.mouse.down();
  await page.mouse.move(transit.x + 52 + 200, transit.y + 60, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('sim-chart-stock')).not.toHaveAttribute('data-range', '1-52');
  await page.mouse.dblclick(transit.x + 52 + 100, transit.y + 60);
  for (const id of line) await expect(page.getByTestId(`sim-chart-${id}`)).toHaveAttribute('data-range', '1-52');
  // The typed range is the keyboard user's brush.
  await page.getByTestId('sim-zoom-from').fill('5');
  await page.getByTestId('sim-zoom-to').fill('20');
  await page.getByTestId('sim-zoom-to').press('Enter');
  await expect(page.getByTestId('sim-chart-bullwhip')).toHaveAttribute('data-range', '5-20');
  await page.getByTestId('sim-zoom-from').fill('abc');
  await page.getByTestId('sim-zoom-from').press('Enter');
  await expect(page.getByTestId('sim-zoom-error')).toHaveText('"from" must be a period number from 1 to 52');
  await expect(page.getByTestId('sim-chart-bullwhip')).toHaveAttribute('data-range', '5-20');
  await page.getByTestId('sim-zoom-reset').click();
  await expect(page.getByTestId('sim-zoom-error')).toHaveText('');
  await expect(page.getByTestId('sim-chart-bullwhip')).toHaveAttribute('data-range', '1-52');

  // Exports of the stock chart: a standalone SVG, a 2× PNG, and its numbers as CSV.
  const svgFile = await downloaded(page, () => page.getByTestId('sim-chart-stock-export-svg').click());
  expect(svgFile.name).toMatch(/stock-on-hand-dc-lyon\.svg$/);
  const svgText = svgFile.bytes.toString('utf8');
  expect(svgText).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('Stock on hand — DC Lyon (units, all products)'); // heading drawn in
  expect(svgText).toContain('stroke: rgb(0, 114, 178)'); // computed style inlined (Okabe–Ito blue)
  expect(svgText).not.toContain('data-testid');
  const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svgText)![1]);
  const svgHeight = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svgText)![1]);
  const png = await downloaded(page, () => page.getByTestId('sim-chart-stock-export-png').click());
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height at bytes 16–23, twice the SVG's
  expect(png.bytes.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));
  expect(png.bytes.readUInt32BE(20)).toBe(Math.round(svgHeight * 2));
  const csv = await downloaded(page, () => page.getByTestId('sim-chart-stock-export-csv').click());
  const csvLines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
  expect(csvLines[0]).toBe('week,on hand,storage capacity (all products)');
  expect(csvLines).toHaveLength(53);
  expect(csvLines[1]).toMatch(/^1,[\d.]+,40000$/);
  await writeFile(info.outputPath('stock.svg'), svgFile.bytes);
  await writeFile(info.outputPath('stock.png'), png.bytes);

  // Other scopes: a lane and a company.
  const lane = await page.getByTestId('sim-chart-site').locator('optgroup[label="Lanes"] option').first().getAttribute('value');
  await page.getByTestId('sim-chart-site').selectOption(lane!);
  await expect(page.getByTestId('sim-chart-lane-shipped')).toBeVisible();
  await expect(page.getByTestId('sim-chart-lane-shipped-path')).toHaveCount(1);
  await page.getByTestId('sim-chart-site').selectOption('party:brewline');
  await expect(page.getByTestId('sim-chart-party')).toContainText('Cash, receivables and payables');
  await expect(page.getByTestId('sim-chart-party-path')).toHaveCount(3);

  // Monte Carlo: mean lines in bands over the replications.
  await page.getByTestId('sim-replications').fill('40');
  await page.getByTestId('sim-variability').selectOption('normal');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'replications', { timeout: 30_000 });
  await expect(page.getByTestId('sim-chart-stock-band')).toHaveCount(1);
  await expect(page.getByTestId('sim-chart-stock')).toContainText('mean and 5–95 % band of 40 replications');
  await expect(page.getByTestId('sim-chart-backlog-band')).toHaveCount(2);
  await expect(page.getByTestId('kpi-profit-value')).toHaveText(/^[\d,]+ ± [\d,]+$/);
  await page.getByTestId('sim-chart-stock-svg').hover({ position: { x: 200, y: 80 } });
  await expect(page.getByTestId('sim-chart-stock-readout')).toContainText(/on hand \(mean\) [\d,.]+.*on hand 5–95 % [\d,.]+ – [\d,.]+/);
  await page.screenshot({ path: info.outputPath('dashboard-monte-carlo.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('Monte Carlo per site: the scope selector lists the sites, a site’s on hand and backorders in min–max bands', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-replications').fill('8');
  await page.getByTestId('sim-variability').selectOption('normal');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'replications', { timeout: 30_000 });

  // The whole network first (5–95 % bands of the totals); sites listed, lanes and companies not.
  const select = page.getByTestId('sim-chart-site');
  await expect(select).toHaveValue('network:');
  await expect(page.getByTestId('sim-chart-stock')).toContainText('mean and 5–95 % band of 8 replications');
  await expect(select.locator('optgroup[label="Sites"] option[value="site:dc-lyon"]')).toHaveCount(1);
  await expect(select.locator('optgroup[label="Lanes"], optgroup[label="Companies"]')).toHaveCount(0);
  await expect(page.getByTestId('sim-mc-hint')).toContainText('lanes and companies: single runs only');

  await select.selectOption('site:dc-lyon');
  const stock = page.getByTestId('sim-chart-stock');
  await expect(stock).toContainText('Stock on hand — DC Lyon');
  await expect(stock).toContainText('mean and min–max band of 8 replications');
  await expect(page.getByTestId('sim-chart-stock-band')).toHaveCount(1);
  await expect(page.getByTestId('sim-chart-backlog')).toContainText('Backlog — DC Lyon');
  await expect(page.getByTestId('sim-chart-backlog-band')).toHaveCount(1);
  await page.getByTestId('sim-chart-stock-svg').hover({ position: { x: 200, y: 80 } });
  await expect(page.getByTestId('sim-chart-stock-readout')).toContainText(/on hand \(mean\) [\d,.]+.*on hand min–max [\d,.]+ – [\d,.]+/);

  // The data table: every week's mean lies between its minimum and maximum, and the DC holds stock.
  await page.getByTestId('sim-chart-stock-data').locator('summary').click();
  const rows = stock.locator('table tbody tr');
  await expect(rows).toHaveCount(52);
  await expect(stock.locator('table thead th')).toHaveText(['week', 'on hand (mean)', 'storage capacity (all products)', 'on hand min–max min', 'on hand min–max max']);
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const table = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  let spread = 0;
  for (const [mean, capacity, min, max] of table.map((r) => r.map(num))) {
    expect(min).toBeLessThanOrEqual(mean);
    expect(mean).toBeLessThanOrEqual(max);
    expect(max).toBeLessThanOrEqual(capacity);
    spread = Math.max(spread, max - min);
  }
  expect(table.some((r) => num(r[0]) > 0)).toBe(true);
  expect(spread).toBeGreaterThan(0); // random demand: the replications differ
  await page.screenshot({ path: info.outputPath('monte-carlo-site.png'), fullPage: true });
  expect(problems).toEqual([]);
});
