/**
 * What differs between two scenarios (the baseline and a what-if): sites, lanes and products
 * matched by id — added, removed, or changed with the names of the fields that differ and both
 * values — plus the other tables as counts of rows added, removed and changed (rows matched by
 * their key fields, see edit/row-keys.ts) and the settings that differ. A site's inventory and
 * production rows count as the site's own fields ("inventory[widget].baseStock"), so a DC whose
 * policy changed is marked on the map like one whose capacity changed.
 */
import { rowKey } from '../edit/row-keys';
import type { TableName } from '../model/tables';
import type { Scenario } from '../model/types';
import { canonicalJson } from './fingerprint';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  readonly field: string;
  /** undefined: the field is not set on that side. */
  readonly before: unknown;
  readonly after: unknown;
}

export interface RowChange {
  readonly id: string;
  readonly kind: ChangeKind;
  /** The row's name (the what-if's name when both have one). */
  readonly name: string;
  /** Changed fields, in field order; empty for added and removed rows. */
  readonly fields: readonly FieldChange[];
}

export interface TableChangeCount {
  readonly table: TableName;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

export interface ScenarioDiff {
  readonly sites: readonly RowChange[];
  readonly lanes: readonly RowChange[];
  readonly products: readonly RowChange[];
  readonly settings: readonly FieldChange[];
  /** Tables other than sites, lanes and products with at least one difference. */
  readonly tables: readonly TableChangeCount[];
}

type Row = Readonly<Record<string, unknown>>;

const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/** Fields whose values differ, over the union of both rows' fields (first row's order first). */
export function changedFields(before: Row, after: Row, skip: ReadonlySet<string> = new Set()): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !skip.has(k) && !same(before[k], after[k])).map((k) => ({ field: k, before: before[k], after: after[k] }));
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function diffById(base: readonly (Row & { id: string; name?: unknown })[], other: readonly (Row & { id: string; name?: unknown })[], extra?: (id: string) => FieldChange[]): RowChange[] {
  const a = byId(base);
  const b = byId(other);
  const out: RowChange[] = [];
  const nameOf = (r: Row & { id: string }) => (typeof r.name === 'string' && r.name !== '' ? r.name : r.id);
  for (const r of base) {
    const o = b.get(r.id);
    if (!o) { out.push({ id: r.id, kind: 'removed', name: nameOf(r), fields: [] }); continue; }
    const fields = [...changedFields(r, o), ...(extra?.(r.id) ?? [])];
    if (fields.length > 0) out.push({ id: r.id, kind: 'changed', name: nameOf(o), fields });
  }
  for (const o of other) if (!a.has(o.id)) out.push({ id: o.id, kind: 'added', name: nameOf(o), fields: [] });
  return out;
}

interface KeyedRows { readonly added: Row[]; readonly removed: Row[]; readonly changed: Array<{ before: Row; after: Row; fields: FieldChange[] }> }

function diffKeyed(table: TableName, base: readonly Row[], other: readonly Row[], skip: ReadonlySet<string>): KeyedRows {
  const a = new Map(base.map((r) => [rowKey(table, r), r]));
  const b = new Map(other.map((r) => [rowKey(table, r), r]));
  const added: Row[] = [];
  const removed: Row[] = [];
  const changed: KeyedRows['changed'] = [];
  for (const [k, r] of a) {
    const o = b.get(k);
    if (!o) { removed.push(r); continue; }
    const fields = changedFields(r, o, skip);
    if (fields.length > 0) changed.push({ before: r, after: o, fields });
  }
  for (const [k, o] of b) if (!a.has(k)) added.push(o);
  return { added, removed, changed };
}

/** Site-attached tables whose row differences are listed as fields of their site. */
const SITE_TABLES = ['inventory', 'production'] as const;
const OTHER_TABLES: readonly TableName[] = ['parties', 'demand', 'inventory', 'production', 'bom', 'returns', 'prices', 'inTransit', 'modes'];
const SITE_ROW_KEYS = new Set(['siteId', 'productId']);

/** inventory/production differences per site, as FieldChanges named `table[productId].field`. */
function siteTableChanges(base: Scenario, other: Scenario): Map<string, FieldChange[]> {
  const out = new Map<string, FieldChange[]>();
  const add = (siteId: string, f: FieldChange) => out.set(siteId, [...(out.get(siteId) ?? []), f]);
  for (const table of SITE_TABLES) {
    const d = diffKeyed(table, base[table] as readonly Row[], other[table] as readonly Row[], SITE_ROW_KEYS);
    const label = (r: Row) => `${table}[${String(r.productId)}]`;
    // A whole row added or removed reads as its policy (inventory) or "row" (production).
    const what = (r: Row) => (typeof r.policy === 'string' ? r.policy : 'row');
    for (const r of d.removed) add(String(r.siteId), { field: label(r), before: what(r), after: undefined });
    for (const r of d.added) add(String(r.siteId), { field: label(r), before: undefined, after: what(r) });
    for (const c of d.changed) for (const f of c.fields) add(String(c.after.siteId), { ...f, field: `${label(c.after)}.${f.field}` });
  }
  return out;
}

export function diffScenarios(base: Scenario, other: Scenario): ScenarioDiff {
  const siteExtras = siteTableChanges(base, other);
  const tables: TableChangeCount[] = [];
  for (const table of OTHER_TABLES) {
    const d = diffKeyed(table, base[table] as readonly Row[], other[table] as readonly Row[], new Set());
    if (d.added.length + d.removed.length + d.changed.length > 0) {
      tables.push({ table, added: d.added.length, removed: d.removed.length, changed: d.changed.length });
    }
  }
  return {
    sites: diffById(base.sites, other.sites, (id) => siteExtras.get(id) ?? []),
    lanes: diffById(base.lanes, other.lanes),
    products: diffById(base.products, other.products),
    settings: changedFields(base.settings as Row, other.settings as Row),
    tables,
  };
}

/** True when the two scenarios differ in nothing the diff looks at (names and ids aside). */
export function isEmptyDiff(d: ScenarioDiff): boolean {
  return d.sites.length + d.lanes.length + d.products.length + d.settings.length + d.tables.length === 0;
}

/** A value as short text for tooltips and lists: "—" when not set. */
export function fieldValueText(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const json = canonicalJson(v);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** "storageCapacity 40000 → 2000, holdingCost 0.2 → 0.3". */
export function describeFields(fields: readonly FieldChange[]): string {
  return fields.map((f) => `${f.field} ${fieldValueText(f.before)} → ${fieldValueText(f.after)}`).join(', ');
}
