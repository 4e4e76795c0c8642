/**
 * `chainlab plan <scenario>`: build the time-expanded LP/MIP of a scenario, optionally export it
 * (CPLEX LP, MPS), solve it (GLPK or HiGHS) or check an external solver's solution, and print the
 * plan: status, objective, cost by kind, flows, production, shortfalls, shadow prices.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  buildPlanModelFromNetwork, buildPlanNetwork, checkPlanInput, importPlanSolution, solvePlanModel, writeLp, writeMps,
  type DemandMode, type PlanOptions, type SolverChoice,
} from '../../core/plan/index';
import type { Command } from '../command';
import { CliError, EXIT_INVALID, EXIT_OK, UsageError, type CliIo } from '../io';
import { plural, printIssues, printWarnings } from '../report';
import { describeFsError, readScenarioSource } from '../scenario-files';
import type { Scenario } from '../../core/model/types';
import { executePlan, MAX_EXECUTION_REPLICATIONS } from '../../core/plan/execution/execute-plan';
import { executeRolling } from '../../core/plan/execution/execute-rolling';
import type { DemandVariability, ExecutionResult } from '../../core/plan/execution/execution-types';
import { planToExecution } from '../../core/plan/execution/plan-to-execution';
import type { PlanResult } from '../../core/plan/index';
import { printExecution } from './plan-execution-output';
import { printImportedSolution, printPlanJson, printPlanText } from './plan-output';

/** Exit code when the scenario was planned but no plan exists or none was found. */
export const EXIT_NO_PLAN = 3;

const USAGE = `chainlab plan <scenario> [options]

  <scenario>           a scenario .json file, or a folder of CSV tables
  --solver <name>      auto (default: GLPK for small models; for large ones the network simplex when
                       the LP is a flow network, else HiGHS; HiGHS for MIPs), glpk, highs, network
  --time-limit <s>     seconds per solve (default 60); a MIP stopped by it reports its best plan and gap
  --mip-gap <g>        relative MIP gap to stop at (default 0.0001; 0 = prove optimality)
  --demand <mode>      soft (default: unmet demand is backordered or lost at its penalty) or
                       must-meet (all demand on time, else "infeasible" with the shortfalls)
  --relax              solve the LP relaxation of a network-design model
  --lp <file>          write the model as CPLEX LP text
  --mps <file>         write the model as free MPS text
  --export-only        write --lp/--mps and stop without solving
  --solution <file>    check a solution of the exported model (HiGHS, CBC, Gurobi or "name value" lines)
                       instead of solving, and print the plan it describes
  --execute            simulate the plan as a fixed-plan policy and print plan vs actual
  --replan-every <k>   with --execute: also run it re-planning every k periods from the simulated
                       state (rolling horizon), next to the plan followed to the end
  --replications <n>   with --execute: replications when demand is random (default 20)
  --variability <v>    with --execute: none, normal, poisson or bootstrap (default: the scenario's)
  --all                print every flow, production run and shadow price (default: the first 20)
  --json               print the result as JSON (see docs/cli.md)

Exit codes: 0 a plan (optimal, or best found in the time limit); 1 invalid scenario or file
problem; 2 wrong usage; 3 no plan (infeasible, unbounded, none found in time, solver error).`;

interface PlanArgs {
  readonly path: string;
  readonly options: PlanOptions;
  readonly lp?: string;
  readonly mps?: string;
  readonly solution?: string;
  readonly exportOnly: boolean;
  readonly all: boolean;
  readonly json: boolean;
  readonly execute?: { readonly replanEvery: number; readonly replications: number; readonly variability?: DemandVariability };
}

const VARIABILITIES: readonly DemandVariability[] = ['none', 'normal', 'poisson', 'bootstrap'];

