/** `chainlab convert <in> <out>`: scenario JSON ⇄ folder of CSV tables ⇄ Excel workbook, only ever writing a valid scenario. */
import type { Command } from '../command';
import { parseCommandArgs } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { plural, printIssues, printWarnings } from '../report';
import { checkTarget, readScenarioSource, targetKind, writeScenarioCsv, writeScenarioJson } from '../scenario-files';
import { writeScenarioXlsx } from '../scenario-xlsx-files';

export const convertCommand: Command = {
  summary: 'convert a scenario between JSON, a folder of CSV tables and an Excel workbook',
  usage: `chainlab convert <in> <out> [--force]

  <in>     a scenario .json file, an Excel workbook (.xlsx), or a folder of CSV tables
  <out>    a name ending in .json writes one JSON file, .xlsx a workbook (one sheet per
           table); anything else is a folder of CSV tables
  --force  overwrite an existing non-empty output

The input is validated first; if it has problems they are printed (one per line, as validate
does), nothing is written and the exit code is 1.`,
  async run(args, io) {
    const { positionals: [input, output], flags } = parseCommandArgs(args, ['force'], ['in', 'out']);
    const kind = targetKind(output);
    // Check the target before the (possibly long) read, so a refused overwrite fails fast.
    await checkTarget(output, kind, flags.force === true);
    const r = await readScenarioSource(input);
    printWarnings(io, r.warnings);
    if (!r.ok) {
      printIssues(io, r.issues);
      io.stderr(`invalid: ${plural(r.issues.length, 'problem')} in ${input}; nothing written\n`);
      return EXIT_INVALID;
    }
    if (kind === 'json') {
      await writeScenarioJson(output, r.scenario);
      io.stdout(`wrote ${output}\n`);
    } else if (kind === 'xlsx') {
      await writeScenarioXlsx(output, r.scenario);
      io.stdout(`wrote ${output}\n`);
    } else {
      const files = await writeScenarioCsv(output, r.scenario);
      io.stdout(`wrote ${plural(files.length, 'file')} to ${output}\n`);
    }
    return EXIT_OK;
  },
};
