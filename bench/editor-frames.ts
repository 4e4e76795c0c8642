/**
 * Frame times of the network editor on a big network (default 1,000 sites, 3,000 lanes), in the
 * production build in Chromium: `npm run bench:editor [-- --sites 1000 --lanes 3000 --no-build]`.
 *
 * 1. Builds the app (bench/out/dist), serves it with `vite preview`, imports a generated network
 *    through the Import button, as a user would.
 * 2. Pan/zoom: wheel zooms in and out, then mouse drags on empty map, while a requestAnimationFrame
 *    loop records the time between frames (≥ 50 fps ⇔ mean ≤ 20 ms).
 * 3. Edit → paint: selects a DC with a click (reported apart: selecting re-dims 3,000 lanes and
 *    opens the inspector), then drags it in small steps; for each pointermove, the time from the
 *    event to the end of the frame that shows the moved site (the first task after the next
 *    frame's rendering: requestAnimationFrame + setTimeout 0). Each step is a real edit through
 *    the command layer (move-sites: validation, lane geography, undo history, autosave).
 *
 * Chromium: $CHROMIUM_PATH, /usr/bin/chromium, else Playwright's own. Results: stdout and
 * bench/out/editor-frames.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { generateEditorNetwork } from './editor-network';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SITES = arg('sites', 1000);
const LANES = arg('lanes', 3000);
const PORT = arg('port', 4178);
const BUILD = !process.argv.includes('--no-build');
const OUT = 'bench/out';
const URL = `http://127.0.0.1:${PORT}/`;

interface Stats { readonly n: number; readonly mean: number; readonly p50: number; readonly p95: number; readonly max: number }

function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), p50: q(0.5), p95: q(0.95), max: s.at(-1) ?? NaN };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`no server at ${url}`);
}

/** Records requestAnimationFrame intervals from now until `stop()` (in the page). */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

/** A point of the map with no site under it (drags there pan instead of moving a site). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
    for (let fy = 0.15; fy < 0.9; fy += 0.05) {
      for (let fx = 0.15; fx < 0.9; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        let clear = true;
        for (const [dx, dy] of [[0, 0], [12, 0], [-12, 0], [0, 12], [0, -12]]) {
          if (document.elementFromPoint(x + dx, y + dy)?.closest('[data-site-id]')) clear = false;
        }
        if (clear) return { x, y };
      }
    }
    return null;
  });
  if (!p) throw new Error('no empty spot on the map');
  return p;
}

async function panZoom(page: Page): Promise<number[]> {
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await startFrames(page);
  // Wheel: zoom in 3 steps of ×2, out again, three times, as a trackpad would (many small deltas).
  for (let round = 0; round < 3; round++) {
    for (const dir of [-1, 1]) {
      for (let i = 0; i < 24; i++) {
        await page.mouse.wheel(0, dir * 40);
        await sleep(8);
      }
    }
  }
  // Drags: pan around in a circle, 4 times.
  for (let round = 0; round < 4; round++) {
    const start = await emptyPoint(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) {
      const a = (i / 40) * Math.PI * 2;
      await page.mouse.move(start.x + Math.cos(a) * 160 - 160, start.y + Math.sin(a) * 120);
      await sleep(8);
    }
    await page.mouse.up();
  }
  return stopFrames(page);
}

/**
 * Selects a DC with a click, then drags it in `steps` moves. Returns, for the click and for each
 * move, the time from the input event to the end of the frame that shows its effect.
 */
