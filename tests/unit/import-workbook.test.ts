/**
 * A workbook imported into the open scenario goes through the same per-table plan as CSV files:
 * sheets named after tables, upsert or replace per table, names resolving against the scenario,
 * problems at sheet, row and column, nothing imported when any row is bad.
 */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/core/edit/apply-edit';
import { workbookSources } from '../../src/core/io/scenario-xlsx';
import { planTableImport } from '../../src/core/io/table-import';
import { formatImportIssue } from '../../src/core/io/table-import-issues';
import { loadExcelJs } from '../../src/core/io/xlsx-library';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

function base(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

async function book(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const excel = await loadExcelJs();
  const wb = new excel.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('workbook → planTableImport', () => {
  it('upserts sites by name and adds lanes naming existing and new sites', async () => {
    const s = base();
    const set = await workbookSources(await book({
      Sites: [['Site Name', 'Type', 'Latitude', 'Longitude', 'Capacity'], ['DC', 'DC', 51.4, 6.2, 900], ['DC Lyon', 'DC', 45.76, 4.84, null]],
      'In Transit': [],
      Lanes: [['Origin', 'Destination', 'Lead Time'], ['DC Lyon', 'Customer', 2]],
      Notes: [['free text']],
    }), await loadExcelJs());
    const plan = planTableImport(s, set, { lanes: 'upsert' });
    expect(plan.issues).toEqual([]);
    expect(plan.warnings.map(formatImportIssue)).toEqual(['scenario: sheet "Notes" is not a ChainLab table and was ignored']);
    expect(plan.counts.map((c) => [c.table, c.added, c.updated])).toEqual([['sites', 1, 1], ['lanes', 1, 0], ['inTransit', 0, 0]]);
    const r = applyEdit(s, plan.command!);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.sites.find((x) => x.id === 'dc')?.storageCapacity).toBe(900);
    expect(r.scenario.lanes.at(-1)).toMatchObject({ from: 'DC-Lyon', to: 'cust', leadTime: 2 });
    expect(r.scenario.inTransit).toEqual(s.inTransit); // an empty sheet in upsert changes nothing
  });

  it('one bad cell: no command, the problem at sheet, row and column', async () => {
    const s = base();
    const set = await workbookSources(await book({
      sites: [['name', 'kind', 'lat', 'lon'], ['A', 'dc', 45, 4], ['B', 'dc', 200, 4], ['C', 'warehouse-ish', 40, 2]],
    }), await loadExcelJs());
    const plan = planTableImport(s, set, { sites: 'upsert' });
    expect(plan.command).toBeUndefined();
    expect(plan.issues.map((i) => [i.origin, i.line, i.field])).toEqual([['sites', 3, 'lat'], ['sites', 4, 'kind']]);
    expect(plan.issues[0].message).toBe('must be at most 90 (got 200)');
  });

  it('a file that is no workbook is one problem, nothing else', async () => {
    const set = await workbookSources(new Uint8Array([1, 2, 3]), await loadExcelJs());
    const plan = planTableImport(base(), set);
    expect(plan.command).toBeUndefined();
    expect(plan.issues.map(formatImportIssue)).toEqual(['scenario: not an Excel workbook (.xlsx): the file is not a zip archive']);
  });
});
