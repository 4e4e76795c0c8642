/**
 * validateScenario, table by table: each case breaks one thing in an otherwise valid document and
 * asserts the single issue it must produce — table, row, field and a message fragment.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import { jsonDepth, MAX_JSON_BYTES, MAX_JSON_DEPTH, parseJsonSafely } from '../../src/core/io/safe-json';
import { formatIssue, type ModelIssue } from '../../src/core/model/issue';
import { MAX_ISSUES, validateScenario } from '../../src/core/model/validate';
import { CURRENT_VERSION } from '../../src/core/model/tables';
import { add, all, remove, rowsOf, set, validDoc, type Mutation } from '../support/scenario-doc';

interface Case {
  readonly name: string;
  readonly mutate: Mutation;
  readonly table: string;
  readonly row?: number;
  readonly field?: string;
  readonly message: string;
  /** Issues that follow from the first one elsewhere (e.g. references to a renamed id); default 0. */
  readonly consequences?: number;
}

function issuesAfter(mutate: Mutation): readonly ModelIssue[] {
  const doc = validDoc();
  mutate(doc);
  return validateScenario(doc).issues;
}

function runCases(cases: readonly Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const issues = issuesAfter(c.mutate);
    expect(issues).toHaveLength(1 + (c.consequences ?? 0));
    const [issue] = issues;
    expect({ table: issue.table, row: issue.row, field: issue.field }).toEqual({ table: c.table, row: c.row, field: c.field });
    expect(issue.message).toContain(c.message);
  });
}

const ID_MSG = 'must be an id';

/** Renames an id and every reference to it, so only the id's own format is at fault. */
function renameId(from: string, to: string): Mutation {
  return (doc) => {
    const renamed = JSON.parse(JSON.stringify(doc), (_k, v: unknown) => (v === from ? to : v)) as Record<string, unknown>;
    for (const k of Object.keys(doc)) delete doc[k];
    Object.assign(doc, renamed);
  };
}
const MAX = 'must be at most 1000000000000';

describe('a valid document', () => {
  it('validates and gets every default filled in', () => {
    const r = validateScenario(validDoc());
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.scenario?.settings).toMatchObject({ horizon: 4, unmetDemand: 'backorder', allocation: 'fifo', shortagePenalty: 10 });
    expect(r.scenario?.parties[1]).toMatchObject({ paymentTermDays: 30, initialCash: 0, earlyPaymentDays: 0 });
    expect(r.scenario?.sites[0]).toMatchObject({ status: 'existing', holdingCost: 0 });
    expect(r.scenario?.lanes[0]).toMatchObject({ mode: 'road', infoDelay: 0, titleTransfer: 'delivery', priority: 1, costPerUnit: 0 });
    expect(r.scenario?.inventory[0]).toMatchObject({ reviewPeriod: 1, forecastWindow: 4, safetyFactor: 1.65 });
    expect(r.scenario?.returns[0].restockShare).toBe(1);
    expect(r.scenario?.description).toBe('');
  });

  it('treats missing tables as empty and keeps optional fields absent rather than undefined', () => {
    const r = validateScenario({ format: 'chainlab.scenario', version: CURRENT_VERSION, id: 'empty', name: 'Empty' });
    expect(r.ok).toBe(true);
    expect(r.scenario?.bom).toEqual([]);
    const lane = validateScenario(validDoc()).scenario?.lanes[0];
    expect(lane && 'capacity' in lane).toBe(false);
  });

  it('accepts the same lane twice by different modes, and a plant→customer shortcut', () => {
    expect(issuesAfter(all(add('lanes', 1, { id: 'plant-dc-rail', mode: 'rail' }), add('lanes', { id: 'plant-cust', from: 'plant', to: 'cust' })))).toEqual([]);
  });

  it('drops keys the format does not define, at every level', () => {
    const doc = validDoc();
    doc.extra = 'x';
    (doc.settings as Record<string, unknown>).colour = 'blue';
    rowsOf(doc, 'sites')[0].notes = 'hello';
    const r = validateScenario(doc);
    expect(r.ok).toBe(true);
    expect(r.scenario).not.toHaveProperty('extra');
    expect(r.scenario?.settings).not.toHaveProperty('colour');
    expect(r.scenario?.sites[0]).not.toHaveProperty('notes');
  });
});

