/** The published JSON Schema of the scenario format, generated from the same valibot definitions. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { ScenarioSchema, CURRENT_VERSION } from './tables';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(ScenarioSchema, { errorMode: 'throw' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "/schema/scenario.schema.json",
    "x-format-version": CURRENT_VERSION,
    title: 'ChainLab scenario',
    description: 'A supply/demand network with its demand plan, policies and finance terms. Cross-table rules (ids that must exist, unique keys) are checked by ChainLab beyond this schema; see docs/scenario-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
