/**
 * The page's simulation session (a runes class, compiled by the Svelte plugin): the last result
 * per scenario, "changed since this run", form errors that never reach a worker, and problems
 * (refused, cancelled) kept per scenario. The runner is a stub running the engine in this thread.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunRequest, RunHandlers, SimulationRunner } from '../../../src/app/sim/simulation-runner';
import { AbortedError } from '../../../src/app/workers/worker-bridge';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { simulateScenario } from '../../../src/core/sim';
import { SimSession } from '../../../src/ui/sim/sim-session.svelte';

function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

/** Runs in this thread; `hold` keeps a run pending until its signal aborts. */
function stubRunner(opts: { hold?: boolean } = {}) {
  const requests: RunRequest[] = [];
  const runner = {
    poolFor: () => 1,
    async run(request: RunRequest, handlers: RunHandlers) {
      requests.push(request);
      if (opts.hold) {
        await new Promise((_, reject) => handlers.signal?.addEventListener('abort', () => reject(new AbortedError())));
      }
      handlers.onProgress?.(1);
      try {
        return { kind: 'single' as const, result: simulateScenario(request.scenario, request.settings) };
      } catch (e) {
        // As through comlink: a plain Error carrying the engine error's name and message.
        throw Object.assign(new Error((e as Error).message), { name: (e as Error).name });
      }
    },
  };
  return { runner: runner as unknown as SimulationRunner, requests };
}

const scenario = defaultScenario();

describe('SimSession', () => {
  it('keeps the last result per scenario and tells when the scenario changed since', async () => {
    const stub = stubRunner();
    const session = new SimSession(() => stub.runner);
    session.formOf(scenario.id).periods = '10';
    await session.start(scenario);
    const record = session.records.get(scenario.id)!;
    expect(record.outcome.kind === 'single' && record.outcome.result.summary.periods).toBe(10);
    expect(stub.requests[0]).toMatchObject({ settings: { periods: 10 }, replications: 1 });
    expect(session.progress).toBe(1);
    expect(session.active).toBeNull();
    // Same object, or an equal copy: not changed. An edit: changed.
    expect(session.isStale(record, scenario)).toBe(false);
    expect(session.isStale(record, structuredClone(scenario))).toBe(false);
    expect(session.isStale(record, { ...scenario, name: 'Renamed' })).toBe(true);
    // The workers get the scenario's data ($state.snapshot; a copy in the browser build).
    expect(stub.requests[0].scenario).toEqual(scenario);
  });

  it('answers a bad form next to its field without running anything', async () => {
    const stub = stubRunner();
    const session = new SimSession(() => stub.runner);
    session.formOf('other').replications = 'many';
    await session.start({ ...scenario, id: 'other' });
    expect(session.formErrors.other).toEqual({ replications: 'must be a whole number from 1 to 10,000' });
    expect(stub.requests).toHaveLength(0);
    expect(session.records.has('other')).toBe(false);
  });

  it('keeps a refused run’s message for its scenario and clears it on the next good run', async () => {
    const stub = stubRunner();
    const session = new SimSession(() => stub.runner);
    const broken = { ...scenario, id: 'broken', inventory: scenario.inventory.filter((r) => r.siteId !== 'dc-lyon') };
    await session.start(broken);
    expect(session.problems.get('broken')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/sites\[2\]: "dc-lyon" has no inventory row/) });
    expect(session.records.has('broken')).toBe(false);
    await session.start({ ...broken, inventory: scenario.inventory });
    expect(session.problems.has('broken')).toBe(false);
    expect(session.records.has('broken')).toBe(true);
  });

  it('cancel ends the run as cancelled and lets the next one start', async () => {
    const held = stubRunner({ hold: true });
    const session = new SimSession(() => held.runner);
    const pending = session.start(scenario);
    expect(session.active?.scenarioId).toBe(scenario.id);
    await session.start(scenario); // a second start while running is ignored
    expect(held.requests).toHaveLength(1);
    session.cancel();
    await pending;
    expect(session.active).toBeNull();
    expect(session.problems.get(scenario.id)).toEqual({ kind: 'cancelled', message: 'Simulation cancelled. Your scenario is unchanged.' });
  });
});
