/**
 * Dispatch: argv → command → exit code. Never throws and never prints a stack trace for an
 * expected failure; set CHAINLAB_DEBUG=1 to see the stack of an unexpected one.
 */
import type { Command } from './command';
import { usageText } from './commands/help';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { COMMANDS } from './registry';

export async function runCli(argv: readonly string[], io: CliIo, commands: Readonly<Record<string, Command>> = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(usageText(commands));
    return EXIT_OK;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`chainlab: unknown command "${name}"\n\n${usageText(commands)}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`chainlab ${name}: ${e.message}\n\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`error: ${e.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (typeof process !== 'undefined' && process.env.CHAINLAB_DEBUG && e instanceof Error) io.stderr(`${e.stack}\n`);
    return EXIT_INVALID;
  }
}
