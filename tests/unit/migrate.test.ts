/**
 * The one load path: migrate → validate. A frozen v1 fixture must keep loading into the golden
 * normalised form forever; newer files are refused untouched; migrations run in order on a copy.
 *
 * tests/fixtures/scenario-v1.json is FROZEN (format v1 as published): never edit it. When a
 * migration changes the normalised form, regenerate only the golden file, from the fixture,
 * with loadScenario + scenarioToJson, and review the diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioToJson } from '../../src/core/io/scenario-json';
import { loadScenario } from '../../src/core/model/load';
import { assertMigrations, MIGRATIONS, migrateScenario, type Migration, type ScenarioDoc } from '../../src/core/model/migrate';
import { CURRENT_VERSION } from '../../src/core/model/tables';

const fixtureText = readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8');
const goldenText = readFileSync(new URL('../fixtures/scenario-v1.golden.json', import.meta.url), 'utf8');
const fixture = () => JSON.parse(fixtureText) as ScenarioDoc;

describe('frozen v1 fixture', () => {
  it('covers every table (so a migration of any table is exercised)', () => {
    const doc = fixture();
    for (const table of ['parties', 'sites', 'products', 'lanes', 'demand', 'inventory', 'production', 'bom', 'returns']) {
      expect((doc[table] as unknown[]).length, table).toBeGreaterThan(0);
    }
    expect(doc.version).toBe(1);
  });

  it('migrates, validates and equals the golden normalised scenario', () => {
    const r = loadScenario(fixture());
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.migratedFrom).toBe(1);
    expect(r.scenario).toStrictEqual(JSON.parse(goldenText));
    // The saved form is byte-stable too: same keys, same order, same formatting.
    expect(scenarioToJson(r.scenario)).toBe(goldenText);
  });

  it('the golden file itself is a current, valid scenario that loads to itself', () => {
    const golden = JSON.parse(goldenText) as ScenarioDoc;
    expect(golden.version).toBe(CURRENT_VERSION);
    const r = loadScenario(golden);
    expect(r.ok && r.scenario).toStrictEqual(golden);
  });
});

describe('migrateScenario refusals', () => {
  it('refuses a newer version with reason "newer" and leaves the input unchanged', () => {
    const doc = { ...fixture(), version: CURRENT_VERSION + 1 };
    const before = structuredClone(doc);
    const r = migrateScenario(doc);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('newer');
    expect(!r.ok && r.message).toContain(`format version ${CURRENT_VERSION + 1}`);
    expect(doc).toStrictEqual(before);
    const loaded = loadScenario(doc);
    expect(!loaded.ok && loaded.reason).toBe('newer');
  });

  it.each([
    ['a list', [1, 2]],
    ['null', null],
    ['a string', 'chainlab.scenario'],
    ['no format', { version: 1, id: 'x', name: 'X' }],
    ['another format', { format: 'excalidraw', version: 1 }],
  ])('refuses %s as not-a-scenario', (_what, input) => {
    const r = migrateScenario(input);
    expect(!r.ok && r.reason).toBe('not-a-scenario');
  });

  it.each([['missing', undefined], ['zero', 0], ['fractional', 1.5], ['text', '1'], ['negative', -1]])('refuses a %s version', (_what, version) => {
    const r = migrateScenario({ format: 'chainlab.scenario', version, id: 'x', name: 'X' });
    expect(!r.ok && r.reason).toBe('not-a-scenario');
    expect(!r.ok && r.message).toContain('"version" must be a whole number');
  });

  it('refuses a version older than the oldest migration', () => {
    const chain: Migration[] = [{ from: 2, description: 'x', up: (d) => d }];
    const r = migrateScenario({ format: 'chainlab.scenario', version: 1 }, chain, 3);
    expect(!r.ok && r.reason).toBe('too-old');
  });
});

describe('a chain of migrations (synthetic v1 → v2 → v3)', () => {
  const calls: string[] = [];
  const chain: readonly Migration[] = [
    {
      from: 1, description: 'rename settings.seed to settings.randomSeed',
      up: (d) => {
        calls.push(`up1 saw v${d.version}`);
        const { seed, ...settings } = d.settings as Record<string, unknown>;
        return { ...d, settings: { ...settings, randomSeed: seed } };
      },
    },
    {
      from: 2, description: 'add a units block',
      up: (d) => {
        calls.push(`up2 saw v${d.version}`);
        // Proves order: runs after the rename of migration 1.
        return { ...d, units: { seedWas: (d.settings as Record<string, unknown>).randomSeed } };
      },
    },
  ];

  it('applies the migrations in order, bumping the version after each', () => {
    calls.length = 0;
    const input = fixture();
    const r = migrateScenario(input, chain, 3);
    if (!r.ok) throw new Error(r.message);
    expect(calls).toEqual(['up1 saw v1', 'up2 saw v2']);
    expect(r.fromVersion).toBe(1);
    expect(r.doc.version).toBe(3);
    expect(r.doc.units).toEqual({ seedWas: 2025 });
    expect(r.doc.settings).not.toHaveProperty('seed');
    expect(r.applied).toEqual(['v1 → v2: rename settings.seed to settings.randomSeed', 'v2 → v3: add a units block']);
    expect(input).toStrictEqual(fixture());
  });

  it('starts from the document\'s own version', () => {
    calls.length = 0;
    const r = migrateScenario({ ...fixture(), version: 2, settings: { randomSeed: 5 } }, chain, 3);
    expect(calls).toEqual(['up2 saw v2']);
    expect(r.ok && r.doc.units).toEqual({ seedWas: 5 });
    expect(r.ok && r.applied).toHaveLength(1);
  });

  it('does nothing to a document already at the current version', () => {
    calls.length = 0;
    const r = migrateScenario({ ...fixture(), version: 3 }, chain, 3);
    expect(calls).toEqual([]);
    expect(r.ok && r.applied).toEqual([]);
  });

  it('a throwing migration returns "failed" and leaves the input deep-equal to before, even if it mutated its argument', () => {
    const failing: readonly Migration[] = [
      chain[0],
      {
        from: 2, description: 'explodes',
        up: (d) => {
          d.sites = 'scribbled over';
          throw new Error('bad data in sites');
        },
      },
    ];
    const input = fixture();
    const before = structuredClone(input);
    const r = migrateScenario(input, failing, 3);
    expect(r).toEqual({ ok: false, reason: 'failed', message: 'migration from version 2 failed: bad data in sites' });
    expect(input).toStrictEqual(before);
  });
});

describe('assertMigrations', () => {
  const m = (from: number): Migration => ({ from, description: `m${from}`, up: (d) => d });

  it('accepts the shipped list and contiguous ascending chains', () => {
    expect(() => assertMigrations(MIGRATIONS, CURRENT_VERSION)).not.toThrow();
    expect(() => assertMigrations([m(1), m(2)], 3)).not.toThrow();
    expect(() => assertMigrations([m(3), m(4)], 5)).not.toThrow();
    expect(() => assertMigrations([], 1)).not.toThrow();
  });

  it('throws on a gap', () => {
    expect(() => assertMigrations([m(1), m(3)], 3)).toThrow('expected migration from version 2 at position 1, found 3');
  });

  it('throws on migrations out of order', () => {
    expect(() => assertMigrations([m(2), m(1)], 3)).toThrow('expected migration from version 1 at position 0, found 2');
  });

  it('throws when the chain cannot reach the current version', () => {
    expect(() => assertMigrations([m(1), m(2), m(3)], 3)).toThrow('3 migrations cannot lead to version 3');
    expect(() => assertMigrations([m(1)], 3)).toThrow('expected migration from version 2');
  });
});
