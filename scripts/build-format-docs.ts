/**
 * Regenerates the field reference inside docs/scenario-format.md (between the
 * `generated:tables` markers) from the valibot tables: `npm run docs`. Prose outside is kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_FILE, replaceGeneratedSection } from './lib/format-docs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', DOCS_FILE);
const before = readFileSync(target, 'utf8');
const after = replaceGeneratedSection(before);
if (after === before) console.log(`${DOCS_FILE} is up to date`);
else {
  writeFileSync(target, after);
  console.log(`updated ${DOCS_FILE}`);
}
