import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

/** Puts a block on the system clipboard as a spreadsheet does (tab-separated), then presses Ctrl+V. */
async function pasteBlock(page: Page, tsv: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
  await page.keyboard.press('ControlOrMeta+V');
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('inspector: a site\'s storage capacity is edited and kept after reload; latitude 200 is refused at the field', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('site-dc-lyon').click();
  const site = page.getByTestId('inspector-site');
  await expect(site.getByTestId('inspector-title')).toHaveText('DC Lyon');

  const capacity = site.getByLabel('Storage capacity');
  await expect(capacity).toHaveValue('40000');
  await capacity.fill('45 000');
  await capacity.press('Enter');
  await expect(capacity).toHaveValue('45000');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await waitSaved(page);

  // An impossible latitude: the message is at the field, the typed text stays to be fixed.
  const lat = site.getByLabel('Latitude');
  await lat.fill('200');
  await lat.press('Enter');
  const error = site.getByTestId('field-lat-error');
  await expect(error).toHaveText('must be at most 90');
  await expect(lat).toHaveAttribute('aria-invalid', 'true');
  await expect(lat).toHaveAttribute('aria-describedby', await error.getAttribute('id') ?? 'missing');
  await expect(lat).toHaveValue('200');
  await expect(page.getByTestId('edit-refused')).toHaveCount(0); // said once, where the user looks
  await page.screenshot({ path: info.outputPath('latitude-refused.png') });
  // Escape drops the draft and shows the stored value again.
  await lat.press('Escape');
  await expect(lat).toHaveValue('45.764');
  await expect(error).toHaveCount(0);

  // Decimal comma accepted; one undo reverts the field.
  const holding = site.locator('#insp-site-holdingCost');
  await holding.fill('0,35');
  await holding.press('Tab');
  await expect(holding).toHaveValue('0.35');
  await page.getByTestId('undo').click();
  await expect(holding).toHaveValue('0');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('site-dc-lyon').click();
  await expect(page.getByTestId('inspector-site').getByLabel('Storage capacity')).toHaveValue('45000');
  await expect(page.getByTestId('inspector-site').getByLabel('Latitude')).toHaveValue('45.764');
  expect(problems).toEqual([]);
});

test('inspector: a policy shows only its parameters; a lane field typed by hand is pinned', async ({ page }) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('site-dc-lyon').click();
  const grinder = page.getByTestId('policy-grinder');
  const params = grinder.getByTestId('policy-grinder-params');
  const policy = grinder.getByTestId('field-policy');
  await expect(policy).toHaveValue('s-S');
  await expect(params.locator('label .name')).toHaveText(['Reorder point', 'Order up to']);
  await policy.selectOption('r-Q');
  await expect(params.locator('label .name')).toHaveText(['Reorder point', 'Order quantity']);
  await policy.selectOption('forecast');
  await expect(params.locator('label .name')).toHaveText(['Forecast method', 'Forecast window', 'Safety factor']);
  await params.getByTestId('field-forecastMethod').selectOption('exp-smoothing');
  await expect(params.locator('label .name')).toHaveText(['Forecast method', 'Smoothing', 'Safety factor']);

  // The Tables view's lane row → the inspector shows the lane; auto lead time, then typed → pinned.
  await page.getByTestId('view-tables').click();
  await page.getByTestId('table-tab-lanes').click();
  await page.getByTestId('cell-0-mode').click();
  const lane = page.getByTestId('inspector-lane');
  await expect(lane).toBeVisible();
  await lane.getByTestId('pin-leadTime').click();
  await expect(lane.getByTestId('pin-leadTime')).toHaveText('auto');
  await lane.getByTestId('field-leadTime').fill('9');
  await lane.getByTestId('field-leadTime').press('Enter');
  await expect(lane.getByTestId('pin-leadTime')).toHaveText('pinned');
  await expect(page.getByTestId('cell-0-leadTime')).toHaveText('9');
  expect(problems).toEqual([]);
});

