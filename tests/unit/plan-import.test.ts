/**
 * importPlanResult: a solution file solved outside the browser, shown like a solved plan — or
 * refused with the reason: empty, not text, an unreadable line (its number), another model's
 * names, constraints it breaks. The packed form a result crosses the worker boundary in
 * (reliability case 22) unpacks to the very same result.
 */
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../../src/core/plan/build';
import { writeMps } from '../../src/core/plan/export-mps';
import { importPlanResult } from '../../src/core/plan/import-plan';
import { packedTransferables, packPlanResult, unpackPlanResult } from '../../src/core/plan/packed-result';
import { solvePlan } from '../../src/core/plan/solve-plan';
import { demandRows, lane, scenario, shippedScenario, site } from '../support/plan-scenarios';

/**
 * Plant F (capacity 10, €1 per unit) → customer C over a €2 lane, demand 6 then 8, holding €0.5:
 * make 6 and 8, ship 6 and 8: cost 14·1 + 14·2 = 42.
 */
const tiny = () => scenario({
  settings: { horizon: 2, shortagePenalty: 100 },
  sites: [site('F', 'plant', { name: 'Plant', holdingCost: 0.5 }), site('C', 'customer', { name: 'Shop' })],
  lanes: [lane('F', 'C', { costPerUnit: 2 })],
  production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
  demand: demandRows('C', [6, 8]),
});

/** The optimum above as solution lines (zeros left out, as CBC and Gurobi write them). */
const optimum = 'make(F,P,1) 6\nmake(F,P,2) 8\nship(F~C,P,1) 6\nship(F~C,P,2) 8\n';

async function highsSolution(mps: string): Promise<string> {
  const highs = await loadHighs();
  const model = highs.createModel({ format: 'mps', data: new TextEncoder().encode(mps) });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return model.exportSolution(false);
  } finally {
    model.dispose();
  }
}

