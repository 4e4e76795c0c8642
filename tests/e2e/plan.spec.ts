/**
 * The Optimise view as a planner uses it: the default network optimised in the browser, the plan
 * on the map and in the tables, executed by the simulator (plan vs actual), the model exported;
 * an infeasible edit explained; a long solve cancelled (reliability cases 17 and 19); a solution
 * solved outside the browser imported (and a broken one refused), and a plan executed with
 * re-planning every few weeks.
 */
import { expect, test, type Page } from '@playwright/test';
import loadHighs from 'highs';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, waitSaved, watchForProblems } from './helpers';

async function openPlan(page: Page): Promise<void> {
  await page.getByTestId('view-plan').click();
  await expect(page.getByTestId('plan-view')).toBeVisible();
}

const planWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('plan.worker'));

test('planner: optimise the default network, read the plan on the map and in tables, execute it, export the model', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const wasm: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await openApp(page);
  await openPlan(page);
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  // No worker and no solver are loaded before the user optimises.
  expect(planWorkers(page)).toHaveLength(0);
  expect(wasm).toEqual([]);

  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-progress')).toBeVisible();
  const status = page.getByTestId('plan-status');
  await expect(status).toHaveAttribute('data-status', 'optimal', { timeout: 60_000 });
  await expect(page.getByTestId('plan-status-label')).toHaveText('Optimal');
  await expect(page.getByTestId('plan-objective-value')).toHaveText(/^€\d{1,3}(,\d{3})+\.\d\d$/);
  await expect(page.getByTestId('plan-headline')).toContainText('total cost €');
  await expect(page.getByTestId('plan-cost-row')).not.toHaveCount(0);
  await expect(page.locator('[data-testid=plan-cost-row][data-kind=production]')).toBeVisible();
  // 'Automatic' picks HiGHS for this MIP (156 setup binaries): only its wasm was fetched.
  await expect(page.getByTestId('plan-solver-used')).toHaveText('HiGHS');
  expect(wasm.map((u) => u.replace(/^.*\/assets\/([a-z]+)-.*$/, '$1'))).toEqual(['highs']);

  // The plan on the map: lanes carrying flow are drawn, wider the more they carry.
  const map = page.getByTestId('plan-map');
  await map.scrollIntoViewIfNeeded();
  const used = map.locator('[data-testid=plan-map-lane]:not([data-flow="0"])');
  expect(await used.count()).toBeGreaterThan(10);
  const widths = await used.evaluateAll((els) => els.map((e) => Number.parseFloat(getComputedStyle(e).strokeWidth)));
  expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths) + 4);
  await expect(map.locator('[data-testid=plan-map-site][data-state=open]')).toHaveCount(15);
  await expect(map.getByTestId('plan-map-price').first()).toBeVisible();
  await expect(page.getByTestId('plan-shadow-price').first()).toContainText(/One more unit of .* would save €/);
  await page.screenshot({ path: info.outputPath('plan-optimal.png') });

  // … and in the tables: flows per lane, product and period; production; stock.
  const tables = page.getByTestId('plan-tables');
  await tables.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('plan-flows-row')).toHaveCount(15);
  await expect(page.getByTestId('plan-flows-row').first()).toContainText(/Plant .* → DC /);
  await page.getByTestId('plan-flows-filter').fill('Madrid');
  await expect(page.getByTestId('plan-flows-row').first()).toContainText('Madrid');
  await page.getByTestId('plan-tab-production').click();
  await expect(page.getByTestId('plan-production-row').first()).toContainText('Plant');
  await page.getByTestId('plan-tab-stock').click();
  await expect(page.getByTestId('plan-stock-row')).not.toHaveCount(0);

  // Plan → execution: the simulator follows the plan; plan vs actual side by side.
  await page.getByTestId('plan-execute').click();
  const compare = page.getByTestId('plan-vs-actual');
  await expect(compare).toBeVisible({ timeout: 30_000 });
  await compare.scrollIntoViewIfNeeded();
  const fill = compare.locator('[data-testid=plan-vs-actual-row][data-key=fill-rate]');
  await expect(fill.getByTestId('plan-value')).toHaveText(/^\d{1,3}\.\d %$/);
  await expect(fill.getByTestId('actual-value')).toHaveText(/^\d{1,3}\.\d %/);
  const cost = compare.locator('[data-testid=plan-vs-actual-row][data-key=total]');
  await expect(cost.getByTestId('actual-value')).toHaveText(/^€\d/);
  // The default scenario's demand is deterministic: one run, and it ships what the plan ships.
  await expect(page.getByTestId('plan-exec-summary')).toContainText('One run');
  const transport = compare.locator('[data-testid=plan-vs-actual-row][data-key=transport]');
  await expect(transport.getByTestId('actual-value')).toHaveText((await transport.getByTestId('plan-value').textContent()) ?? '');
  await expect(page.getByTestId('plan-stock-chart')).toBeVisible();
  await expect(page.getByTestId('plan-stock-planned')).toHaveAttribute('d', /^M/);

  // Under random demand: replications with confidence intervals.
  await page.getByTestId('plan-exec-variability').selectOption('normal');
  await page.getByTestId('plan-exec-replications').fill('8');
  await page.getByTestId('plan-execute').click();
  await expect(page.getByTestId('plan-exec-summary')).toContainText('8 replications', { timeout: 30_000 });
  await expect(fill.getByTestId('actual-value')).toContainText('±');
  await page.getByTestId('plan-execution').screenshot({ path: info.outputPath('plan-vs-actual.png') });

  // Export for an external solver.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-lp').click()]);
  expect(download.suggestedFilename()).toBe('european-network-default.lp');
  const lp = await readFile(await download.path(), 'utf8');
  expect(lp).toMatch(/^\\ ChainLab plan model/);
  expect(lp).toMatch(/^Minimize$/m);
  expect(lp).toMatch(/^End$/m);
  const [mps] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-mps').click()]);
  expect(await readFile(await mps.path(), 'utf8')).toMatch(/^ROWS$/m);

  expect(problems).toEqual([]);
});

