import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../../src/core/io/csv-cells';
import { parseCsv } from '../../src/core/io/csv';
import { settingsColumns } from '../../src/core/io/csv-settings';
import { idFromName } from '../../src/core/io/csv-names';
import {
  CSV_TABLE_NAMES, csvFileName, scenarioFromCsvTables, scenarioToCsvTables, tableOfFileName, type CsvImportResult,
} from '../../src/core/io/scenario-csv';
import { tableColumns } from '../../src/core/model/introspect';
import { formatIssue, type ModelIssue } from '../../src/core/model/issue';
import { loadScenario } from '../../src/core/model/load';
import { TABLE_NAMES } from '../../src/core/model/tables';
import type { Scenario } from '../../src/core/model/types';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("x")';

/** A small network that fills every table and almost every optional column. */
function fullScenario(): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 1, id: 'csv-test', name: 'CSV «round trip» ✓',
    description: 'Every table,\nwith "quotes" and ; delimiters',
    settings: {
      horizon: 8, periodLength: 'week', startDate: '2025-01-06', seed: 7, currency: 'USD', unmetDemand: 'lost',
      allocation: 'priority', informationSharing: true, objective: 'max-profit', shortagePenalty: 12.5,
    },
    parties: [
      { id: 'P1', name: 'Acme, Inc.', initialCash: -500.25, paymentTermDays: 60, earlyPaymentDiscount: 0.02, earlyPaymentDays: 10, instalments: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] },
      { id: 'P2', name: 'Ünïcödé GmbH' },
    ],
    sites: [
      { id: 'S', name: 'Supplier', kind: 'supplier', lat: -33.8688, lon: 151.2093, partyId: 'P2' },
      { id: 'P', name: 'Plant', kind: 'plant', lat: 48.1351, lon: 11.582, x: 10, y: -20.5, city: 'München', country: 'DE', status: 'existing', partyId: 'P1', storageCapacity: 5000, holdingCost: 0.1, fixedCost: 1000, openingCost: 0 },
      { id: 'D', name: 'DC "North"', kind: 'dc', lat: 53.5511, lon: 9.9937, status: 'potential', storageCapacity: 2500, fixedCost: 400, openingCost: 20000, city: '-Hamburg' },
      { id: 'R', name: 'Retailer', kind: 'retailer', lat: 52.52, lon: 13.405 },
      { id: 'C', name: XSS, kind: 'customer', lat: 50.1109, lon: 8.6821 },
      { id: 'C2', name: FORMULA, kind: 'customer', lat: 0, lon: -0.1278, city: '+44 London', country: '@home' },
      { id: 'RC', name: 'Returns centre', kind: 'returns', lat: 51.2277, lon: 6.7735, status: 'closed' },
    ],
    products: [
      { id: 'FG', name: 'Widget "Pro", 10" (v2)', value: 20, price: 35.5, volume: 0.012, weight: 1.25, shortagePenalty: 50 },
      { id: 'RM', name: 'Steel\nsheet', value: 2 },
    ],
    lanes: [
      { id: 'L1', from: 'S', to: 'P', productId: 'RM', mode: 'rail', leadTime: 2, infoDelay: 1, costPerUnit: 0.75, fixedCost: 100, capacity: 1000, distance: 350.5, titleTransfer: 'shipment', share: 1, priority: 2 },
      { id: 'L2', from: 'P', to: 'D', productId: 'FG', mode: 'road', leadTime: 1 },
      { id: 'L3', from: 'D', to: 'R', leadTime: 1, costPerUnit: 1.1 },
      { id: 'L4', from: 'D', to: 'C', mode: 'air', leadTime: 0, share: 0.5 },
      { id: 'L5', from: 'D', to: 'C2', mode: 'sea', leadTime: 3 },
    ],
    demand: [
      { customerId: 'C', productId: 'FG', period: 1, quantity: 10 },
      { customerId: 'C', productId: 'FG', period: 2, quantity: 12.5 },
      { customerId: 'C2', productId: 'FG', period: 1, quantity: 0 },
      { customerId: 'R', productId: 'FG', period: 8, quantity: 1e-7 },
    ],
    inventory: [
      { siteId: 'D', productId: 'FG', policy: 's-S', initialStock: 40, reorderPoint: 20, orderUpTo: 100, reviewPeriod: 2, forecastMethod: 'exp-smoothing', forecastWindow: 6, smoothing: 0.2, safetyFactor: 1.28, stockAdjustment: 0.5, supplyLineWeight: 0.25, holdingCost: 0.2, orderCost: 15, targetEndStock: 10 },
      { siteId: 'P', productId: 'RM', policy: 'r-Q', reorderPoint: 50, orderQuantity: 200, baseStock: 80 },
      { siteId: 'R', productId: 'FG', policy: 'sterman' },
    ],
    production: [{ siteId: 'P', productId: 'FG', capacity: 200, cost: 3, leadTime: 1 }],
    bom: [{ productId: 'FG', componentId: 'RM', quantity: 2, siteId: 'P' }],
    returns: [{ customerId: 'C', productId: 'FG', rate: 0.1, delay: 2, destinationId: 'RC', restockShare: 0.8 }],
  });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario;
}

