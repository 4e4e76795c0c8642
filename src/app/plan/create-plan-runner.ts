/** The page's plan runner on a real module worker (the solvers load in it, lazily, on first use). */
import { PlanRunner } from './plan-runner';

export function createPlanRunner(): PlanRunner {
  return new PlanRunner(() => new Worker(new URL('../../../workers/plan.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-plan' }));
}