describe('envelope', () => runCases([
  { name: 'wrong format', mutate: set('scenario', undefined, 'format', 'other'), table: 'scenario', field: 'format', message: 'must be "chainlab.scenario"' },
  { name: 'missing name', mutate: remove('scenario', undefined, 'name'), table: 'scenario', field: 'name', message: 'is required' },
  { name: 'bad scenario id', mutate: set('scenario', undefined, 'id', 'has space'), table: 'scenario', field: 'id', message: ID_MSG },
  { name: 'a table that is not a list', mutate: set('scenario', undefined, 'sites', {}), table: 'scenario', field: 'sites', message: 'must be a list of rows (got an object)' },
  { name: 'description too long', mutate: set('scenario', undefined, 'description', 'x'.repeat(5001)), table: 'scenario', field: 'description', message: 'at most 5000 characters' },
  { name: 'version other than the current one after migration', mutate: set('scenario', undefined, 'version', CURRENT_VERSION + 1), table: 'scenario', field: 'version', message: `must be ${CURRENT_VERSION}` },
]));

describe('settings', () => runCases([
  { name: 'horizon 0', mutate: set('settings', undefined, 'horizon', 0), table: 'settings', field: 'horizon', message: 'must be at least 1 (got 0)' },
  { name: 'fractional horizon', mutate: set('settings', undefined, 'horizon', 2.5), table: 'settings', field: 'horizon', message: 'must be a whole number' },
  { name: 'horizon as text', mutate: set('settings', undefined, 'horizon', '52'), table: 'settings', field: 'horizon', message: 'must be a number (got "52")' },
  { name: 'unknown period length', mutate: set('settings', undefined, 'periodLength', 'year'), table: 'settings', field: 'periodLength', message: 'must be one of: day, week, month' },
  { name: 'bad currency', mutate: set('settings', undefined, 'currency', 'euro'), table: 'settings', field: 'currency', message: '3-letter currency code' },
  { name: 'negative seed', mutate: set('settings', undefined, 'seed', -1), table: 'settings', field: 'seed', message: 'must be at least 0' },
  { name: 'impossible date', mutate: set('settings', undefined, 'startDate', '2025-13-45'), table: 'settings', field: 'startDate', message: 'must be a date YYYY-MM-DD' },
  { name: 'boolean as text', mutate: set('settings', undefined, 'informationSharing', 'yes'), table: 'settings', field: 'informationSharing', message: 'must be true or false' },
  { name: 'NaN penalty', mutate: set('settings', undefined, 'shortagePenalty', NaN), table: 'settings', field: 'shortagePenalty', message: 'must be a number (got NaN)' },
  { name: 'infinite penalty', mutate: set('settings', undefined, 'shortagePenalty', Infinity), table: 'settings', field: 'shortagePenalty', message: MAX },
]));

describe('parties', () => runCases([
  { name: 'missing name', mutate: remove('parties', 0, 'name'), table: 'parties', row: 0, field: 'name', message: 'is required' },
  { name: 'id starting with "-"', mutate: renameId('maker', '-maker'), table: 'parties', row: 0, field: 'id', message: ID_MSG, consequences: 3 },
  { name: 'id with a space', mutate: renameId('retail', 'the shops'), table: 'parties', row: 1, field: 'id', message: ID_MSG, consequences: 3 },
  { name: 'duplicate id', mutate: add('parties', 0), table: 'parties', row: 2, field: 'id', message: 'duplicate id "maker" (also row 0)' },
  { name: 'instalments not summing to 1', mutate: set('parties', 1, 'instalments', [{ days: 30, share: 0.5 }, { days: 60, share: 0.4 }]), table: 'parties', row: 1, field: 'instalments', message: 'add up to 0.9, not 1' },
  { name: 'instalment share above 1', mutate: set('parties', 1, 'instalments', [{ days: 30, share: 1.5 }]), table: 'parties', row: 1, field: 'instalments.0.share', message: 'must be at most 1' },
  { name: 'too many instalments', mutate: set('parties', 1, 'instalments', Array.from({ length: 25 }, (_, i) => ({ days: i, share: 0.04 }))), table: 'parties', row: 1, field: 'instalments', message: 'at most 24 instalments' },
  { name: 'early-payment days beyond the term', mutate: set('parties', 0, 'earlyPaymentDays', 40), table: 'parties', row: 0, field: 'earlyPaymentDays', message: 'early-payment days (40) exceed the payment term (30)' },
  { name: 'fractional payment term', mutate: set('parties', 0, 'paymentTermDays', 30.5), table: 'parties', row: 0, field: 'paymentTermDays', message: 'must be a whole number' },
  { name: 'discount above 1', mutate: set('parties', 0, 'earlyPaymentDiscount', 2), table: 'parties', row: 0, field: 'earlyPaymentDiscount', message: 'must be at most 1' },
  { name: 'infinite cash', mutate: set('parties', 0, 'initialCash', -Infinity), table: 'parties', row: 0, field: 'initialCash', message: 'must be at least -1000000000000' },
]));