function failed(r: CsvImportResult): readonly ModelIssue[] {
  expect(r.ok).toBe(false);
  expect('scenario' in r).toBe(false); // nothing partially imported
  return r.ok ? [] : r.issues;
}

function imported(r: CsvImportResult): Scenario {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario;
}

const find = (issues: readonly ModelIssue[], table: string, row: number | undefined, field: string | undefined) =>
  issues.find((i) => i.table === table && i.row === row && i.field === field);

describe('scenario → CSV tables → scenario', () => {
  it('writes one file per table plus settings.csv', () => {
    const files = scenarioToCsvTables(fullScenario());
    expect(Object.keys(files).sort()).toEqual(CSV_TABLE_NAMES.map(csvFileName).sort());
    expect(files['settings.csv'].startsWith('key,value\r\nid,csv-test\r\n')).toBe(true);
    expect(files['sites.csv'].split('\r\n')[0]).toBe(tableColumns('sites').map((c) => c.key).join(','));
    expect(files['parties.csv']).toContain('30:0.5;60:0.5');
  });

  it('round-trips a scenario touching every table deep-equal', () => {
    const s = fullScenario();
    const back = imported(scenarioFromCsvTables(scenarioToCsvTables(s)));
    expect(back).toEqual(s);
  });

  it('round-trips with ; and tab delimiters and a BOM', () => {
    const s = fullScenario();
    for (const delimiter of [';', '\t'] as const) {
      const r = scenarioFromCsvTables(scenarioToCsvTables(s, { delimiter, bom: true }));
      expect(r.ok && r.warnings).toEqual([]);
      expect(imported(r)).toEqual(s);
    }
  });

  it('writes empty tables as a header line only, and reads them back empty', () => {
    const s = imported(scenarioFromCsvTables({ 'settings.csv': 'key,value\nid,empty\nname,Empty\n' }));
    expect(s.sites).toEqual([]);
    const files = scenarioToCsvTables(s);
    expect(files['returns.csv']).toBe(`${tableColumns('returns').map((c) => c.key).join(',')}\r\n`);
    expect(imported(scenarioFromCsvTables(files))).toEqual(s);
  });
});

