/**
 * `npm run bench:dashboard [-- --sites 1000 --periods 365 --products 2 --no-browser --port 4399]`:
 * how long the results dashboard takes on a large run (default 1,000 sites, 365 periods).
 *
 * 1. Node: simulates the generated network (bench/sim-network.ts), then times the dashboard's
 *    data preparation — selector lists, the bullwhip echelon sums, each scope's chart data, the
 *    geometry of every chart at 900 px — as the page does it (median of several runs after a
 *    warm-up), and the per-period bands of a 1,000-replication Monte Carlo run.
 * 2. Chromium (unless --no-browser): builds the app, serves it with `vite preview`, imports the
 *    same network through the Import button, runs it, and reads the dashboard's own figure: from
 *    the moment the result is handed to the dashboard to the frame after its last chart is drawn
 *    (data-render-ms), plus the longest main-thread task meanwhile (PerformanceObserver).
 *
 * Chromium: $CHROMIUM_PATH, /usr/bin/chromium, else Playwright's own. Results: stdout and
 * bench/out/dashboard.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { BandAccumulator, BAND_METRICS, combineBands } from '../src/app/sim/series-bands';
import type { Scenario } from '../src/core/model/types';
import { simulateScenario, type SimResult } from '../src/core/sim';
import { barGeometry } from '../src/ui/charts/bar-chart-geometry';
import { lineChartGeometry } from '../src/ui/charts/line-chart-geometry';
import { singleRunCharts, type DashboardChart, type DashboardNames } from '../src/ui/sim/dashboard-charts';
import { NETWORK_SCOPE, scopeOptions, type ScopeOption } from '../src/ui/sim/dashboard-scope';
import { echelonOrders } from '../src/ui/sim/echelon-series';
import { generateScenario } from './sim-network';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SITES = arg('sites', 1000);
const PERIODS = arg('periods', 365);
const PRODUCTS = arg('products', 2);
const PORT = arg('port', 4399);
const BROWSER = !process.argv.includes('--no-browser');
const OUT = 'bench/out';
const frame = { width: 900, height: 220, margin: { top: 10, right: 18, bottom: 34, left: 52 } };

/** Median wall time of `fn` over `runs` runs after one warm-up run. */
function time(fn: () => unknown, runs = 9): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

function namesOf(s: Scenario): DashboardNames {
  const sites = new Map(s.sites.map((x) => [x.id, x]));
  const products = new Map(s.products.map((p) => [p.id, p.name]));
  return { site: (id) => sites.get(id)?.name || id, product: (id) => products.get(id) || id, capacity: (id) => sites.get(id)?.storageCapacity, currency: s.settings.currency };
}

/** Chart data and geometry of one scope: what the dashboard computes when it shows that scope. */
function drawScope(result: SimResult, scope: ScopeOption, names: DashboardNames): DashboardChart[] {
  const charts = singleRunCharts(result, scope, null, names);
  for (const c of charts) {
    if (c.kind === 'line') lineChartGeometry(c.lines, c.bands, frame, null);
    else if (c.kind === 'bars') barGeometry(c.bars, frame.width);
  }
  return charts;
}

function nodeFigures(scenario: Scenario) {
  const t0 = performance.now();
  const result = simulateScenario(scenario, {});
  const simulateMs = performance.now() - t0;
  const names = namesOf(scenario);
  const groups = scopeOptions(result, names);
  const dc = groups.sites.find((s) => s.id.startsWith('dc')) ?? groups.sites[0];
  const figures = {
    simulateMs,
    nodes: result.series.nodes,
    arcs: result.series.arcs,
    selectorMs: time(() => scopeOptions(result, names)),
    selectorOptions: { sites: groups.sites.length, lanes: groups.lanes.length, companies: groups.parties.length },
    echelonSumsMs: time(() => echelonOrders(result)),
    scopeMs: {
      network: time(() => drawScope(result, NETWORK_SCOPE, names)),
      dc: time(() => drawScope(result, dc, names)),
      lane: time(() => drawScope(result, groups.lanes[0], names)),
      company: time(() => drawScope(result, groups.parties[0], names)),
    },
    zoomMs: time(() => {
      for (const c of singleRunCharts(result, dc, null, names)) if (c.kind === 'line') lineChartGeometry(c.lines, c.bands, frame, { from: 100, to: 200 });
    }),
  };
  // Monte Carlo bands: 1,000 replications of the network totals (as the workers collect them), quantiles per period.
  const R = 1000;
  const acc = new BandAccumulator(PERIODS, R, true);
  const totals = Object.fromEntries(BAND_METRICS.map((m) => [m, new Float64Array(PERIODS)])) as Record<(typeof BAND_METRICS)[number], Float64Array>;
  for (let r = 0; r < R; r++) {
    for (const m of BAND_METRICS) for (let t = 0; t < PERIODS; t++) totals[m][t] = result.series.total[m][t] * (0.8 + 0.4 * (((r * 7919 + t * 104729) % 1000) / 1000));
    acc.add(totals);
  }
  const part = acc.part();
  return { ...figures, bands1000Ms: time(() => combineBands([part]), 3) };
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`no server at ${url}`);
}

