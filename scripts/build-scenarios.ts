/**
 * Writes the built-in scenarios to scenarios/*.json: `npx tsx scripts/build-scenarios.ts`.
 * Each document is validated (the same gate the app uses) before anything is written; an
 * invalid one aborts the run with its issues and writes no file at all.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue } from '../src/core/model/issue';
import type { ScenarioInput } from '../src/core/model/types';
import { validateScenario } from '../src/core/model/validate';
import { buildBeerGame } from './scenarios/beer-game';
import { buildDefaultEurope } from './scenarios/default-europe';
import { formatScenarioFile } from './scenarios/format';
import { buildTransportationAmpl } from './scenarios/transportation-ampl';

const BUILDERS: readonly [file: string, build: () => ScenarioInput][] = [
  ['default-europe.json', buildDefaultEurope],
  ['transportation-ampl.json', buildTransportationAmpl],
  ['beer-game.json', buildBeerGame],
];

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

const files: [string, string][] = [];
for (const [file, build] of BUILDERS) {
  const result = validateScenario(build());
  if (!result.ok) {
    console.error(`${file} is invalid:\n${result.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    process.exit(1);
  }
  // The normalised form: every default spelled out, keys in schema order.
  files.push([file, formatScenarioFile(result.scenario)]);
}
for (const [file, text] of files) {
  writeFileSync(join(outDir, file), text);
  console.log(`wrote scenarios/${file} (${(text.length / 1024).toFixed(1)} kB)`);
}