describe('sites', () => runCases([
  { name: 'latitude 200', mutate: set('sites', 0, 'lat', 200), table: 'sites', row: 0, field: 'lat', message: 'must be at most 90 (got 200)' },
  { name: 'latitude -91', mutate: set('sites', 2, 'lat', -91), table: 'sites', row: 2, field: 'lat', message: 'must be at least -90' },
  { name: 'longitude 181', mutate: set('sites', 3, 'lon', 181), table: 'sites', row: 3, field: 'lon', message: 'must be at most 180' },
  { name: 'latitude as text', mutate: set('sites', 0, 'lat', 'north'), table: 'sites', row: 0, field: 'lat', message: 'must be a number (got "north")' },
  { name: 'latitude NaN', mutate: set('sites', 1, 'lat', NaN), table: 'sites', row: 1, field: 'lat', message: 'must be a number' },
  { name: 'unknown kind', mutate: set('sites', 2, 'kind', 'warehouse'), table: 'sites', row: 2, field: 'kind', message: 'must be one of: supplier, plant, dc, retailer, customer, returns (got "warehouse")' },
  { name: 'missing kind', mutate: remove('sites', 2, 'kind'), table: 'sites', row: 2, field: 'kind', message: 'is required' },
  { name: 'empty name', mutate: set('sites', 1, 'name', ''), table: 'sites', row: 1, field: 'name', message: 'must not be empty' },
  { name: 'negative storage capacity', mutate: set('sites', 1, 'storageCapacity', -5), table: 'sites', row: 1, field: 'storageCapacity', message: 'must be at least 0' },
  { name: 'infinite holding cost', mutate: set('sites', 1, 'holdingCost', Infinity), table: 'sites', row: 1, field: 'holdingCost', message: MAX },
  { name: 'unknown status', mutate: set('sites', 2, 'status', 'open'), table: 'sites', row: 2, field: 'status', message: 'must be one of: existing, potential, closed' },
  { name: 'unknown party', mutate: set('sites', 1, 'partyId', 'ghost'), table: 'sites', row: 1, field: 'partyId', message: 'unknown party "ghost"' },
  { name: 'duplicate id', mutate: add('sites', 2), table: 'sites', row: 5, field: 'id', message: 'duplicate id "dc" (also row 2)' },
  { name: 'id of 65 characters', mutate: add('sites', 2, { id: 'a'.repeat(65) }), table: 'sites', row: 5, field: 'id', message: ID_MSG },
]));

describe('products', () => runCases([
  { name: 'negative value', mutate: set('products', 0, 'value', -1), table: 'products', row: 0, field: 'value', message: 'must be at least 0 (got -1)' },
  { name: 'missing name', mutate: remove('products', 1, 'name'), table: 'products', row: 1, field: 'name', message: 'is required' },
  { name: 'duplicate id', mutate: add('products', 0), table: 'products', row: 2, field: 'id', message: 'duplicate id "widget" (also row 0)' },
  { name: 'infinite volume', mutate: set('products', 0, 'volume', Infinity), table: 'products', row: 0, field: 'volume', message: MAX },
  { name: 'penalty as text', mutate: set('products', 0, 'shortagePenalty', 'high'), table: 'products', row: 0, field: 'shortagePenalty', message: 'must be a number' },
  { name: 'id with a slash', mutate: renameId('part', 'a/b'), table: 'products', row: 1, field: 'id', message: ID_MSG, consequences: 3 },
]));

