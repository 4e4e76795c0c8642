/**
 * The network editor as a new user meets it: from a blank scenario, draw four sites by clicking,
 * connect them by dragging, move one, undo and redo, delete a lane, reload — everything kept.
 * Then the schematic (echelon layout, snap, auto-layout), the site search, copy/paste, box
 * selection and the shortcut help.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { generateEditorNetwork } from '../../bench/editor-network';
import { openApp, waitSaved, watchForProblems } from './helpers';

type Point = { x: number; y: number };

interface ExportedScenario {
  sites: { id: string; name: string; kind: string; lat: number; lon: number; x?: number; y?: number }[];
  lanes: { id: string; from: string; to: string; mode: string; distance?: number; autoDistance: boolean; autoLeadTime: boolean; autoCost: boolean }[];
}

async function newBlankScenario(page: Page): Promise<void> {
  await page.getByTestId('action-new').click();
  await page.getByTestId('new-blank').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Untitled scenario');
  await expect(sitesOnMap(page)).toHaveCount(0);
}

/** A point of the map canvas, as shares of its width and height. */
async function mapPoint(page: Page, fx: number, fy: number): Promise<Point> {
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

async function clickAt(page: Page, p: Point): Promise<void> {
  await page.mouse.click(p.x, p.y);
}

async function siteCentre(page: Page, id: string): Promise<Point> {
  // The symbol, not the group: the group's box includes the label.
  const box = (await page.getByTestId(`site-${id}`).locator('path.symbol').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The screen point halfway along a lane's drawn arc. */
async function laneMiddle(page: Page, id: string): Promise<Point> {
  return page.getByTestId('network-map').locator(`path[data-lane-id="${id}"]`).evaluate((el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
}

async function drag(page: Page, from: Point, to: Point, modifiers: { shift?: boolean } = {}): Promise<void> {
  if (modifiers.shift) await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
  if (modifiers.shift) await page.keyboard.up('Shift');
}

async function exportScenario(page: Page, path: string): Promise<ExportedScenario> {
  const download = page.waitForEvent('download');
  await page.getByTestId('action-export').click();
  const file = await download;
  await file.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')) as ExportedScenario;
}

/** Sites and lanes drawn on the map (the inspector marks its panels with the same data attributes). */
const sitesOnMap = (page: Page, filter = '') => page.getByTestId('network-map').locator(`[data-site-id]${filter}`);
const lanesOnMap = (page: Page, filter = '') => page.getByTestId('network-map').locator(`[data-lane-id]${filter}`);

const transformOf = (page: Page, id: string) => page.getByTestId(`site-${id}`).getAttribute('transform');

test('draw a four-site network with the mouse, connect, move, undo/redo, delete a lane, reload', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await newBlankScenario(page);

  // Add a plant with the toolbar, the DC and two customers with the keys 3 and 5.
  await page.getByTestId('tool-add-plant').click();
  await expect(page.getByTestId('tool-hint')).toContainText('add a plant');
  await clickAt(page, await mapPoint(page, 0.3, 0.45));
  await expect(page.getByTestId('site-plant-1')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('3');
  await clickAt(page, await mapPoint(page, 0.5, 0.5));
  await page.keyboard.press('5');
  await clickAt(page, await mapPoint(page, 0.68, 0.36));
  await clickAt(page, await mapPoint(page, 0.7, 0.62));
  await expect(sitesOnMap(page)).toHaveCount(4);
  await expect(sitesOnMap(page, '[data-kind="customer"]')).toHaveCount(2);
  await expect(page.getByTestId('site-dc-1')).toContainText('DC 1');
  await expect(page.getByTestId('undo')).toContainText('Undo add 1 site');

  // Connect: plant → DC → both customers, by dragging from site to site.
  await page.keyboard.press('l');
  await drag(page, await siteCentre(page, 'plant-1'), await siteCentre(page, 'dc-1'));
  await drag(page, await siteCentre(page, 'dc-1'), await siteCentre(page, 'customer-1'));
  await drag(page, await siteCentre(page, 'dc-1'), await siteCentre(page, 'customer-2'));
  await expect(lanesOnMap(page)).toHaveCount(3);
  // Lanes carry their mode and delay, from geography.
  await expect(page.getByTestId('lane-label-lane-1')).toHaveText(/^road · \d+ wk$/);
  await expect(page.getByTestId('edit-refused')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('drawn.png') });

  // Move customer 2 by dragging it (Select tool): one drag, one undo step.
  await page.keyboard.press('v');
  const before = await transformOf(page, 'customer-2');
  const start = await siteCentre(page, 'customer-2');
  await drag(page, start, { x: start.x + 70, y: start.y + 40 });
  const moved = await transformOf(page, 'customer-2');
  expect(moved).not.toBe(before);
  await expect(page.getByTestId('undo')).toContainText('Undo move Customer 2');

  await page.keyboard.press('Control+z');
  await expect.poll(() => transformOf(page, 'customer-2')).toBe(before);
  await expect(page.getByTestId('redo')).toContainText('Redo move Customer 2');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => transformOf(page, 'customer-2')).toBe(moved);

  // Delete the DC → customer 1 lane: click it (the middle of its arc), then Delete.
  await clickAt(page, await laneMiddle(page, 'lane-2'));
  await expect(lanesOnMap(page, '[data-lane-id="lane-2"]')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(lanesOnMap(page)).toHaveCount(2);
  await expect(lanesOnMap(page, '[data-lane-id="lane-2"]')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toContainText('Undo delete 1 lane');

  await waitSaved(page);
  const saved = await exportScenario(page, info.outputPath('before-reload.json'));
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText('Untitled scenario');
  await expect(sitesOnMap(page)).toHaveCount(4);
  await expect(lanesOnMap(page)).toHaveCount(2);
  const reloaded = await exportScenario(page, info.outputPath('after-reload.json'));
  expect(reloaded.sites).toEqual(saved.sites);
  expect(reloaded.lanes).toEqual(saved.lanes);
  expect(reloaded.sites.map((s) => s.kind).sort()).toEqual(['customer', 'customer', 'dc', 'plant']);
  expect(reloaded.lanes.map((l) => `${l.from}>${l.to}`)).toEqual(['plant-1>dc-1', 'dc-1>customer-2']);
  for (const lane of reloaded.lanes) {
    expect(lane).toMatchObject({ mode: 'road', autoDistance: true, autoLeadTime: true, autoCost: true });
    expect(lane.distance).toBeGreaterThan(0);
  }
  expect(problems).toEqual([]);
});

test('schematic with snap and auto-layout, search, copy/paste, box select and the help overlay', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  await newBlankScenario(page);

  // A supplier, a plant, a DC and two customers drawn on the map, then shown as a schematic.
  const kinds: [string, number, number][] = [['1', 0.36, 0.36], ['2', 0.44, 0.6], ['3', 0.52, 0.42], ['5', 0.62, 0.36], ['5', 0.62, 0.64]];
  for (const [key, fx, fy] of kinds) {
    await page.keyboard.press(key);
    await clickAt(page, await mapPoint(page, fx, fy));
  }
  await page.keyboard.press('Escape');
  await expect(sitesOnMap(page)).toHaveCount(5);
  await page.keyboard.press('l');
  await drag(page, await siteCentre(page, 'supplier-1'), await siteCentre(page, 'plant-1'));
  await drag(page, await siteCentre(page, 'plant-1'), await siteCentre(page, 'dc-1'));
  await drag(page, await siteCentre(page, 'dc-1'), await siteCentre(page, 'customer-1'));
  await drag(page, await siteCentre(page, 'dc-1'), await siteCentre(page, 'customer-2'));
  await expect(lanesOnMap(page)).toHaveCount(4);
  await page.keyboard.press('v');

  await page.getByTestId('layout-schematic').click();
  await expect(page.getByTestId('network-map')).toHaveAttribute('data-layout', 'schematic');
  await expect(page.getByTestId('map-land')).toHaveCount(0);
  // Laid out by echelon: supplier, plant, DC, customers from left to right.
  const xs = await Promise.all(['supplier-1', 'plant-1', 'dc-1', 'customer-1'].map(async (id) => (await siteCentre(page, id)).x));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  expect(new Set(xs).size).toBe(4);

  // Auto-layout: one undoable step that moves the sites.
  const beforeLayout = await transformOf(page, 'dc-1');
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('undo')).toContainText('Undo auto-layout');
  await expect.poll(() => transformOf(page, 'dc-1')).not.toBe(beforeLayout);
  await page.screenshot({ path: info.outputPath('schematic.png') });
  await page.keyboard.press('Control+z');
  await expect.poll(() => transformOf(page, 'dc-1')).toBe(beforeLayout);

  // Snap on: a dragged site lands on the 20-unit grid.
  await page.getByTestId('snap-toggle').click();
  await expect(page.getByTestId('snap-toggle')).toHaveAttribute('aria-pressed', 'true');
  const c = await siteCentre(page, 'customer-2');
  await drag(page, c, { x: c.x + 37, y: c.y - 23 });
  await waitSaved(page);
  const snapped = (await exportScenario(page, info.outputPath('snapped.json'))).sites.find((s) => s.id === 'customer-2')!;
  expect(Math.abs(snapped.x! % 20)).toBe(0);
  expect(Math.abs(snapped.y! % 20)).toBe(0);

  // Search: type, pick with the keyboard; the site is selected and centred.
  await page.getByTestId('site-search').fill('cust');
  await expect(page.getByTestId('site-search-option')).toHaveCount(2);
  await page.getByTestId('site-search').press('ArrowDown');
  await page.getByTestId('site-search').press('Enter');
  await expect(page.getByTestId('site-customer-2')).toHaveAttribute('data-selected', 'true');
  const map = (await page.getByTestId('map-canvas').boundingBox())!;
  await expect.poll(async () => {
    const p = await siteCentre(page, 'customer-2');
    return Math.hypot(p.x - (map.x + map.width / 2), p.y - (map.y + map.height / 2));
  }).toBeLessThan(4);
  // With the map focused, Shift+arrows move the selected site.
  const centred = await transformOf(page, 'customer-2');
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => transformOf(page, 'customer-2')).not.toBe(centred);
  await expect(page.getByTestId('undo')).toContainText('Undo move Customer 2');
  await page.getByTestId('map-fit').click();

  // Copy the DC and a customer (shift-click adds), paste: two copies and the lane between them.
  await page.getByTestId('site-dc-1').locator('path.symbol').click();
  await page.getByTestId('site-customer-1').locator('path.symbol').click({ modifiers: ['Shift'] });
  await expect(sitesOnMap(page, '[data-selected="true"]')).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(sitesOnMap(page)).toHaveCount(7);
  await expect(lanesOnMap(page)).toHaveCount(5);
  await expect(page.getByTestId('site-dc-2')).toContainText('DC 1 (copy)');
  await expect(sitesOnMap(page, '[data-selected="true"]')).toHaveCount(2);
  await expect(page.getByTestId('undo')).toContainText('Undo paste 2 sites and 1 lane');

  // Box select everything with Shift+drag, then delete it all in one step, and undo that.
  await page.keyboard.press('Escape');
  await drag(page, await mapPoint(page, 0.01, 0.01), await mapPoint(page, 0.9, 0.99), { shift: true });
  await expect(sitesOnMap(page, '[data-selected="true"]')).toHaveCount(7);
  await page.keyboard.press('Delete');
  await expect(sitesOnMap(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(sitesOnMap(page)).toHaveCount(7);

  // The help overlay lists the shortcuts; Escape closes it.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Keyboard shortcuts');
  await expect(page.getByTestId('help-overlay')).toContainText('Shift');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.getByTestId('help-close').click();
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  expect(problems).toEqual([]);
});

test('a big network draws its lanes on a canvas, and a lane there can still be hovered, picked and deleted', async ({ page }, info) => {
  const problems = watchForProblems(page);
  await openApp(page);
  await waitSaved(page);
  // 150 sites and 400 lanes in Europe, plus one sea lane from Reykjavik to Tórshavn, far from the rest.
  const doc = generateEditorNetwork({ sites: 150, lanes: 400, seed: 3 }) as { sites: Record<string, unknown>[]; lanes: Record<string, unknown>[] };
  doc.sites.push({ id: 'reykjavik', name: 'Reykjavik', kind: 'dc', lat: 64.15, lon: -21.94 }, { id: 'torshavn', name: 'Tórshavn', kind: 'customer', lat: 62.01, lon: -6.77 });
  doc.lanes.push({ id: 'far', from: 'reykjavik', to: 'torshavn', mode: 'sea', leadTime: 2 });
  const file = info.outputPath('big.json');
  await writeFile(file, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('network-map')).toHaveAttribute('data-lanes', 'canvas');
  await expect(sitesOnMap(page)).toHaveCount(152);
  await expect(lanesOnMap(page)).toHaveCount(0); // no SVG path per lane

  // The middle of the arc: mid-chord + ½ · bend · (−dy, dx), bend = 0.14 (lane-path.ts).
  const a = await siteCentre(page, 'reykjavik');
  const b = await siteCentre(page, 'torshavn');
  const middle = { x: (a.x + b.x) / 2 - 0.07 * (b.y - a.y), y: (a.y + b.y) / 2 + 0.07 * (b.x - a.x) };
  await page.mouse.move(middle.x, middle.y);
  await expect(page.getByTestId('lane-tip')).toContainText('Reykjavik → Tórshavn');
  await expect(page.getByTestId('lane-tip')).toContainText('sea');
  await clickAt(page, middle);
  await expect(page.getByTestId('lane-label-far')).toHaveText('sea · 2 wk');
  await page.screenshot({ path: info.outputPath('canvas-lanes.png') });
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('undo')).toContainText('Undo delete 1 lane');
  await expect(page.getByTestId('lane-label-far')).toHaveCount(0);
  await clickAt(page, middle);
  await expect(page.getByTestId('lane-label-far')).toHaveCount(0); // nothing left to pick there
  expect(problems).toEqual([]);
});
