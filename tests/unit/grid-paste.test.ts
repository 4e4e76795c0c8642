import { describe, expect, it } from 'vitest';
import { describeProblem, locateIssues } from '../../src/app/tables/issue-cells';
import { proposeNewRow } from '../../src/app/tables/new-row';
import { planPaste, type PasteInput } from '../../src/app/tables/paste-plan';
import { buildRefIndex } from '../../src/app/tables/ref-index';
import { handEditPatch } from '../../src/app/tables/row-patch';
import { applyEdit } from '../../src/core/edit/apply-edit';
import { tableColumns } from '../../src/core/model/introspect';
import type { TableName } from '../../src/core/model/tables';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

function scenario(mutate?: (doc: Record<string, unknown>) => void): Scenario {
  const doc = validDoc();
  mutate?.(doc);
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

function input(s: Scenario, table: TableName, start: { row: number; col: number }, cells: string[][], order?: number[]): PasteInput {
  const rows = s[table] as readonly Record<string, unknown>[];
  return { table, rows, order: order ?? rows.map((_, i) => i), columns: tableColumns(table), start, cells, refs: buildRefIndex(s) };
}
const colOf = (table: TableName, key: string) => tableColumns(table).findIndex((c) => c.key === key);

describe('planPaste: a block from a spreadsheet becomes one batch edit', () => {
  it('updates the cells under the block, reading decimal commas, as one undo step', () => {
    const s = scenario();
    const plan = planPaste(input(s, 'lanes', { row: 1, col: colOf('lanes', 'leadTime') }, [['3', '0'], ['4', '1']]));
    expect(plan).toMatchObject({ ok: true, updated: 2, added: 0, droppedColumns: 0 });
    if (!plan.ok || !plan.command) throw new Error('no plan');
    expect(plan.command.kind).toBe('batch');
    const r = applyEdit(s, plan.command);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.lanes.map((l) => [l.id, l.leadTime, l.infoDelay])).toEqual([
      ['sup-plant', 2, 0], ['plant-dc', 3, 0], ['dc-cust', 4, 1], ['dc-shop', 1, 0],
    ]);
    expect(r.label).toBe('paste 2×2 cells into lanes');
  });

  it('pins lane fields typed by hand (auto switch off) and reads "1,5" as 1.5', () => {
    const s = scenario((d) => { (d.lanes as Record<string, unknown>[])[0].autoCost = true; });
    const plan = planPaste(input(s, 'lanes', { row: 0, col: colOf('lanes', 'costPerUnit') }, [['1,5']]));
    if (!plan.ok || !plan.command) throw new Error('no plan');
    const r = applyEdit(s, plan.command);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.lanes[0]).toMatchObject({ costPerUnit: 1.5, autoCost: false });
  });

  it('addresses the rows as the view shows them (sorted / filtered)', () => {
    const s = scenario();
    const plan = planPaste(input(s, 'sites', { row: 0, col: colOf('sites', 'storageCapacity') }, [['111'], ['222']], [4, 2]));
    if (!plan.ok || !plan.command) throw new Error('no plan');
    const r = applyEdit(s, plan.command);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.sites.find((x) => x.id === 'shop')!.storageCapacity).toBe(111);
    expect(r.scenario.sites.find((x) => x.id === 'dc')!.storageCapacity).toBe(222);
  });

  it('appends rows beyond the last, with ids made from names and references by name', () => {
    const s = scenario();
    const block = [['', 'DC Lyon', 'dc', '45,76', '4,84']];
    const plan = planPaste(input(s, 'sites', { row: 5, col: 0 }, block));
    expect(plan).toMatchObject({ ok: true, added: 1, updated: 0 });
    if (!plan.ok || !plan.command) throw new Error('no plan');
    const r = applyEdit(s, plan.command);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.sites.at(-1)).toMatchObject({ id: 'DC-Lyon', name: 'DC Lyon', kind: 'dc', lat: 45.76, lon: 4.84 });

    const demand = planPaste(input(s, 'demand', { row: 3, col: 0 }, [['Shop', 'widget', '2', '7']]));
    if (!demand.ok || !demand.command) throw new Error('no plan');
    const d = applyEdit(s, demand.command);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    expect(d.scenario.demand.at(-1)).toEqual({ customerId: 'shop', productId: 'widget', period: 2, quantity: 7 });
  });

  it('refuses the whole block, naming each bad cell, when any cell cannot be read', () => {
    const s = scenario();
    const plan = planPaste(input(s, 'lanes', { row: 2, col: colOf('lanes', 'leadTime') }, [['2', 'soon'], ['x', '1'], ['1', '1']]));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    const lt = colOf('lanes', 'leadTime');
    expect(plan.problems.slice(0, 2)).toEqual([
      { row: 2, col: lt + 1, message: 'must be a number (got "soon")' },
      { row: 3, col: lt, message: 'must be a number (got "x")' },
    ]);
    // The third row is beyond the last: a new lane, which needs its sites (its id is generated).
    expect(plan.problems.slice(2).map((p) => p.message)).toEqual(['From is required for a new row', 'To is required for a new row']);
    expect(describeProblem('lanes', plan.problems[0], tableColumns('lanes'))).toBe('lanes row 3, Information delay: must be a number (got "soon")');
    // The readable cells come back as a command to dry-run (never to apply) for the core's own checks.
    expect(plan.partial).toMatchObject({ kind: 'batch', commands: [{ kind: 'update-rows', changes: [{ key: 'dc-cust', patch: { leadTime: 2, autoLeadTime: false } }, { key: 'dc-shop', patch: { infoDelay: 1 } }] }, { kind: 'add-rows' }] });
  });

  it('drops columns beyond the last and changes nothing when the block equals the table', () => {
    const s = scenario();
    const last = tableColumns('products').length - 1;
    const plan = planPaste(input(s, 'products', { row: 0, col: last }, [['', 'extra', 'more']]));
    expect(plan).toEqual({ ok: true, command: undefined, updated: 0, added: 0, droppedColumns: 2 });
  });
});

