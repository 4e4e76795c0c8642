/**
 * Export (CPLEX LP, MPS) and import of external solutions: the exported text is read back by
 * HiGHS's own LP and MPS readers and solves to the same optimum; solution files in the common
 * formats are read, checked, and turned back into the plan; a wrong solution is refused with
 * the constraints it breaks.
 */
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../../src/core/plan/build';
import { writeLp } from '../../src/core/plan/export-lp';
import { writeMps } from '../../src/core/plan/export-mps';
import { importPlanSolution, parseSolutionText } from '../../src/core/plan/import-solution';
import { ModelBuilder } from '../../src/core/plan/model-builder';
import { demandRows, lane, scenario, shippedScenario, site } from '../support/plan-scenarios';

const highsPromise = loadHighs();

/** Solves exported text with HiGHS's file readers (not our sparse-array adapter). */
async function solveText(format: 'lp' | 'mps', text: string) {
  const highs = await highsPromise;
  const model = highs.createModel(format === 'lp' ? { format: 'lp', data: text } : { format: 'mps', data: new TextEncoder().encode(text) });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return { status: model.getModelStatus(), objective: model.getObjectiveValue(), solution: model.exportSolution(false) };
  } finally {
    model.dispose();
  }
}

describe('LP and MPS export', () => {
  it('writes the CPLEX LP sections, bounds, integer sections and the objective constant', () => {
    const b = new ModelBuilder();
    const x = b.addColumn('ship', 0, 1, 'ship(a~b,p,1)', { upper: 10 });
    const y = b.addColumn('open', 0, -1, 'open(b)', { integer: true });
    const z = b.addColumn('stock', 0, 1, 'stock(b,p,1)', { lower: -Infinity });
    b.addCost(x, 2, 'transport');
    b.addCost(y, 100, 'fixed');
    b.addConstantCost(50, 'fixed');
    const r = b.addRow('lane', 0, 1, 'lanecap(a~b,1)', -Infinity, 0);
    b.addEntry(r, x, 1);
    b.addEntry(r, y, -10);
    const e = b.addRow('balance', 0, 1, 'bal(b,p,1)', 3, 3);
    b.addEntry(e, x, 1);
    b.addEntry(e, z, -1);
    const lp = writeLp(b.finish('t', 'min'));
    expect(lp).toContain('Minimize\n obj: 2 ship(a~b,p,1) + 100 open(b) + 50\nSubject To\n');
    expect(lp).toContain(' lanecap(a~b,1): ship(a~b,p,1) - 10 open(b) <= 0\n');
    expect(lp).toContain(' bal(b,p,1): ship(a~b,p,1) - stock(b,p,1) = 3\n');
    expect(lp).toContain('Bounds\n 0 <= ship(a~b,p,1) <= 10\n stock(b,p,1) free\nBinaries\n open(b)\nEnd\n');
  });

  it.each([
    ['transportation-ampl.json', 196200],
    ['beer-game.json', undefined],
  ])('%s: the LP and MPS texts solve to the same optimum in HiGHS’s readers', async (file, known) => {
    const pm = buildPlanModel(shippedScenario(file));
    const highs = await highsPromise;
    const direct = highs.solve(writeLp(pm.model), { output_flag: false });
    const lp = await solveText('lp', writeLp(pm.model));
    const mps = await solveText('mps', writeMps(pm.model));
    expect(lp.status).toBe(7);
    expect(mps.objective).toBeCloseTo(lp.objective, 6);
    expect(direct.ObjectiveValue).toBeCloseTo(lp.objective, 6);
    if (known !== undefined) expect(lp.objective).toBeCloseTo(known, 6);
  });

  it('ids with ":", "-" and "." become valid, distinct names that HiGHS reads back', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 100 },
      products: [{ id: 'p:1.a-b', name: 'X' }],
      sites: [site('plant:1', 'plant'), site('dc-2.x', 'dc', { holdingCost: 1 }), site('_c', 'customer')],
      lanes: [lane('plant:1', 'dc-2.x', { id: 'l:1-2', costPerUnit: 2 }), lane('dc-2.x', '_c', { id: 'l_1_2', costPerUnit: 1 })],
      production: [{ siteId: 'plant:1', productId: 'p:1.a-b', cost: 3 }],
      demand: demandRows('_c', [5, 5], 'p:1.a-b'),
    });
    const pm = buildPlanModel(s);
    expect(pm.model.colNames).toContain('ship(l|1~2,p|1.a~b,1)');
    expect(pm.model.rowNames).toContain('bal(dc~2.x,p|1.a~b,2)');
    expect(new Set(pm.model.colNames).size).toBe(pm.model.numCols);
    // 10 units made (30) and moved over both lanes (20 + 10).
    expect((await solveText('lp', writeLp(pm.model))).objective).toBeCloseTo(60, 6);
    expect((await solveText('mps', writeMps(pm.model))).objective).toBeCloseTo(60, 6);
  });

  it('a network-design MIP keeps its binaries and fixed-cost constant through MPS', async () => {
    const s = scenario({
      settings: { horizon: 2, shortagePenalty: 100 },
      sites: [site('E', 'plant', { fixedCost: 5 }), site('N', 'plant', { status: 'potential', fixedCost: 10, openingCost: 3 }), site('C', 'customer')],
      lanes: [lane('E', 'C', { costPerUnit: 4 }), lane('N', 'C', { costPerUnit: 1 })],
      production: [{ siteId: 'E', productId: 'P' }, { siteId: 'N', productId: 'P' }],
      demand: demandRows('C', [10, 10]),
    });
    // Existing E: fixed 5·2 = 10 always. N open: 2·10 + 3 + 20·1 = 43 < E alone: 20·4 = 80. Total 53.
    const pm = buildPlanModel(s);
    expect((await solveText('mps', writeMps(pm.model))).objective).toBeCloseTo(53, 6);
    expect((await solveText('lp', writeLp(pm.model))).objective).toBeCloseTo(53, 6);
  });
});

