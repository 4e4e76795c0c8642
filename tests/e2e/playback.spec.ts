import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

// Playwright's trace recorder watches DOM mutations: measured, it adds ~40 % main-thread time per
// playback step, so the measurement below runs without it.
if (process.env.PLAYBACK_BENCH) test.use({ trace: 'off' });

/** Runs the default network once and waits for the results. */
async function simulateDefault(page: Page): Promise<void> {
  await openApp(page);
  await waitSaved(page);
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-kind', 'single');
  await expect(page.getByTestId('playback')).toBeVisible();
}

const period = async (page: Page) => Number(await page.getByTestId('playback-period').getAttribute('data-period'));

test('playback on the map: play, pause, keyboard steps, flows per period; Sankey and money flow with tables', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await simulateDefault(page);
  const playback = page.getByTestId('playback');
  await playback.scrollIntoViewIfNeeded();

  // Period 1 of the 52-week run, announced politely.
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', '1');
  await expect(page.getByTestId('playback-period')).toContainText('Week 1 of 52');
  await expect(page.getByTestId('playback-announce')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('playback-announce')).toHaveText('Week 1 of 52, from 2026-01-05');
  // 26 lanes: drawn as SVG, with a tooltip per lane.
  await expect(page.getByTestId('playback-map')).toHaveAttribute('data-lanes', 'svg');
  await expect(page.getByTestId('playback-lane')).toHaveCount(26);
  await expect(page.getByTestId('playback-site')).toHaveCount(15);

  // Play: the period advances (2 periods/s at 1×, 16 at 8×); pause holds it.
  await page.getByTestId('playback-speed').selectOption('8');
  await page.getByTestId('playback-play').click();
  await expect(playback).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => period(page), { timeout: 5000 }).toBeGreaterThan(3);
  // Shipments travel as dots while playing (motion is allowed here).
  await expect.poll(async () => Number(await page.getByTestId('playback-dots').getAttribute('data-dots'))).toBeGreaterThan(0);
  await page.getByTestId('playback-play').click();
  await expect(playback).toHaveAttribute('data-playing', 'false');
  const paused = await period(page);
  await page.waitForTimeout(400);
  expect(await period(page)).toBe(paused);
  await expect(page.getByTestId('playback-announce')).toContainText(`Week ${paused} of 52`);

  // Keyboard on the focused map: → and ← step, End and Home jump, Space plays and pauses.
  await page.getByTestId('playback-frame').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', String(paused + 1));
  await expect(page.getByTestId('playback-announce')).toContainText(`Week ${paused + 1} of 52`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', String(paused - 1));
  await page.keyboard.press('End');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', '52');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', '1');
  await page.keyboard.press('Space');
  await expect(playback).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('Space');
  await expect(playback).toHaveAttribute('data-playing', 'false');
  // The scrubber takes the arrow keys the same way.
  await page.getByTestId('playback-scrubber').fill('10');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', '10');
  await page.getByTestId('playback-scrubber').press('ArrowRight');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', '11');

  // In week 11 goods move: some lane is wider than the idle hairline, and its tooltip says how much.
  const widths = await page.getByTestId('playback-lane').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-width'))));
  expect(widths.filter((w) => w > 0).length).toBeGreaterThan(5);
  expect(Math.max(...widths)).toBeLessThanOrEqual(14);
  await expect(page.getByTestId('playback-lane').first().locator('title')).toContainText(/→ .*: [\d,]+ units \(all products\) shipped/);
  // DCs have a storage capacity: their ring shows a fill between 0 and 1.
  const lyonFill = Number(await page.locator('[data-testid="playback-site"][data-site="dc-lyon"]').getAttribute('data-fill'));
  expect(lyonFill).toBeGreaterThan(0);
  expect(lyonFill).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('playback-width-legend')).toContainText('Lane width = units (all products) shipped per week');
  await playback.screenshot({ path: info.outputPath('playback.png') });

  // One product: the widths follow it.
  await page.getByTestId('playback-product').selectOption({ label: 'Coffee grinder Mini' });
  await expect(page.getByTestId('playback-width-legend')).toContainText('units of Coffee grinder Mini');

  // The Sankey of product flow: links, hover read-out, returns back, a data table.
  const sankey = page.getByTestId('flow-sankey');
  await sankey.scrollIntoViewIfNeeded();
  const links = page.getByTestId('flow-sankey-link');
  expect(await links.count()).toBeGreaterThan(10);
  await expect(page.locator('[data-testid="flow-sankey-link"][data-kind="return"]')).not.toHaveCount(0);
  expect(await page.getByTestId('flow-sankey-node').count()).toBe(15);
  await links.first().focus();
  await expect(page.getByTestId('flow-sankey-readout')).toContainText(/→ .*: [\d,]+ units shipped/);
  await page.getByTestId('flow-sankey-table').locator('summary').click();
  const rows = page.getByTestId('flow-sankey-table').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(await links.count());
  await expect(rows.filter({ hasText: 'returned' })).not.toHaveCount(0);

  // Save the Sankey as SVG: a standalone file with the SVG namespace.
  const download = page.waitForEvent('download');
  await page.getByTestId('flow-sankey-export-svg').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/product-flow\.svg$/);
  const svg = await readFile(await file.path(), 'utf8');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('<path');

  // Money between parties: a two-column Sankey and the per-party table.
  const money = page.getByTestId('money-flow');
  await money.scrollIntoViewIfNeeded();
  expect(await page.getByTestId('money-sankey-link').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('money-party-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('money-party-table')).toContainText('Brewline Appliances SE');
  await page.getByTestId('money-flow-invoiced').check();
  expect(await page.getByTestId('money-sankey-link').count()).toBeGreaterThan(0);
  await page.getByTestId('money-flow-table').locator('summary').click();
  expect(await page.getByTestId('money-flow-table').locator('tbody tr').count()).toBeGreaterThan(0);
  await page.getByTestId('flow-sankey-section').screenshot({ path: info.outputPath('sankey.png') });
  await money.screenshot({ path: info.outputPath('money.png') });

  expect(problems).toEqual([]);
});

