/**
 * Ids for rows imported into an existing scenario. The suites' sheets name things instead of
 * giving ids, so a row without an id must find the row it means:
 *  - a party, site or product without an id is the existing row of the same name (ignoring case),
 *    if there is exactly one — re-importing "DC Lyon" updates DC Lyon instead of adding a twin;
 *    otherwise it gets an id made from its name, unique among the ids the scenario will hold;
 *  - a lane without an id is the existing lane with the same origin, destination and product, if
 *    there is exactly one; otherwise it is numbered `lane-<line order>`, again unique.
 * In replace mode the old rows go, so only the imported ids have to be avoided.
 * Ambiguity is an error, never a guess: two id-less rows with the same name.
 */
import type { ModelIssue } from '../model/issue';
import type { TableName } from '../model/tables';
import type { Scenario } from '../model/types';
import { idFromName } from './csv-names';
import type { RawRow } from './csv-table-read';

export type ImportMode = 'upsert' | 'replace';
type Push = (issue: ModelIssue) => void;

export const NAMED_TABLES = ['parties', 'sites', 'products'] as const;
const SINGULAR: Record<string, string> = { parties: 'party', sites: 'site', products: 'product' };

const nameKey = (name: unknown): string | undefined => (typeof name === 'string' && name.trim() !== '' ? name.trim().toLowerCase() : undefined);

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) {
    const suffix = `-${k}`;
    id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
  }
  used.add(id);
  return id;
}

function usedIds(existing: readonly { id: string }[], rows: readonly RawRow[], mode: ImportMode): Set<string> {
  const used = new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'));
  if (mode === 'upsert') for (const r of existing) used.add(r.id);
  return used;
}

/** Ids for id-less parties, sites and products (see the module comment). */
export function assignNamedIds(s: Scenario, table: (typeof NAMED_TABLES)[number], rows: RawRow[], mode: ImportMode, push: Push): void {
  const existing = s[table] as readonly { id: string; name: string }[];
  const byName = new Map<string, string[]>();
  for (const r of existing) {
    const k = nameKey(r.name)!;
    byName.set(k, [...(byName.get(k) ?? []), r.id]);
  }
  const used = usedIds(existing, rows, mode);
  const firstOfName = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.id !== undefined) return;
    const key = nameKey(row.name);
    if (key === undefined) return; // neither id nor name: validation says the id is required
    const first = firstOfName.get(key);
    if (first !== undefined) {
      push({ table, row: i, field: 'name', message: `duplicate name "${String(row.name)}" (also row ${first}); rows without an id need unique names` });
    } else {
      firstOfName.set(key, i);
      const same = byName.get(key) ?? [];
      if (same.length === 1) { row.id = same[0]; used.add(same[0]); return; }
    }
    // (A duplicate still gets an id, so the check that follows does not also say "id is required".)
    row.id = uniqueId(idFromName(String(row.name)) || `${SINGULAR[table]}-${i + 1}`, used);
  });
}

const laneKey = (r: Readonly<Record<string, unknown>>) => `${String(r.from)}|${String(r.to)}|${r.productId === undefined ? '' : String(r.productId)}`;

/** Ids for id-less lanes, once their origin and destination are ids (see the module comment). */
export function assignLaneIds(s: Scenario, rows: RawRow[], mode: ImportMode): void {
  const byRoute = new Map<string, string[]>();
  for (const l of s.lanes) byRoute.set(laneKey(l), [...(byRoute.get(laneKey(l)) ?? []), l.id]);
  const used = usedIds(s.lanes, rows, mode);
  const taken = new Set<string>();
  rows.forEach((row, i) => {
    if (row.id !== undefined) return;
    const same = byRoute.get(laneKey(row)) ?? [];
    if (same.length === 1 && !taken.has(same[0])) { row.id = same[0]; taken.add(same[0]); used.add(same[0]); return; }
    row.id = uniqueId(`lane-${i + 1}`, used);
  });
}

/** Which table each named table's references will find after the import (existing rows, imported rows, or both). */
export function rowsAfterImport(s: Scenario, incoming: Partial<Record<TableName, RawRow[]>>, modes: Partial<Record<TableName, ImportMode>>): Partial<Record<TableName, readonly RawRow[]>> {
  const out: Partial<Record<TableName, readonly RawRow[]>> = {};
  for (const t of NAMED_TABLES) {
    const rows = incoming[t];
    const existing = s[t] as readonly RawRow[];
    if (!rows) { out[t] = existing; continue; }
    if (modes[t] === 'replace') { out[t] = rows; continue; }
    const ids = new Set(rows.map((r) => r.id));
    out[t] = [...existing.filter((r) => !ids.has(r.id)), ...rows];
  }
  return out;
}
