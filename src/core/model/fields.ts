/**
 * Field builders for the scenario tables. Every column is one valibot schema carrying its own
 * description and metadata (unit, CSV header aliases), so the same definition drives runtime
 * validation, the published JSON Schema, the docs table and the CSV header matching.
 */
import * as v from 'valibot';

/** Largest magnitude any number in a scenario may take: refuses Infinity and typos like 1e300. */
export const MAX_MAGNITUDE = 1e12;

/** Stable row id: what rows use to reference each other. Human names live in `name`. */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/;

export interface ColumnMeta {
  /** Unit shown in docs and inspector, e.g. "units/period", "money/unit". */
  readonly 'x-unit'?: string;
  /** Extra CSV header names accepted on import (case-insensitive), in the suites' vocabulary. */
  readonly 'x-aliases'?: readonly string[];
  /** Table this column references by id. */
  readonly 'x-ref'?: string;
}

function meta<T>(m: ColumnMeta) {
  return v.metadata<T, Record<string, unknown>>(m as Record<string, unknown>);
}

export function idField(description: string, aliases: readonly string[] = []) {
  return v.pipe(
    v.string('must be text'),
    v.regex(ID_PATTERN, 'must be an id: 1–64 letters, digits, "_", ".", ":" or "-", not starting with "." ":" or "-"'),
    v.description(description),
    meta<string>({ 'x-aliases': aliases }),
  );
}

export function refField(table: string, description: string, aliases: readonly string[] = []) {
  return v.pipe(
    v.string('must be text (an id)'),
    v.regex(ID_PATTERN, `must be the id of a row in ${table}`),
    v.description(description),
    meta<string>({ 'x-ref': table, 'x-aliases': aliases }),
  );
}

export function textField(description: string, maxLength = 200, aliases: readonly string[] = []) {
  return v.pipe(
    v.string('must be text'),
    v.maxLength(maxLength, `must be at most ${maxLength} characters`),
    v.description(description),
    meta<string>({ 'x-aliases': aliases }),
  );
}

export function nameField(description: string, aliases: readonly string[] = []) {
  return v.pipe(
    v.string('must be text'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(200, 'must be at most 200 characters'),
    v.description(description),
    meta<string>({ 'x-aliases': aliases }),
  );
}

export interface NumberOptions {
  readonly description: string;
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly aliases?: readonly string[];
}

export function numberField(o: NumberOptions) {
  const min = o.min ?? -MAX_MAGNITUDE;
  const max = o.max ?? MAX_MAGNITUDE;
  const items = [
    v.number('must be a number'),
    ...(o.integer ? [v.integer('must be a whole number')] : []),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
    v.description(o.description),
    meta<number>({ 'x-unit': o.unit, 'x-aliases': o.aliases ?? [] }),
  ] as const;
  // The spread of a conditional tuple defeats valibot's pipe overloads; the runtime shape is a valid pipe.
  return (v.pipe as unknown as (...a: unknown[]) => v.GenericSchema<number>)(...items);
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T, description: string, aliases: readonly string[] = []) {
  return v.pipe(
    v.picklist(values, `must be one of: ${values.join(', ')}`),
    v.description(description),
    meta<T[number]>({ 'x-aliases': aliases }),
  );
}

export function booleanField(description: string, aliases: readonly string[] = []) {
  return v.pipe(v.boolean('must be true or false'), v.description(description), meta<boolean>({ 'x-aliases': aliases }));
}
