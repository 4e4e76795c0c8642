/**
 * Reliability cases of ../shared/design/reliability.md that need the real browser: IndexedDB as
 * Chromium implements it, tabs, page lifecycle, file import, CSP. Unit tests cover the rest with
 * fake-indexeddb.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

async function rename(page: Page, name: string): Promise<void> {
  await page.getByTestId('scenario-name').click();
  await page.getByTestId('scenario-name-input').fill(name);
  await page.getByTestId('scenario-name-input').press('Enter');
}

test('case 1: an edit followed at once by a reload is there after reopening', async ({ page }) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await rename(page, 'Renamed just before reload');
  await page.reload(); // no wait for "saved": pagehide must flush
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText('Renamed just before reload');
  expect(problems).toEqual([]);
});

test('case 4: storage full → "not saved" with an export offer, work intact, saved after a retry', async ({ page }) => {
  await openApp(page);
  await waitSaved(page);
  await page.evaluate(() => {
    const real = IDBObjectStore.prototype.put;
    (window as unknown as { __restorePut: () => void }).__restorePut = () => { IDBObjectStore.prototype.put = real; };
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await rename(page, 'Edit while the disk is full');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('save-state')).toHaveAttribute('title', /storage is full/);
  await expect(page.getByTestId('save-export')).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText('Edit while the disk is full');

  await page.evaluate(() => (window as unknown as { __restorePut: () => void }).__restorePut());
  await rename(page, 'Saved after space was freed');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Saved after space was freed');
});

test('case 5: without IndexedDB the app runs in memory with a clear warning', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('storage-warning')).toContainText('kept in this tab only');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'memory-only');
  await expect(page.getByTestId('network-map')).toBeVisible();
  await page.getByTestId('action-duplicate').click();
  await expect(page.getByTestId('library-name')).toHaveCount(2);
});

test('case 10: a tab that missed another tab\'s save gets a conflict, not a silent overwrite', async ({ context }) => {
  const a = await context.newPage();
  // Tab A hears nothing from other tabs, so only the stored revision can protect B's edit.
  await a.addInitScript(() => { Object.defineProperty(window, 'BroadcastChannel', { value: undefined }); });
  await openApp(a);
  await waitSaved(a);
  const b = await context.newPage();
  await openApp(b);
  await rename(b, 'Edited in tab B');
  await waitSaved(b);

  await rename(a, 'Edited in tab A');
  await expect(a.getByTestId('conflict-banner')).toBeVisible();
  await a.getByTestId('conflict-mine').click();
  await expect(a.getByTestId('conflict-banner')).toHaveCount(0);
  await waitSaved(a);

  await b.reload();
  await expect(b.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  const names = await b.getByTestId('library-name').allInnerTexts();
  expect(names).toContain('Edited in tab B');
  expect(names.some((n) => n.includes('Edited in tab A'))).toBe(true);
});

test('case 10: a clean tab follows another tab\'s save', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  await waitSaved(a);
  const b = await context.newPage();
  await openApp(b);
  await rename(b, 'Renamed in the other tab');
  await waitSaved(b);
  await expect(a.getByTestId('scenario-name')).toHaveText('Renamed in the other tab');
});

test('cases 15 and 16: hostile files are refused or shown as plain text', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);

  const polluted = info.outputPath('polluted.json');
  await writeFile(polluted, '{"format":"chainlab.scenario","version":2,"id":"x","name":"X","__proto__":{"polluted":true}}');
  await page.getByTestId('import-input').setInputFiles(polluted);
  await expect(page.getByTestId('issue-list')).toContainText('forbidden key "__proto__"');
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  await page.getByTestId('issue-list-close').click();

  const deep = info.outputPath('deep.json');
  await writeFile(deep, `${'['.repeat(100000)}${']'.repeat(100000)}`);
  await page.getByTestId('import-input').setInputFiles(deep);
  await expect(page.getByTestId('issue-list')).toContainText('nested');
  await page.getByTestId('issue-list-close').click();

  const xss = '<img src=x onerror=alert(1)>';
  const doc = JSON.parse(await readFile('scenarios/transportation-ampl.json', 'utf8')) as Record<string, unknown> & { sites: { name: string }[] };
  doc.id = 'hostile-names';
  doc.name = xss;
  doc.sites[0].name = '=HYPERLINK("http://evil","x")';
  doc.sites[1].name = xss;
  const hostile = info.outputPath('hostile.json');
  await writeFile(hostile, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(hostile);
  await expect(page.getByTestId('scenario-name')).toHaveText(xss);
  await expect(page.getByTestId('library-name').filter({ hasText: xss })).toHaveCount(1);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});
