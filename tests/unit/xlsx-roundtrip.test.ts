/**
 * Scenario → workbook → scenario must give back exactly the same scenario (deep-equal), through the
 * real Excel library; and a workbook written the way consultants write them (sheets named after
 * tables, suites' headers, names instead of ids, text cells, a decimal comma) reads like the CSV
 * files of the same tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import { scenarioFromWorkbook, scenarioToWorkbook } from '../../src/core/io/scenario-xlsx';
import { loadExcelJs } from '../../src/core/io/xlsx-library';
import { formatIssue } from '../../src/core/model/issue';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { rowsOf, validDoc } from '../support/scenario-doc';

function valid(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

async function roundTrip(s: Scenario): Promise<Scenario> {
  const excel = await loadExcelJs();
  const bytes = await scenarioToWorkbook(s, excel);
  const r = await scenarioFromWorkbook(bytes, excel);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario;
}

/** A workbook built cell by cell, as a user's spreadsheet would be. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const excel = await loadExcelJs();
  const wb = new excel.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => { ws.getRow(i + 1).values = r as never; });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('scenarioToWorkbook → scenarioFromWorkbook', () => {
  it('round-trips awkward names, floats, booleans, instalments and formula-like text exactly', async () => {
    const doc = validDoc();
    doc.name = 'Zürich Lager 東京 🚚';
    doc.description = 'Line one\nline two "quoted"; =HYPERLINK("x")';
    const sites = rowsOf(doc, 'sites');
    sites[0].name = '=HYPERLINK("http://evil")';
    sites[1].name = "'=already quoted";
    sites[2].name = '  padded  ';
    sites[2].lat = 0.1 + 0.2;
    sites[3].lon = -0.000001234;
    rowsOf(doc, 'lanes')[1].costPerUnit = 0.1 + 0.7;
    rowsOf(doc, 'lanes')[1].consignment = true;
    rowsOf(doc, 'demand')[0].quantity = 123456789.123456;
    const original = valid(doc);
    const back = await roundTrip(original);
    expect(back).toStrictEqual(original);
    expect(back.sites[0].name).toBe('=HYPERLINK("http://evil")');
    expect(back.parties[1].instalments).toEqual([{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }]);
  });

  it.each(readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json')))('round-trips built-in %s', async (file) => {
    const r = scenarioFromJson(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    expect(await roundTrip(r.scenario)).toStrictEqual(r.scenario);
  });

  it('writes one sheet per table, settings first, header row = column names, text as text cells', async () => {
    const excel = await loadExcelJs();
    const s = valid(validDoc());
    const wb = new excel.Workbook();
    await wb.xlsx.load(await scenarioToWorkbook({ ...s, sites: [{ ...s.sites[0], name: '=1+1' }, ...s.sites.slice(1)] }, excel) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['settings', 'parties', 'sites', 'products', 'lanes', 'demand', 'inventory', 'production', 'bom', 'returns', 'prices', 'inTransit', 'modes']);
    const sheet = wb.getWorksheet('sites')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'name', 'kind', 'lat', 'lon', 'x', 'y', 'city', 'country', 'status', 'partyId', 'storageCapacity', 'holdingCost', 'fixedCost', 'openingCost']);
    const name = sheet.getCell('B2');
    expect(name.type).toBe(excel.ValueType.String); // never a formula
    expect(name.value).toBe('=1+1');
    expect(sheet.getCell('D2').value).toBe(50); // a typed number
  });
});

describe('scenarioFromWorkbook on a consultant\'s workbook', () => {
  it('reads suites\' headers, names instead of ids, text-typed numbers with decimal commas and blank rows', async () => {
    const bytes = await workbook({
      Settings: [['key', 'value'], ['id', 'client'], ['name', 'Client network'], ['horizon', 3]],
      Sites: [['Site Name', 'Type', 'Latitude', 'Longitude'], ['DC Lyon', 'DC', 45.76, 4.84], [], ['Client Paris', 'Customer', '48,85', '2,35']],
      Products: [['Product', 'Unit Price'], ['Widget', 12.5]],
      Lanes: [['Origin', 'Destination', 'Lead Time'], ['DC Lyon', 'Client Paris', 1]],
      Demand: [['Customer', 'Product', 'Week', 'Demand'], ['Client Paris', 'Widget', 1, 10], ['Client Paris', 'Widget', 2, { formula: '5*2', result: 10 }]],
      Notes: [['anything']],
    });
    const r = await scenarioFromWorkbook(bytes, await loadExcelJs());
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    expect(r.scenario.sites.map((x) => [x.id, x.kind, x.lat])).toEqual([['DC-Lyon', 'dc', 45.76], ['Client-Paris', 'customer', 48.85]]);
    expect(r.scenario.lanes[0]).toMatchObject({ id: 'lane-1', from: 'DC-Lyon', to: 'Client-Paris', leadTime: 1 });
    expect(r.scenario.demand.map((d) => d.quantity)).toEqual([10, 10]);
    expect(r.warnings.map(formatIssue)).toEqual(['scenario: sheet "Notes" is not a ChainLab table and was ignored']);
  });

  it('lists every bad cell by table, row and column with the sheet row, and returns no scenario', async () => {
    const bytes = await workbook({
      settings: [['key', 'value'], ['id', 'x'], ['name', 'X']],
      sites: [['name', 'kind', 'lat', 'lon'], ['A', 'dc', 200, 4], ['B', 'customer', 'north', 2]],
      lanes: [['from', 'to'], ['A', 'Nowhere']],
    });
    const r = await scenarioFromWorkbook(bytes, await loadExcelJs());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(formatIssue)).toEqual([
      'sites[0].lat: must be at most 90 (got 200) (row 2)',
      'sites[1].lat: must be a number (got "north") (row 3)',
      'lanes[0].to: unknown site "Nowhere" (row 2)',
    ]);
  });

  it('refuses what is no workbook with a plain message', async () => {
    const excel = await loadExcelJs();
    const notZip = await scenarioFromWorkbook(new TextEncoder().encode('id,name\n'), excel);
    expect(notZip.ok ? '' : formatIssue(notZip.issues[0])).toBe('scenario: not an Excel workbook (.xlsx): the file is not a zip archive');
    const xls = await scenarioFromWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), excel);
    expect(xls.ok ? '' : xls.issues[0].message).toMatch(/old binary Excel file \(\.xls\)/);
  });
});
