/**
 * Reads the column definitions back out of the valibot row schemas, so docs, CSV headers,
 * inspector panels and table views all use the same names, units, defaults and descriptions.
 */
import type * as v from 'valibot';
import { SettingsSchema, TABLES, type TableName } from './tables';

export type ColumnType = 'id' | 'ref' | 'text' | 'number' | 'integer' | 'enum' | 'boolean' | 'date' | 'list';

export interface ColumnInfo {
  readonly key: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly default?: unknown;
  readonly unit?: string;
  readonly description: string;
  readonly aliases: readonly string[];
  readonly ref?: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

type AnySchema = v.GenericSchema & {
  type: string;
  pipe?: readonly { kind: string; type: string; [k: string]: unknown }[];
  wrapped?: AnySchema;
  default?: unknown;
  options?: readonly string[];
  entries?: Record<string, AnySchema>;
};

function columnInfo(key: string, schema: AnySchema): ColumnInfo {
  let required = true;
  let def: unknown;
  let s = schema;
  if (s.type === 'optional') {
    required = false;
    def = s.default;
    s = s.wrapped as AnySchema;
  }
  const pipe = s.pipe ?? [];
  const base = (pipe[0] as unknown as AnySchema | undefined) ?? s;
  let description = '';
  let unit: string | undefined;
  let aliases: readonly string[] = [];
  let ref: string | undefined;
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  let isId = false;
  let isDate = false;
  for (const item of pipe.slice(1)) {
    if (item.type === 'description') description = item.description as string;
    else if (item.type === 'metadata') {
      const m = item.metadata as Record<string, unknown>;
      unit = m['x-unit'] as string | undefined;
      aliases = (m['x-aliases'] as string[] | undefined) ?? [];
      ref = m['x-ref'] as string | undefined;
    } else if (item.type === 'min_value') min = item.requirement as number;
    else if (item.type === 'max_value') max = item.requirement as number;
    else if (item.type === 'integer') integer = true;
    else if (item.type === 'regex' && key === 'id') isId = true;
    else if (item.type === 'iso_date') isDate = true;
  }
  let type: ColumnType;
  switch (base.type) {
    case 'number': type = integer ? 'integer' : 'number'; break;
    case 'boolean': type = 'boolean'; break;
    case 'picklist': type = 'enum'; break;
    case 'array': type = 'list'; break;
    default: type = ref ? 'ref' : isId ? 'id' : isDate ? 'date' : 'text';
  }
  return {
    key, type, required, default: def, unit, description, aliases, ref,
    values: base.type === 'picklist' ? base.options : undefined,
    min, max,
  };
}

function columnsOf(objectSchema: unknown): ColumnInfo[] {
  const entries = (objectSchema as AnySchema).entries ?? {};
  return Object.entries(entries).map(([k, s]) => columnInfo(k, s));
}

const cache = new Map<string, readonly ColumnInfo[]>();

/** Columns of a table in schema order. */
export function tableColumns(table: TableName | 'settings'): readonly ColumnInfo[] {
  let cols = cache.get(table);
  if (!cols) {
    cols = columnsOf(table === 'settings' ? SettingsSchema : TABLES[table]);
    cache.set(table, cols);
  }
  return cols;
}