describe('reading spreadsheets in the suites\' vocabulary', () => {
  const suiteFiles = {
    'Sites.csv': '\ufeffSite Name;Type;Latitude;Longitude;Fixed Cost\r\nBerlin DC;DC;52,52;13,405;1.250,5\r\nMünchen Plant;Plant;48,1351;11,582;\r\nKunde Köln;Customer;50,9375;6,9603;\r\n\r\n',
    'Products.csv': 'Product Name;Unit Value;Sales Price\nWidget;10,5;19,99\n',
    'Lanes.csv': 'Origin Name;Destination Name;Product;Transport Mode;Lead Time;Cost per unit\nMünchen Plant;Berlin DC;Widget;Rail;2;0,75\nberlin dc;Kunde Köln;;Road;1;1,2\n',
    'Demand.csv': 'Customer Name;Product Name;Week;Demand\nKunde Köln;Widget;1;100\nKunde Köln;Widget;2;120,5\n',
    'Inventory.csv': 'Site Name;Product Name;Policy Type;Initial Inventory;Reorder Point;Order Up To Level\nBerlin DC;Widget;s-S;50;20;80\n',
  };

  it('accepts ; delimiters, decimal commas, BOM, aliases and names as references', () => {
    const r = scenarioFromCsvTables(suiteFiles, { id: 'suite', name: 'From a suite' });
    const s = imported(r);
    expect(s.id).toBe('suite');
    expect(s.sites.map((x) => [x.id, x.name, x.kind, x.lat, x.lon])).toEqual([
      ['Berlin-DC', 'Berlin DC', 'dc', 52.52, 13.405],
      ['Munchen-Plant', 'München Plant', 'plant', 48.1351, 11.582],
      ['Kunde-Koln', 'Kunde Köln', 'customer', 50.9375, 6.9603],
    ]);
    expect(s.sites[0].fixedCost).toBe(1250.5);
    expect(s.sites[1].fixedCost).toBe(0); // empty cell → default
    expect(s.products).toEqual([{ id: 'Widget', name: 'Widget', value: 10.5, price: 19.99, volume: 0, weight: 0 }]);
    expect(s.lanes.map((l) => [l.id, l.from, l.to, l.productId, l.mode, l.leadTime, l.costPerUnit])).toEqual([
      ['lane-1', 'Munchen-Plant', 'Berlin-DC', 'Widget', 'rail', 2, 0.75],
      ['lane-2', 'Berlin-DC', 'Kunde-Koln', undefined, 'road', 1, 1.2],
    ]);
    expect(s.demand.map((d) => d.quantity)).toEqual([100, 120.5]);
    expect(s.inventory[0]).toMatchObject({ siteId: 'Berlin-DC', policy: 's-S', initialStock: 50, reorderPoint: 20, orderUpTo: 80 });
    expect(r.warnings).toEqual([]);
  });

  it('keeps dot decimals in a ; file that has no decimal commas', () => {
    const s = imported(scenarioFromCsvTables({
      'settings.csv': 'key;value\nid;x\nname;X\n',
      'sites.csv': 'id;name;kind;lat;lon\nA;A;dc;52.37;4.89\n',
    }));
    expect([s.sites[0].lat, s.sites[0].lon]).toEqual([52.37, 4.89]);
  });

  it('warns about unknown columns and files but still imports', () => {
    const r = scenarioFromCsvTables({
      'settings.csv': 'key,value\nid,w\nname,W\nfavourite colour,blue\n',
      'sites.csv': 'id,name,kind,lat,lon,Manager\nA,A,dc,1,2,Kim\n',
      'notes.csv': 'anything\n',
      'README.md': '# hi',
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.map(formatIssue)).toEqual([
      'scenario: file "notes.csv" is not a ChainLab table and was ignored',
      'scenario: file "README.md" is not a ChainLab table and was ignored',
      'settings.favourite colour: unknown setting "favourite colour" ignored (line 4)',
      'sites.Manager: unknown column "Manager" ignored (line 1)',
    ]);
  });

  it('reads settings by key with booleans, enums and a missing header row', () => {
    const s = imported(scenarioFromCsvTables({ 'settings.csv': 'id,x\nName,X\nInformation Sharing,yes\nperiod_length,Month\nhorizon,12\n' }));
    expect(s.settings).toMatchObject({ informationSharing: true, periodLength: 'month', horizon: 12 });
    const bad = failed(scenarioFromCsvTables({ 'settings.csv': 'key,value\nid,x\nname,X\ninformationSharing,perhaps\nhorizon,12abc\n' }));
    expect(bad.map(formatIssue)).toEqual([
      'settings.informationSharing: must be true or false (or yes/no, 1/0) (got "perhaps") (line 4)',
      'settings.horizon: must be a number (got "12abc") (line 5)',
    ]);
  });

  it('uses the base id and name when settings.csv does not give them, and says where they go otherwise', () => {
    expect(imported(scenarioFromCsvTables({}, { id: 'b', name: 'Base' }))).toMatchObject({ id: 'b', name: 'Base' });
    const issues = failed(scenarioFromCsvTables({}));
    expect(issues.map(formatIssue)).toContain('scenario.id: is required (give it as a "id" row in settings.csv)');
  });

  it('refuses tables written by a newer format version', () => {
    const issues = failed(scenarioFromCsvTables({ 'settings.csv': 'key,value\nid,x\nname,X\nversion,99\n' }));
    expect(issues[0].message).toContain('newer ChainLab');
  });
});

describe('reliability case 14: bad rows are reported by table, row and field; nothing imported', () => {
  it('reports duplicate ids, unknown sites, negative demand, NaN and latitude > 90 together', () => {
    const r = scenarioFromCsvTables({
      'settings.csv': 'key,value\nid,bad\nname,Bad\n',
      'sites.csv': 'id,name,kind,lat,lon\nA,Alpha,dc,91,0\nA,Alpha again,customer,10,NaN\nC,Cust,customer,1,1\n',
      'products.csv': 'id,name\nFG,Widget\n',
      'lanes.csv': 'id,from,to\nL1,A,NOWHERE\n',
      'demand.csv': 'customerId,productId,period,quantity\nC,FG,1,-5\nC,FG,2,12abc\n',
    });
    const issues = failed(r);
    expect(find(issues, 'sites', 0, 'lat')?.message).toBe('must be at most 90 (got 91) (line 2)');
    expect(find(issues, 'sites', 1, 'lon')?.message).toBe('must be a number (got "NaN") (line 3)');
    expect(find(issues, 'lanes', 0, 'to')?.message).toBe('unknown site "NOWHERE" (line 2)');
    expect(find(issues, 'demand', 0, 'quantity')?.message).toBe('must be at least 0 (got -5) (line 2)');
    expect(find(issues, 'demand', 1, 'quantity')?.message).toBe('must be a number (got "12abc") (line 3)');
    expect(find(issues, 'sites', 1, 'id')?.message).toBe('duplicate id "A" (also row 0) (line 3)');
    expect(issues).toHaveLength(6);
  });

  it('reports each cross-table problem once when only those remain', () => {
    const issues = failed(scenarioFromCsvTables({
      'sites.csv': 'id,name,kind,lat,lon\nA,Alpha,dc,1,0\nA,Alpha again,dc,10,0\nC,Cust,customer,0,0\n',
      'lanes.csv': 'id,from,to\nL1,A,NOWHERE\nL2,C,A\n',
    }, { id: 'x', name: 'X' }));
    expect(issues.map(formatIssue)).toEqual([
      'sites[1].id: duplicate id "A" (also row 0) (line 3)',
      'lanes[0].to: unknown site "NOWHERE" (line 2)',
      'lanes[1].from: customer "C" cannot ship (only returns flow back from customers, see the returns table) (line 3)',
    ]);
  });

  it('reports duplicate names when ids must come from names', () => {
    const issues = failed(scenarioFromCsvTables({ 'sites.csv': 'Site Name;Type;Latitude;Longitude\nBerlin;DC;1;2\nParis;DC;3;4\nBerlin;Customer;5;6\n' }, { id: 'x', name: 'X' }));
    expect(issues.map(formatIssue)).toEqual(['sites[2].name: duplicate name "Berlin" (also row 0); rows without an id need unique names (line 4)']);
  });

  it('reports a reference by a name several rows share, and an unknown name', () => {
    const issues = failed(scenarioFromCsvTables({
      'sites.csv': 'id,name,kind,lat,lon\nA,Twin,dc,1,1\nB,Twin,dc,2,2\nC,Cust,customer,3,3\n',
      'lanes.csv': 'from,to\nTwin,C\nA,No Such Place\n',
    }, { id: 'x', name: 'X' }));
    expect(issues.map(formatIssue)).toEqual([
      'lanes[0].from: "Twin" names 2 sites (A, B); use the id (line 2)',
      'lanes[1].to: unknown site "No Such Place": no site has this id or name (line 3)',
    ]);
  });

  it('reports a missing required column once, not on every row', () => {
    const issues = failed(scenarioFromCsvTables({ 'sites.csv': 'id,name,kind,lat\nA,A,dc,1\nB,B,dc,2\n' }, { id: 'x', name: 'X' }));
    expect(issues.map(formatIssue)).toEqual(['sites.lon: missing column "lon" (or "longitude", "lng") (line 1)']);
  });

  it('reports two headers meaning the same column, and an unterminated quote', () => {
    const dup = failed(scenarioFromCsvTables({ 'sites.csv': 'id,name,kind,lat,Latitude,lon\nA,A,dc,1,1,1\n' }, { id: 'x', name: 'X' }));
    expect(dup.map(formatIssue)).toEqual(['sites.lat: columns "lat" and "Latitude" all mean lat; keep one (line 1)']);
    const open = failed(scenarioFromCsvTables({ 'sites.csv': 'id,name,kind,lat,lon\n"A,A,dc,1,1\n' }, { id: 'x', name: 'X' }));
    expect(open.map(formatIssue)).toEqual(['sites: a quoted cell opened on line 2 is never closed (line 2)']);
  });

  it('gives line numbers that skip blank rows and count multi-line cells', () => {
    const issues = failed(scenarioFromCsvTables({
      'sites.csv': 'id,name,kind,lat,lon\n\nA,"two\nlines",dc,1,1\n;;;;\nB,B,dc,1,200\n'.replace(';;;;', ',,,,'),
    }, { id: 'x', name: 'X' }));
    expect(issues.map(formatIssue)).toEqual(['sites[1].lon: must be at most 180 (got 200) (line 6)']);
  });
});

describe('reliability case 16: hostile names are plain text', () => {
  it('imports markup and formulas as text and exports them with the quote prefix', () => {
    const s = imported(scenarioFromCsvTables({
      'sites.csv': `id,name,kind,lat,lon\nX,${XSS},customer,1,1\nY,"${FORMULA.replaceAll('"', '""')}",customer,2,2\n`,
    }, { id: 'h', name: 'Hostile' }));
    expect(s.sites.map((x) => x.name)).toEqual([XSS, FORMULA]);
    const csv = scenarioToCsvTables(s)['sites.csv'];
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[2][1]).toBe(`'${FORMULA}`);
    expect(parsed.records[1][1]).toBe(XSS); // markup is not a formula: unchanged in CSV, escaped by the UI
    // ...and the prefix is removed again on import, so the name survives a round trip unchanged.
    expect(imported(scenarioFromCsvTables(scenarioToCsvTables(s))).sites[1].name).toBe(FORMULA);
  });

  it('keeps negative numbers numeric while prefixing text that starts with "-"', () => {
    const files = scenarioToCsvTables(fullScenario());
    expect(files['parties.csv']).toContain(',-500.25,');
    expect(files['sites.csv']).toContain(",'-Hamburg,");
    expect(files['sites.csv']).toContain(",-20.5,");
    expect(files['sites.csv']).toContain(",'+44 London,'@home,");
  });
});

