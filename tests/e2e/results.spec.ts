/**
 * Issue 6's story, as a planner goes through it: default scenario → simulate → dashboard with
 * charts → play the map timeline → fork → raise a DC's storage → simulate → compare both (deltas)
 * → export a chart as SVG and the comparison as CSV → the printable report.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

const BASE = 'European network (default)';
const FORK = `${BASE} — what-if`;

async function save(page: Page, info: TestInfo, testid: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testid).click();
  const file = await download;
  const path = info.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function simulate(page: Page): Promise<void> {
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  await expect(page.getByTestId('sim-stale')).toHaveCount(0);
}

test('simulate → dashboard → playback → fork → more storage → compare → exports → printable report', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);

  // The dashboard of the base scenario: KPI cards with definitions, charts.
  await simulate(page);
  await expect(page.getByTestId('kpi-fill-rate-value')).toHaveText(/\d/);
  await expect(page.getByTestId('sim-chart-stock')).toBeVisible();
  await expect(page.getByTestId('sim-chart-bullwhip')).toBeVisible();

  // Play the map timeline: the period advances, pause holds it.
  const period = page.getByTestId('playback-period');
  await expect(period).toHaveAttribute('data-period', '1');
  await page.getByTestId('playback-play').click();
  await expect.poll(async () => Number(await period.getAttribute('data-period')), { timeout: 8000 }).toBeGreaterThan(2);
  await page.getByTestId('playback-play').click();
  const held = await period.getAttribute('data-period');
  await page.waitForTimeout(700);
  await expect(period).toHaveAttribute('data-period', held!);

  // Fork from the results: the what-if opens on the map, its origin noted.
  await page.getByTestId('sim-fork').click();
  await expect(page.getByTestId('scenario-name')).toHaveText(FORK);
  await expect(page.getByTestId('notice')).toContainText(`Forked “${BASE}”`);
  await page.getByTestId('site-dc-lyon').click();
  const capacity = page.getByTestId('inspector-site').getByLabel('Storage capacity');
  const before = Number(await capacity.inputValue());
  expect(before).toBeGreaterThan(0);
  await capacity.fill(String(Math.round(before * 1.2)));
  await capacity.press('Enter');
  await expect(capacity).toHaveValue(String(Math.round(before * 1.2)));
  await waitSaved(page);
  await simulate(page);

  // Compare: the base (origin) is the baseline, the what-if beside it, with deltas.
  await page.getByTestId('sim-compare').click();
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0).getByTestId('compare-column-name')).toHaveText(BASE);
  await expect(columns.nth(1).getByTestId('compare-column-name')).toHaveText(FORK);
  await expect(columns.nth(1)).toHaveAttribute('data-state', 'current');
  const deltas = page.getByTestId('compare-kpi-table').getByTestId('compare-delta');
  await expect(deltas).toHaveCount(17);
  const lyon = page.locator('[data-testid="compare-map-site"][data-site="dc-lyon"]');
  await expect(lyon).toHaveAttribute('data-state', 'changed');

  // Exports: the comparison as CSV holds both scenarios.
  const csv = await save(page, info, 'compare-csv');
  expect(csv.text.split(/\r?\n/)[0]).toContain(BASE);
  expect(csv.text.split(/\r?\n/)[0]).toContain(FORK);
  expect(csv.text).toMatch(/fill rate/i);

  // A chart as SVG, from the what-if's dashboard.
  await page.getByTestId('view-simulate').click();
  const svg = await save(page, info, 'sim-chart-stock-export-svg');
  expect(svg.name).toMatch(/\.svg$/);
  expect(svg.text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"|^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.text).toContain('<path');

  // The printable report from Compare: map, key figures, charts and the comparison.
  await page.getByTestId('view-compare').click();
  await page.getByTestId('compare-report').click();
  const report = page.getByTestId('report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('report-title')).toHaveText(FORK);
  await expect(page.getByTestId('report-map-lane').first()).toBeAttached();
  await expect(report.getByTestId('kpi-fill-rate-value')).toHaveText(/\d/);
  await expect(report.locator('[data-testid^="report-chart-"]').first()).toBeVisible();
  await expect(page.getByTestId('report-comparison')).toContainText(BASE);
  // Printing shows only the report: the app around it is hidden by the print stylesheet.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('view-simulate')).toBeHidden();
  await expect(report).toBeVisible();
  await expect(page.getByTestId('report-print')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  await expect(page.getByTestId('compare-view')).toBeVisible();

  expect(problems).toEqual([]);
});
