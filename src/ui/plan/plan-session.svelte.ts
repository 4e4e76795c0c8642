/**
 * The page's planning state, outliving the Optimise view (switching to the Tables view to fix a
 * capacity neither stops a solve nor loses its plan): the run in progress, and per scenario id the
 * last plan, its execution, the last problem and the option forms. A plan remembers the exact
 * scenario it was solved for, so the view can say when the scenario has changed since.
 */
import { SvelteMap } from 'svelte/reactivity';
import { createPlanRunner } from '../../app/plan/create-plan-runner';
import type { DemandVariability } from '../../core/plan/execution/execution-types';
import { DEFAULT_SOLVE_OPTIONS, MAX_SOLUTION_BYTES, sanitizeSolveOptions, type ModelFormat, type PlanSolveOptions } from '../../app/plan/plan-options';
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
  /** Main-thread time to take the worker's packed result back as objects (reliability case 22). */
  readonly receiveMs?: number;
  /** performance.now() when the result was stored: the view measures how long drawing it took. */
  readonly receivedAt?: number;
  readonly execution?: PlanExecution;
}

export type RunKind = 'solve' | 'execute' | 'export' | 'import';

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
  /** Periods between two plans when executing (0 or empty: never re-plan). */
  replanEvery: number;
}

/** Periods between re-plans from form input: a whole number ≥ 1, or 0 for never (anything else). */
export function replanPeriods(value: unknown, horizon: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 && n < horizon ? n : 0;
}

/**
 * A plain copy of a scenario to send to the worker (a `$state` proxy cannot be cloned), and its
 * JSON, which is also the "changed since" fingerprint. Through JSON rather than `$state.snapshot`:
 * a scenario is JSON data (finite numbers, strings, arrays), and on a large network (200 sites,
 * 1,000 lanes, 6,000 demand rows) the snapshot holds the page for 140–190 ms where JSON takes
 * about 10 (reliability case 22).
 */
/** Lets the page paint between taking a result in and drawing it: two short tasks instead of one long one. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function plainCopy(scenario: Scenario): { plain: Scenario; json: string } {
  const json = JSON.stringify(scenario);
  return { plain: JSON.parse(json) as Scenario, json };
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
    const form = $state<ExecuteForm>({ replications: 20, variability: 'scenario', replanEvery: 0 });
    this.#executeForms[scenarioId] = form;
    return form;
  }

  isStale(record: PlanRecord, scenario: Scenario): boolean {
    return record.scenario !== scenario && record.fingerprint !== JSON.stringify(scenario);
  }

  /** Solves `scenario` with its form's options; resolves when done (never rejects). */
  async optimise(scenario: Scenario): Promise<void> {
    const { plain, json } = plainCopy(scenario);
    const options = sanitizeSolveOptions($state.snapshot(this.formOf(scenario.id)));
    await this.#run('solve', scenario, 'Optimisation', async (signal) => {
      const t0 = performance.now();
      let receiveMs: number | undefined;
      const result = await this.runner.solve(plain, options, {
        signal,
        onProgress: (p) => { if (this.active?.controller.signal === signal) { this.stage = p.message; this.mip = p.mip; } },
        onReceived: (ms) => { receiveMs = ms; },
      });
      await nextTask();
      this.records.set(scenario.id, { scenario, fingerprint: json, options, result, ms: performance.now() - t0, receiveMs, receivedAt: performance.now() });
    });
  }

  /**
   * Reads an external solver's solution file for the scenario (as exported with the current
   * demand setting): shown like a solved plan, or refused with the reason (never rejects).
   */
  async importSolution(scenario: Scenario, file: Blob & { readonly name?: string }): Promise<void> {
    const { plain, json } = plainCopy(scenario);
    const options = sanitizeSolveOptions($state.snapshot(this.formOf(scenario.id)));
    const fileName = file.name ?? 'solution';
    await this.#run('import', scenario, 'Import', async (signal) => {
      if (file.size > MAX_SOLUTION_BYTES) {
        this.problems.set(scenario.id, { kind: 'refused', message: `“${fileName}” is too large (${Math.round(file.size / 1e6)} MB): the browser reads solution files up to ${MAX_SOLUTION_BYTES / 1e6} MB. Check it with the CLI instead (chainlab plan --solution).` });
        return;
      }
      this.stage = `Reading “${fileName}”`;
      const text = await file.text();
      const t0 = performance.now();
      let receiveMs: number | undefined;
      const outcome = await this.runner.importSolution(plain, text, { demand: options.demand, fileName }, { signal, onReceived: (ms) => { receiveMs = ms; } });
      if (!outcome.ok) {
        this.problems.set(scenario.id, { kind: 'refused', message: outcome.message, details: outcome.details });
        return;
      }
      await nextTask();
      this.records.set(scenario.id, { scenario, fingerprint: json, options, result: outcome.result, ms: performance.now() - t0, receiveMs, receivedAt: performance.now() });
    });
  }

  /** Simulates the scenario's current plan; its execution is stored with the plan. */
  async execute(scenario: Scenario): Promise<void> {
    const record = this.records.get(scenario.id);
    if (!record) return;
    const form = this.executeFormOf(scenario.id);
    const variability = form.variability === 'scenario' ? undefined : form.variability;
    const replications = Math.min(1000, Math.max(1, Math.round(Number(form.replications) || 1)));
    const replanEvery = replanPeriods(form.replanEvery, record.scenario.settings.horizon);
    await this.#run('execute', scenario, 'Plan execution', async (signal) => {
      this.stage = 'Simulating the plan';
      // The plan was solved for record.scenario: execute it there, even if the editor moved on.
      const { plain } = plainCopy(record.scenario);
      const mine = () => this.active?.controller.signal === signal;
      const execution = replanEvery > 0
        ? await this.runner.executeRolling(plain, record.result, { replanEvery, replications, demandVariability: variability, solve: record.options }, {
          signal,
          onProgress: (p) => { if (mine()) { this.fraction = p.fraction; this.stage = p.message; } },
        })
        : await this.runner.execute(plain, record.result, { replications, demandVariability: variability }, {
          signal,
          onProgress: (f) => { if (mine()) this.fraction = f; },
        });
      const latest = this.records.get(scenario.id);
      if (latest === record) this.records.set(scenario.id, { ...record, execution });
    });
  }

  /** The model as LP or MPS text (null when cancelled or failed: the problem says why). */
  async exportModel(scenario: Scenario, format: ModelFormat): Promise<string | null> {
    const { plain } = plainCopy(scenario);
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
