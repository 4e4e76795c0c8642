/** Text of public/schema/scenario.schema.json: the published JSON Schema, pretty-printed. */
import { scenarioJsonSchema } from '../../src/core/model/json-schema';

export const SCHEMA_FILE = 'public/schema/scenario.schema.json';

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