describe('locateIssues: core refusals at grid cells', () => {
  it('maps scenario rows to view rows, added rows after the view, fields to columns', () => {
    const columns = tableColumns('lanes');
    const problems = locateIssues([
      { table: 'lanes', row: 1, field: 'leadTime', message: 'must be a whole number' },
      { table: 'lanes', row: 5, field: 'to', message: 'a lane cannot go from a site to itself' },
      { table: 'inTransit', row: 0, field: 'laneId', message: 'unknown lane "x"' },
    ], { table: 'lanes', order: [3, 1, 0], tableLength: 4, columns });
    expect(problems).toEqual([
      { row: 1, col: colOf('lanes', 'leadTime'), message: 'must be a whole number' },
      { row: 4, col: colOf('lanes', 'to'), message: 'a lane cannot go from a site to itself' },
      { elsewhere: true, message: 'inTransit row 1, laneId: unknown lane "x"' },
    ]);
  });
});

describe('proposeNewRow: Add row makes a row the core accepts', () => {
  it.each(['sites', 'lanes', 'products', 'demand', 'inventory', 'production', 'bom', 'returns', 'parties', 'prices', 'inTransit', 'modes'] as TableName[])('%s', (table) => {
    const s = scenario((d) => { (d.products as unknown[]).push({ id: 'gadget', name: 'Gadget' }); });
    const r = proposeNewRow(s, table);
    if (!r.ok) throw new Error(r.message);
    const added = applyEdit(s, { kind: 'add-rows', table, rows: [r.row] });
    expect(added.ok).toBe(true);
  });

  it('picks the first free key and fitting site kinds', () => {
    const s = scenario();
    const demand = proposeNewRow(s, 'demand');
    expect(demand).toEqual({ ok: true, row: { customerId: 'cust', productId: 'widget', period: 3, quantity: 0 } });
    const lane = proposeNewRow(s, 'lanes');
    expect(lane.ok && lane.row).toMatchObject({ id: 'lane-5', from: 'plant', to: 'shop' });
    const mode = proposeNewRow(s, 'modes');
    expect(mode.ok && mode.row).toMatchObject({ mode: 'road', speedKmPerDay: 600 });
    const policy = proposeNewRow(s, 'inventory', { siteId: 'dc' });
    expect(policy).toEqual({ ok: true, row: { siteId: 'dc', productId: 'part' } });
  });

  it('says what is missing when a reference has nothing to point at', () => {
    const s = scenario((d) => { d.products = []; d.demand = []; d.inventory = []; d.production = []; d.bom = []; d.returns = []; d.prices = []; d.inTransit = []; });
    expect(proposeNewRow(s, 'demand')).toEqual({ ok: false, message: 'add a row to products first: a demand row needs a productId' });
  });
});

describe('handEditPatch', () => {
  it('pins typed lane geography fields unless the patch sets the switch', () => {
    expect(handEditPatch('lanes', { leadTime: 3 })).toEqual({ leadTime: 3, autoLeadTime: false });
    expect(handEditPatch('lanes', { distance: 10, autoDistance: true })).toEqual({ distance: 10, autoDistance: true });
    expect(handEditPatch('lanes', { mode: 'rail' })).toEqual({ mode: 'rail' });
    expect(handEditPatch('production', { leadTime: 3 })).toEqual({ leadTime: 3 });
  });
});
