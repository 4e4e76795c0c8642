/**
 * References shown by name, stored by id. Tables and forms display the referenced row's name
 * (a lane: "From → To · mode"); text typed or pasted into a reference cell may be the id or the
 * name (ignoring case). A name shared by several rows is refused rather than guessed, as on import.
 */
import type { CellResult } from '../../core/io/csv-cells';
import type { Scenario } from '../../core/model/types';

export interface RefOption {
  readonly id: string;
  readonly label: string;
}

export interface RefIndex {
  /** Rows of a referenced table as id + label, in table order. */
  options(table: string): readonly RefOption[];
  /** The label of a referenced row; undefined when no row has that id. */
  label(table: string, id: string): string | undefined;
  /** Id for typed text: an id, or the name of exactly one row. */
  resolve(table: string, text: string): CellResult<string>;
}

const SINGULAR: Record<string, string> = { sites: 'site', products: 'product', parties: 'party', lanes: 'lane' };

interface TableIndex {
  readonly options: readonly RefOption[];
  readonly byId: ReadonlyMap<string, string>;
  readonly byLabel: ReadonlyMap<string, readonly string[]>;
}

function indexOf(options: readonly RefOption[]): TableIndex {
  const byId = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  for (const o of options) {
    if (!byId.has(o.id)) byId.set(o.id, o.label);
    const k = o.label.trim().toLowerCase();
    byLabel.set(k, [...(byLabel.get(k) ?? []), o.id]);
  }
  return { options, byId, byLabel };
}

function optionsOf(s: Scenario, table: string): readonly RefOption[] {
  switch (table) {
    case 'sites': return s.sites.map((x) => ({ id: x.id, label: x.name }));
    case 'products': return s.products.map((x) => ({ id: x.id, label: x.name }));
    case 'parties': return s.parties.map((x) => ({ id: x.id, label: x.name }));
    case 'lanes': {
      const names = new Map(s.sites.map((x) => [x.id, x.name]));
      return s.lanes.map((l) => ({ id: l.id, label: `${names.get(l.from) ?? l.from} → ${names.get(l.to) ?? l.to} · ${l.mode}` }));
    }
    default: return [];
  }
}

/** Builds each table's index on first use: a 50k-row demand view only ever asks for sites and products. */
export function buildRefIndex(s: Scenario): RefIndex {
  const cache = new Map<string, TableIndex>();
  const get = (table: string): TableIndex => {
    let ix = cache.get(table);
    if (!ix) { ix = indexOf(optionsOf(s, table)); cache.set(table, ix); }
    return ix;
  };
  return {
    options: (table) => get(table).options,
    label: (table, id) => get(table).byId.get(id),
    resolve(table, text) {
      const t = text.trim();
      const ix = get(table);
      if (ix.byId.has(t)) return { ok: true, value: t };
      const what = SINGULAR[table] ?? table;
      const matches = ix.byLabel.get(t.toLowerCase()) ?? [];
      if (matches.length === 1) return { ok: true, value: matches[0] };
      if (matches.length > 1) return { ok: false, message: `"${t}" names ${matches.length} ${table} (${matches.join(', ')}); use the id` };
      return { ok: false, message: `no ${what} has the id or name "${t}"` };
    },
  };
}
