/**
 * Header row → columns of a table. A header matches a column's key or one of its aliases (the
 * suites' vocabulary: "Site Name", "Latitude", "Lead Time") ignoring case, spaces, "_" and "-";
 * a trailing unit in brackets ("Distance (km)", "Cost [EUR]") is ignored when the full text does
 * not match. Unknown headers are warnings (the rest of the file still imports); two headers
 * naming the same column are an error, since either choice could silently be the wrong one.
 */
import type { ColumnInfo } from '../model/introspect';
import { normaliseLabel } from './csv-cells';

export interface HeaderMatch {
  /** For each header position, the column it fills, or undefined when ignored. */
  readonly columns: readonly (ColumnInfo | undefined)[];
  /** Headers that match no column (reported as warnings). */
  readonly unknown: readonly { readonly index: number; readonly header: string }[];
  /** Columns named by more than one header (reported as errors). */
  readonly duplicates: readonly { readonly column: ColumnInfo; readonly headers: readonly string[] }[];
}

/** Every normalised name (key and aliases) of each column of a table. */
export function columnLookup(columns: readonly ColumnInfo[]): Map<string, ColumnInfo> {
  const map = new Map<string, ColumnInfo>();
  for (const c of columns) {
    for (const name of [c.key, ...c.aliases]) map.set(normaliseLabel(name), c);
  }
  return map;
}

const TRAILING_UNIT = /\s*[([][^()[\]]*[)\]]\s*$/;

export function findColumn(header: string, lookup: Map<string, ColumnInfo>): ColumnInfo | undefined {
  const full = lookup.get(normaliseLabel(header));
  if (full) return full;
  const withoutUnit = header.replace(TRAILING_UNIT, '');
  return withoutUnit !== header && withoutUnit.trim() !== '' ? lookup.get(normaliseLabel(withoutUnit)) : undefined;
}

export function matchHeaders(headers: readonly string[], columns: readonly ColumnInfo[]): HeaderMatch {
  const lookup = columnLookup(columns);
  const matched: (ColumnInfo | undefined)[] = [];
  const unknown: { index: number; header: string }[] = [];
  const byColumn = new Map<ColumnInfo, string[]>();
  headers.forEach((header, index) => {
    if (header.trim() === '') { matched.push(undefined); return; } // spreadsheets pad with empty header cells
    const column = findColumn(header, lookup);
    if (!column) { matched.push(undefined); unknown.push({ index, header }); return; }
    const list = byColumn.get(column) ?? [];
    list.push(header);
    byColumn.set(column, list);
    // Only the first header of a duplicated column is read; the import fails anyway.
    matched.push(list.length === 1 ? column : undefined);
  });
  const duplicates = [...byColumn].filter(([, hs]) => hs.length > 1).map(([column, hs]) => ({ column, headers: hs }));
  return { columns: matched, unknown, duplicates };
}