describe('lanes', () => runCases([
  { name: 'unknown origin', mutate: set('lanes', 0, 'from', 'nowhere'), table: 'lanes', row: 0, field: 'from', message: 'unknown site "nowhere"' },
  { name: 'unknown destination', mutate: set('lanes', 2, 'to', 'cust2'), table: 'lanes', row: 2, field: 'to', message: 'unknown site "cust2"' },
  { name: 'lane to itself', mutate: set('lanes', 1, 'to', 'plant'), table: 'lanes', row: 1, field: 'to', message: 'cannot go from a site to itself ("plant")' },
  { name: 'customer shipping', mutate: add('lanes', { id: 'cust-shop', from: 'cust', to: 'shop' }), table: 'lanes', row: 4, field: 'from', message: 'customer "cust" cannot ship' },
  { name: 'supplier receiving', mutate: add('lanes', { id: 'dc-sup', from: 'dc', to: 'sup' }), table: 'lanes', row: 4, field: 'to', message: 'supplier "sup" cannot receive' },
  { name: 'fractional lead time', mutate: set('lanes', 0, 'leadTime', 1.5), table: 'lanes', row: 0, field: 'leadTime', message: 'must be a whole number' },
  { name: 'negative lead time', mutate: set('lanes', 0, 'leadTime', -1), table: 'lanes', row: 0, field: 'leadTime', message: 'must be at least 0' },
  { name: 'unknown mode', mutate: set('lanes', 0, 'mode', 'ship'), table: 'lanes', row: 0, field: 'mode', message: 'must be one of: road, rail, sea, air' },
  { name: 'unknown product', mutate: set('lanes', 0, 'productId', 'gizmo'), table: 'lanes', row: 0, field: 'productId', message: 'unknown product "gizmo"' },
  { name: 'duplicate origin/destination/product/mode', mutate: add('lanes', 1, { id: 'plant-dc-2' }), table: 'lanes', row: 4, message: 'duplicate row for plant → dc by road (also row 1)' },
  { name: 'duplicate id', mutate: add('lanes', 1, { mode: 'rail' }), table: 'lanes', row: 4, field: 'id', message: 'duplicate id "plant-dc" (also row 1)' },
  { name: 'negative capacity', mutate: set('lanes', 1, 'capacity', -10), table: 'lanes', row: 1, field: 'capacity', message: 'must be at least 0' },
  { name: 'share above 1', mutate: set('lanes', 3, 'share', 1.2), table: 'lanes', row: 3, field: 'share', message: 'must be at most 1' },
  { name: 'priority 0', mutate: set('lanes', 3, 'priority', 0), table: 'lanes', row: 3, field: 'priority', message: 'must be at least 1' },
  { name: 'missing origin', mutate: remove('lanes', 2, 'from'), table: 'lanes', row: 2, field: 'from', message: 'is required' },
]));

describe('demand', () => runCases([
  { name: 'period beyond the horizon', mutate: set('demand', 1, 'period', 5), table: 'demand', row: 1, field: 'period', message: 'period 5 is beyond the horizon of 4 periods' },
  { name: 'period 0', mutate: set('demand', 0, 'period', 0), table: 'demand', row: 0, field: 'period', message: 'must be at least 1' },
  { name: 'negative quantity', mutate: set('demand', 2, 'quantity', -3), table: 'demand', row: 2, field: 'quantity', message: 'must be at least 0 (got -3)' },
  { name: 'NaN quantity', mutate: set('demand', 0, 'quantity', NaN), table: 'demand', row: 0, field: 'quantity', message: 'must be a number' },
  { name: 'quantity as text', mutate: set('demand', 0, 'quantity', '10'), table: 'demand', row: 0, field: 'quantity', message: 'must be a number (got "10")' },
  { name: 'demand at a DC', mutate: set('demand', 0, 'customerId', 'dc'), table: 'demand', row: 0, field: 'customerId', message: 'site "dc" is a dc; demand belongs to a customer or retailer' },
  { name: 'unknown customer', mutate: set('demand', 0, 'customerId', 'ghost'), table: 'demand', row: 0, field: 'customerId', message: 'unknown site "ghost"' },
  { name: 'unknown product', mutate: set('demand', 2, 'productId', 'ghost'), table: 'demand', row: 2, field: 'productId', message: 'unknown product "ghost"' },
  { name: 'duplicate customer/product/period', mutate: add('demand', 0, { quantity: 99 }), table: 'demand', row: 3, message: 'duplicate row for cust / widget / period 1 (also row 0)' },
  { name: 'missing quantity', mutate: remove('demand', 1, 'quantity'), table: 'demand', row: 1, field: 'quantity', message: 'is required' },
]));