describe('header vocabulary', () => {
  it('is unambiguous: within each table, keys and aliases are unique after normalisation', () => {
    const tables = [...TABLE_NAMES.map((t) => [t, tableColumns(t)] as const), ['settings', settingsColumns()] as const];
    for (const [table, columns] of tables) {
      const owner = new Map<string, string>();
      for (const c of columns) {
        for (const name of new Set([c.key, ...c.aliases].map(normaliseLabel))) {
          expect(owner.get(name), `${table}: "${name}" means both ${owner.get(name)} and ${c.key}`).toBeUndefined();
          owner.set(name, c.key);
        }
      }
    }
  });

  it('maps file names to tables case-insensitively', () => {
    expect(tableOfFileName('Sites.CSV')).toBe('sites');
    expect(tableOfFileName('data/bom.tsv')).toBe('bom');
    expect(tableOfFileName('sites.xlsx')).toBeUndefined();
    expect(tableOfFileName('other.csv')).toBeUndefined();
  });

  it('derives valid ids from free-text names', () => {
    expect(idFromName('Berlin DC')).toBe('Berlin-DC');
    expect(idFromName('Düsseldorf / Süd')).toBe('Dusseldorf-Sud');
    expect(idFromName('-lead')).toBe('lead');
    expect(idFromName('東京')).toBe('');
  });

  it('names rows whose names have no usable characters by table and row', () => {
    const s = imported(scenarioFromCsvTables({ 'sites.csv': 'name,kind,lat,lon\n東京,dc,35.7,139.7\n' }, { id: 'x', name: 'X' }));
    expect(s.sites[0]).toMatchObject({ id: 'site-1', name: '東京' });
  });
});
