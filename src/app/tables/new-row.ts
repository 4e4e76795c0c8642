/**
 * A valid new row for "Add row": required fields get the first values the scenario accepts — a
 * fresh id, a placeholder name, references to sites of a fitting kind, the first free key (the
 * next unused customer/product/period for demand). Candidates are checked by the core's own
 * `applyEdit`, so the row proposed is one the command layer will take.
 */
import { applyEdit } from '../../core/edit/apply-edit';
import type { RowPatch } from '../../core/edit/commands';
import { keyFields, rowKey } from '../../core/edit/row-keys';
import { DEFAULT_MODES, type TransportMode } from '../../core/geo/modes';
import { tableColumns, type ColumnInfo } from '../../core/model/introspect';
import type { TableName } from '../../core/model/tables';
import type { Scenario, SiteKind } from '../../core/model/types';

export type NewRowResult = { readonly ok: true; readonly row: RowPatch } | { readonly ok: false; readonly message: string };

const SINGULAR: Partial<Record<TableName, string>> = { parties: 'party', sites: 'site', products: 'product', lanes: 'lane' };

/** Site kinds that may fill a reference, best first (the cross-table rules in references.ts). */
const SITE_ROLES: Record<string, readonly SiteKind[]> = {
  'lanes.from': ['plant', 'supplier', 'dc', 'retailer', 'returns'],
  'lanes.to': ['dc', 'retailer', 'customer', 'plant', 'returns'],
  'demand.customerId': ['customer', 'retailer'],
  'production.siteId': ['plant', 'supplier'],
  'returns.customerId': ['customer', 'retailer'],
  'returns.destinationId': ['returns', 'dc', 'plant', 'retailer'],
  'inventory.siteId': ['dc', 'plant', 'retailer', 'supplier', 'returns', 'customer'],
  'bom.siteId': ['plant', 'supplier'],
};

const MAX_COMBINATIONS = 200_000;
const MAX_CHECKS = 40;

/** `${prefix}-${n}` with the smallest n not used yet. */
export function freshId(prefix: string, used: ReadonlySet<string>): string {
  for (let n = used.size + 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function refCandidates(s: Scenario, table: TableName, col: ColumnInfo): unknown[] {
  if (col.ref === 'sites') {
    const roles = SITE_ROLES[`${table}.${col.key}`];
    if (!roles) return s.sites.map((x) => x.id);
    return roles.flatMap((k) => s.sites.filter((x) => x.kind === k).map((x) => x.id));
  }
  const rows = (s as unknown as Record<string, readonly { id: string }[]>)[col.ref ?? ''] ?? [];
  return rows.map((r) => r.id);
}

function candidates(s: Scenario, table: TableName, col: ColumnInfo, used: ReadonlySet<string>): unknown[] {
  const isKey = keyFields(table).includes(col.key);
  switch (col.type) {
    case 'id': return [freshId(SINGULAR[table] ?? table, used)];
    case 'ref': return refCandidates(s, table, col);
    case 'enum': return table === 'sites' && col.key === 'kind' ? ['dc', ...(col.values ?? []).filter((v) => v !== 'dc')] : [...(col.values ?? [])];
    case 'boolean': return [false];
    case 'number':
    case 'integer': {
      const lo = Math.max(col.min ?? 0, col.type === 'integer' && isKey ? 1 : 0);
      if (!isKey) return [lo];
      const hi = Math.min(col.max ?? lo, Math.max(lo, s.settings.horizon));
      return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    }
    default: return [`New ${SINGULAR[table] ?? 'row'} ${used.size + 1}`];
  }
}

/** Values that make a new row sensible rather than merely valid (they win over the bare minimum). */
function seed(s: Scenario, table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'modes') return { ...DEFAULT_MODES[row.mode as TransportMode] };
  if (table === 'sites' && s.sites.length > 0) {
    const mean = (f: (x: Scenario['sites'][number]) => number) => Math.round(s.sites.reduce((a, x) => a + f(x), 0) / s.sites.length * 1e4) / 1e4;
    return { lat: mean((x) => x.lat), lon: mean((x) => x.lon) };
  }
  return {};
}

function* combinations(lists: readonly (readonly unknown[])[]): Generator<unknown[]> {
  if (lists.some((l) => l.length === 0)) return;
  const at = lists.map(() => 0);
  for (;;) {
    yield at.map((i, k) => lists[k][i]);
    let k = lists.length - 1;
    while (k >= 0 && ++at[k] === lists[k].length) { at[k] = 0; k--; }
    if (k < 0) return;
  }
}

export function proposeNewRow(s: Scenario, table: TableName, fixed: RowPatch = {}): NewRowResult {
  const rows = s[table] as readonly Record<string, unknown>[];
  const used = new Set(rows.map((r) => String(r.id ?? '')));
  const open = tableColumns(table).filter((c) => c.required && !(c.key in fixed));
  const lists = open.map((c) => candidates(s, table, c, used));
  const taken = new Set(rows.map((r) => rowKey(table, r)));
  // Lanes are keyed by id, but a second lane between the same two sites is rarely what "add" means.
  const linked = table === 'lanes' ? new Set(s.lanes.map((l) => `${l.from}|${l.to}`)) : undefined;
  let tried = 0;
  let checked = 0;
  let lastMessage = '';
  for (const values of combinations(lists)) {
    if (++tried > MAX_COMBINATIONS || checked >= MAX_CHECKS) break;
    const base = { ...Object.fromEntries(open.map((c, i) => [c.key, values[i]])), ...fixed };
    const row = { ...base, ...seed(s, table, base), ...fixed };
    if (taken.has(rowKey(table, row))) continue;
    if (linked && (row.from === row.to || linked.has(`${row.from}|${row.to}`))) continue;
    checked++;
    const r = applyEdit(s, { kind: 'add-rows', table, rows: [row] });
    if (r.ok) return { ok: true, row };
    lastMessage = r.issues[0]?.message ?? '';
  }
  const missing = open.find((c, i) => lists[i].length === 0);
  if (missing) return { ok: false, message: `add a row to ${missing.ref ?? 'the referenced table'} first: a ${table} row needs a ${missing.key}` };
  return { ok: false, message: `no valid new ${SINGULAR[table] ?? `${table} row`} could be made${lastMessage ? ` (${lastMessage})` : ''}; every combination is taken` };
}
