/**
 * applyEdit: the one way a scenario changes. It returns a new scenario (unchanged tables shared,
 * so undo snapshots cost little) or the issues that refuse the edit — at the table, row and field
 * they concern — leaving the scenario exactly as it was. Changed rows are checked against their
 * row schema, then the whole scenario against the cross-table rules.
 */
import * as v from 'valibot';
import type { ModelIssue } from '../model/issue';
import { checkReferences } from '../model/references';
import { SettingsSchema, TABLES, TABLE_NAMES, type TableName } from '../model/tables';
import { tableColumns } from '../model/introspect';
import type { Scenario } from '../model/types';
import { refreshLaneGeography } from '../geo/lane-geography';
import { deleteWithCascade } from './cascade';
import type { EditCommand, RowPatch } from './commands';
import { describeEdit } from './describe-edit';
import { keyFields, rowKey } from './row-keys';

export type EditResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly label: string }
  | { readonly ok: false; readonly issues: readonly ModelIssue[] };

type Row = Record<string, unknown>;

/** Drops keys whose value is undefined: "clear this optional field". */
function compact(row: Row): Row {
  const out: Row = {};
  for (const [k, val] of Object.entries(row)) if (val !== undefined) out[k] = val;
  return out;
}

function parseRow(table: TableName, row: Row, index: number, issues: ModelIssue[]): Row | undefined {
  const r = v.safeParse(TABLES[table] as v.GenericSchema, compact(row), { abortEarly: false });
  if (r.success) return r.output as Row;
  for (const i of r.issues) {
    const field = (i.path ?? []).map((p) => String(p.key)).join('.') || undefined;
    issues.push({ table, row: index, field, message: i.message });
  }
  return undefined;
}

function withTable(s: Scenario, table: TableName, rows: Row[]): Scenario {
  return { ...s, [table]: rows } as Scenario;
}

function addRows(s: Scenario, table: TableName, rows: readonly RowPatch[], issues: ModelIssue[]): Scenario {
  const current = s[table] as readonly Row[];
  const added = rows.map((r, i) => parseRow(table, { ...r }, current.length + i, issues));
  return withTable(s, table, [...current, ...added.filter((r): r is Row => r !== undefined)]);
}

/**
 * Finds rows by key. A few lookups compare fields in place (no key strings built for a 50,000-row
 * table); many lookups build the index once.
 */
function rowFinder(table: TableName, rows: readonly Row[], lookups: number): (key: string) => number | undefined {
  if (lookups > 8) {
    const index = new Map(rows.map((r, i) => [rowKey(table, r), i]));
    return (key) => index.get(key);
  }
  const fields = keyFields(table);
  return (key) => {
    const parts = key.split('|');
    const i = rows.findIndex((r) => fields.every((f, k) => (r[f] === undefined ? '' : String(r[f])) === parts[k]));
    return i < 0 ? undefined : i;
  };
}

function updateRows(s: Scenario, table: TableName, changes: readonly { key: string; patch: RowPatch }[], issues: ModelIssue[]): Scenario {
  const rows = [...(s[table] as readonly Row[])];
  const find = rowFinder(table, rows, changes.length);
  for (const c of changes) {
    const i = find(c.key);
    if (i === undefined) { issues.push({ table, message: `no row "${c.key}" to change` }); continue; }
    const next = parseRow(table, { ...rows[i], ...c.patch }, i, issues);
    if (next) rows[i] = next;
  }
  let out = withTable(s, table, rows);
  // A renamed id is followed by every reference to it, as in a spreadsheet's rename.
  for (const c of changes) {
    const newId = c.patch.id;
    if (typeof newId === 'string' && newId !== c.key && (table === 'sites' || table === 'products' || table === 'parties' || table === 'lanes')) {
      out = renameReferences(out, table, c.key, newId);
    }
  }
  return out;
}