describe('inventory', () => runCases([
  { name: 's above S', mutate: set('inventory', 1, 'reorderPoint', 60), table: 'inventory', row: 1, field: 'reorderPoint', message: 'reorder point s (60) is above the order-up-to level S (50)' },
  { name: 'unknown policy', mutate: set('inventory', 0, 'policy', 'kanban'), table: 'inventory', row: 0, field: 'policy', message: 'must be one of: base-stock, s-S' },
  { name: '(r,Q) with Q = 0', mutate: set('inventory', 2, 'orderQuantity', 0), table: 'inventory', row: 2, field: 'orderQuantity', message: 'order quantity Q must be above 0' },
  { name: 'periodic with R = 0', mutate: all(set('inventory', 0, 'policy', 'periodic'), set('inventory', 0, 'reviewPeriod', 0)), table: 'inventory', row: 0, field: 'reviewPeriod', message: 'review period R must be at least 1' },
  { name: 'unknown site', mutate: set('inventory', 0, 'siteId', 'ghost'), table: 'inventory', row: 0, field: 'siteId', message: 'unknown site "ghost"' },
  { name: 'duplicate site/product', mutate: add('inventory', 0), table: 'inventory', row: 3, message: 'duplicate row for dc / widget (also row 0)' },
  { name: 'smoothing above 1', mutate: set('inventory', 0, 'smoothing', 1.5), table: 'inventory', row: 0, field: 'smoothing', message: 'must be at most 1' },
  { name: 'forecast window 0', mutate: set('inventory', 0, 'forecastWindow', 0), table: 'inventory', row: 0, field: 'forecastWindow', message: 'must be at least 1' },
  { name: 'negative initial stock', mutate: set('inventory', 0, 'initialStock', -1), table: 'inventory', row: 0, field: 'initialStock', message: 'must be at least 0' },
  { name: 'safety factor 11', mutate: set('inventory', 0, 'safetyFactor', 11), table: 'inventory', row: 0, field: 'safetyFactor', message: 'must be at most 10' },
]));

describe('production', () => runCases([
  { name: 'negative capacity', mutate: set('production', 0, 'capacity', -1), table: 'production', row: 0, field: 'capacity', message: 'must be at least 0 (got -1)' },
  { name: 'production at a DC', mutate: set('production', 0, 'siteId', 'dc'), table: 'production', row: 0, field: 'siteId', message: 'site "dc" is a dc; only plants and suppliers produce' },
  { name: 'unknown product', mutate: set('production', 1, 'productId', 'ghost'), table: 'production', row: 1, field: 'productId', message: 'unknown product "ghost"' },
  { name: 'duplicate site/product', mutate: add('production', 0, { cost: 9 }), table: 'production', row: 2, message: 'duplicate row for plant / widget (also row 0)' },
  { name: 'fractional lead time', mutate: set('production', 0, 'leadTime', 0.5), table: 'production', row: 0, field: 'leadTime', message: 'must be a whole number' },
]));

