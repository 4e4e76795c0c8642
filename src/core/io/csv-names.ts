/**
 * The suites' spreadsheets name things instead of giving them ids: "Site Name;Type;Latitude;…" and
 * lanes "From;To" holding those names. ChainLab rows reference each other by id, so on import:
 *  - a row without an id gets one derived from its name ("Berlin DC" → "Berlin-DC"), a lane
 *    without one gets "lane-<n>"; a row without a name is named by its id;
 *  - a reference that is no id but exactly one row's name (ignoring case) is replaced by that id.
 * Ambiguity is an error, never a guess: two id-less rows with the same name, or a name shared by
 * several rows used as a reference.
 *
 * Duplicate ids and unknown references are reported here too, although validation checks them:
 * validation runs its cross-table checks only once every row passes its schema, and a spreadsheet
 * user should get the whole list of problems in one pass. (Validation's own report of the same
 * cell is then dropped.)
 */
import { tableColumns } from '../model/introspect';
import type { ModelIssue } from '../model/issue';
import { ID_PATTERN } from '../model/fields';
import { TABLE_NAMES, type TableName } from '../model/tables';
import type { RawRow } from './csv-table-read';

type Push = (issue: ModelIssue) => void;
type Note = (table: string, row: number) => string;

const NAMED_TABLES = ['parties', 'sites', 'products'] as const;
const SINGULAR: Record<string, string> = { parties: 'party', sites: 'site', products: 'product' };

/** A valid id from a free-text name: accents dropped, other runs of invalid characters → "-". */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[.:-]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) {
    const suffix = `-${k}`;
    id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
  }
  used.add(id);
  return id;
}

/** Fills missing ids and names in parties, sites, products and lanes (see the module comment). */
export function fillIdsAndNames(tables: Partial<Record<TableName, RawRow[]>>, push: Push, note: Note): void {
  for (const table of [...NAMED_TABLES, 'lanes'] as const) {
    const rows = tables[table];
    if (!rows) continue;
    const used = new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'));
    const derivedFrom = new Map<string, number>(); // name → first row whose id came from it
    rows.forEach((row, i) => {
      const name = typeof row.name === 'string' && row.name.trim() !== '' ? row.name : undefined;
      if (row.id === undefined && table === 'lanes') row.id = uniqueId(`lane-${i + 1}`, used);
      else if (row.id === undefined && name !== undefined) {
        const key = name.trim().toLowerCase();
        const first = derivedFrom.get(key);
        if (first !== undefined) {
          push({ table, row: i, field: 'name', message: `duplicate name "${name}" (also row ${first}); rows without an id need unique names${note(table, i)}` });
        } else derivedFrom.set(key, i);
        row.id = uniqueId(idFromName(name) || `${SINGULAR[table]}-${i + 1}`, used);
      }
      if (table !== 'lanes' && name === undefined && typeof row.id === 'string') row.name = row.id;
    });
    const seen = new Map<unknown, number>();
    rows.forEach((row, i) => {
      const first = seen.get(row.id);
      if (first !== undefined) push({ table, row: i, field: 'id', message: `duplicate id "${String(row.id)}" (also row ${first})${note(table, i)}` });
      else if (row.id !== undefined) seen.set(row.id, i);
    });
  }
}

interface NameIndex {
  readonly ids: ReadonlySet<string>;
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

function indexOf(rows: readonly RawRow[]): NameIndex {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const r of rows) {
    if (typeof r.id !== 'string') continue;
    ids.add(r.id);
    if (typeof r.name === 'string') {
      const key = r.name.trim().toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), r.id]);
    }
  }
  return { ids, byName };
}

/**
 * Replaces references given by name with the id of the one row of that name. Names are looked up
 * in `lookIn` (default: the tables themselves); a per-table import passes the rows the scenario
 * will hold after the import, so a lanes.csv may name a site that is already in the scenario.
 */
export function resolveNameReferences(
  tables: Partial<Record<TableName, RawRow[]>>, push: Push, note: Note,
  lookIn: Partial<Record<TableName, readonly RawRow[]>> = tables,
): void {
  const indexes = new Map<string, NameIndex>(NAMED_TABLES.map((t) => [t, indexOf(lookIn[t] ?? [])]));
  for (const table of TABLE_NAMES) {
    const rows = tables[table];
    if (!rows) continue;
    const refs = tableColumns(table).filter((c) => c.ref !== undefined && indexes.has(c.ref));
    rows.forEach((row, i) => {
      for (const col of refs) {
        const value = row[col.key];
        const index = indexes.get(col.ref!)!;
        if (typeof value !== 'string' || index.ids.has(value)) continue;
        const matches = index.byName.get(value.trim().toLowerCase()) ?? [];
        const what = SINGULAR[col.ref!];
        if (matches.length === 1) row[col.key] = matches[0];
        else if (matches.length > 1) {
          push({ table, row: i, field: col.key, message: `"${value}" names ${matches.length} ${col.ref} (${matches.join(', ')}); use the id${note(table, i)}` });
        } else {
          const hint = ID_PATTERN.test(value) ? '' : `: no ${what} has this id or name`;
          push({ table, row: i, field: col.key, message: `unknown ${what} "${value}"${hint}${note(table, i)}` });
        }
      }
    });
  }
}
