import { describe, expect, it } from 'vitest';
import { applyEdit, type EditResult } from '../../src/core/edit/apply-edit';
import { History } from '../../src/core/edit/history';
import { rowKey } from '../../src/core/edit/row-keys';
import { greatCircleKm } from '../../src/core/geo/great-circle';
import { laneGeography } from '../../src/core/geo/lane-geography';
import { DEFAULT_MODES } from '../../src/core/geo/modes';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

function base(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}
function ok(r: EditResult): Scenario {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('applyEdit', () => {
  it('adds a site with defaults filled and leaves the original untouched', () => {
    const s = base();
    const r = applyEdit(s, { kind: 'add-rows', table: 'sites', rows: [{ id: 'dc2', name: 'DC 2', kind: 'dc', lat: 48.1, lon: 11.6 }] });
    const next = ok(r);
    expect(next.sites.at(-1)).toMatchObject({ id: 'dc2', status: 'existing', holdingCost: 0 });
    expect(s.sites).toHaveLength(next.sites.length - 1);
    expect(next.lanes).toBe(s.lanes); // unchanged tables are shared
    expect(r.ok && r.label).toBe('add 1 site');
  });

  it.each([
    ['latitude 200', { table: 'sites', kind: 'update-rows', key: 'dc', patch: { lat: 200 } }, 'sites', 'lat', 'must be at most 90'],
    ['negative capacity', { table: 'sites', kind: 'update-rows', key: 'dc', patch: { storageCapacity: -5 } }, 'sites', 'storageCapacity', 'must be at least 0'],
    ['a lane from a site to itself', { table: 'lanes', kind: 'update-rows', key: 'dc-cust', patch: { to: 'dc' } }, 'lanes', 'to', 'from a site to itself'],
    ['a lane to a missing site', { table: 'lanes', kind: 'update-rows', key: 'dc-cust', patch: { to: 'nowhere' } }, 'lanes', 'to', 'unknown site "nowhere"'],
  ] as const)('refuses %s with a message at the field, scenario unchanged', (_n, c, table, field, message) => {
    const s = base();
    const before = JSON.stringify(s);
    const r = applyEdit(s, { kind: c.kind, table: c.table, changes: [{ key: c.key, patch: c.patch }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ table, field });
    expect(!r.ok && r.issues[0].message).toContain(message);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('refuses a bill-of-materials cycle', () => {
    const r = applyEdit(base(), { kind: 'add-rows', table: 'bom', rows: [{ productId: 'part', componentId: 'widget', quantity: 1 }] });
    expect(!r.ok && r.issues.map((i) => i.message).join()).toContain('cycle');
  });

  it('deleting a site takes its lanes, demand, policies and returns with it', () => {
    const s = base();
    const next = ok(applyEdit(s, { kind: 'delete-rows', table: 'sites', keys: ['dc'] }));
    expect(next.sites.map((x) => x.id)).not.toContain('dc');
    expect(next.lanes.some((l) => l.from === 'dc' || l.to === 'dc')).toBe(false);
    expect(next.inventory.some((p) => p.siteId === 'dc')).toBe(false);
    expect(next.returns.some((r) => r.destinationId === 'dc')).toBe(false);
    expect(next.inTransit).toHaveLength(0); // its shipment was on plant→dc
    expect(validateScenario(next).ok).toBe(true);
  });

  it('renaming an id renames every reference to it', () => {
    const next = ok(applyEdit(base(), { kind: 'update-rows', table: 'sites', changes: [{ key: 'dc', patch: { id: 'dc-lyon' } }] }));
    expect(next.lanes.filter((l) => l.from === 'dc-lyon' || l.to === 'dc-lyon')).toHaveLength(3);
    expect(validateScenario(next).ok).toBe(true);
  });

  it('clears an optional field when the patch value is undefined', () => {
    const s = base();
    const next = ok(applyEdit(s, { kind: 'update-rows', table: 'lanes', changes: [{ key: 'plant-dc', patch: { capacity: undefined } }] }));
    expect(next.lanes.find((l) => l.id === 'plant-dc')).not.toHaveProperty('capacity');
  });

  it('moving a site recomputes automatic lane fields but keeps pinned ones', () => {
    let s = ok(applyEdit(base(), { kind: 'update-rows', table: 'lanes', changes: [
      { key: 'dc-cust', patch: { autoDistance: true, autoLeadTime: true, autoCost: true } },
      { key: 'dc-shop', patch: { autoDistance: true, autoLeadTime: false, autoCost: false, costPerUnit: 7 } },
    ] }));
    s = ok(applyEdit(s, { kind: 'move-sites', moves: [{ id: 'dc', lat: 40, lon: 0 }] }));
    const cust = s.sites.find((x) => x.id === 'cust')!;
    const lane = s.lanes.find((l) => l.id === 'dc-cust')!;
    const expected = laneGeography(s, lane, s.sites.find((x) => x.id === 'dc')!, cust);
    expect(lane).toMatchObject({ distance: expected.distance, leadTime: expected.leadTime, costPerUnit: expected.costPerUnit });
    const shop = s.lanes.find((l) => l.id === 'dc-shop')!;
    expect(shop.costPerUnit).toBe(7);
    expect(shop.distance).toBeGreaterThan(0);
  });

  it('imports a table by upsert (same key updated, new keys added) or replace', () => {
    const s = base();
    const rows = [{ id: 'widget', name: 'Widget v2', price: 12 }, { id: 'gadget', name: 'Gadget' }];
    const up = ok(applyEdit(s, { kind: 'import-table', table: 'products', rows, mode: 'upsert' }));
    expect(up.products.map((p) => p.id)).toEqual(['widget', 'part', 'gadget']);
    expect(up.products[0].name).toBe('Widget v2');
    const rep = applyEdit(s, { kind: 'import-table', table: 'products', rows, mode: 'replace' });
    expect(rep.ok).toBe(false); // "part" is still referenced: nothing imported
  });

  it('an import with one bad row imports nothing', () => {
    const s = base();
    const r = applyEdit(s, { kind: 'import-table', table: 'sites', mode: 'upsert', rows: [
      { id: 'n1', name: 'N1', kind: 'dc', lat: 1, lon: 1 }, { id: 'n2', name: 'N2', kind: 'dc', lat: 100, lon: 1 },
    ] });
    expect(!r.ok && r.issues).toEqual([expect.objectContaining({ table: 'sites', row: 1, field: 'lat' })]);
  });

  it('a batch is one edit, refused whole when any part fails', () => {
    const s = base();
    const r = applyEdit(s, { kind: 'batch', label: 'paste 2 sites', commands: [
      { kind: 'add-rows', table: 'sites', rows: [{ id: 'p1', name: 'P1', kind: 'dc', lat: 1, lon: 1 }] },
      { kind: 'add-rows', table: 'sites', rows: [{ id: 'p1', name: 'P1 again', kind: 'dc', lat: 1, lon: 1 }] },
    ] });
    expect(!r.ok && r.issues[0].message).toContain('duplicate id "p1"');
  });
});

describe('History', () => {
  it('undoes and redoes in order, with labels, and coalesces a gesture', () => {
    const h = new History('a');
    h.push('b', 'edit 1');
    h.push('c', 'drag', 'drag:x');
    h.push('d', 'drag', 'drag:x');
    expect(h.depth).toBe(2);
    expect(h.undoLabel).toBe('drag');
    expect(h.undo()).toBe('b');
    expect(h.redoLabel).toBe('drag');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('b');
    h.push('e', 'edit 3');
    expect(h.canRedo).toBe(false);
    expect(h.present).toBe('e');
  });

  it('keeps at most `limit` steps', () => {
    const h = new History(0, 3);
    for (let i = 1; i <= 10; i++) h.push(i, `e${i}`);
    expect(h.depth).toBe(3);
    h.undo(); h.undo(); h.undo();
    expect(h.present).toBe(7);
  });
});

describe('geography', () => {
  it('great-circle distance Paris–London ≈ 344 km', () => {
    expect(greatCircleKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343.6, 0);
  });

  it('lane defaults follow the mode table: road Paris → Madrid, weekly periods', () => {
    const s = base();
    const paris = { ...s.sites[0], lat: 48.8566, lon: 2.3522 };
    const madrid = { ...s.sites[1], lat: 40.4168, lon: -3.7038 };
    const g = laneGeography(s, { mode: 'road' }, paris, madrid);
    const km = greatCircleKm(48.8566, 2.3522, 40.4168, -3.7038) * DEFAULT_MODES.road.circuity!;
    expect(g.distance).toBe(Math.round(km));
    expect(g.leadTime).toBe(Math.round((0.5 + g.distance / 600) / 7));
    expect(g.costPerUnit).toBeCloseTo(0.5 + g.distance * 0.002, 2);
  });

  it('a user modes row overrides the built-in rates', () => {
    const s = { ...base(), modes: [{ mode: 'road' as const, speedKmPerDay: 100, handlingDays: 0, circuity: 1, costPerUnitKm: 1, costPerUnit: 0 }] };
    const a = { ...s.sites[0], lat: 0, lon: 0 };
    const b = { ...s.sites[1], lat: 0, lon: 9 };
    const g = laneGeography(s, { mode: 'road' }, a, b);
    expect(g.distance).toBe(1001);
    expect(g.leadTime).toBe(Math.round(10.01 / 7));
    expect(g.costPerUnit).toBe(1001);
  });
});

it('row keys identify rows of id-less tables by their unique fields', () => {
  expect(rowKey('demand', { customerId: 'c', productId: 'p', period: 3, quantity: 1 })).toBe('c|p|3');
  expect(rowKey('sites', { id: 'x' })).toBe('x');
});

describe('cross-table rules after an edit of a big row table', () => {
  it('a value edit of one policy row is checked alone, and its issue names the real row', () => {
    const s = base();
    const inv = s.inventory.findIndex((p) => p.siteId === 'dc');
    const key = rowKey('inventory', s.inventory[inv]);
    const r = applyEdit(s, { kind: 'update-rows', table: 'inventory', changes: [{ key, patch: { policy: 's-S', reorderPoint: 50, orderUpTo: 10 } }] });
    expect(!r.ok && r.issues[0]).toMatchObject({ table: 'inventory', row: inv, field: 'reorderPoint' });
  });

  it('a reference edit still runs every rule (a demand row moved onto a taken key is refused)', () => {
    const s = base();
    const d0 = s.demand[0];
    const other = s.demand.find((d) => d.customerId === d0.customerId && d.productId === d0.productId && d.period !== d0.period)!;
    const r = applyEdit(s, { kind: 'update-rows', table: 'demand', changes: [{ key: rowKey('demand', other), patch: { period: d0.period } }] });
    expect(!r.ok && r.issues[0].message).toContain('duplicate row');
  });
});

it('changing a site\'s kind is checked against the rows that depend on it', () => {
  const r = applyEdit(base(), { kind: 'update-rows', table: 'sites', changes: [{ key: 'cust', patch: { kind: 'dc' } }] });
  expect(!r.ok && r.issues.map((i) => i.message).join(' ')).toContain('demand belongs to a customer or retailer');
});