describe('solution import', () => {
  const pm = buildPlanModel(shippedScenario('transportation-ampl.json'));

  it('reads a HiGHS solution file of the exported model back into the plan (and skips its dual section)', async () => {
    const { solution } = await solveText('mps', writeMps(pm.model));
    const imported = importPlanSolution(pm, solution);
    expect(imported.check.feasible).toBe(true);
    expect(imported.check.objective).toBeCloseTo(196200, 6);
    expect(imported.plan?.costs.transport).toBeCloseTo(196200, 6);
    expect(imported.parsed.matched).toBe(pm.model.numCols);
  });

  it('reads CBC, Gurobi-style and plain "name value" / "name=value" lines; unmentioned columns are 0', () => {
    const cols = ['ship(GARY~FRE,steel,1)', 'make(GARY,steel,1)'];
    const cbc = `Optimal - objective value 196200.00000000\n      5 ${cols[0]}  1100  0\n     22 ${cols[1]}  1400  0\n`;
    const gurobi = `# Objective value = 196200\n${cols[0]} 1100\n${cols[1]} 1.4e3\n`;
    const plain = `${cols[0]}=1100\n${cols[1]},1400\n`;
    for (const text of [cbc, gurobi, plain]) {
      const parsed = parseSolutionText(pm.model, text);
      expect(parsed.matched).toBe(2);
      expect(parsed.values[pm.model.colNames.indexOf(cols[0])]).toBe(1100);
      expect(parsed.values[pm.model.colNames.indexOf(cols[1])]).toBe(1400);
      expect(parsed.values[pm.model.colNames.indexOf('ship(GARY~DET,steel,1)')]).toBe(0);
    }
  });

  it('refuses an infeasible solution and says which constraints it breaks, in words', () => {
    const text = 'ship(GARY~FRE,steel,1) 1100\nmake(GARY,steel,1) 1500\n';
    const imported = importPlanSolution(pm, text);
    expect(imported.check.feasible).toBe(false);
    expect(imported.plan).toBeUndefined();
    expect(imported.messages).toContain('production capacity for Steel at Gary, IN in week 1 is violated by 100 (value 1,500; at most 1,400).');
  });

  it('flags a file from another model', () => {
    const imported = importPlanSolution(pm, 'ship(A~B,x,1) 3\nship(A~C,x,1) 4\n');
    expect(imported.parsed.unknown).toEqual(['ship(A~B,x,1)', 'ship(A~C,x,1)']);
    expect(imported.messages[0]).toBe('The file names no column of this model: is it a solution of the exported model?');
  });
});