describe('importing a solution into a plan', () => {
  it('shows a solution of the exported model like a solved plan: the same costs, flows and production', async () => {
    const s = tiny();
    const r = importPlanResult(s, optimum, { fileName: 'tiny.sol' });
    if (!r.ok) throw new Error(r.message);
    expect(r.result.status).toBe('feasible');
    expect(r.result.imported).toEqual({ fileName: 'tiny.sol', columnsGiven: 4 });
    expect(r.result.objective).toBe(42);
    expect(r.result.costs).toMatchObject({ production: 14, transport: 28, holding: 0, totalCost: 42 });
    expect(r.result.headline).toBe('Plan imported from “tiny.sol”: total cost €42.00; every constraint of this scenario\'s model holds.');
    expect(r.result.shadowPrices).toEqual([]);
    const solved = await solvePlan(s);
    expect(r.result.flows).toEqual(solved.flows);
    expect(r.result.production).toEqual(solved.production);
    expect(r.result.demand).toEqual(solved.demand);
  });

  it('reads HiGHS\'s own solution file of the exported MPS model (AMPL transp, 196,200)', async () => {
    const s = shippedScenario('transportation-ampl.json');
    const text = await highsSolution(writeMps(buildPlanModel(s).model));
    const r = importPlanResult(s, text, { fileName: 'transp.sol' });
    if (!r.ok) throw new Error(r.message);
    expect(r.result.objective).toBeCloseTo(196200, 6);
  });

  it('reads GLPK\'s printable solution (glpsol -o), where a long name sits alone on its line', () => {
    const glpsol = [
      'Problem:    tiny',
      'Rows:       4',
      'Columns:    6',
      'Status:     OPTIMAL',
      'Objective:  obj = 42 (MINimum)',
      '',
      '   No.   Row name   St   Activity     Lower bound   Upper bound    Marginal',
      '------ ------------ -- ------------- ------------- ------------- -------------',
      '     1 dem(C,P,1)   NS             6             6             =             3',
      '',
      '   No. Column name  St   Activity     Lower bound   Upper bound    Marginal',
      '------ ------------ -- ------------- ------------- ------------- -------------',
      '     1 ship(F~C,P,1)',
      '                    B              6             0               ',
      '     2 ship(F~C,P,2)',
      '                    B              8             0               ',
      '     3 make(F,P,1)  B              6             0               ',
      '     4 make(F,P,2)  B              8             0               ',
      '     5 backlog(C,P,1)',
      '                    NL             0             0                        100',
      '',
      'Karush-Kuhn-Tucker optimality conditions:',
    ].join('\n');
    const r = importPlanResult(tiny(), glpsol, { fileName: 'tiny.out' });
    if (!r.ok) throw new Error(`${r.message} ${r.details.join(' ')}`);
    expect(r.result.objective).toBe(42);
    expect(r.result.imported?.columnsGiven).toBe(5);
  });

  it('refuses an empty file and a file that is not text', () => {
    expect(importPlanResult(tiny(), ' \n\n', { fileName: 'x.sol' })).toEqual({ ok: false, reason: 'empty', message: '“x.sol” is empty: it holds no solution.', details: [] });
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';
    expect(importPlanResult(tiny(), png, { fileName: 'map.png' })).toMatchObject({ ok: false, reason: 'malformed', message: '“map.png” is not a text file (a control character at position 7): choose the solution file your solver wrote.' });
  });

  it('says which line cannot be read: a value that is no number, a name without a value, a column given twice', () => {
    const text = 'make(F,P,1) 6\nmake(F,P,2) eight\nship(F~C,P,1)\n\nship(F~C,P,2) 8\nmake(F,P,1) 7\n';
    const r = importPlanResult(tiny(), text, { fileName: 'typo.sol' });
    expect(r).toEqual({
      ok: false, reason: 'malformed',
      message: '“typo.sol” cannot be read: line 2: the value of make(F,P,2) is not a number ("eight") (and 2 more lines).',
      details: [
        'Line 2: the value of make(F,P,2) is not a number ("eight").',
        'Line 3: ship(F~C,P,1) has no value.',
        'Line 6: make(F,P,1) is given a second, different value (7; before: 6).',
      ],
    });
  });

  it('refuses a solution of another model, or of the other demand setting, naming the first strange line', () => {
    const other = importPlanResult(tiny(), 'ship(A~B,x,1) 3\nship(A~C,x,1) 4\n', { fileName: 'other.sol' });
    expect(other).toMatchObject({ ok: false, reason: 'wrong-model', message: '“other.sol” names no column of this scenario\'s model (line 1: ship(A~B,x,1)): it is not a solution of the model exported from this scenario.' });
    // Soft demand has backlog columns; a model exported with must-meet demand has none — and the reverse.
    const withBacklog = `${optimum}backlog(C,P,1) 0\nlost(C,P,2) 0\n`;
    const mixed = importPlanResult(tiny(), withBacklog);
    expect(mixed).toMatchObject({ ok: false, reason: 'wrong-model', details: ['Line 6: lost(C,P,2)'] });
    expect(mixed.ok === false && mixed.message).toBe('1 name in the file is not in this scenario\'s model (line 6: lost(C,P,2)): it belongs to another scenario, an older version of this one, or the other demand setting. Export the model again and solve that.');
  });

  it('refuses a solution that breaks the model, saying which constraints and by how much', () => {
    // 12 made in week 1 against a capacity of 10; nothing shipped in week 2 although 8 were made.
    const r = importPlanResult(tiny(), 'make(F,P,1) 12\nmake(F,P,2) 8\nship(F~C,P,1) 12\n', { fileName: 'bad.sol' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('infeasible');
    expect(r.message).toMatch(/^“bad\.sol” does not fit this scenario's model: it breaks \d+ constraints\. The worst:$/);
    expect(r.details).toContain('production capacity for Widget at Plant in week 1 is violated by 2 (value 12; at most 10).');
  });

  it('refuses a file for a scenario that cannot be planned', () => {
    const s = scenario({ sites: [site('F', 'plant')], production: [{ siteId: 'F', productId: 'P' }] });
    const r = importPlanResult(s, optimum);
    expect(r).toMatchObject({ ok: false, reason: 'invalid-scenario', message: 'The scenario cannot be planned as it is, so no solution fits it.' });
  });
});

describe('a plan result packed for the worker boundary (reliability case 22)', () => {
  it('unpacks to the same result, with every table in transferable typed arrays', async () => {
    // Sailco-like: shadow prices of capacities, demand and an end-stock target (period −1 is kept).
    const s = scenario({
      settings: { horizon: 3, shortagePenalty: 100 },
      sites: [site('F', 'plant', { name: 'Plant', holdingCost: 2, storageCapacity: 6 }), site('C', 'customer', { name: 'Shop' })],
      lanes: [lane('F', 'C', { costPerUnit: 1, capacity: 12 })],
      production: [{ siteId: 'F', productId: 'P', capacity: 10, cost: 1 }],
      inventory: [{ siteId: 'F', productId: 'P', targetEndStock: 2 }],
      demand: demandRows('C', [4, 15, 8]),
    });
    const r = await solvePlan(s);
    expect(r.flows.length).toBeGreaterThan(0);
    expect(r.shadowPrices.map((p) => p.kind)).toEqual(expect.arrayContaining(['production', 'demand', 'target']));
    const packed = packPlanResult(r);
    expect(packed.head.flows).toEqual([]);
    expect(packed.flows.quantity).toBeInstanceOf(Float64Array);
    // Every table column is a transferable buffer: 8 + 6 + 4 + 6 + 7 arrays.
    expect(packedTransferables(packed)).toHaveLength(31);
    const copy = structuredClone(packed, { transfer: packedTransferables(packed) });
    expect(packed.flows.quantity.length).toBe(0); // the buffers moved, not copied
    expect(unpackPlanResult(copy)).toEqual(r);
  });
});