describe('bom', () => runCases([
  { name: 'two-product cycle', mutate: add('bom', { productId: 'part', componentId: 'widget', quantity: 1 }), table: 'bom', row: 1, field: 'componentId', message: 'bill-of-materials cycle: widget → part → widget' },
  {
    name: 'three-product cycle',
    mutate: all(add('products', { id: 'gear', name: 'Gear' }), add('bom', { productId: 'part', componentId: 'gear', quantity: 1 }), add('bom', { productId: 'gear', componentId: 'widget', quantity: 1 })),
    table: 'bom', row: 2, field: 'componentId', message: 'cycle: widget → part → gear → widget',
  },
  { name: 'own component', mutate: set('bom', 0, 'componentId', 'widget'), table: 'bom', row: 0, field: 'componentId', message: 'product "widget" cannot be its own component' },
  { name: 'negative quantity', mutate: set('bom', 0, 'quantity', -1), table: 'bom', row: 0, field: 'quantity', message: 'must be at least 0' },
  { name: 'unknown component', mutate: set('bom', 0, 'componentId', 'ghost'), table: 'bom', row: 0, field: 'componentId', message: 'unknown product "ghost"' },
  { name: 'unknown plant', mutate: set('bom', 0, 'siteId', 'ghost'), table: 'bom', row: 0, field: 'siteId', message: 'unknown site "ghost"' },
]));

describe('returns', () => runCases([
  { name: 'rate above 1', mutate: set('returns', 0, 'rate', 1.5), table: 'returns', row: 0, field: 'rate', message: 'must be at most 1' },
  { name: 'returns from a DC', mutate: set('returns', 0, 'customerId', 'dc'), table: 'returns', row: 0, field: 'customerId', message: 'site "dc" is a dc; returns come from customers or retailers' },
  { name: 'returns to a customer', mutate: set('returns', 0, 'destinationId', 'cust'), table: 'returns', row: 0, field: 'destinationId', message: 'returns cannot go to customer "cust"' },
  { name: 'returns to a supplier', mutate: set('returns', 0, 'destinationId', 'sup'), table: 'returns', row: 0, field: 'destinationId', message: 'returns cannot go to supplier "sup"' },
  { name: 'unknown destination', mutate: set('returns', 0, 'destinationId', 'ghost'), table: 'returns', row: 0, field: 'destinationId', message: 'unknown site "ghost"' },
  { name: 'missing delay', mutate: remove('returns', 0, 'delay'), table: 'returns', row: 0, field: 'delay', message: 'is required' },
  { name: 'negative restock share', mutate: set('returns', 0, 'restockShare', -0.1), table: 'returns', row: 0, field: 'restockShare', message: 'must be at least 0' },
]));

describe('prices', () => runCases([
  { name: 'unknown seller', mutate: set('prices', 0, 'sellerId', 'ghost'), table: 'prices', row: 0, field: 'sellerId', message: 'unknown party "ghost"' },
  { name: 'unknown buyer', mutate: set('prices', 0, 'buyerId', 'ghost'), table: 'prices', row: 0, field: 'buyerId', message: 'unknown party "ghost"' },
  { name: 'unknown product', mutate: set('prices', 1, 'productId', 'ghost'), table: 'prices', row: 1, field: 'productId', message: 'unknown product "ghost"' },
  { name: 'negative price', mutate: set('prices', 0, 'price', -1), table: 'prices', row: 0, field: 'price', message: 'must be at least 0' },
  { name: 'duplicate price row', mutate: add('prices', 0, { price: 70 }), table: 'prices', row: 2, field: undefined, message: 'duplicate row for widget from maker to retail' },
]));

describe('inTransit', () => runCases([
  { name: 'unknown lane', mutate: set('inTransit', 0, 'laneId', 'ghost'), table: 'inTransit', row: 0, field: 'laneId', message: 'unknown lane "ghost"' },
  { name: 'arrival beyond the horizon', mutate: set('inTransit', 0, 'arrivalPeriod', 9), table: 'inTransit', row: 0, field: 'arrivalPeriod', message: 'beyond the horizon of 4' },
  { name: 'arrival period 0', mutate: set('inTransit', 0, 'arrivalPeriod', 0), table: 'inTransit', row: 0, field: 'arrivalPeriod', message: 'must be at least 1' },
  { name: 'negative quantity', mutate: set('inTransit', 0, 'quantity', -3), table: 'inTransit', row: 0, field: 'quantity', message: 'must be at least 0' },
]));

