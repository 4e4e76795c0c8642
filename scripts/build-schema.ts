/** Writes public/schema/scenario.schema.json from the valibot tables: `npm run schema`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, schemaFileText } from './lib/schema-file';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', SCHEMA_FILE);
mkdirSync(dirname(target), { recursive: true });
const text = schemaFileText();
writeFileSync(target, text);
console.log(`wrote ${SCHEMA_FILE} (${(text.length / 1024).toFixed(1)} kB)`);