const REF_FIELDS: Record<string, Partial<Record<TableName, readonly string[]>>> = {
  sites: { lanes: ['from', 'to'], demand: ['customerId'], inventory: ['siteId'], production: ['siteId'], bom: ['siteId'], returns: ['customerId', 'destinationId'] },
  products: { lanes: ['productId'], demand: ['productId'], inventory: ['productId'], production: ['productId'], bom: ['productId', 'componentId'], returns: ['productId'], prices: ['productId'], inTransit: ['productId'] },
  parties: { sites: ['partyId'], prices: ['sellerId', 'buyerId'] },
  lanes: { inTransit: ['laneId'] },
};

function renameReferences(s: Scenario, table: string, from: string, to: string): Scenario {
  let out = s;
  for (const [t, fields] of Object.entries(REF_FIELDS[table] ?? {}) as [TableName, readonly string[]][]) {
    const rows = out[t] as readonly Row[];
    if (!rows.some((r) => fields.some((f) => r[f] === from))) continue;
    out = withTable(out, t, rows.map((r) => (fields.some((f) => r[f] === from)
      ? Object.fromEntries(Object.entries(r).map(([k, val]) => [k, fields.includes(k) && val === from ? to : val]))
      : r)));
  }
  return out;
}

function importTable(s: Scenario, table: TableName, rows: readonly RowPatch[], mode: 'replace' | 'upsert', issues: ModelIssue[]): Scenario {
  const parsed = rows.map((r, i) => parseRow(table, { ...r }, i, issues));
  if (issues.length > 0) return s;
  const incoming = parsed as Row[];
  if (mode === 'replace') return withTable(s, table, incoming);
  const out = [...(s[table] as readonly Row[])];
  const index = new Map(out.map((r, i) => [rowKey(table, r), i]));
  for (const r of incoming) {
    const i = index.get(rowKey(table, r));
    if (i === undefined) { index.set(rowKey(table, r), out.length); out.push(r); } else out[i] = r;
  }
  return withTable(s, table, out);
}

function moveSites(s: Scenario, moves: Extract<EditCommand, { kind: 'move-sites' }>['moves'], issues: ModelIssue[]): Scenario {
  const byId = new Map(moves.map((m) => [m.id, m]));
  const moved = new Set<string>();
  const sites = s.sites.map((x, i) => {
    const m = byId.get(x.id);
    if (!m) return x;
    moved.add(x.id);
    return (parseRow('sites', { ...x, ...compact(m as Row) }, i, issues) as Scenario['sites'][number] | undefined) ?? x;
  });
  for (const m of moves) if (!moved.has(m.id)) issues.push({ table: 'sites', field: 'id', message: `no site "${m.id}" to move` });
  return refreshLaneGeography({ ...s, sites }, moved);
}

function step(s: Scenario, cmd: EditCommand, issues: ModelIssue[]): Scenario {
  switch (cmd.kind) {
    case 'add-rows': {
      const out = addRows(s, cmd.table, cmd.rows, issues);
      return cmd.table === 'lanes' ? refreshLaneGeography(out, new Set(cmd.rows.flatMap((r) => [String(r.from), String(r.to)]))) : out;
    }
    case 'update-rows': {
      const out = updateRows(s, cmd.table, cmd.changes, issues);
      return cmd.table === 'lanes' || cmd.table === 'modes' ? refreshLaneGeography(out) : out;
    }
    case 'delete-rows': {
      const keys = new Set(cmd.keys);
      return deleteWithCascade(s, cmd.table, keys, (r) => rowKey(cmd.table, r)).scenario;
    }
    case 'move-sites': return moveSites(s, cmd.moves, issues);
    case 'set-settings': {
      const r = v.safeParse(SettingsSchema, compact({ ...s.settings, ...cmd.patch }), { abortEarly: false });
      if (!r.success) {
        for (const i of r.issues) issues.push({ table: 'settings', field: (i.path ?? []).map((p) => String(p.key)).join('.') || undefined, message: i.message });
        return s;
      }
      const out = { ...s, settings: r.output };
      return cmd.patch.periodLength !== undefined ? refreshLaneGeography(out) : out;
    }
    case 'set-meta': {
      const name = cmd.name?.trim();
      if (cmd.name !== undefined && (!name || name.length > 200)) { issues.push({ table: 'scenario', field: 'name', message: 'a name of 1–200 characters is needed' }); return s; }
      if (cmd.description !== undefined && cmd.description.length > 5000) { issues.push({ table: 'scenario', field: 'description', message: 'must be at most 5000 characters' }); return s; }
      return { ...s, ...(name ? { name } : {}), ...(cmd.description !== undefined ? { description: cmd.description } : {}) };
    }
    case 'import-table': return importTable(s, cmd.table, cmd.rows, cmd.mode, issues);
    case 'batch': return cmd.commands.reduce((acc, c) => step(acc, c, issues), s);
  }
}