test('an infeasible edit is explained: no production at a plant and demand that must be met', async ({ page }, info) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await openApp(page);
  await openPlan(page);
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'optimal', { timeout: 60_000 });

  // The planner sets both of Plant Wrocław's production capacities to 0 in the inspector.
  await page.getByTestId('view-map').click();
  await page.getByTestId('site-plant-wroclaw').click();
  for (const product of ['espresso', 'grinder']) {
    const capacity = page.getByTestId(`production-card-plant-wroclaw|${product}`).getByTestId('field-capacity');
    await capacity.fill('0');
    await capacity.press('Enter');
    await expect(capacity).toHaveValue('0');
  }
  await waitSaved(page);

  await openPlan(page);
  // The plan on screen was made for the scenario before the edit, and says so.
  await expect(page.getByTestId('plan-stale')).toBeVisible();
  await page.getByTestId('plan-demand-mode').selectOption('must-meet');
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'infeasible', { timeout: 60_000 });
  await expect(page.getByTestId('plan-status-label')).toHaveText('Infeasible');
  await expect(page.getByTestId('plan-stale')).toHaveCount(0);

  // Never just "infeasible": which customers go short, by how much and when…
  const report = page.getByTestId('plan-infeasibility');
  await expect(report).toBeVisible();
  const first = report.getByTestId('plan-shortfall').first();
  await expect(first.locator('td').nth(0)).toHaveText(/^(Paris|Madrid|Barcelona|London|Brussels|Stockholm|Warsaw|Munich|Vienna|Rome)$/);
  await expect(first.locator('td').nth(2)).toHaveText(/^[1-9][\d,]*$/);
  await expect(first.locator('td').nth(4)).toHaveText(/^weeks? \d/);
  expect(await report.getByTestId('plan-shortfall').count()).toBeGreaterThan(3);
  // … and which capacity would have to grow.
  await expect(report.getByTestId('plan-capacity-need').filter({ hasText: 'Plant Wrocław' }).first())
    .toContainText(/Production of .* at Plant Wrocław \(capacity 0 per week\) would need up to [\d,]+ more units/);
  await expect(page.getByTestId('plan-map')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('plan-infeasible.png') });
  expect(problems).toEqual([]);
});