async function editToPaint(page: Page, steps: number): Promise<{ select: number; moves: number[] }> {
  await page.getByTestId('map-fit').click();
  await sleep(600);
  const id = await page.evaluate(() => {
    // A DC fully inside the map, not covered by others.
    const box = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('[data-testid="network-map"] [data-kind="dc"]')) {
      const r = el.querySelector('path.symbol')!.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < box.left + 150 || x > box.right - 250 || y < box.top + 150 || y > box.bottom - 150) continue;
      if (document.elementFromPoint(x, y)?.closest('[data-site-id]') === el) return el.getAttribute('data-site-id');
    }
    return null;
  });
  if (!id) throw new Error('no draggable DC found');
  await page.evaluate((siteId) => {
    const w = window as unknown as { __latency: number[]; __select: number[] };
    w.__latency = [];
    w.__select = [];
    const el = document.querySelector(`[data-testid="network-map"] [data-site-id="${siteId}"]`)!;
    let moves: number[] = [];
    let click: number | null = null;
    window.addEventListener('pointermove', (e) => { if (e.buttons) moves.push(e.timeStamp); }, { capture: true });
    window.addEventListener('click', (e) => { click = e.timeStamp; }, { capture: true });
    // The frame that shows a change ends before the first task after the next animation frame.
    const afterPaint = (record: (end: number) => void) => requestAnimationFrame(() => setTimeout(() => record(performance.now()), 0));
    new MutationObserver((records) => {
      if (records.some((r) => r.attributeName === 'data-selected') && click !== null) {
        const start = click;
        click = null;
        afterPaint((end) => w.__select.push(end - start));
      }
      if (records.some((r) => r.attributeName === 'transform') && moves.length) {
        const starts = moves;
        moves = [];
        afterPaint((end) => { for (const s of starts) w.__latency.push(end - s); });
      }
    }).observe(el, { attributes: true, attributeFilter: ['transform', 'data-selected'] });
  }, id);
  const symbol = (await page.locator(`[data-testid="network-map"] [data-site-id="${id}"] path.symbol`).boundingBox())!;
  const x0 = symbol.x + symbol.width / 2;
  const y0 = symbol.y + symbol.height / 2;
  await page.mouse.click(x0, y0);
  await sleep(1000);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + i * 3, y0 + i * 1.5);
    await sleep(40);
  }
  await page.mouse.up();
  await sleep(300);
  const undo = await page.getByTestId('undo').textContent();
  if (!undo?.includes('move')) throw new Error(`the drag did not move the site (undo says "${undo}")`);
  return page.evaluate(() => {
    const w = window as unknown as { __latency: number[]; __select: number[] };
    return { select: w.__select[0] ?? NaN, moves: w.__latency };
  });
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const file = `${OUT}/network-${SITES}-${LANES}.json`;
  const doc = generateEditorNetwork({ sites: SITES, lanes: LANES });
  await writeFile(file, JSON.stringify(doc));
  if (BUILD) {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', `${OUT}/dist`, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', `${OUT}/dist`, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(URL, 30_000);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names with a `__name` helper that page.evaluate's callbacks take along.
    await page.addInitScript('window.__name = (f) => f');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(URL);
    await page.getByTestId('app').and(page.locator('[data-ready="true"]')).waitFor();
    const t0 = Date.now();
    await page.getByTestId('import-input').setInputFiles(file);
    await page.locator(`[data-testid="network-map"][data-lanes="${LANES >= 300 ? 'canvas' : 'svg'}"]`).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="network-map"] [data-site-id]').length === n, SITES, { timeout: 60_000 });
    const loadMs = Date.now() - t0;
    await sleep(1000);

    const frames = stats((await panZoom(page)).slice(2));
    await sleep(500);
    const edit = await editToPaint(page, 60);
    const edits = stats(edit.moves);
    await page.screenshot({ path: `${OUT}/editor-frames.png` });

    const result = { sites: SITES, lanes: LANES, importToDrawnMs: loadMs, panZoom: { ...frames, fps: 1000 / frames.mean }, selectToPaintMs: edit.select, editToPaint: edits, errors };
    await writeFile(`${OUT}/editor-frames.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`network: ${SITES} sites, ${LANES} lanes (import → drawn ${(loadMs / 1000).toFixed(1)} s)`);
    console.log(`pan/zoom: mean ${ms(frames.mean)}/frame (${(1000 / frames.mean).toFixed(0)} fps), p50 ${ms(frames.p50)}, p95 ${ms(frames.p95)}, max ${ms(frames.max)} over ${frames.n} frames`);
    console.log(`select → paint (click a DC): ${ms(edit.select)}`);
    console.log(`edit → paint (drag the selected DC, ${edits.n} moves, each a move-sites edit): mean ${ms(edits.mean)}, p50 ${ms(edits.p50)}, p95 ${ms(edits.p95)}, max ${ms(edits.max)}`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    // The preview server was started by this script in its own process group: end that group only.
    if (server.pid) { try { process.kill(-server.pid); } catch { /* already gone */ } }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
