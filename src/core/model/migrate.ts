/**
 * Every stored or imported scenario goes through `migrateScenario` before validation.
 * Migrations are numbered, ascending and contiguous (asserted at load): migration k turns a
 * version-k document into version k+1. The input is never mutated, so a failing migration
 * leaves the caller's original intact.
 */
import { CURRENT_VERSION, SCENARIO_FORMAT } from './tables';

export type ScenarioDoc = Record<string, unknown>;

export interface Migration {
  /** Version this migration reads; it writes `from + 1`. */
  readonly from: number;
  readonly description: string;
  readonly up: (doc: ScenarioDoc) => ScenarioDoc;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'adds the prices, inTransit and modes tables (empty) and the stochastic, consignment, planning and lane-geography fields (defaults)',
    // Every v2 addition is optional with a default that reproduces v1 behaviour, so the document
    // only needs its new tables; validation fills the defaults.
    up: (doc) => ({ ...doc, prices: doc.prices ?? [], inTransit: doc.inTransit ?? [], modes: doc.modes ?? [] }),
  },
];

export type MigrateResult =
  | { readonly ok: true; readonly doc: ScenarioDoc; readonly fromVersion: number; readonly applied: readonly string[] }
  | { readonly ok: false; readonly reason: 'not-a-scenario' | 'newer' | 'too-old' | 'failed'; readonly message: string };

/** Throws when migrations are not numbered 1, 2, … up to `current - 1` without gaps. */
export function assertMigrations(migrations: readonly Migration[], current: number): void {
  const first = current - migrations.length;
  if (first < 1) throw new Error(`migrations: ${migrations.length} migrations cannot lead to version ${current}`);
  migrations.forEach((m, i) => {
    if (m.from !== first + i) throw new Error(`migrations: expected migration from version ${first + i} at position ${i}, found ${m.from}`);
  });
}

assertMigrations(MIGRATIONS, CURRENT_VERSION);

function isPlainObject(x: unknown): x is ScenarioDoc {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function migrateScenario(
  input: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrateResult {
  assertMigrations(migrations, current);
  if (!isPlainObject(input)) return { ok: false, reason: 'not-a-scenario', message: 'the file is not a JSON object' };
  if (input.format !== SCENARIO_FORMAT) {
    return { ok: false, reason: 'not-a-scenario', message: `not a ChainLab scenario: "format" must be "${SCENARIO_FORMAT}"${input.format === undefined ? '' : ` (got ${JSON.stringify(input.format)})`}` };
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'not-a-scenario', message: `"version" must be a whole number from 1 (got ${JSON.stringify(version)})` };
  }
  if (version > current) {
    return { ok: false, reason: 'newer', message: `this scenario was written by a newer ChainLab (format version ${version}; this app reads up to ${current}). Open it in the newer version; it was not changed.` };
  }
  const oldest = current - migrations.length;
  if (version < oldest) return { ok: false, reason: 'too-old', message: `format version ${version} is older than any this app can migrate (oldest: ${oldest})` };

  // A JSON round trip is a deep copy for JSON data and works the same in Node, page and worker.
  let doc = JSON.parse(JSON.stringify(input)) as ScenarioDoc;
  const applied: string[] = [];
  for (const m of migrations.slice(version - oldest)) {
    try {
      doc = m.up(doc);
    } catch (e) {
      return { ok: false, reason: 'failed', message: `migration from version ${m.from} failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    doc.version = m.from + 1;
    applied.push(`v${m.from} → v${m.from + 1}: ${m.description}`);
  }
  return { ok: true, doc, fromVersion: version, applied };
}
