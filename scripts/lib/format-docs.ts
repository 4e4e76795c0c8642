/**
 * The generated part of docs/scenario-format.md: one reference table per scenario table, read
 * from the valibot definitions through `tableColumns`, so the docs cannot drift from the code.
 * Everything outside the markers is hand-written and left as is.
 */
import { MAX_MAGNITUDE } from '../../src/core/model/fields';
import { tableColumns, type ColumnInfo } from '../../src/core/model/introspect';
import { ScenarioSchema, TABLE_NAMES, type TableName } from '../../src/core/model/tables';

export const DOCS_FILE = 'docs/scenario-format.md';
export const GENERATED_START = '<!-- generated:tables:start -->';
export const GENERATED_END = '<!-- generated:tables:end -->';

interface SchemaNode { readonly type?: string; readonly wrapped?: SchemaNode; readonly pipe?: readonly { type: string; description?: string }[] }

/** The `v.description` of an envelope entry, looking through `optional` and `pipe` wrappers. */
function entryDescription(table: TableName | 'settings'): string {
  let node = (ScenarioSchema.entries as Record<string, SchemaNode>)[table];
  while (node?.wrapped) node = node.wrapped;
  return node?.pipe?.find((p) => p.type === 'description')?.description ?? FALLBACK_DESCRIPTIONS[table] ?? '';
}

/** For envelope entries whose schema carries no description (settings is an object, not a table). */
const FALLBACK_DESCRIPTIONS: Partial<Record<TableName | 'settings', string>> = {
  settings: 'One object (not a list of rows): the run settings. Every key is optional.',
};

/** Markdown table cells must not contain raw pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

function formatNumber(n: number): string {
  // Grouped by hand (toLocaleString depends on the ICU data Node was built with); a true minus sign.
  const digits = Number.isInteger(n) && Math.abs(n) >= 10_000 ? String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(Math.abs(n));
  return n < 0 ? `\u2212${digits}` : digits;
}

/** "number ≥ 0", "integer 1 to 100,000", "one of `a`, `b`", "id → `sites`". */
export function describeType(c: ColumnInfo): string {
  switch (c.type) {
    case 'enum': return `one of ${(c.values ?? []).map(code).join(', ')}`;
    case 'ref': return `id → ${code(c.ref ?? '?')}`;
    case 'date': return 'date `YYYY-MM-DD`';
    case 'number':
    case 'integer': {
      const lo = c.min !== undefined && c.min > -MAX_MAGNITUDE ? c.min : undefined;
      const hi = c.max !== undefined && c.max < MAX_MAGNITUDE ? c.max : undefined;
      if (lo !== undefined && hi !== undefined) return `${c.type} ${formatNumber(lo)} to ${formatNumber(hi)}`;
      if (lo !== undefined) return `${c.type} ≥ ${formatNumber(lo)}`;
      if (hi !== undefined) return `${c.type} ≤ ${formatNumber(hi)}`;
      return c.type;
    }
    default: return c.type;
  }
}

function describeDefault(c: ColumnInfo): string {
  if (c.required) return '—';
  if (c.default === undefined) return '*(empty)*';
  return code(JSON.stringify(c.default));
}

export function renderTable(table: TableName | 'settings'): string {
  const lines = [
    `### \`${table}\``,
    '',
    entryDescription(table),
    '',
    '| Field | Type | Unit | Required | Default | Description | CSV headers also accepted |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...tableColumns(table).map((c) => `| ${[
      code(c.key), describeType(c), c.unit ?? '', c.required ? 'yes' : 'no', describeDefault(c), c.description,
      c.aliases.map((a) => code(a)).join(', '),
    ].map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** The text between the markers (without them), ending in a newline. */
export function generateTablesReference(): string {
  const tables: (TableName | 'settings')[] = ['settings', ...TABLE_NAMES];
  return `\n${tables.map(renderTable).join('\n\n')}\n\n`;
}

/** Replaces the generated section of `doc`; throws when the markers are missing or out of order. */
export function replaceGeneratedSection(doc: string, generated = generateTablesReference()): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE}: markers ${GENERATED_START} … ${GENERATED_END} not found in order`);
  return doc.slice(0, start + GENERATED_START.length) + generated + doc.slice(end);
}

/** The current generated section of `doc` (what `replaceGeneratedSection` would overwrite). */
export function extractGeneratedSection(doc: string): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE}: markers not found`);
  return doc.slice(start + GENERATED_START.length, end);
}
