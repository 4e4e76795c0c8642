/**
 * The page's planning state, outliving the Optimise view (switching to the Tables view to fix a
 * capacity neither stops a solve nor loses its plan): the run in progress, and per scenario id the
 * last plan, its execution, the last problem and the option forms. A plan remembers the exact
 * scenario it was solved for, so the view can say when the scenario has changed since.
 */
import { SvelteMap } from 'svelte/reactivity';
import { createPlanRunner } from '../../app/plan/create-plan-runner';
import type { DemandVariability } from '../../app/plan/execution-types';
import { DEFAULT_SOLVE_OPTIONS, sanitizeSolveOptions, type ModelFormat, type PlanSolveOptions } from '../../app/plan/plan-options';
import { describePlanError, type PlanProblem } from '../../app/plan/plan-run-error';
import type { PlanExecution, PlanRunner } from '../../app/plan/plan-runner';
import type { Scenario } from '../../core/model/types';
import type { MipProgress, PlanResult } from '../../core/plan';

export interface PlanRecord {
  readonly scenario: Scenario;
  /** JSON of the scenario as solved: an equal scenario in a new object is not "changed". */
  readonly fingerprint: string;
  readonly options: PlanSolveOptions;
  readonly result: PlanResult;
  /** Wall-clock time of the whole run as the page saw it (worker start and wasm load included). */
  readonly ms: number;
  readonly execution?: PlanExecution;
}

export type RunKind = 'solve' | 'execute' | 'export';

export interface ActiveRun {
  readonly kind: RunKind;
  readonly scenarioId: string;
  readonly controller: AbortController;
  readonly startedAt: number;
}

/** The option form the inputs edit (the same fields as the options, writable). */
export type PlanForm = { -readonly [K in keyof PlanSolveOptions]: PlanSolveOptions[K] };

export interface ExecuteForm {
  replications: number;
  /** 'scenario' = the scenario's own demand variability. */
  variability: 'scenario' | DemandVariability;
}

export class PlanSession {
  readonly #makeRunner: () => PlanRunner;
  #runner: PlanRunner | null = null;
  readonly records = new SvelteMap<string, PlanRecord>();
  readonly problems = new SvelteMap<string, PlanProblem>();
  active = $state.raw<ActiveRun | null>(null);
  /** The latest stage message and MIP figures of the active run. */
  stage = $state('');
  mip = $state.raw<MipProgress | undefined>(undefined);
  fraction = $state(0);
  readonly #forms: Record<string, PlanForm> = {};
  readonly #executeForms: Record<string, ExecuteForm> = {};

  constructor(makeRunner: () => PlanRunner = createPlanRunner) {
    this.#makeRunner = makeRunner;
  }

  get runner(): PlanRunner {
    this.#runner ??= this.#makeRunner();
    return this.#runner;
  }

  /** The option form of a scenario: a stable $state object the inputs bind to. */
  formOf(scenarioId: string): PlanForm {
    const existing = this.#forms[scenarioId];
    if (existing) return existing;
    const form = $state<PlanForm>({ ...DEFAULT_SOLVE_OPTIONS });
    this.#forms[scenarioId] = form;
    return form;
  }

  executeFormOf(scenarioId: string): ExecuteForm {
    const existing = this.#executeForms[scenarioId];
    if (existing) return existing;
    const form = $state<ExecuteForm>({ replications: 20, variability: 'scenario' });
    this.#executeForms[scenarioId] = form;
    return form;
  }

  isStale(record: PlanRecord, scenario: Scenario): boolean {
    return record.scenario !== scenario && record.fingerprint !== JSON.stringify($state.snapshot(scenario));
  }

  /** Solves `scenario` with its form's options; resolves when done (never rejects). */
  async optimise(scenario: Scenario): Promise<void> {
    const plain = $state.snapshot(scenario) as Scenario;
    const options = sanitizeSolveOptions($state.snapshot(this.formOf(scenario.id)));
    await this.#run('solve', scenario, 'Optimisation', async (signal) => {
      const t0 = performance.now();
      const result = await this.runner.solve(plain, options, {
        signal,
        onProgress: (p) => { if (this.active?.controller.signal === signal) { this.stage = p.message; this.mip = p.mip; } },
      });
      this.records.set(scenario.id, { scenario, fingerprint: JSON.stringify(plain), options, result, ms: performance.now() - t0 });
    });
  }

  /** Simulates the scenario's current plan; its execution is stored with the plan. */
  async execute(scenario: Scenario): Promise<void> {
    const record = this.records.get(scenario.id);
    if (!record) return;
    const form = this.executeFormOf(scenario.id);
    const variability = form.variability === 'scenario' ? undefined : form.variability;
    const replications = Math.min(1000, Math.max(1, Math.round(Number(form.replications) || 1)));
    await this.#run('execute', scenario, 'Plan execution', async (signal) => {
      this.stage = 'Simulating the plan';
      // The plan was solved for record.scenario: execute it there, even if the editor moved on.
      const plain = $state.snapshot(record.scenario) as Scenario;
      const execution = await this.runner.execute(plain, record.result, { replications, demandVariability: variability }, {
        signal,
        onProgress: (f) => { if (this.active?.controller.signal === signal) this.fraction = f; },
      });
      const latest = this.records.get(scenario.id);
      if (latest === record) this.records.set(scenario.id, { ...record, execution });
    });
  }

  /** The model as LP or MPS text (null when cancelled or failed: the problem says why). */
  async exportModel(scenario: Scenario, format: ModelFormat): Promise<string | null> {
    const plain = $state.snapshot(scenario) as Scenario;
    const options = sanitizeSolveOptions($state.snapshot(this.formOf(scenario.id)));
    let text: string | null = null;
    await this.#run('export', scenario, 'Export', async (signal) => {
      this.stage = `Writing the ${format.toUpperCase()} file`;
      text = await this.runner.exportModel(plain, format, options, signal);
    });
    return text;
  }

  /** Stops the run now: the worker is terminated and the run settles as cancelled. */
  cancel(): void {
    this.active?.controller.abort();
  }

  async #run(kind: RunKind, scenario: Scenario, what: string, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.active) return;
    const controller = new AbortController();
    this.problems.delete(scenario.id);
    this.stage = 'Starting';
    this.mip = undefined;
    this.fraction = 0;
    this.active = { kind, scenarioId: scenario.id, controller, startedAt: performance.now() };
    try {
      await work(controller.signal);
    } catch (e) {
      this.problems.set(scenario.id, describePlanError(e, what));
    } finally {
      if (this.active?.controller === controller) this.active = null;
    }
  }
}

/** One session per page. */
export const planSession = new PlanSession();
