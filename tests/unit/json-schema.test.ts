/**
 * Generated artefacts cannot go stale: the published JSON Schema and the field reference in
 * docs/scenario-format.md must equal what their scripts would write now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOCS_FILE, extractGeneratedSection, generateTablesReference, GENERATED_END, GENERATED_START, replaceGeneratedSection,
} from '../../scripts/lib/format-docs';
import { SCHEMA_FILE, schemaFileText } from '../../scripts/lib/schema-file';
import { tableColumns } from '../../src/core/model/introspect';
import { scenarioJsonSchema } from '../../src/core/model/json-schema';
import { TABLE_NAMES } from '../../src/core/model/tables';
import { loadScenario } from '../../src/core/model/load';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface JsonSchemaNode { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; required?: string[] }

describe('public/schema/scenario.schema.json', () => {
  const published = read(SCHEMA_FILE);

  it('equals scenarioJsonSchema() exactly (run `npm run schema` after changing the tables)', () => {
    expect(published).toBe(schemaFileText());
    expect(JSON.parse(published)).toStrictEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes every table and every column with the same required fields as the validator', () => {
    const schema = JSON.parse(published) as JsonSchemaNode;
    for (const table of TABLE_NAMES) {
      const row = schema.properties?.[table]?.items;
      expect(Object.keys(row?.properties ?? {}), table).toEqual(tableColumns(table).map((c) => c.key));
      expect([...(row?.required ?? [])].sort(), table).toEqual(tableColumns(table).filter((c) => c.required).map((c) => c.key).sort());
    }
    expect(Object.keys(schema.properties?.settings?.properties ?? {})).toEqual(tableColumns('settings').map((c) => c.key));
  });
});

describe('docs/scenario-format.md', () => {
  const doc = read(DOCS_FILE);

  it('has a generated field reference equal to what `npm run docs` would write', () => {
    expect(extractGeneratedSection(doc)).toBe(generateTablesReference());
    expect(replaceGeneratedSection(doc)).toBe(doc);
  });

  it('documents every field of every table, with its CSV aliases', () => {
    const section = extractGeneratedSection(doc);
    for (const table of ['settings', ...TABLE_NAMES] as const) {
      expect(section).toContain(`### \`${table}\``);
      for (const c of tableColumns(table)) {
        expect(section, `${table}.${c.key}`).toContain(`| \`${c.key}\` |`);
        for (const alias of c.aliases) expect(section).toContain(`\`${alias}\``);
      }
    }
  });

  it('keeps the prose outside the markers when regenerating', () => {
    const edited = `intro\n${GENERATED_START}\nstale\n${GENERATED_END}\noutro\n`;
    const out = replaceGeneratedSection(edited, 'NEW');
    expect(out).toBe(`intro\n${GENERATED_START}NEW${GENERATED_END}\noutro\n`);
    expect(() => replaceGeneratedSection('no markers here')).toThrow('markers');
  });

  it('shows JSON examples that are valid scenarios', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as unknown);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const r = loadScenario(block);
      expect(r.ok ? [] : r.issues).toEqual([]);
    }
  });
});