test('reduced motion: no animated shipments, and playback still steps', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await simulateDefault(page);
  await page.getByTestId('playback').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('playback-animate')).toBeDisabled();
  await expect(page.getByTestId('playback-animate')).not.toBeChecked();
  await page.getByTestId('playback-speed').selectOption('8');
  await page.getByTestId('playback-play').click();
  await expect.poll(() => period(page), { timeout: 5000 }).toBeGreaterThan(3);
  await page.getByTestId('playback-play').click();
  await expect(page.getByTestId('playback-dots')).toHaveAttribute('data-dots', '0');
  const dotsDrawn = await page.getByTestId('playback-dots').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
    return false;
  });
  expect(dotsDrawn).toBe(false);
  await page.getByTestId('playback-frame').focus();
  const before = await period(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('playback-period')).toHaveAttribute('data-period', String(before - 1));
  expect(problems).toEqual([]);
});

/** A hub and 310 customers on a ring around it: 310 spokes, more than the SVG lane limit. */
function spokeScenario(): unknown {
  const n = 310;
  const sites: Record<string, unknown>[] = [{ id: 'hub', name: 'Hub', kind: 'dc', lat: 50, lon: 10 }];
  const lanes: Record<string, unknown>[] = [];
  const demand: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    sites.push({ id: `c${i}`, name: `Customer ${i}`, kind: 'customer', lat: 50 + 4 * Math.sin(a), lon: 10 + 6 * Math.cos(a) });
    lanes.push({ id: `hub-c${i}`, from: 'hub', to: `c${i}`, leadTime: 1 });
    for (let t = 1; t <= 6; t++) demand.push({ customerId: `c${i}`, productId: 'p', period: t, quantity: 5 });
  }
  return {
    format: 'chainlab.scenario', version: 2, id: 'spokes', name: 'Spokes',
    settings: { horizon: 6, demandVariability: 'none' },
    sites, products: [{ id: 'p', name: 'Product', value: 10, price: 20 }], lanes, demand,
    inventory: [{ siteId: 'hub', productId: 'p', policy: 'none', initialStock: 99_999 }],
  };
}

test('lanes drawn on a canvas (over 300) still tell their flow under the pointer', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  const path = info.outputPath('spokes.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, JSON.stringify(spokeScenario()));
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('scenario-name')).toHaveText('Spokes');
  await page.getByTestId('view-simulate').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('playback')).toBeVisible();
  const map = page.getByTestId('playback-map');
  await expect(map).toHaveAttribute('data-lanes', 'canvas');
  await map.scrollIntoViewIfNeeded();
  await page.getByTestId('playback-frame').focus();
  await page.keyboard.press('End'); // a period in which every spoke ships
  const box = (await map.boundingBox())!;
  const hover = page.getByTestId('playback-hover');
  // Sweep the pointer across the map's middle: the spokes meet there, so lanes are crossed.
  const seen = new Set<string>();
  for (let i = 1; i < 60; i++) {
    await page.mouse.move(box.x + (box.width * i) / 60, box.y + box.height / 2 + 7);
    const text = (await hover.textContent()) ?? '';
    if (text) seen.add(text);
  }
  const laneTexts = [...seen].filter((t) => t.startsWith('Hub → Customer '));
  expect(laneTexts.length).toBeGreaterThan(2);
  for (const t of laneTexts) expect(t).toMatch(/^Hub → Customer \d+: 5 units \(all products\) shipped$/);
  // Off every lane (a corner of the map): nothing.
  await page.mouse.move(box.x + 3, box.y + 3);
  await expect(hover).toHaveText('');
  expect(problems).toEqual([]);
});

/**
 * A 1,000-site / 3,000-lane network over 365 days (5 % suppliers, 10 % plants, 20 % DCs, 65 %
 * customers; every plant fed by 2 suppliers, every DC by 3 plants, every customer by 3 or 4 DCs;
 * base-stock everywhere, 20 units a day per customer).
 */
