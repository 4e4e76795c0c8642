/** `chainlab schema`: the JSON Schema of the scenario format, generated from the table definitions. */
import { scenarioJsonSchema } from '../../core/model/json-schema';
import type { Command } from '../command';
import { parseCommandArgs } from '../command';
import { EXIT_OK } from '../io';

export const schemaCommand: Command = {
  summary: 'print the JSON Schema of the scenario format',
  usage: `chainlab schema

Prints the JSON Schema (draft-07) of scenario files to stdout. Cross-table rules (ids that must
exist, unique keys) are checked by "chainlab validate", beyond what the schema can say.`,
  async run(args, io) {
    parseCommandArgs(args, [], []);
    io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return EXIT_OK;
  },
};
