/** The shape every CLI command has; the registry maps names to these. */
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './io';

export interface Command {
  /** One line for the command list. */
  readonly summary: string;
  /** Synopsis and details, printed by `chainlab <command> --help` and on usage errors. */
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, boolean>>;
}

/** Boolean flags and an exact number of positionals; anything else is a UsageError. */
export function parseCommandArgs(args: readonly string[], flags: readonly string[], positionals: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(flags.map((f) => [f, { type: 'boolean' as const }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.positionals.length !== positionals.length) {
    const want = positionals.length === 0 ? 'no arguments' : positionals.map((p) => `<${p}>`).join(' ');
    throw new UsageError(`expected ${want}, got ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`);
  }
  return { positionals: parsed.positionals, flags: parsed.values as Record<string, boolean> };
}