test('inspector: several sites edited as one step; scenario settings and a party\'s instalments', async ({ page }) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('site-dc-lyon').click();
  await page.getByTestId('site-dc-milan').click({ modifiers: ['Shift'] });
  const multi = page.getByTestId('inspector-sites');
  await expect(multi.getByTestId('inspector-title')).toHaveText('2 sites');
  await expect(multi.getByLabel('Country')).toHaveAttribute('placeholder', '(mixed)');
  await multi.getByLabel('Storage capacity').fill('55000');
  await multi.getByLabel('Storage capacity').press('Enter');
  await page.getByTestId('site-dc-milan').click();
  await expect(page.getByTestId('inspector-site').getByLabel('Storage capacity')).toHaveValue('55000');
  await page.getByTestId('site-dc-lyon').click();
  await expect(page.getByTestId('inspector-site').getByLabel('Storage capacity')).toHaveValue('55000');
  await page.getByTestId('undo').click(); // one step for both sites
  await expect(page.getByTestId('inspector-site').getByLabel('Storage capacity')).toHaveValue('40000');
  await page.getByTestId('site-dc-milan').click();
  await expect(page.getByTestId('inspector-site').getByLabel('Storage capacity')).toHaveValue('40000');

  // Nothing selected (a fresh load): the summary, and from it the scenario panel.
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('network-summary')).toBeVisible();
  await page.getByTestId('open-scenario').click();
  const horizon = page.locator('#insp-settings-horizon');
  await horizon.fill('0');
  await horizon.press('Enter');
  await expect(page.getByTestId('field-horizon-error')).toHaveText('must be at least 1');
  await horizon.fill('60');
  await horizon.press('Enter');
  await expect(page.getByTestId('field-horizon-error')).toHaveCount(0);

  // Instalments are edited as a list and saved when they add up to 1.
  const terms = page.getByTestId('instalments-nordic-kitchen');
  await terms.getByTestId('instalment-0-share').fill('0.4');
  await expect(terms.getByTestId('instalments-total')).toHaveText('total 0.9');
  await terms.getByTestId('instalments-save').click();
  await expect(terms.getByTestId('instalments-error')).toContainText('add up to 0.9, not 1');
  await terms.getByTestId('instalment-1-share').fill('0,6');
  await terms.getByTestId('instalments-save').click();
  await expect(terms.getByTestId('instalments-error')).toHaveCount(0);
  await expect(terms.getByTestId('instalments-save')).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('open-scenario').click();
  await expect(page.locator('#insp-settings-horizon')).toHaveValue('60');
  await expect(page.getByTestId('instalments-nordic-kitchen').getByTestId('instalment-1-share')).toHaveValue('0.6');
  expect(problems).toEqual([]);
});

