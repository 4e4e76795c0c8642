/**
 * Panels show a table's columns in a few titled groups. The groups only order and title what
 * introspect.ts lists; a column no group names still appears, under "More", so a field added to
 * the format shows up in the inspector without touching this file.
 */
import { tableColumns, type ColumnInfo } from '../../core/model/introspect';
import type { TableName } from '../../core/model/tables';

export interface ColumnGroup {
  readonly title: string;
  readonly columns: readonly ColumnInfo[];
}

export function groupColumns(table: TableName | 'settings', groups: readonly (readonly [string, readonly string[]])[], omit: readonly string[] = []): ColumnGroup[] {
  const all = tableColumns(table).filter((c) => !omit.includes(c.key));
  const byKey = new Map(all.map((c) => [c.key, c]));
  const named = new Set(groups.flatMap(([, keys]) => keys));
  const out: ColumnGroup[] = groups
    .map(([title, keys]) => ({ title, columns: keys.flatMap((k) => byKey.get(k) ?? []) }))
    .filter((g) => g.columns.length > 0);
  const rest = all.filter((c) => !named.has(c.key));
  if (rest.length > 0) out.push({ title: 'More', columns: rest });
  return out;
}

export const SITE_GROUPS = [
  ['Site', ['name', 'id', 'kind', 'status', 'partyId']],
  ['Location', ['lat', 'lon', 'city', 'country', 'x', 'y']],
  ['Capacity and cost', ['storageCapacity', 'holdingCost', 'fixedCost', 'openingCost']],
] as const;

export const LANE_GROUPS = [
  ['Route', ['from', 'to', 'productId', 'mode', 'id']],
  ['Timing', ['leadTime', 'infoDelay', 'leadTimeStdDev']],
  ['Cost and capacity', ['costPerUnit', 'fixedCost', 'capacity', 'distance']],
  ['Sourcing and ownership', ['share', 'priority', 'titleTransfer', 'consignment']],
] as const;

export const SETTINGS_GROUPS = [
  ['Time', ['horizon', 'periodLength', 'startDate']],
  ['Demand and service', ['unmetDemand', 'allocation', 'informationSharing', 'demandVariability', 'demandCv', 'shortagePenalty']],
  ['Money', ['currency', 'pipelineHolding']],
  ['Planning', ['objective', 'singleSourcing', 'maxOpenSites']],
  ['Randomness', ['seed']],
] as const;

/** Fields several sites can share; names, ids and positions belong to one site. */
export const MULTI_SITE_FIELDS = ['kind', 'status', 'partyId', 'storageCapacity', 'holdingCost', 'fixedCost', 'openingCost', 'country'] as const;
