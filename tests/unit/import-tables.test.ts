/**
 * Per-table import into the open scenario (CSV files or sheets, upsert or replace): ids from names,
 * names resolving against the scenario's own rows, all-or-nothing with every problem at its table,
 * line and column, and the counts the user confirms. The plan's command goes through applyEdit,
 * as the editor dispatches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankScenario } from '../../src/app/library/templates';
import { applyEdit } from '../../src/core/edit/apply-edit';
import { planTableImport, type ImportMode } from '../../src/core/io/table-import';
import { formatImportIssue } from '../../src/core/io/table-import-issues';
import { sourcesFromCsvFiles } from '../../src/core/io/table-sources';
import type { TableName } from '../../src/core/model/tables';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

function base(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

function plan(s: Scenario, files: Record<string, string>, modes: Partial<Record<TableName, ImportMode>> = {}) {
  return planTableImport(s, sourcesFromCsvFiles(Object.entries(files).map(([name, text]) => ({ name, text }))), modes);
}

function apply(s: Scenario, files: Record<string, string>, modes: Partial<Record<TableName, ImportMode>> = {}): Scenario {
  const p = plan(s, files, modes);
  if (!p.command) throw new Error(p.issues.map(formatImportIssue).join('\n'));
  const r = applyEdit(s, p.command);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('upsert', () => {
  it('reads ";" files with decimal commas and a BOM; a named row updates only the columns given, new rows are added', () => {
    const s = base();
    const sites = '\ufeffSite Name;Type;Latitude;Longitude;Capacity\r\nDC;DC;51,45;6,25;1.234,5\r\nDC Lyon;DC;45,76;4,84;\r\n';
    const after = apply(s, { 'Sites.csv': sites });
    const dc = after.sites.find((x) => x.id === 'dc')!;
    expect(dc).toMatchObject({ name: 'DC', lat: 51.45, lon: 6.25, storageCapacity: 1234.5, partyId: 'maker' }); // partyId kept: no such column
    expect(after.sites.find((x) => x.name === 'DC Lyon')).toMatchObject({ id: 'DC-Lyon', kind: 'dc', lat: 45.76, lon: 4.84 });
    expect(after.sites).toHaveLength(6);
    expect(after.lanes).toEqual(s.lanes); // nothing else touched
  });

  it('previews the counts per table before anything changes', () => {
    const s = base();
    const p = plan(s, { 'sites.csv': 'name,kind,lat,lon\nDC,dc,51,6\nDC Lyon,dc,45.76,4.84\nDC Nantes,dc,47.2,-1.55\n' });
    expect(p.counts).toEqual([{ table: 'sites', mode: 'upsert', rows: 3, added: 2, updated: 1, removed: 0 }]);
    expect(p.issues).toEqual([]);
    expect(p.command).toMatchObject({ kind: 'batch', label: 'import 3 sites' });
  });

  it('resolves names against the scenario\'s own rows as well as the imported ones', () => {
    const s = base();
    const after = apply(s, {
      'sites.csv': 'Site Name;Type;Latitude;Longitude\nDC Lyon;DC;45,76;4,84\n',
      'lanes.csv': 'Origin;Destination;Product;Lead Time\nDC Lyon;customer;Widget;2\nPlant;DC Lyon;;3\n',
    });
    expect(after.lanes.slice(-2).map((l) => [l.id, l.from, l.to, l.productId, l.leadTime])).toEqual([
      ['lane-1', 'DC-Lyon', 'cust', 'widget', 2],
      ['lane-2', 'plant', 'DC-Lyon', undefined, 3],
    ]);
  });

  it('updates an id-less lane with the same origin, destination and product instead of adding a twin', () => {
    const s = base();
    const after = apply(s, { 'lanes.csv': 'from;to;cost per unit\nPlant;DC;2,5\n' });
    expect(after.lanes).toHaveLength(s.lanes.length);
    expect(after.lanes.find((l) => l.id === 'plant-dc')).toMatchObject({ costPerUnit: 2.5, capacity: 500, leadTime: 1 });
  });

  it('upserts demand by customer, product and period; settings from settings.csv', () => {
    const s = base();
    const after = apply(s, {
      'demand.csv': 'Customer;Product;Week;Demand\nCustomer;Widget;2;99\nCustomer;Widget;6;7\n',
      'settings.csv': 'key;value\nhorizon;6\n',
    });
    expect(after.settings.horizon).toBe(6);
    expect(after.demand.filter((d) => d.customerId === 'cust').map((d) => [d.period, d.quantity])).toEqual([[1, 10], [2, 99], [6, 7]]);
  });
});

describe('replace', () => {
  it('swaps the whole table and counts what goes', () => {
    const s = base();
    const files = { 'demand.csv': 'customer,product,period,quantity\ncust,widget,3,8\n' };
    expect(plan(s, files, { demand: 'replace' }).counts).toEqual([{ table: 'demand', mode: 'replace', rows: 1, added: 1, updated: 0, removed: 3 }]);
    expect(apply(s, files, { demand: 'replace' }).demand).toEqual([{ customerId: 'cust', productId: 'widget', period: 3, quantity: 8 }]);
  });

  it('keeps references working when a replaced site is named like the old one', () => {
    const s = base();
    const sites = 'name,kind,lat,lon\nSupplier,supplier,50,10\nPlant,plant,51,12\nDC,dc,52,7\nCustomer,customer,48.9,2.35\nShop,retailer,50.85,4.35\n';
    const after = apply(s, { 'sites.csv': sites }, { sites: 'replace' });
    expect(after.sites.map((x) => x.id)).toEqual(['sup', 'plant', 'dc', 'cust', 'shop']);
    expect(after.sites[2].lat).toBe(52);
    expect(after.sites[1].partyId).toBeUndefined(); // replace: the file is the whole truth
  });

  it('refuses a replace that leaves lanes pointing at removed sites, naming the existing rows', () => {
    const s = base();
    const p = plan(s, { 'sites.csv': 'id,name,kind,lat,lon\nsup,Supplier,supplier,50,10\n' }, { sites: 'replace' });
    expect(p.command).toBeUndefined();
    expect(p.issues.map(formatImportIssue)).toContain('lanes existing row sup-plant, to: unknown site "plant"');
  });
});

describe('nothing is imported when any row is invalid', () => {
  it('lists the bad cell by table, line and column, alongside every other problem', () => {
    const s = base();
    const p = plan(s, {
      'sites.csv': 'name;kind;lat;lon\nDC Lyon;dc;45,76;4,84\nDC Nowhere;dc;200;4\nDC Bad;dc;north;1\n',
      'lanes.csv': 'from;to\nDC Lyon;Atlantis\nDC Nowhere;Customer\n',
    });
    expect(p.command).toBeUndefined();
    expect(p.issues.map((i) => [i.table, i.origin, i.line, i.field, i.message])).toEqual([
      ['sites', 'sites.csv', 3, 'lat', 'must be at most 90 (got 200)'],
      ['sites', 'sites.csv', 4, 'lat', 'must be a number (decimal comma, e.g. 1234,5) (got "north")'],
      ['lanes', 'lanes.csv', 2, 'to', 'unknown site "Atlantis"'],
    ]);
    expect(p.counts.map((c) => c.added)).toEqual([3, 2]);
  });

  it('reliability case 14: duplicate names, a lane to an unknown site, negative demand, NaN, latitude > 90 — all listed, nothing imported', () => {
    const s = base();
    const p = plan(s, {
      'sites.csv': 'Site Name;Type;Latitude;Longitude\nDC Nord;DC;50,6;3,1\nDC Nord;DC;50,7;3,2\nClient Far;Customer;91;2\n',
      'lanes.csv': 'Origin;Destination\nDC Nord;Atlantis\n',
      'demand.csv': 'Customer;Product;Week;Demand\nCustomer;Widget;3;-5\nCustomer;Widget;4;NaN\n',
    });
    expect(p.command).toBeUndefined();
    expect(p.issues.map((i) => [i.table, i.line, i.field ?? '', i.message])).toEqual([
      ['sites', 3, 'name', 'duplicate name "DC Nord" (also row 0); rows without an id need unique names'],
      ['sites', 4, 'lat', 'must be at most 90 (got 91)'],
      ['lanes', 2, 'from', '"DC Nord" names 2 sites (DC-Nord, DC-Nord-2); use the id'],
      ['lanes', 2, 'to', 'unknown site "Atlantis"'],
      ['demand', 2, 'quantity', 'must be at least 0 (got -5)'],
      ['demand', 3, 'quantity', 'must be a number (got "NaN")'],
    ]);
  });

  it('refuses two id-less rows with the same name, and a key given twice', () => {
    const s = base();
    const p = plan(s, {
      'products.csv': 'name,value\nGadget,1\ngadget,2\n',
      'demand.csv': 'customer,product,period,quantity\ncust,widget,1,5\ncust,widget,1,6\n',
    });
    expect(p.issues.map(formatImportIssue)).toEqual([
      'products.csv line 3, name: duplicate name "gadget" (also row 0); rows without an id need unique names',
      'demand.csv line 3: duplicate customerId cust, productId widget, period 1 (also line 2)',
    ]);
  });

  it('reports a missing required column once, not on every row', () => {
    const p = plan(base(), { 'sites.csv': 'name,kind,lon\nA,dc,4\nB,dc,5\n' });
    expect(p.issues.map(formatImportIssue)).toEqual(['sites.csv line 1, lat: missing column "lat" (or "latitude")']);
  });

  it('says which files it ignored and refuses two files for one table', () => {
    const p = plan(base(), { 'notes.csv': 'x\n1\n', 'sites.csv': 'name,kind,lat,lon\n', 'Sites.txt': 'name\n' });
    expect(p.warnings.map(formatImportIssue)).toEqual(['scenario: file "notes.csv" is not a ChainLab table and was ignored']);
    expect(p.issues.map(formatImportIssue)).toEqual(['sites: both file "sites.csv" and "Sites.txt" hold the sites table; keep one']);
  });
});

describe('a consultant\'s CSV set (tests/fixtures/import/client-csv: ";", decimal commas, thousands dots, BOM, CRLF, quotes)', () => {
  const dir = new URL('../fixtures/import/client-csv/', import.meta.url);
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));

  it('imports into a blank scenario in one step, names becoming ids and references', () => {
    const s = blankScenario('client', 'Client');
    const p = plan(s, files);
    expect(p.issues).toEqual([]);
    expect(p.counts.map((c) => [c.table, c.added])).toEqual([['sites', 7], ['products', 1], ['lanes', 6], ['demand', 32]]);
    const after = apply(s, files);
    expect(after.sites.find((x) => x.id === 'DC-Paris-Nord')).toMatchObject({ kind: 'dc', lat: 48.9362, storageCapacity: 12500, fixedCost: 1250.5 });
    expect(after.sites.at(-1)).toMatchObject({ id: 'Client-Le-Havre', name: 'Client "Le Havre"' });
    expect(after.lanes.map((l) => `${l.from}>${l.to}:${l.mode}`)).toContain('DC-Lille>Client-Le-Havre:road');
    expect(after.lanes[0]).toMatchObject({ productId: 'Palette-A', mode: 'rail', costPerUnit: 1.35 });
    expect(after.demand.filter((d) => d.customerId === 'Client-Le-Havre')).toHaveLength(8);
  });

  it('imported twice in upsert mode changes nothing the second time', () => {
    const once = apply(blankScenario('client', 'Client'), files);
    const p = plan(once, files);
    expect(p.counts.map((c) => [c.table, c.added, c.updated])).toEqual([['sites', 0, 7], ['products', 0, 1], ['lanes', 0, 6], ['demand', 0, 32]]);
    const r = applyEdit(once, p.command!);
    expect(r.ok && r.scenario).toStrictEqual(once);
  });
});
