import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

const BASE = 'European network (default)';
const COPY = `Copy of ${BASE}`;

async function simulate(page: Page): Promise<void> {
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
}

async function downloadCsv(page: Page, info: TestInfo): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('compare-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^chainlab-compare-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = info.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return readFile(path, 'utf8');
}

/** Both columns hold a current result; returns the text of the what-if's fill-rate delta. */
async function expectBothCompared(page: Page): Promise<void> {
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toHaveAttribute('data-state', 'current');
  await expect(columns.nth(1)).toHaveAttribute('data-state', 'current');
  await expect(columns.nth(0).getByTestId('compare-column-name')).toHaveText(BASE);
  await expect(columns.nth(1).getByTestId('compare-column-name')).toHaveText(COPY);
}

test('compare a scenario with its edited copy: KPI deltas, map diff, CSV, and the cached results after a reload', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await simulate(page);

  // The what-if: a copy whose DC Lyon can hold far less stock.
  await page.getByTestId('action-duplicate').click();
  await expect(page.getByTestId('scenario-name')).toHaveText(COPY);
  await page.getByTestId('view-map').click();
  await page.getByTestId('site-dc-lyon').click();
  const capacity = page.getByTestId('inspector-site').getByLabel('Storage capacity');
  await capacity.fill('1500');
  await capacity.press('Enter');
  await expect(capacity).toHaveValue('1500');
  await waitSaved(page);
  await simulate(page);

  // Compare: the copy's origin is the baseline by default; both results are this session's.
  await page.getByTestId('view-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expectBothCompared(page);
  await expect(page.getByTestId('compare-column').nth(1)).toHaveAttribute('data-source', 'session');

  // KPI deltas: shrinking a DC's storage changes stock, and the verdicts say which way.
  const table = page.getByTestId('compare-kpi-table');
  const onHand = table.locator('[data-kpi="on-hand-avg"]');
  await expect(onHand.getByTestId('compare-delta')).toHaveAttribute('data-verdict', /better|worse/);
  await expect(onHand.getByTestId('compare-delta')).toContainText(/[▲▼] [+−][\d,.]+ (better|worse)/);
  const verdicts = await table.getByTestId('compare-delta').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-verdict')));
  expect(verdicts.length).toBe(17);
  expect(verdicts.filter((v) => v === 'better' || v === 'worse').length).toBeGreaterThan(0);
  await expect(page.getByTestId('compare-tallies')).toContainText(`${COPY} vs baseline:`);

  // Overlaid series: one line per scenario, in the scenario's colour; demand vs filled: two each.
  const onHandLines = page.getByTestId('compare-chart-onhand-path');
  await expect(onHandLines).toHaveCount(2);
  expect(await onHandLines.evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-series'), p.getAttribute('stroke')]))).toEqual([
    [BASE, '#0072B2'], [COPY, '#E69F00'],
  ]);
  await expect(page.getByTestId('compare-chart-service-path')).toHaveCount(4);

  // Map diff: DC Lyon is changed, and says what changed on focus; the list says it in words.
  const lyon = page.locator('[data-testid="compare-map-site"][data-site="dc-lyon"]');
  await expect(lyon).toHaveAttribute('data-state', 'changed');
  await lyon.focus();
  await expect(page.getByTestId('compare-map-readout')).toContainText('DC Lyon (dc): changed — storageCapacity 40000 → 1500');
  await expect(page.locator('[data-testid="compare-diff-field"][data-field="storageCapacity"]')).toContainText('40000 → 1500');

  // The CSV has both scenarios' KPIs.
  const csv = await downloadCsv(page, info);
  const [header, ...rows] = csv.trim().split('\r\n');
  expect(header).toContain(`${BASE}: value`);
  expect(header).toContain(`${COPY}: value`);
  expect(header).toContain(`${COPY}: delta`);
  const fill = rows.find((r) => r.startsWith('Fill rate,'));
  expect(fill).toBeDefined();
  const cells = fill!.split(',');
  const [baseFill, copyFill] = [Number(cells[3]), Number(cells[5])];
  expect(baseFill).toBeGreaterThan(0);
  expect(baseFill).toBeLessThanOrEqual(1);
  expect(copyFill).toBeGreaterThan(0);
  expect(Number(cells[7])).toBeCloseTo(copyFill - baseFill, 9);
  await page.screenshot({ path: info.outputPath('compare.png'), fullPage: true });

  // Reload: both results come back from the cache, no simulation runs.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('view-compare').click();
  await expectBothCompared(page);
  await expect(page.getByTestId('compare-column').nth(0)).toHaveAttribute('data-source', 'cache');
  await expect(page.getByTestId('compare-column').nth(1)).toHaveAttribute('data-source', 'cache');
  await expect(page.getByTestId('compare-column-cached')).toHaveCount(2);
  await expect(table.locator('[data-kpi="on-hand-avg"]').getByTestId('compare-delta')).toHaveAttribute('data-verdict', /better|worse/);
  const csvAgain = await downloadCsv(page, info);
  expect(csvAgain.split('\r\n').find((r) => r.startsWith('Fill rate,'))).toBe(fill);
  expect(page.workers()).toHaveLength(0);

  // The Simulate view shows the cached result of the open scenario too; an edit makes it stale.
  await page.getByTestId('view-simulate').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  expect(page.workers()).toHaveLength(0);
  expect(problems).toEqual([]);
});

test('a scenario without a current result says so and can be simulated from the Compare view', async ({ page }) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await page.getByTestId('action-duplicate').click();
  await expect(page.getByTestId('scenario-name')).toHaveText(COPY);
  await waitSaved(page);
  await page.getByTestId('view-compare').click();
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toHaveAttribute('data-state', 'none');
  await expect(columns.nth(0).getByTestId('compare-column-missing')).toHaveText('Not simulated yet.');
  await expect(page.getByTestId('compare-no-results')).toBeVisible();
  // Identical networks: the diff says so.
  await expect(page.getByTestId('compare-diff-empty')).toBeVisible();

  await columns.nth(0).getByTestId('compare-run').click();
  await expect(columns.nth(0)).toHaveAttribute('data-state', 'current');
  await expect(columns.nth(1)).toHaveAttribute('data-state', 'none');
  // One side only: values, but no deltas yet.
  await expect(page.getByTestId('compare-kpi-table').locator('[data-kpi="fill-rate"]').getByTestId('compare-delta')).toHaveAttribute('data-verdict', 'none');
  await columns.nth(1).getByTestId('compare-run').click();
  await expect(columns.nth(1)).toHaveAttribute('data-state', 'current');
  // Same network, same seed: every KPI is the same.
  const verdicts = await page.getByTestId('compare-delta').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-verdict')));
  expect(new Set(verdicts)).toEqual(new Set(['same']));

  // Keyboard: the picker and the run buttons are reachable; unticking leaves one scenario.
  const pick = page.getByTestId('compare-pick').first();
  await pick.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('compare-empty')).toBeVisible();
  expect(problems).toEqual([]);
});
