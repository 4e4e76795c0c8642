import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { libraryNames, openApp, waitSaved, watchForProblems } from './helpers';

test('a new user opens the default network, duplicates, renames, reloads, exports, deletes and imports it back', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);

  // The default network on the map: land drawn, plants, DCs and customers as symbols, lanes as arrows.
  await expect(page.getByTestId('scenario-name')).toHaveText('European network (default)');
  await expect(page.getByTestId('map-land')).toBeAttached();
  await expect(page.locator('[data-testid^="site-"][data-kind="plant"]')).toHaveCount(2);
  await expect(page.locator('[data-testid^="site-"][data-kind="dc"]')).toHaveCount(3);
  expect(await page.locator('[data-testid^="site-"][data-kind="customer"]').count()).toBeGreaterThanOrEqual(8);
  expect(await page.locator('[data-testid^="lane-"]').count()).toBeGreaterThan(10);
  await waitSaved(page);
  await page.screenshot({ path: info.outputPath('default-network.png') });

  // Duplicate, then rename the copy from the top bar.
  await page.getByTestId('action-duplicate').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Copy of European network (default)');
  await page.getByTestId('scenario-name').click();
  await page.getByTestId('scenario-name-input').fill('DC Lyon +20 % storage');
  await page.getByTestId('scenario-name-input').press('Enter');
  await expect(page.getByTestId('scenario-name')).toHaveText('DC Lyon +20 % storage');
  await waitSaved(page);

  // Reload: both listed, the renamed one (last opened) opens.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText('DC Lyon +20 % storage');
  await expect(libraryNames(page)).toHaveText(['DC Lyon +20 % storage', 'European network (default)'], { useInnerText: true });

  // Export, delete, import: identical.
  const download = page.waitForEvent('download');
  await page.getByTestId('action-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const exportedPath = info.outputPath(file.suggestedFilename());
  await file.saveAs(exportedPath);
  const exported = await readFile(exportedPath, 'utf8');

  const current = page.locator('[data-testid="library-item"]', { hasText: 'DC Lyon +20 % storage' });
  await current.getByTestId('library-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(libraryNames(page)).toHaveText(['European network (default)']);

  await page.getByTestId('import-input').setInputFiles(exportedPath);
  await expect(page.getByTestId('scenario-name')).toHaveText('DC Lyon +20 % storage');
  await expect(libraryNames(page)).toHaveCount(2);
  await waitSaved(page);

  const again = page.waitForEvent('download');
  await page.getByTestId('action-export').click();
  const file2 = await again;
  const path2 = info.outputPath(`again-${file2.suggestedFilename()}`);
  await file2.saveAs(path2);
  expect(JSON.parse(await readFile(path2, 'utf8'))).toEqual(JSON.parse(exported));

  expect(problems).toEqual([]);
  await writeFile(info.outputPath('ok.txt'), 'ok');
});
