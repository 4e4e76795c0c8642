/**
 * `npm run bench:sim`: simulation throughput on generated networks of 10, 100 and 1,000 sites
 * with 2 and 5 products over 365 periods, in site·product·periods per second.
 *   Network: see sim-network.ts.
 * Modes: "1 thread" runs one replication in this thread (best of several runs after a warm-up;
 * CPU time of the process; the network is compiled once per case, as runReplications does, and
 * the compile time is shown separately); "N threads" runs replications at once in N worker
 * threads (Monte Carlo scaling, wall time). Single runs keep the per-node and per-arc series
 * (series 'auto'), as a single run in the app does; replications in workers keep totals only, as
 * runReplications does.
 * Usage: npm run bench:sim [-- --quick] [-- --threads N]
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../src/core/model/types';
import { compileNetwork, runNetwork, type Network } from '../src/core/sim';
import { generateScenario, type Case } from './sim-network';

/** CPU time of this process in ms: less distorted than wall time when other processes share the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeRun(net: Network, seed: number, replication: number): { ms: number; wallMs: number } {
  const t1 = cpuMs();
  const w1 = performance.now();
  runNetwork(net, seed, { replication, series: 'auto' });
  return { ms: cpuMs() - t1, wallMs: performance.now() - w1 };
}

const fmt = (x: number) => (x / 1e6).toFixed(1);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const threadsArg = args.indexOf('--threads');
  const threads = threadsArg >= 0 ? Number(args[threadsArg + 1]) : availableParallelism();
  const cases: Case[] = [];
  for (const sites of quick ? [10, 1000] : [10, 100, 1000]) for (const products of [2, 5]) cases.push({ sites, products, periods: 365 });
  console.log(`node ${process.version}, ${availableParallelism()} cores`);
  for (const c of cases) {
    const scenario: Scenario = generateScenario(c);
    const work = c.sites * c.products * c.periods;
    const t0 = cpuMs();
    const net = compileNetwork(scenario);
    const compileMs = cpuMs() - t0;
    // Warm the JIT on this network, then take the best of a few runs.
    const reps = c.sites >= 1000 ? 6 : 20;
    timeRun(net, scenario.settings.seed, 0);
    let best = { ms: Number.POSITIVE_INFINITY, wallMs: 0 };
    for (let r = 1; r <= reps; r++) { const t = timeRun(net, scenario.settings.seed, r); if (t.ms < best.ms) best = t; }
    console.log(`${c.sites} sites x ${c.products} products x ${c.periods} periods, 1 thread: ${fmt(work / (best.ms / 1000))} M site-product-periods/s (${best.ms.toFixed(1)} ms CPU per run, ${best.wallMs.toFixed(1)} ms wall; compile ${compileMs.toFixed(1)} ms)`);
    if (threads > 1 && c.sites >= 100) {
      // Monte Carlo scaling: replications in 1 worker vs in N workers at once, wall time.
      const perWorker = 4;
      for (const n of [1, threads]) {
        const ms = await parallel(c, n, perWorker);
        console.log(`${c.sites} sites x ${c.products} products x ${c.periods} periods, ${n} worker${n === 1 ? '' : 's'}: ${fmt(work * n * perWorker / (ms / 1000))} M site-product-periods/s (${n * perWorker} replications in ${ms.toFixed(0)} ms wall)`);
      }
    }
  }
}

/** N worker threads each run `reps` replications after a warm-up; wall time until the last is done. */
async function parallel(c: Case, threads: number, reps: number): Promise<number> {
  const workers = Array.from({ length: threads }, (_, i) => new Worker(new URL('./sim-thread.mjs', import.meta.url), { workerData: { c, reps, first: i * reps } }));
  const next = (w: Worker) => new Promise<void>((resolve, reject) => { w.once('message', () => resolve()); w.once('error', reject); });
  await Promise.all(workers.map(next));
  const t0 = performance.now();
  const done = workers.map(next);
  for (const w of workers) w.postMessage('go');
  await Promise.all(done);
  const ms = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}

await main();
