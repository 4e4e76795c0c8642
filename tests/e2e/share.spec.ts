/**
 * Share links in the real browser (issue 6, reliability case 24): a link made from the default
 * scenario opens read-only in another page while local work stays exactly as it was (even with
 * the same scenario id), a tampered link is refused with its reason, "Save a copy" adds a copy and
 * leaves the original alone, and Close returns to the user's work without the fragment.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { packFragment } from '../../src/core/share/share-frame';
import { libraryNames, openApp, waitSaved, watchForProblems } from './helpers';
import { deflatedZeros } from '../support/deflated-zeros';

const LOCAL_NAME = 'My local work';

async function rename(page: Page, name: string): Promise<void> {
  await page.getByTestId('scenario-name').click();
  await page.getByTestId('scenario-name-input').fill(name);
  await page.getByTestId('scenario-name-input').press('Enter');
}

/** Opens the app, makes a link of the default scenario, then renames the local scenario. */
async function linkAndLocalWork(page: Page): Promise<{ link: string; sharedName: string }> {
  await openApp(page);
  await waitSaved(page);
  const sharedName = await page.getByTestId('scenario-name').innerText();
  await page.getByTestId('action-share').click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#share=v1\.[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(page.getByTestId('share-size')).toHaveText(new RegExp(`^${link.length} characters · \\d+\\.\\d kB compressed from \\d+\\.\\d kB$`));
  await page.getByTestId('share-close').click();
  await expect(page.getByTestId('share-dialog')).toHaveCount(0);
  await rename(page, LOCAL_NAME);
  await waitSaved(page);
  return { link, sharedName };
}

async function openLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
}

test('the copy button puts the link on the clipboard', async ({ context, page }) => {
  const problems = watchForProblems(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByTestId('action-share').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-copy-status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(problems).toEqual([]);
});

test('a shared link opens read-only in another page; local work is intact, also after a reload', async ({ context, page }) => {
  const problems = watchForProblems(page);
  const { link, sharedName } = await linkAndLocalWork(page);

  const other = await context.newPage();
  const otherProblems = watchForProblems(other);
  await openLink(other, link);
  await expect(other.getByTestId('shared-banner')).toContainText(`Shared scenario “${sharedName}” — read only`);
  await expect(other.getByTestId('scenario-name')).toHaveText(sharedName);
  await expect(other.getByTestId('read-only-chip')).toBeVisible();
  await expect(other.getByTestId('network-map')).toBeVisible();
  await expect(libraryNames(other)).toHaveText([LOCAL_NAME]);

  // Editing is refused with a message; the map keeps its sites.
  const sites = other.getByTestId('network-map').locator('[data-site-id]');
  const before = await sites.count();
  expect(before).toBeGreaterThan(0);
  await other.getByTestId('tool-add-plant').click();
  const box = (await other.getByTestId('map-canvas').boundingBox())!;
  await other.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(other.getByTestId('edit-refused')).toContainText('read only');
  await expect(sites).toHaveCount(before);
  // Renaming does not even start.
  await other.getByTestId('scenario-name').click();
  await expect(other.getByTestId('scenario-name-input')).toHaveCount(0);

  // Simulating is not editing: it runs on the shared scenario. Export hands out the shared scenario.
  await other.getByTestId('view-simulate').click();
  await other.getByTestId('sim-run').click();
  await expect(other.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  const download = other.waitForEvent('download');
  await other.getByTestId('action-export').click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { name: string };
  expect(exported.name).toBe(sharedName);

  // Reload: still the shared scenario (the link is still in the address), still nothing stored.
  await other.reload();
  await expect(other.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(other.getByTestId('shared-banner')).toBeVisible();
  await expect(libraryNames(other)).toHaveText([LOCAL_NAME]);

  // The first page, reloaded, opens the user's own work, unchanged.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(libraryNames(page)).toHaveText([LOCAL_NAME]);
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test('a tampered link is refused with its reason and the user\'s work opens normally', async ({ context, page }) => {
  const problems = watchForProblems(page);
  const { link } = await linkAndLocalWork(page);
  const at = link.length - 30;
  const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  const fresh = await context.newPage();
  const freshProblems = watchForProblems(fresh);
  await openLink(fresh, tampered);
  await expect(fresh.getByTestId('share-link-error')).toContainText('Could not open the shared link: the link’s checksum does not match its contents');
  await expect(fresh.getByTestId('share-link-error')).toContainText('Your own scenarios are unchanged.');
  await expect(fresh.getByTestId('shared-banner')).toHaveCount(0);
  await expect(fresh.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  await expect(libraryNames(fresh)).toHaveText([LOCAL_NAME]);
  expect(new URL(fresh.url()).hash).toBe('');
  expect(freshProblems).toEqual([]);

  // A cut-off link pasted into the address bar of an open tab (a hash change, no reload) says so.
  await page.goto(link.slice(0, link.length - 100));
  await expect(page.getByTestId('share-link-error')).toContainText('the link is incomplete');
  await expect(page.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  expect(problems).toEqual([]);
});

test('"Save a copy" adds the shared scenario to the library and leaves the original untouched', async ({ page }) => {
  const problems = watchForProblems(page);
  const { link, sharedName } = await linkAndLocalWork(page);
  await openLink(page, link);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await page.getByTestId('shared-save-copy').click();
  await expect(page.getByTestId('shared-banner')).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText(`${sharedName} (shared)`);
  await waitSaved(page);
  expect(new URL(page.url()).hash).toBe('');
  await expect(libraryNames(page)).toHaveText([`${sharedName} (shared)`, LOCAL_NAME]);

  // The copy is an ordinary scenario now: editable, and the original still opens unchanged.
  await rename(page, 'Copy, edited');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText('Copy, edited');
  await page.getByTestId('library-open').filter({ hasText: LOCAL_NAME }).click();
  await expect(page.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  expect(problems).toEqual([]);
});

test('Close returns to the user\'s last-opened scenario and removes the link from the address', async ({ page }) => {
  const problems = watchForProblems(page);
  const { link, sharedName } = await linkAndLocalWork(page);
  await openLink(page, link);
  await expect(page.getByTestId('scenario-name')).toHaveText(sharedName);
  await page.getByTestId('shared-close').click();
  await expect(page.getByTestId('shared-banner')).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  await expect(page.getByTestId('shared-banner')).toHaveCount(0);
  expect(problems).toEqual([]);
});


test('a decompression bomb and an oversized link are refused in the browser; local work opens', async ({ context, page }) => {
  const problems = watchForProblems(page);
  await linkAndLocalWork(page);
  // 30 MB of zeros with a valid checksum, claiming to be 1 kB: Chromium's inflater must stop early.
  const bomb = packFragment(await deflatedZeros(30 * 1024 * 1024), 1000).fragment;
  expect(bomb.length).toBeLessThan(60_000);
  const p = await context.newPage();
  const pProblems = watchForProblems(p);
  const t0 = Date.now();
  await openLink(p, `/#${bomb}`);
  await expect(p.getByTestId('share-link-error')).toContainText('expands beyond the 1.0 kB it declares — refused as a possible decompression bomb');
  expect(Date.now() - t0).toBeLessThan(10_000);
  await expect(p.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);

  await openLink(p, `/#share=v1.${'A'.repeat(70_000)}`);
  await expect(p.getByTestId('share-link-error')).toContainText('more than the 60000 a ChainLab share link can have');
  await expect(p.getByTestId('scenario-name')).toHaveText(LOCAL_NAME);
  await expect(libraryNames(p)).toHaveText([LOCAL_NAME]);
  expect(problems).toEqual([]);
  expect(pProblems).toEqual([]);
});
