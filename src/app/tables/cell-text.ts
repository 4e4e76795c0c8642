/**
 * One cell's text ⇄ its value, by the column's type: the single place where typed, pasted and
 * displayed cell text is interpreted, for the table view and the inspector alike. Empty text
 * means "not set" (the default applies) and is refused only for required columns.
 */
import { formatInstalments, parseBooleanCell, parseEnumCell, parseInstalmentsCell, type DecimalStyle } from '../../core/io/csv-cells';
import type { ColumnInfo } from '../../core/model/introspect';
import type { RefIndex } from './ref-index';
import { decimalStyleOf, parseUserNumber } from './user-number';

export type CellParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export function parseCellText(col: ColumnInfo, text: string, refs: RefIndex, style?: DecimalStyle): CellParse {
  const t = text.trim();
  if (t === '') return col.required ? { ok: false, message: 'is required' } : { ok: true, value: undefined };
  switch (col.type) {
    case 'number':
    case 'integer':
      return parseUserNumber(t, style);
    case 'boolean':
      return parseBooleanCell(t);
    case 'enum': {
      const values = col.values ?? [];
      const v = parseEnumCell(t, values);
      return values.includes(v) ? { ok: true, value: v } : { ok: false, message: `must be one of: ${values.join(', ')}` };
    }
    case 'ref':
      return refs.resolve(col.ref ?? '', t);
    case 'list':
      return parseInstalmentsCell(t, style ?? decimalStyleOf(t.split(/[;:]/)));
    default: // id, text, date
      return { ok: true, value: t };
  }
}

/** Display (and edit) text of a value; a reference shows the referenced row's name. */
export function formatCellValue(col: ColumnInfo, value: unknown, refs: RefIndex): string {
  if (value === undefined || value === null) return '';
  switch (col.type) {
    case 'boolean': return value ? 'yes' : 'no';
    case 'ref': return refs.label(col.ref ?? '', String(value)) ?? String(value);
    case 'list': return Array.isArray(value) ? formatInstalments(value) : '';
    default: return String(value);
  }
}
