/**
 * How a row is identified for editing: by `id` where the table has one, otherwise by the fields
 * that make it unique (the same keys validation checks for duplicates).
 */
import type { TableName } from '../model/tables';

type AnyRow = Readonly<Record<string, unknown>>;

const KEY_FIELDS: Record<TableName, readonly string[]> = {
  parties: ['id'],
  sites: ['id'],
  products: ['id'],
  lanes: ['id'],
  demand: ['customerId', 'productId', 'period'],
  inventory: ['siteId', 'productId'],
  production: ['siteId', 'productId'],
  bom: ['productId', 'componentId', 'siteId'],
  returns: ['customerId', 'productId'],
  prices: ['productId', 'sellerId', 'buyerId'],
  inTransit: ['laneId', 'productId', 'arrivalPeriod'],
  modes: ['mode'],
};

export function keyFields(table: TableName): readonly string[] {
  return KEY_FIELDS[table];
}

/** A stable string key of a row; fields joined by "|" (ids cannot contain "|"). */
export function rowKey(table: TableName, row: AnyRow): string {
  return KEY_FIELDS[table].map((f) => (row[f] === undefined ? '' : String(row[f]))).join('|');
}
