/** `chainlab simulate <file>`: run the period-by-period simulation of a scenario and print its KPIs. */
import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../io';
import { plural, printIssues, printWarnings } from '../report';
import { readScenarioSource } from '../scenario-files';
import { runReplications, simulateScenario, SimInputError, MAX_PERIODS } from '../../core/sim';
import { formatSimulation, simulationJson } from './simulate-format';

interface Flags { readonly replications: number; readonly seed?: number; readonly periods?: number; readonly json: boolean }

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return n;
}

function parse(args: readonly string[]): { path: string; flags: Flags } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args], allowPositionals: true, strict: true,
      options: { replications: { type: 'string' }, seed: { type: 'string' }, periods: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`expected <file>, got ${plural(parsed.positionals.length, 'argument')}`);
  const v = parsed.values;
  return {
    path: parsed.positionals[0],
    flags: {
      replications: wholeNumber('replications', v.replications, 1, 100_000) ?? 1,
      seed: wholeNumber('seed', v.seed, 0, 2 ** 32 - 1),
      periods: wholeNumber('periods', v.periods, 1, MAX_PERIODS),
      json: v.json === true,
    },
  };
}

export const simulateCommand: Command = {
  summary: 'simulate a scenario period by period and print its KPIs',
  usage: `chainlab simulate <file> [--replications N] [--seed S] [--periods T] [--json]

  <file>            a scenario .json file, or a folder of CSV tables
  --replications N  Monte Carlo replications (independent random streams); KPIs get 95 % confidence intervals
  --seed S          seed of the random numbers (default: the scenario's settings.seed)
  --periods T       number of periods to simulate, 1..${MAX_PERIODS} (default: settings.horizon)
  --json            print the result as JSON (shape in docs/cli.md) instead of tables

An invalid scenario is reported as validate does; a scenario that cannot be simulated (a policy
without its parameter, a customer no supply can reach, …) gets one "table[row].field: message"
line per problem. Both exit with 1.`,
  async run(args, io) {
    const { path, flags } = parse(args);
    const r = await readScenarioSource(path);
    printWarnings(io, r.warnings);
    if (!r.ok) {
      printIssues(io, r.issues);
      io.stderr(`invalid: ${plural(r.issues.length, 'problem')} in ${path}\n`);
      return EXIT_INVALID;
    }
    const options = { seed: flags.seed, periods: flags.periods };
    try {
      if (flags.replications === 1) {
        const result = simulateScenario(r.scenario, options);
        io.stdout(flags.json ? simulationJson(r.scenario, result, undefined) : formatSimulation(r.scenario, result, undefined));
      } else {
        const reps = runReplications(r.scenario, { ...options, replications: flags.replications });
        io.stdout(flags.json ? simulationJson(r.scenario, undefined, reps) : formatSimulation(r.scenario, undefined, reps));
      }
    } catch (e) {
      if (!(e instanceof SimInputError)) throw e;
      printIssues(io, e.issues);
      io.stderr(`cannot simulate: ${plural(e.issues.length, 'problem')} in ${path}\n`);
      return EXIT_INVALID;
    }
    return EXIT_OK;
  },
};