test('table view: edit by keyboard, paste a 2×2 block from a spreadsheet, undo the paste in one step', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('view-tables').click();
  await page.getByTestId('table-tab-lanes').click();
  const grid = page.getByTestId('table-grid');
  const cell = (r: number, key: string) => page.getByTestId(`cell-${r}-${key}`);

  // Keyboard: click the first lane's lead time, type, Enter commits and moves down.
  await cell(0, 'leadTime').click();
  await page.keyboard.type('4');
  await expect(page.getByTestId('cell-editor')).toHaveValue('4');
  await page.keyboard.press('Enter');
  await expect(cell(0, 'leadTime')).toHaveText('4');
  await expect(cell(1, 'leadTime')).toHaveClass(/active/);
  // Arrows, F2 edits the current text, Escape cancels.
  await page.keyboard.press('ArrowRight');
  await expect(cell(1, 'infoDelay')).toHaveClass(/active/);
  await page.keyboard.press('F2');
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(cell(1, 'infoDelay')).toHaveText('0');

  // A bad value is refused at the cell, with the message in the status line; the text stays.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cell-editor')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('table-status')).toContainText('lanes row 2, Lead time: must be at least 0');
  await expect(page.getByTestId('cell-editor')).toHaveValue('-1');
  await page.keyboard.press('Escape');
  const before = [await cell(2, 'leadTime').textContent(), await cell(2, 'infoDelay').textContent(),
    await cell(3, 'leadTime').textContent(), await cell(3, 'infoDelay').textContent()];

  // Paste a 2×2 block at row 3's lead time: one batch edit.
  await cell(2, 'leadTime').click();
  await pasteBlock(page, '3\t1\r\n5\t2\r\n');
  await expect(cell(2, 'leadTime')).toHaveText('3');
  await expect(cell(2, 'infoDelay')).toHaveText('1');
  await expect(cell(3, 'leadTime')).toHaveText('5');
  await expect(cell(3, 'infoDelay')).toHaveText('2');
  await expect(page.getByTestId('table-status')).toContainText('Pasted 2×2 cells');
  await page.screenshot({ path: info.outputPath('pasted.png') });

  // Ctrl+Z reverts the whole paste, and only the paste.
  await grid.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(cell(2, 'leadTime')).toHaveText(before[0] ?? '');
  await expect(cell(2, 'infoDelay')).toHaveText(before[1] ?? '');
  await expect(cell(3, 'leadTime')).toHaveText(before[2] ?? '');
  await expect(cell(3, 'infoDelay')).toHaveText(before[3] ?? '');
  await expect(cell(0, 'leadTime')).toHaveText('4');

  // A block with one bad cell is refused whole, naming table, row and column.
  await cell(2, 'leadTime').click();
  await pasteBlock(page, '6\t-1\nsoon\t0\n');
  await expect(page.getByTestId('table-status')).toContainText(
    'Paste refused, nothing changed: lanes row 3, Information delay: must be at least 0; lanes row 4, Lead time: must be a number (got "soon")');
  await expect(cell(2, 'infoDelay')).toHaveClass(/invalid/);
  await expect(cell(3, 'leadTime')).toHaveClass(/invalid/);
  await expect(cell(3, 'leadTime')).toHaveAttribute('title', 'must be a number (got "soon")');
  await expect(cell(2, 'leadTime')).toHaveText(before[0] ?? '');

  // Shift+arrows span a range; Ctrl+C puts it on the clipboard as a spreadsheet would read it.
  await cell(0, 'leadTime').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ControlOrMeta+C');
  const second = await cell(1, 'leadTime').textContent();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`4\t0\n${second}\t0`);

  // Delete clears an optional cell (its meaning when empty shows greyed); Ctrl+Z brings it back.
  await cell(0, 'share').click();
  const share = await cell(0, 'share').textContent();
  await page.keyboard.press('Delete');
  await expect(cell(0, 'share')).toHaveText('equal split');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(cell(0, 'share')).toHaveText(share ?? '');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('view-tables').click();
  await page.getByTestId('table-tab-lanes').click();
  await expect(cell(0, 'leadTime')).toHaveText('4');
  await expect(cell(2, 'leadTime')).toHaveText(before[0] ?? '');
  expect(problems).toEqual([]);
});

