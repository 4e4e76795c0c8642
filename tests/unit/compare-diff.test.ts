/**
 * The scenario diff behind the map diff (sites, lanes and products added, removed, changed —
 * with the field names and both values; site-attached inventory and production rows; settings
 * and the other tables as counts) and the lane flow deltas read from run summaries.
 */
import { describe, expect, it } from 'vitest';
import { laneFlowDeltas, laneFlows } from '../../src/core/compare/lane-flows';
import { describeFields, diffScenarios, isEmptyDiff } from '../../src/core/compare/scenario-diff';
import { scenario, site } from './sim-fixtures';
import { summary } from './compare-fixtures';

const base = scenario({
  sites: [site('plant', 'plant'), site('dc', 'dc', { storageCapacity: 500 }), site('old', 'dc'), site('cust', 'customer')],
  products: [{ id: 'w', name: 'Widget', value: 10 }, { id: 'g', name: 'Gadget', value: 5 }],
  lanes: [
    { id: 'plant-dc', from: 'plant', to: 'dc', leadTime: 2 },
    { id: 'plant-old', from: 'plant', to: 'old' },
    { id: 'dc-cust', from: 'dc', to: 'cust', costPerUnit: 1 },
  ],
  inventory: [
    { siteId: 'dc', productId: 'w', policy: 'base-stock', baseStock: 100 },
    { siteId: 'dc', productId: 'g', policy: 'base-stock', baseStock: 50 },
  ],
  demand: [{ customerId: 'cust', productId: 'w', period: 1, quantity: 10 }],
});

const whatIf = scenario({
  settings: { horizon: 20 },
  sites: [site('plant', 'plant'), site('dc', 'dc', { storageCapacity: 300, name: 'DC renamed' }), site('cust', 'customer'), site('new', 'dc')],
  products: [{ id: 'w', name: 'Widget', value: 12 }, { id: 'g', name: 'Gadget', value: 5 }],
  lanes: [
    { id: 'plant-dc', from: 'plant', to: 'dc', leadTime: 3 },
    { id: 'dc-cust', from: 'dc', to: 'cust', costPerUnit: 1 },
    { id: 'plant-new', from: 'plant', to: 'new' },
  ],
  inventory: [
    { siteId: 'dc', productId: 'w', policy: 'base-stock', baseStock: 120 },
    { siteId: 'new', productId: 'w', policy: 'base-stock', baseStock: 10 },
  ],
  demand: [{ customerId: 'cust', productId: 'w', period: 1, quantity: 10 }, { customerId: 'cust', productId: 'w', period: 2, quantity: 11 }],
});

describe('diffScenarios', () => {
  const d = diffScenarios(base, whatIf);

  it('finds sites added, removed and changed, with the changed fields and both values', () => {
    expect(d.sites.map((s) => [s.id, s.kind])).toEqual([['dc', 'changed'], ['old', 'removed'], ['new', 'added']]);
    const dc = d.sites[0];
    expect(dc.name).toBe('DC renamed');
    expect(dc.fields).toEqual([
      { field: 'name', before: 'dc', after: 'DC renamed' },
      { field: 'storageCapacity', before: 500, after: 300 },
      // The DC's own inventory rows: one changed, one removed.
      { field: 'inventory[g]', before: 'base-stock', after: undefined },
      { field: 'inventory[w].baseStock', before: 100, after: 120 },
    ]);
    expect(describeFields(dc.fields.slice(0, 2))).toBe('name dc → DC renamed, storageCapacity 500 → 300');
    // The new site's inventory row belongs to an added site: no "changed" entry for it.
    expect(d.sites.find((s) => s.id === 'new')?.fields).toEqual([]);
  });

  it('finds lanes and products by id', () => {
    expect(d.lanes).toEqual([
      { id: 'plant-dc', kind: 'changed', name: 'plant-dc', fields: [{ field: 'leadTime', before: 2, after: 3 }] },
      { id: 'plant-old', kind: 'removed', name: 'plant-old', fields: [] },
      { id: 'plant-new', kind: 'added', name: 'plant-new', fields: [] },
    ]);
    expect(d.products).toEqual([{ id: 'w', kind: 'changed', name: 'Widget', fields: [{ field: 'value', before: 10, after: 12 }] }]);
  });

  it('lists changed settings and counts the other tables by row key', () => {
    expect(d.settings).toEqual([{ field: 'horizon', before: 52, after: 20 }]);
    expect(d.tables).toEqual([
      { table: 'demand', added: 1, removed: 0, changed: 0 },
      // (dc, w) changed, (dc, g) removed, (new, w) added.
      { table: 'inventory', added: 1, removed: 1, changed: 1 },
    ]);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('finds nothing between a scenario and an equal copy whose keys are in another order', () => {
    const reverse = (v: unknown): unknown => (Array.isArray(v) ? v.map(reverse)
      : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v);
    const shuffled = reverse(base) as typeof base;
    expect(Object.keys(shuffled.sites[1])).not.toEqual(Object.keys(base.sites[1]));
    expect(isEmptyDiff(diffScenarios(base, shuffled))).toBe(true);
  });

  it('compares nested values by content (a party\'s instalments)', () => {
    const withParty = (share: number) => scenario({
      parties: [{ id: 'p', name: 'P', instalments: [{ days: 30, share }, { days: 60, share: 1 - share }] }],
      sites: [site('a', 'dc')],
    });
    expect(diffScenarios(withParty(0.5), withParty(0.5)).tables).toEqual([]);
    expect(diffScenarios(withParty(0.5), withParty(0.4)).tables).toEqual([{ table: 'parties', added: 0, removed: 0, changed: 1 }]);
  });
});

describe('lane flows', () => {
  it('sums units shipped per lane over its products, from plain runs and estimates alike', () => {
    const s = summary({ lanes: [
      { laneId: 'a', productId: 'w', from: 'x', to: 'y', shipped: 30 },
      { laneId: 'a', productId: 'g', from: 'x', to: 'y', shipped: 12 },
      { laneId: 'b', productId: 'w', from: 'y', to: 'z', shipped: 5 },
    ] });
    expect(laneFlows(s)).toEqual(new Map([['a', 42], ['b', 5]]));
    const est = { ...s, lanes: [{ laneId: 'a', productId: 'w', from: 'x', to: 'y', shipped: { mean: 7.5, halfWidth: 1, low: 6.5, high: 8.5, stdDev: 1, n: 3 } }] };
    expect(laneFlows(est as unknown as typeof s)).toEqual(new Map([['a', 7.5]]));
  });

  it('is null for a result without lane KPIs (older cached results), never zeros', () => {
    const old = summary() as unknown as Record<string, unknown>;
    delete old.lanes;
    expect(laneFlows(old as unknown as ReturnType<typeof summary>)).toBeNull();
    expect(laneFlows(null)).toBeNull();
    expect(laneFlowDeltas(null, new Map(), [], [])).toBeNull();
  });

  it('gives per lane both flows and other − base, lanes missing on a side as null, largest change first', () => {
    const deltas = laneFlowDeltas(
      new Map([['kept', 100], ['gone', 40], ['idle', 0]]),
      new Map([['kept', 70], ['new', 55]]),
      ['kept', 'gone', 'idle'], ['kept', 'new', 'idle'],
    );
    expect(deltas).toEqual([
      { laneId: 'new', base: null, other: 55, delta: 55 },
      { laneId: 'gone', base: 40, other: null, delta: -40 },
      { laneId: 'kept', base: 100, other: 70, delta: -30 },
      { laneId: 'idle', base: 0, other: 0, delta: 0 },
    ]);
  });
});