const ID_TABLES: readonly TableName[] = ['parties', 'sites', 'products', 'lanes'];

/**
 * The scenario the cross-table rules must see after an edit. An update of a row table (demand,
 * inventory, …) that changes no key or reference field cannot break uniqueness or any other
 * row's references, so only the changed rows need the rules, checked against the id tables —
 * what keeps a cell edit in a 50,000-row demand table fast.
 */
/** The scenario with only the id tables (sites, lanes, products, parties) left to check. */
function idTablesOnly(next: Scenario): Scenario {
  const scoped: Record<string, unknown> = { ...next };
  for (const t of TABLE_NAMES) if (!ID_TABLES.includes(t)) scoped[t] = [];
  return scoped as Scenario;
}

function crossTableIssues(next: Scenario, cmd: EditCommand): ModelIssue[] {
  if (cmd.kind === 'set-meta') return [];
  // Coordinates appear in no rule, and new sites/lanes/products/parties are referenced by nothing yet.
  if (cmd.kind === 'move-sites' || (cmd.kind === 'add-rows' && ID_TABLES.includes(cmd.table))) return checkReferences(idTablesOnly(next));
  if (cmd.kind !== 'update-rows') return checkReferences(next);
  const keys = new Set(keyFields(cmd.table));
  const refs = new Set(tableColumns(cmd.table).filter((c) => c.type === 'ref' || c.type === 'id').map((c) => c.key));
  if (cmd.changes.some((c) => Object.keys(c.patch).some((f) => keys.has(f) || refs.has(f)))) return checkReferences(next);
  // A value field of a site/lane/product/party: other tables only reference ids and keys — and a
  // site's kind, which decides who may have demand, produce or ship.
  if (ID_TABLES.includes(cmd.table)) {
    const kindChanged = cmd.table === 'sites' && cmd.changes.some((c) => 'kind' in c.patch);
    return checkReferences(kindChanged ? next : idTablesOnly(next));
  }
  const changed = new Set(cmd.changes.map((c) => c.key));
  const rows = next[cmd.table] as readonly Row[];
  const original: number[] = []; // scoped row index → row index in the table
  rows.forEach((r, i) => { if (changed.has(rowKey(cmd.table, r))) original.push(i); });
  const scoped: Record<string, unknown> = { ...idTablesOnly(next) };
  scoped[cmd.table] = original.map((i) => rows[i]);
  return checkReferences(scoped as Scenario).map((i) => (i.table === cmd.table && i.row !== undefined ? { ...i, row: original[i.row] } : i));
}

export function applyEdit(s: Scenario, cmd: EditCommand): EditResult {
  const issues: ModelIssue[] = [];
  const next = step(s, cmd, issues);
  if (issues.length > 0) return { ok: false, issues };
  const refs = crossTableIssues(next, cmd);
  if (refs.length > 0) return { ok: false, issues: refs };
  return { ok: true, scenario: next, label: describeEdit(s, cmd) };
}


