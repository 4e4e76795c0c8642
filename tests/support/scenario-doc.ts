/**
 * A small valid scenario document touching every table, for tests that break one thing at a
 * time, plus tiny mutators so each test case reads as "set sites[0].lat to 200".
 * Row indices are part of the contract: tests assert them.
 *
 *   sites:    0 sup (supplier) · 1 plant · 2 dc · 3 cust (customer) · 4 shop (retailer)
 *   products: 0 widget · 1 part          lanes: 0 sup→plant · 1 plant→dc · 2 dc→cust · 3 dc→shop
 */
import { CURRENT_VERSION } from '../../src/core/model/tables';

export type Doc = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type Mutation = (doc: Doc) => void;

export function validDoc(): Doc {
  return {
    format: 'chainlab.scenario',
    version: CURRENT_VERSION,
    id: 'test-doc',
    name: 'Test network',
    settings: { horizon: 4, periodLength: 'week', seed: 7, currency: 'EUR' },
    parties: [
      { id: 'maker', name: 'Maker', paymentTermDays: 30, earlyPaymentDiscount: 0.02, earlyPaymentDays: 10 },
      { id: 'retail', name: 'Retail', instalments: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] },
    ],
    sites: [
      { id: 'sup', name: 'Supplier', kind: 'supplier', lat: 50, lon: 10 },
      { id: 'plant', name: 'Plant', kind: 'plant', lat: 51, lon: 12, partyId: 'maker', storageCapacity: 1000 },
      { id: 'dc', name: 'DC', kind: 'dc', lat: 51.4, lon: 6.2, partyId: 'maker' },
      { id: 'cust', name: 'Customer', kind: 'customer', lat: 48.9, lon: 2.35, partyId: 'retail' },
      { id: 'shop', name: 'Shop', kind: 'retailer', lat: 50.85, lon: 4.35, partyId: 'retail' },
    ],
    products: [
      { id: 'widget', name: 'Widget', value: 10, price: 20, volume: 0.01 },
      { id: 'part', name: 'Part', value: 2 },
    ],
    lanes: [
      { id: 'sup-plant', from: 'sup', to: 'plant', leadTime: 2 },
      { id: 'plant-dc', from: 'plant', to: 'dc', leadTime: 1, costPerUnit: 1.2, capacity: 500 },
      { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: 0, costPerUnit: 0.8 },
      { id: 'dc-shop', from: 'dc', to: 'shop', leadTime: 1, share: 1 },
    ],
    demand: [
      { customerId: 'cust', productId: 'widget', period: 1, quantity: 10 },
      { customerId: 'cust', productId: 'widget', period: 2, quantity: 12 },
      { customerId: 'shop', productId: 'widget', period: 1, quantity: 5 },
    ],
    inventory: [
      { siteId: 'dc', productId: 'widget', policy: 'base-stock', baseStock: 40, initialStock: 40 },
      { siteId: 'plant', productId: 'widget', policy: 's-S', reorderPoint: 10, orderUpTo: 50 },
      { siteId: 'plant', productId: 'part', policy: 'r-Q', reorderPoint: 20, orderQuantity: 60 },
    ],
    production: [
      { siteId: 'plant', productId: 'widget', capacity: 100, cost: 3, leadTime: 1 },
      { siteId: 'sup', productId: 'part', cost: 1 },
    ],
    bom: [{ productId: 'widget', componentId: 'part', quantity: 2 }],
    returns: [{ customerId: 'cust', productId: 'widget', rate: 0.05, delay: 1, destinationId: 'dc' }],
    prices: [{ productId: 'widget', sellerId: 'maker', buyerId: 'retail', price: 80 }, { productId: 'widget', price: 95 }],
    inTransit: [{ laneId: 'plant-dc', productId: 'widget', arrivalPeriod: 1, quantity: 40 }],
  };
}

export function rowsOf(doc: Doc, table: string): Row[] {
  return doc[table] as Row[];
}

/** Sets `table[row].field` (or a settings / envelope key when `row` is undefined). */
export function set(table: string, row: number | undefined, field: string, value: unknown): Mutation {
  return (doc) => {
    const target = row === undefined ? (table === 'scenario' ? doc : (doc[table] as Row)) : rowsOf(doc, table)[row];
    target[field] = value;
  };
}

export function remove(table: string, row: number | undefined, field: string): Mutation {
  return (doc) => {
    const target = row === undefined ? (table === 'scenario' ? doc : (doc[table] as Row)) : rowsOf(doc, table)[row];
    delete target[field];
  };
}

/** Appends a row; with a number, appends a copy of that row merged with `changes`. */
export function add(table: string, rowOrCopyOf: Row | number, changes: Row = {}): Mutation {
  return (doc) => {
    const rows = rowsOf(doc, table);
    const base = typeof rowOrCopyOf === 'number' ? structuredClone(rows[rowOrCopyOf]) : rowOrCopyOf;
    rows.push({ ...base, ...changes });
  };
}

export function all(...mutations: Mutation[]): Mutation {
  return (doc) => mutations.forEach((m) => m(doc));
}
