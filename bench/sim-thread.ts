/**
 * One benchmark worker thread: builds the generated network, warms up (3 runs), says "ready", then on
 * "go" runs its replications and says "done" (the main thread times the slowest worker).
 * Replications keep network totals only, as runReplications does (Monte Carlo).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileNetwork, runNetwork } from '../src/core/sim';
import { generateScenario, type Case } from './sim-network';

const { c, reps, first } = workerData as { c: Case; reps: number; first: number };
const net = compileNetwork(generateScenario(c));
// Warm the JIT as the single-thread mode does (a long Monte Carlo run is warm for nearly all of its replications).
for (let w = 0; w < 3; w++) runNetwork(net, 1, { replication: 10_000 + first + w, series: 'totals' });
parentPort!.postMessage('ready');
parentPort!.once('message', () => {
  for (let r = 0; r < reps; r++) runNetwork(net, 1, { replication: first + r, series: 'totals' });
  parentPort!.postMessage('done');
});