function parsePlanArgs(args: readonly string[]): PlanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        solver: { type: 'string' }, 'time-limit': { type: 'string' }, 'mip-gap': { type: 'string' }, demand: { type: 'string' },
        relax: { type: 'boolean' }, lp: { type: 'string' }, mps: { type: 'string' }, 'export-only': { type: 'boolean' },
        solution: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' },
        execute: { type: 'boolean' }, 'replan-every': { type: 'string' }, replications: { type: 'string' }, variability: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError(`expected <scenario>, got ${plural(parsed.positionals.length, 'argument')}`);
  const solver = (v.solver ?? 'auto') as SolverChoice;
  if (!['auto', 'glpk', 'highs', 'network'].includes(solver)) throw new UsageError(`--solver must be auto, glpk, highs or network (got "${v.solver}")`);
  const demand = (v.demand ?? 'soft') as DemandMode;
  if (!['soft', 'must-meet'].includes(demand)) throw new UsageError(`--demand must be soft or must-meet (got "${v.demand}")`);
  const number = (name: string, text: string | undefined, min: number, exclusive: boolean) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || (exclusive && n === min)) {
      throw new UsageError(`--${name} must be a number ${exclusive ? 'above' : 'of at least'} ${min} (got "${text}")`);
    }
    return n;
  };
  if (v['export-only'] && !v.lp && !v.mps) throw new UsageError('--export-only needs --lp <file> or --mps <file>');
  const executing = v.execute ?? false;
  for (const name of ['replan-every', 'replications', 'variability'] as const) {
    if (v[name] !== undefined && !executing) throw new UsageError(`--${name} needs --execute`);
  }
  if (executing && (v.solution || v['export-only'])) throw new UsageError('--execute solves the plan: it does not go with --solution or --export-only');
  const variability = v.variability as DemandVariability | undefined;
  if (variability !== undefined && !VARIABILITIES.includes(variability)) throw new UsageError(`--variability must be none, normal, poisson or bootstrap (got "${v.variability}")`);
  const whole = (name: string, text: string | undefined, min: number, max: number, fallback: number) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`);
    return n;
  };
  return {
    path: parsed.positionals[0],
    options: {
      solver, demand, relaxIntegrality: v.relax ?? false,
      timeLimitSeconds: number('time-limit', v['time-limit'], 0, true),
      mipGap: number('mip-gap', v['mip-gap'], 0, false),
    },
    lp: v.lp, mps: v.mps, solution: v.solution, exportOnly: v['export-only'] ?? false, all: v.all ?? false, json: v.json ?? false,
    execute: executing ? {
      replanEvery: whole('replan-every', v['replan-every'], 1, 100_000, 0),
      replications: whole('replications', v.replications, 1, MAX_EXECUTION_REPLICATIONS, 20),
      variability,
    } : undefined,
  };
}

async function writeText(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/** The plan executed in the simulator: followed to the end, or re-planned every k periods (next to it). */
async function executeFor(scenario: Scenario, result: PlanResult, a: PlanArgs): Promise<ExecutionResult> {
  const e = a.execute as NonNullable<PlanArgs['execute']>;
  if (e.replanEvery > 0) {
    return executeRolling(scenario, result, {
      replanEvery: e.replanEvery, replications: e.replications, demandVariability: e.variability,
      solve: { solver: a.options.solver, timeLimitSeconds: a.options.timeLimitSeconds, mipGap: a.options.mipGap, demand: a.options.demand },
    });
  }
  return executePlan(planToExecution(scenario, result), { replications: e.replications, demandVariability: e.variability });
}

export const planCommand: Command = {
  summary: 'optimise a scenario: build and solve the time-expanded LP/MIP, export it, explain the plan',
  usage: USAGE,
  async run(args, io: CliIo) {
    const a = parsePlanArgs(args);
    const source = await readScenarioSource(a.path);
    printWarnings(io, source.warnings);
    if (!source.ok) {
      printIssues(io, source.issues);
      io.stderr(`invalid: ${plural(source.issues.length, 'problem')} in ${a.path}\n`);
      return EXIT_INVALID;
    }
    const network = buildPlanNetwork(source.scenario);
    const issues = checkPlanInput(network);
    const errors = issues.filter((i) => i.level === 'error');
    if (errors.length > 0) {
      if (a.json) io.stdout(`${JSON.stringify({ format: 'chainlab.plan-result', version: 1, status: 'invalid', issues }, null, 2)}\n`);
      else for (const e of errors) io.stdout(`error: ${e.message}\n`);
      io.stderr(`cannot plan ${a.path}: ${plural(errors.length, 'problem')}\n`);
      return EXIT_INVALID;
    }
    const buildStart = performance.now();
    const pm = buildPlanModelFromNetwork(network, { demand: a.options.demand, relaxIntegrality: a.options.relaxIntegrality });
    const buildMs = performance.now() - buildStart;
    if (a.lp) { await writeText(a.lp, writeLp(pm.model)); io.stderr(`wrote ${a.lp}\n`); }
    if (a.mps) { await writeText(a.mps, writeMps(pm.model)); io.stderr(`wrote ${a.mps}\n`); }
    if (a.exportOnly) return EXIT_OK;
    if (a.solution) {
      const imported = importPlanSolution(pm, await readText(a.solution));
      printImportedSolution(io, pm, imported, a);
      return imported.plan ? EXIT_OK : EXIT_INVALID;
    }
    const result = await solvePlanModel(pm, a.options, { issues, buildMs });
    const planned = result.status === 'optimal' || result.status === 'feasible';
    const execution = planned && a.execute ? await executeFor(source.scenario, result, a) : undefined;
    if (a.json) printPlanJson(io, source.scenario, result, execution);
    else {
      printPlanText(io, source.scenario, result, a.all);
      if (execution) printExecution(io, source.scenario, result, execution);
    }
    return planned ? EXIT_OK : EXIT_NO_PLAN;
  },
};