test('a long solve is cancelled: the run ends at once, the worker goes, the next run works', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await openApp(page);
  await openPlan(page);
  // Proving the default network's lot-sizing MIP optimal takes HiGHS a minute or more.
  await page.getByTestId('plan-solver').selectOption('highs');
  await page.getByTestId('plan-mip-gap').fill('0');
  await page.getByTestId('plan-time-limit').fill('600');
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-mip-progress')).toBeVisible({ timeout: 30_000 });
  expect(planWorkers(page)).toHaveLength(1);

  const t0 = Date.now();
  await page.getByTestId('plan-cancel').click();
  // The run is over for the user at once: cancelled, the page free, Optimise available again.
  await expect(page.getByTestId('plan-problem')).toHaveAttribute('data-kind', 'cancelled', { timeout: 1000 });
  await expect(page.getByTestId('plan-problem')).toHaveText('Optimisation cancelled. Your scenario is unchanged.');
  await expect(page.getByTestId('plan-optimise')).toBeEnabled({ timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
  // The worker was terminated; Chromium lets a thread busy in a synchronous wasm call run on for up
  // to 2 s before it stops it by force (Blink's kForcibleTerminationDelay), then it is gone.
  await expect.poll(() => planWorkers(page).length, { timeout: 3000 }).toBe(0);

  await page.getByTestId('plan-mip-gap').fill('0.5');
  await page.getByTestId('plan-time-limit').fill('30');
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'optimal', { timeout: 60_000 });
  await expect(page.getByTestId('plan-problem')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an external solver\'s solution is imported and shown like a solved plan; a broken file is refused with its line; the plan is executed with re-planning', async ({ page }, info) => {
  test.setTimeout(180_000);
  const problems = watchForProblems(page);
  await openApp(page);
  await openPlan(page);

  // Export the model as a user would, and solve it "elsewhere": HiGHS in this test process.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-mps').click()]);
  const mps = await readFile(await download.path(), 'utf8');
  const highs = await loadHighs();
  const model = highs.createModel({ format: 'mps', data: new TextEncoder().encode(mps) });
  model.options.set({ output_flag: false, mip_rel_gap: 0.005, time_limit: 60 });
  model.run();
  const objective = model.getObjectiveValue();
  const solution = model.exportSolution(false);
  model.dispose();
  const good = info.outputPath('default.sol');
  await writeFile(good, solution, 'utf8');

  await page.getByTestId('plan-import-file').setInputFiles(good);
  await expect(page.getByTestId('plan-status-label')).toHaveText('Imported', { timeout: 30_000 });
  await expect(page.getByTestId('plan-imported-from')).toContainText('default.sol');
  const money = `€${objective.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  await expect(page.getByTestId('plan-objective-value')).toHaveText(money);
  await expect(page.getByTestId('plan-headline')).toContainText(`Plan imported from “default.sol”: total cost ${money}; every constraint of this scenario's model holds.`);
  // Shown like a solved plan: on the map and in the tables.
  expect(await page.locator('[data-testid=plan-map-lane]:not([data-flow="0"])').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('plan-flows-row')).toHaveCount(15);
  await page.screenshot({ path: info.outputPath('plan-imported.png') });

  // A file with a typo: refused, with the line, and the imported plan stays.
  const bad = info.outputPath('typo.sol');
  await writeFile(bad, 'ship(plant~leipzig~~dc~lyon,espresso,1) 0\nship(plant~leipzig~~dc~lyon,espresso,2) 29six\n', 'utf8');
  await page.getByTestId('plan-import-file').setInputFiles(bad);
  const problem = page.getByTestId('plan-problem');
  await expect(problem).toHaveAttribute('data-kind', 'refused');
  await expect(problem.locator('p')).toHaveText('“typo.sol” cannot be read: line 2: the value of ship(plant~leipzig~~dc~lyon,espresso,2) is not a number ("29six").');
  await expect(page.getByTestId('plan-status-label')).toHaveText('Imported');
  // Another scenario's solution: the wrong model.
  const other = info.outputPath('other.sol');
  await writeFile(other, 'ship(A~B,x,1) 3\n', 'utf8');
  await page.getByTestId('plan-import-file').setInputFiles(other);
  await expect(problem.locator('p')).toHaveText('“other.sol” names no column of this scenario\'s model (line 1: ship(A~B,x,1)): it is not a solution of the model exported from this scenario.');

  // Execute the plan re-planning every 13 weeks under random demand: plan, plan followed, re-planned.
  await page.getByTestId('plan-exec-variability').selectOption('normal');
  await page.getByTestId('plan-exec-replications').fill('2');
  await page.getByTestId('plan-exec-replan').fill('13');
  await page.getByTestId('plan-execute').click();
  await expect(page.getByTestId('plan-exec-cancel')).toBeVisible();
  const rolling = page.getByTestId('plan-exec-rolling');
  await expect(rolling).toBeVisible({ timeout: 120_000 });
  await expect(rolling).toContainText('Re-planned every 13 weeks: after weeks 13, 26 and 39 (3 re-plans per run).');
  await expect(page.getByTestId('plan-vs-actual')).toHaveAttribute('data-rolling', 'true');
  const fill = page.locator('[data-testid=plan-vs-actual-row][data-key=fill-rate]');
  await expect(fill.getByTestId('fixed-value')).toHaveText(/^\d{1,3}\.\d %/);
  await expect(fill.getByTestId('actual-value')).toHaveText(/^\d{1,3}\.\d %/);
  await expect(page.getByTestId('plan-exec-summary')).toContainText('2 replications');
  await page.getByTestId('plan-execution').screenshot({ path: info.outputPath('plan-rolling.png') });
  expect(problems).toEqual([]);
});