describe('issue lists', () => {
  it('lists row problems and cross-table problems of other rows in one pass', () => {
    const issues = issuesAfter((doc) => {
      set('sites', 2, 'lat', 200)(doc);
      set('lanes', 3, 'to', 'nowhere')(doc);
      set('demand', 0, 'productId', 'ghost')(doc);
    });
    expect(issues.map(formatIssue)).toEqual([
      'sites[2].lat: must be at most 90 (got 200)',
      'lanes[3].to: unknown site "nowhere"',
      'demand[0].productId: unknown product "ghost"',
    ]);
  });

  it('does not call a reference unknown when the row holding that id is itself invalid', () => {
    const issues = issuesAfter(set('sites', 2, 'kind', 'warehouse'));
    expect(issues.map((i) => `${i.table}[${i.row}].${i.field}`)).toEqual(['sites[2].kind']);
  });

  it('reports every row problem at once, in document order, and loads nothing', () => {
    const doc = validDoc();
    set('sites', 0, 'lat', 200)(doc);
    set('demand', 2, 'quantity', -1)(doc);
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    expect(r.scenario).toBeUndefined();
    expect(r.issues.map(formatIssue)).toEqual(['sites[0].lat: must be at most 90 (got 200)', 'demand[2].quantity: must be at least 0 (got -1)']);
  });

  it('stops at MAX_ISSUES', () => {
    const doc = validDoc();
    rowsOf(doc, 'demand').push(...Array.from({ length: MAX_ISSUES + 100 }, (_, i) => ({ customerId: 'cust', productId: 'widget', period: i + 10, quantity: -1 })));
    expect(validateScenario(doc).issues).toHaveLength(MAX_ISSUES);
  });

  it('formats issues as "table[row].field: message"', () => {
    expect(formatIssue({ table: 'lanes', row: 7, field: 'to', message: 'unknown site "x"' })).toBe('lanes[7].to: unknown site "x"');
    expect(formatIssue({ table: 'settings', field: 'horizon', message: 'm' })).toBe('settings.horizon: m');
    expect(formatIssue({ table: 'demand', row: 3, message: 'duplicate' })).toBe('demand[3]: duplicate');
    expect(formatIssue({ table: 'scenario', message: 'not JSON' })).toBe('scenario: not JSON');
    expect(formatIssue({ table: 'parties', row: 1, field: 'instalments.0.share', message: 'm' })).toBe('parties[1].instalments.0.share: m');
  });
});

describe('safe JSON parsing (files from outside)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key anywhere, without polluting prototypes', (key) => {
    const text = `{"format":"chainlab.scenario","sites":[{"id":"a","${key}":{"polluted":true}}]}`;
    const r = parseJsonSafely(text);
    expect(r).toEqual({ ok: false, message: `the file contains the forbidden key "${key}" and was refused` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a top-level __proto__ through the scenario loader too', () => {
    const r = scenarioFromJson('{"__proto__":{"isAdmin":true},"format":"chainlab.scenario","version":1,"id":"x","name":"X"}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('not-a-scenario');
    expect(!r.ok && r.message).toContain('forbidden key "__proto__"');
  });

  it('accepts "__proto__" as a value (a name), only keys are refused', () => {
    const doc = validDoc();
    rowsOf(doc, 'sites')[0].name = '__proto__';
    const r = scenarioFromJson(JSON.stringify(doc));
    expect(r.ok && r.scenario.sites[0].name).toBe('__proto__');
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH before parsing, and accepts exactly that depth', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJsonSafely(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const deep = parseJsonSafely(nested(MAX_JSON_DEPTH + 1));
    expect(deep).toEqual({ ok: false, message: `the file is nested ${MAX_JSON_DEPTH + 1} levels deep (a scenario needs at most ${MAX_JSON_DEPTH})` });
    // 100,000 levels would overflow a recursive parser's stack: refused by the linear scan instead.
    expect(parseJsonSafely(nested(100_000)).ok).toBe(false);
  });

  it('does not count brackets inside strings, including after escaped quotes', () => {
    expect(jsonDepth(JSON.stringify({ a: `"\\${'['.repeat(50)}` }))).toBe(1);
    expect(jsonDepth('{"a":[{"b":"]]]]"}]}')).toBe(3);
  });

  it('refuses files over the size limit without parsing them', () => {
    const r = parseJsonSafely(' '.repeat(MAX_JSON_BYTES + 1));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('is too large');
  });

  it('reports invalid JSON, and ignores a UTF-8 byte-order mark', () => {
    const bad = parseJsonSafely('{"a": 1,}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('is not valid JSON');
    expect(parseJsonSafely('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