test('table view: sort, filter, add and delete rows', async ({ page }) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await page.getByTestId('view-tables').click();
  await page.getByTestId('table-tab-demand').click();
  const total = Number(await page.getByTestId('table-grid').getAttribute('data-rows'));
  expect(total).toBe(1040);

  // Sort by quantity, descending: the first rows hold the largest.
  await page.getByTestId('colhead-quantity').click();
  await page.getByTestId('colhead-quantity').click();
  await expect(page.getByTestId('colhead-quantity')).toContainText('▼');
  const top = Number(await page.getByTestId('cell-0-quantity').textContent());
  const second = Number(await page.getByTestId('cell-1-quantity').textContent());
  expect(top).toBeGreaterThanOrEqual(second);
  // The same from the keyboard-reachable sort menu.
  await page.getByTestId('table-sort').selectOption('period:desc');
  await expect(page.getByTestId('cell-0-period')).toHaveText('52');
  await expect(page.getByTestId('colhead-period')).toContainText('▼');

  // Filter by a customer's name (references are shown, and found, by name).
  await page.getByTestId('table-filter').fill('Stockholm');
  await expect(page.getByTestId('table-count')).toContainText(`of ${total} rows`);
  await expect(page.getByTestId('cell-0-customerId')).toHaveText('Stockholm');

  // Add a row on the products tab (valid defaults), then delete it.
  await page.getByTestId('table-tab-products').click();
  await expect(page.getByTestId('table-filter')).toHaveValue('');
  await page.getByTestId('table-add-row').click();
  await expect(page.getByTestId('cell-2-id')).toHaveText('product-3');
  await expect(page.getByTestId('cell-2-id')).toHaveClass(/active/);
  await expect(page.getByTestId('table-delete-rows')).toHaveText('Delete row');
  await page.getByTestId('table-delete-rows').click();
  await expect(page.getByTestId('cell-2-id')).toHaveCount(0);
  await expect(page.getByTestId('table-status')).toContainText('Deleted 1 row');

  // Hostile names are only ever text (reliability case 16): in the grid, its references and the inspector.
  await page.getByTestId('table-tab-sites').click();
  await page.getByTestId('cell-0-name').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('cell-editor').fill('<img src=x onerror=alert(1)>');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cell-0-name')).toHaveText('<img src=x onerror=alert(1)>');
  await page.getByTestId('cell-0-name').click();
  await expect(page.getByTestId('inspector-site').getByTestId('inspector-title')).toHaveText('<img src=x onerror=alert(1)>');
  await page.getByTestId('table-tab-lanes').click();
  await expect(page.getByTestId('cell-0-from')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('.cell img, [data-testid="inspector"] img')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('table view: 50,000 demand rows render only what is in view and stay editable', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  // A scenario with 10 customers × 5,000 periods of demand, imported as a user would.
  const doc = JSON.parse(await readFile('scenarios/default-europe.json', 'utf8'));
  doc.id = 'big-demand';
  doc.name = 'Big demand';
  doc.settings.horizon = 5000;
  const customers = doc.sites.filter((s: { kind: string }) => s.kind === 'customer').map((s: { id: string }) => s.id);
  doc.demand = customers.flatMap((c: string) => Array.from({ length: 5000 }, (_, t) => ({ customerId: c, productId: 'espresso', period: t + 1, quantity: 100 + (t % 37) })));
  const file = info.outputPath('big-demand.json');
  await writeFile(file, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('scenario-name')).toHaveText('Big demand');

  await page.getByTestId('view-tables').click();
  await page.getByTestId('table-tab-demand').click();
  const rows = customers.length * 5000;
  await expect(page.getByTestId('table-grid')).toHaveAttribute('data-rows', String(rows));
  expect(await page.locator('[data-testid^="cell-"][data-testid$="-quantity"]').count()).toBeLessThan(80);

  // Ctrl+End jumps to the last row, which is then rendered, active and editable.
  await page.getByTestId('cell-0-quantity').click();
  await page.keyboard.press('ControlOrMeta+End');
  const last = page.getByTestId(`cell-${rows - 1}-stdDev`);
  await expect(last).toHaveClass(/active/);
  await page.keyboard.press('ArrowLeft');
  const started = Date.now();
  await page.keyboard.type('77');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`cell-${rows - 1}-quantity`)).toHaveText('77');
  info.annotations.push({ type: 'edit in a 50k-row table', description: `${Date.now() - started} ms` });
  expect(await page.locator('[data-testid^="cell-"][data-testid$="-quantity"]').count()).toBeLessThan(80);
  expect(problems).toEqual([]);
});
