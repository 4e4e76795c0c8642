/**
 * The page's simulation state, outliving the Simulate view (switching tabs neither stops a run
 * nor loses its result): the run in progress, and per scenario id the last result, the last
 * problem and the run settings form. Results stay in memory only; a result remembers the exact
 * scenario it was computed from, so the view can say when the scenario changed since.
 */
import { SvelteMap } from 'svelte/reactivity';
import { createSimulationRunner } from '../../app/sim/create-simulation-runner';
import { describeRunError, type RunProblem } from '../../app/sim/run-error';
import { defaultRunForm, parseRunForm, type RunForm, type RunFormErrors } from '../../app/sim/run-settings';
import type { RunSettings, SimOutcome } from '../../app/sim/run-types';
import type { SimulationRunner } from '../../app/sim/simulation-runner';
import type { Scenario } from '../../core/model/types';

export interface SimRecord {
  readonly scenario: Scenario;
  /** JSON of the scenario as run: an equal scenario in a new object is not "changed". */
  readonly fingerprint: string;
  readonly settings: RunSettings;
  readonly replications: number;
  readonly outcome: SimOutcome;
  readonly ms: number;
}

export interface ActiveRun {
  readonly scenarioId: string;
  readonly scenarioName: string;
  readonly replications: number;
  readonly workers: number;
  readonly controller: AbortController;
}

export class SimSession {
  readonly #makeRunner: () => SimulationRunner;
  #runner: SimulationRunner | null = null;
  /** Last result per scenario id (raw: its typed arrays are never proxied). */
  readonly records = new SvelteMap<string, SimRecord>();
  readonly problems = new SvelteMap<string, RunProblem>();
  active = $state.raw<ActiveRun | null>(null);
  progress = $state(0);
  /** The settings form per scenario: stable $state objects the inputs bind to. */
  readonly #forms: Record<string, RunForm> = {};
  formErrors = $state.raw<Readonly<Record<string, RunFormErrors>>>({});

  constructor(makeRunner: () => SimulationRunner = createSimulationRunner) {
    this.#makeRunner = makeRunner;
  }

  get runner(): SimulationRunner {
    this.#runner ??= this.#makeRunner();
    return this.#runner;
  }

  formOf(scenarioId: string): RunForm {
    const existing = this.#forms[scenarioId];
    if (existing) return existing;
    const form = $state(defaultRunForm());
    this.#forms[scenarioId] = form;
    return form;
  }

  /** True when `scenario` differs from the one the record was computed from. */
  isStale(record: SimRecord, scenario: Scenario): boolean {
    return record.scenario !== scenario && record.fingerprint !== JSON.stringify(scenario);
  }

  /** Starts a run of `scenario` with its form's settings; resolves when it ends (never rejects). */
  async start(scenario: Scenario): Promise<void> {
    if (this.active) return;
    const id = scenario.id;
    // Workers get a plain copy: a Svelte proxy cannot be structured-cloned (reliability case 6).
    const plain = $state.snapshot(scenario) as Scenario;
    const parsed = parseRunForm(this.formOf(id));
    this.formErrors = { ...this.formErrors, [id]: parsed.ok ? {} : parsed.errors };
    if (!parsed.ok) return;
    this.#setProblem(id, null);
    const controller = new AbortController();
    const runner = this.runner;
    this.progress = 0;
    this.active = { scenarioId: id, scenarioName: scenario.name, replications: parsed.replications, workers: parsed.replications > 1 ? runner.poolFor(parsed.replications) : 1, controller };
    const t0 = performance.now();
    try {
      const outcome = await runner.run({ scenario: plain, settings: parsed.settings, replications: parsed.replications }, {
        signal: controller.signal,
        onProgress: (f) => { if (this.active?.controller === controller) this.progress = f; },
      });
      const record: SimRecord = { scenario, fingerprint: JSON.stringify(plain), settings: parsed.settings, replications: parsed.replications, outcome, ms: performance.now() - t0 };
      this.records.set(id, record);
      this.progress = 1;
    } catch (e) {
      this.#setProblem(id, describeRunError(e));
    } finally {
      if (this.active?.controller === controller) this.active = null;
    }
  }

  /** Stops the run now: its workers are terminated (the promise of start() settles as cancelled). */
  cancel(): void {
    this.active?.controller.abort();
  }

  #setProblem(id: string, problem: RunProblem | null): void {
    if (problem) this.problems.set(id, problem);
    else this.problems.delete(id);
  }
}

/** One session per page. */
export const simSession = new SimSession();