function bigScenario(): unknown {
  const sites: Record<string, unknown>[] = [];
  const lanes: Record<string, unknown>[] = [];
  const inventory: Record<string, unknown>[] = [];
  const demand: Record<string, unknown>[] = [];
  let seed = 7;
  const rand = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 4294967296; };
  const add = (kind: string, prefix: string, n: number) => {
    for (let i = 0; i < n; i++) sites.push({ id: `${prefix}${i}`, name: `${prefix}${i}`, kind, lat: 38 + rand() * 18, lon: -8 + rand() * 30, ...(kind === 'dc' ? { storageCapacity: 900 } : {}) });
  };
  add('supplier', 's', 50); add('plant', 'pl', 100); add('dc', 'dc', 200); add('customer', 'c', 650);
  for (let p = 0; p < 100; p++) for (const s of new Set([p % 50, (p * 7 + 3) % 50])) lanes.push({ id: `s${s}-pl${p}`, from: `s${s}`, to: `pl${p}`, leadTime: 2 });
  for (let d = 0; d < 200; d++) for (const p of new Set([d % 100, (d * 3 + 1) % 100, (d * 7 + 5) % 100])) lanes.push({ id: `pl${p}-dc${d}`, from: `pl${p}`, to: `dc${d}`, leadTime: 1 + (d % 3), ...(d % 4 === 0 ? { capacity: 60 } : {}) });
  for (let c = 0; c < 650; c++) {
    const dcs = [...new Set([c % 200, (c * 3 + 1) % 200, (c * 7 + 2) % 200, ...(c < 265 ? [(c * 11 + 5) % 200] : [])])];
    for (const d of dcs) lanes.push({ id: `dc${d}-c${c}`, from: `dc${d}`, to: `c${c}`, leadTime: c % 2 });
    for (let t = 1; t <= 365; t++) demand.push({ customerId: `c${c}`, productId: 'p', period: t, quantity: 20 });
  }
  for (let p = 0; p < 100; p++) inventory.push({ siteId: `pl${p}`, productId: 'p', policy: 'base-stock', baseStock: 900, initialStock: 600 });
  for (let d = 0; d < 200; d++) inventory.push({ siteId: `dc${d}`, productId: 'p', policy: 'base-stock', baseStock: 300, initialStock: 250 });
  return {
    format: 'chainlab.scenario', version: 2, id: 'playback-bench', name: 'Playback bench',
    settings: { horizon: 365, periodLength: 'day', startDate: '2026-01-01' },
    sites, products: [{ id: 'p', name: 'Product', value: 10, price: 20 }], lanes, demand, inventory,
  };
}

test('frame time of a 1,000-site, 3,000-lane, 365-period playback (PLAYBACK_BENCH=1)', async ({ page }, info) => {
  test.skip(!process.env.PLAYBACK_BENCH, 'a measurement, not a check: set PLAYBACK_BENCH=1 to run it');
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page);
  const path = info.outputPath('big.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, JSON.stringify(bigScenario()));
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('scenario-name')).toHaveText('Playback bench', { timeout: 120_000 });
  await page.getByTestId('view-simulate').click();
  const t0 = Date.now();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('playback')).toBeVisible({ timeout: 120_000 });
  const ready = Date.now() - t0;
  await expect(page.getByTestId('playback-map')).toHaveAttribute('data-lanes', 'canvas');
  await page.getByTestId('playback').scrollIntoViewIfNeeded();
  await page.getByTestId('playback-frame').focus();
  // One step = key press → state → DOM/canvas → painted (two animation frames later).
  const steps = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="playback-frame"]')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      await frame();
      const t = performance.now();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await frame();
      await frame();
      times.push(performance.now() - t);
    }
    return times;
  });
  // Playing at 8× with shipments: the interval between animation frames.
  await page.getByTestId('playback-speed').selectOption('8');
  await page.getByTestId('playback-play').click();
  const intervals = await page.evaluate(async () => {
    const out: number[] = [];
    let last = performance.now();
    const end = last + 3000;
    while (last < end) {
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      out.push(now - last);
      last = now;
    }
    return out;
  });
  const dots = Number(await page.getByTestId('playback-dots').getAttribute('data-dots'));
  await page.getByTestId('playback-play').click();
  await page.getByTestId('playback').screenshot({ path: info.outputPath('big-playback.png') });
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const q = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(p * a.length))];
  const line = `playback bench: result ready ${ready} ms; step (2 frames incl.) median ${q(steps, 0.5).toFixed(1)} ms, p90 ${q(steps, 0.9).toFixed(1)} ms, max ${Math.max(...steps).toFixed(1)} ms; `
    + `playing 8× with ${dots} dots: frame interval median ${q(intervals, 0.5).toFixed(1)} ms, p90 ${q(intervals, 0.9).toFixed(1)} ms (${intervals.length} frames in 3 s)`;
  console.log(line);
  await info.attach('playback-bench', { body: line });
});
