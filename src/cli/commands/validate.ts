/** `chainlab validate <file>`: load a scenario (JSON file or CSV folder) through the one load path and report. */
import type { Command } from '../command';
import { parseCommandArgs } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { plural, printIssues, printWarnings } from '../report';
import { readScenarioSource } from '../scenario-files';

export const validateCommand: Command = {
  summary: 'check a scenario (JSON file or folder of CSV tables)',
  usage: `chainlab validate <file>

  <file>  a scenario .json file, or a folder of CSV tables (settings.csv, sites.csv, …)

Prints "ok: <name> — N sites, N lanes, N products, N demand rows" and exits 0, or prints one
"table[row].field: message" line per problem and exits 1. Warnings (ignored columns) go to stderr.`,
  async run(args, io) {
    const { positionals: [path] } = parseCommandArgs(args, [], ['file']);
    const r = await readScenarioSource(path);
    printWarnings(io, r.warnings);
    if (!r.ok) {
      printIssues(io, r.issues);
      io.stderr(`invalid: ${plural(r.issues.length, 'problem')} in ${path}\n`);
      return EXIT_INVALID;
    }
    const s = r.scenario;
    io.stdout(`ok: ${s.name} — ${plural(s.sites.length, 'site')}, ${plural(s.lanes.length, 'lane')}, ${plural(s.products.length, 'product')}, ${plural(s.demand.length, 'demand row')}\n`);
    return EXIT_OK;
  },
};