async function browserFigures(file: string) {
  const dist = `${OUT}/dashboard-dist`;
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
  const url = `http://127.0.0.1:${PORT}/`;
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(url, 30_000);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Longest main-thread tasks, from page load on.
    await page.addInitScript(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
    await page.goto(url);
    await page.getByTestId('app').and(page.locator('[data-ready="true"]')).waitFor();
    const t0 = Date.now();
    await page.getByTestId('import-input').setInputFiles(file);
    await page.getByTestId('scenario-name').filter({ hasText: 'bench' }).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;
    await page.getByTestId('view-simulate').click();
    // When the dashboard sets its figure (data-render-ms), in page time.
    await page.evaluate(`window.__painted = new Promise((resolve) => new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="sim-dashboard"][data-render-ms]')) { obs.disconnect(); resolve(performance.now()); }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-render-ms'] })); undefined`);
    const before = await page.evaluate(() => performance.now());
    const t1 = Date.now();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-results').waitFor({ timeout: 300_000 });
    const runMs = Date.now() - t1;
    const dashboard = page.getByTestId('sim-dashboard');
    await dashboard.and(page.locator('[data-render-ms]')).waitFor({ timeout: 120_000 });
    const renderMs = Number(await dashboard.getAttribute('data-render-ms'));
    const painted = Number(await page.evaluate('window.__painted'));
    // Long tasks while the run starts and goes on (up to the result), and while the dashboard draws.
    const tasks = (await page.evaluate('window.__long')) as [number, number][];
    const longest = (from: number, to: number) => Math.max(0, ...tasks.filter(([s]) => s >= from && s < to).map(([, d]) => d));
    const dashboardFrom = painted - renderMs;
    // Switching the scope to the whole network: the charts of another scope.
    const t2 = Date.now();
    await page.getByTestId('sim-chart-site').selectOption('network:');
    await page.getByTestId('sim-chart-stock').filter({ hasText: 'whole network' }).waitFor();
    await page.getByTestId('sim-chart-cash').waitFor();
    const switchMs = Date.now() - t2;
    await page.screenshot({ path: `${OUT}/dashboard.png` });
    const dashboardTasks = tasks.filter(([s]) => s >= dashboardFrom - 1 && s < painted + 1).map(([, d]) => Math.round(d));
    return { importMs, runMs, renderMs, longestTaskRunMs: longest(before, dashboardFrom - 1), longestTaskDashboardMs: longest(dashboardFrom - 1, painted + 1), dashboardLongTasksMs: dashboardTasks, switchToNetworkMs: switchMs, errors };
  } finally {
    await browser.close();
    // The preview server was started by this script in its own process group: end that group only.
    if (server.pid) { try { process.kill(-server.pid); } catch { /* already gone */ } }
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const scenario = generateScenario({ sites: SITES, products: PRODUCTS, periods: PERIODS });
  console.log(`network: ${SITES} sites × ${PRODUCTS} products × ${PERIODS} periods (node ${process.version})`);
  const node = nodeFigures(scenario);
  console.log(`simulate (one run, for the data): ${ms(node.simulateMs)}; ${node.nodes} node and ${node.arcs} arc series`);
  console.log(`selector lists (${node.selectorOptions.sites} sites, ${node.selectorOptions.lanes} lanes, ${node.selectorOptions.companies} companies): ${ms(node.selectorMs)}`);
  console.log(`bullwhip echelon sums: ${ms(node.echelonSumsMs)}`);
  console.log(`chart data + geometry per scope at ${frame.width} px: network ${ms(node.scopeMs.network)}, DC ${ms(node.scopeMs.dc)}, lane ${ms(node.scopeMs.lane)}, company ${ms(node.scopeMs.company)}`);
  console.log(`zoom to periods 100–200 (geometry of the DC's line charts): ${ms(node.zoomMs)}`);
  console.log(`Monte Carlo bands, 1,000 replications × ${PERIODS} periods × 5 totals (5–95 % quantiles): ${ms(node.bands1000Ms)}`);
  let browser: Awaited<ReturnType<typeof browserFigures>> | undefined;
  if (BROWSER) {
    const file = `${OUT}/dashboard-network-${SITES}-${PERIODS}.json`;
    await writeFile(file, JSON.stringify(scenario));
    browser = await browserFigures(file);
    console.log(`Chromium: import ${(browser.importMs / 1000).toFixed(1)} s, simulate ${(browser.runMs / 1000).toFixed(1)} s`);
    console.log(`Chromium: result ready → KPI cards and all charts painted: ${browser.renderMs} ms; longest main-thread task meanwhile: ${browser.longestTaskDashboardMs.toFixed(0)} ms (tasks over 50 ms: ${browser.dashboardLongTasksMs.join(', ') || 'none'})`);
    console.log(`Chromium: longest main-thread task from the Simulate click to the result (run start, not the dashboard): ${browser.longestTaskRunMs.toFixed(0)} ms`);
    console.log(`Chromium: switch to the whole network's charts: ${browser.switchToNetworkMs} ms`);
    if (browser.errors.length) console.log(`page errors: ${browser.errors.join('; ')}`);
  }
  await writeFile(`${OUT}/dashboard.json`, `${JSON.stringify({ sites: SITES, products: PRODUCTS, periods: PERIODS, node, browser }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
