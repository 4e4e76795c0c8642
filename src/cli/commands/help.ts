/** `chainlab help [command]`: the command list, or one command's usage. */
import type { Command } from '../command';
import { parseCommandArgs } from '../command';
import { EXIT_OK, UsageError } from '../io';

/** The overall usage text, listing every registered command. */
export function usageText(commands: Readonly<Record<string, Command>>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: chainlab <command> [arguments]

Commands:
${lines.join('\n')}

Run "chainlab help <command>" or "chainlab <command> --help" for a command's arguments.
Exit codes: 0 success, 1 invalid scenario or file problem, 2 wrong usage.
`;
}

/** Built with a getter for the registry, which itself lists this command. */
export function helpCommand(commands: () => Readonly<Record<string, Command>>): Command {
  return {
    summary: 'show this help, or the usage of one command',
    usage: 'chainlab help [command]',
    async run(args, io) {
      if (args.length === 0) { io.stdout(usageText(commands())); return EXIT_OK; }
      const { positionals: [name] } = parseCommandArgs(args, [], ['command']);
      const command = Object.hasOwn(commands(), name) ? commands()[name] : undefined;
      if (!command) throw new UsageError(`unknown command "${name}"`);
      io.stdout(`${command.usage}\n`);
      return EXIT_OK;
    },
  };
}
