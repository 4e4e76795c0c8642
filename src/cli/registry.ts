/**
 * Every CLI command by name. Adding one (simulate, plan, …) is a module under commands/ and a
 * line here; help, usage errors and dispatch pick it up.
 */
import type { Command } from './command';
import { convertCommand } from './commands/convert';
import { helpCommand } from './commands/help';
import { planCommand } from './commands/plan';
import { schemaCommand } from './commands/schema';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';

export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  convert: convertCommand,
  schema: schemaCommand,
  simulate: simulateCommand,
  plan: planCommand,
  help: helpCommand(() => COMMANDS),
};
