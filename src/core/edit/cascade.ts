/**
 * What else goes when a row is deleted: everything that references it. Deleting a site takes its
 * lanes, demand, policies, production, recipes, returns and the shipments on its lanes with it;
 * a product its rows in every table; a party its prices (its sites become the scenario's own);
 * a lane its in-transit shipments.
 */
import type { TableName } from '../model/tables';
import type { Scenario } from '../model/types';

export interface CascadeResult {
  readonly scenario: Scenario;
  /** Rows removed per table, the deleted rows included. */
  readonly removed: Partial<Record<TableName, number>>;
}

export function deleteWithCascade(s: Scenario, table: TableName, keys: ReadonlySet<string>, keyOf: (row: Record<string, unknown>) => string): CascadeResult {
  const removed: Partial<Record<TableName, number>> = {};
  const next: Record<string, unknown> = { ...s };
  const drop = <T>(t: TableName, rows: readonly T[], gone: (r: T) => boolean): T[] => {
    const kept = rows.filter((r) => !gone(r));
    if (kept.length !== rows.length) {
      removed[t] = (removed[t] ?? 0) + rows.length - kept.length;
      next[t] = kept;
    }
    return kept;
  };
  const rows = s[table] as readonly Record<string, unknown>[];
  drop(table, rows, (r) => keys.has(keyOf(r)));

  if (table === 'sites') {
    const lanes = s.lanes.filter((l) => keys.has(l.from) || keys.has(l.to));
    const laneIds = new Set(lanes.map((l) => l.id));
    drop('lanes', s.lanes, (l) => laneIds.has(l.id));
    drop('demand', s.demand, (d) => keys.has(d.customerId));
    drop('inventory', s.inventory, (p) => keys.has(p.siteId));
    drop('production', s.production, (p) => keys.has(p.siteId));
    drop('bom', s.bom, (b) => b.siteId !== undefined && keys.has(b.siteId));
    drop('returns', s.returns, (r) => keys.has(r.customerId) || keys.has(r.destinationId));
    drop('inTransit', s.inTransit, (x) => laneIds.has(x.laneId));
  } else if (table === 'products') {
    drop('lanes', s.lanes, (l) => l.productId !== undefined && keys.has(l.productId));
    drop('demand', s.demand, (d) => keys.has(d.productId));
    drop('inventory', s.inventory, (p) => keys.has(p.productId));
    drop('production', s.production, (p) => keys.has(p.productId));
    drop('bom', s.bom, (b) => keys.has(b.productId) || keys.has(b.componentId));
    drop('returns', s.returns, (r) => r.productId !== undefined && keys.has(r.productId));
    drop('prices', s.prices, (p) => keys.has(p.productId));
    drop('inTransit', s.inTransit, (x) => keys.has(x.productId));
  } else if (table === 'parties') {
    drop('prices', s.prices, (p) => (p.sellerId !== undefined && keys.has(p.sellerId)) || (p.buyerId !== undefined && keys.has(p.buyerId)));
    if (s.sites.some((x) => x.partyId !== undefined && keys.has(x.partyId))) {
      next.sites = s.sites.map((x) => (x.partyId !== undefined && keys.has(x.partyId) ? { ...x, partyId: undefined } : x))
        .map(({ partyId, ...rest }) => (partyId === undefined ? rest : { ...rest, partyId }));
    }
  } else if (table === 'lanes') {
    drop('inTransit', s.inTransit, (x) => keys.has(x.laneId));
  }
  return { scenario: next as Scenario, removed };
}
