/** The page's simulation runner: real module workers, one per core for Monte Carlo. */
import { SimulationRunner } from './simulation-runner';

export function createSimulationRunner(): SimulationRunner {
  return new SimulationRunner({
    createWorker: () => new Worker(new URL('../../../workers/simulate.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-simulate' }),
    cores: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1,
  });
}
