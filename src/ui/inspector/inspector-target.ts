/**
 * What the inspector shows for a selection: one site, one lane, several sites, another table's
 * row, or nothing (the network summary / scenario panel). Keys that no longer resolve (after a
 * delete or an undo) are ignored.
 */
import { rowKey } from '../../core/edit/row-keys';
import { TABLE_NAMES, type TableName } from '../../core/model/tables';
import type { Lane, Scenario, Site } from '../../core/model/types';
import { parseSelectionKey } from '../state/editor.svelte';

export type InspectorTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'site'; readonly site: Site }
  | { readonly kind: 'sites'; readonly sites: readonly Site[] }
  | { readonly kind: 'lane'; readonly lane: Lane }
  | { readonly kind: 'row'; readonly table: TableName; readonly key: string; readonly row: Readonly<Record<string, unknown>> }
  /** Several things of different kinds, or several lanes: listed, not edited together. */
  | { readonly kind: 'mixed'; readonly count: number };

export function inspectorTarget(s: Scenario, selection: ReadonlySet<string>): InspectorTarget {
  const keys = [...selection].map(parseSelectionKey);
  const siteById = new Map(s.sites.map((x) => [x.id, x]));
  const sites = keys.filter((k) => k.table === 'sites').flatMap((k) => siteById.get(k.key) ?? []);
  const lanes = keys.filter((k) => k.table === 'lanes').flatMap((k) => s.lanes.find((l) => l.id === k.key) ?? []);
  const others = keys.filter((k) => k.table !== 'sites' && k.table !== 'lanes' && (TABLE_NAMES as string[]).includes(k.table));
  const rows = others.flatMap((k) => {
    const table = k.table as TableName;
    const row = (s[table] as readonly Record<string, unknown>[]).find((r) => rowKey(table, r) === k.key);
    return row ? [{ table, key: k.key, row }] : [];
  });
  const count = sites.length + lanes.length + rows.length;
  if (count === 0) return { kind: 'none' };
  if (sites.length === count) return count === 1 ? { kind: 'site', site: sites[0] } : { kind: 'sites', sites };
  if (count === 1 && lanes.length === 1) return { kind: 'lane', lane: lanes[0] };
  if (count === 1) return { kind: 'row', ...rows[0] };
  return { kind: 'mixed', count };
}
