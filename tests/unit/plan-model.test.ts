/**
 * The solver-neutral model and its transforms: CSR packing by the builder, the objective sense,
 * the elastic model's slack columns, relaxation and fixing of integer columns.
 */
import { describe, expect, it } from 'vitest';
import { makeElasticModel } from '../../src/core/plan/elastic-model';
import { columnFamily, fixIntegers, objectiveValue, relaxModel, rowActivities, rowFamily } from '../../src/core/plan/model';
import { ModelBuilder } from '../../src/core/plan/model-builder';
import { lpName, lpStem } from '../../src/core/plan/names';
import { checkSolution } from '../../src/core/plan/solution-check';

function sample(sense: 'min' | 'max' = 'min') {
  const b = new ModelBuilder();
  const x = b.addColumn('ship', 0, 1, 'x');
  const y = b.addColumn('make', 0, 1, 'y', { upper: 5 });
  const z = b.addColumn('open', 0, -1, 'z', { integer: true });
  b.addCost(x, 3, 'transport');
  b.addCost(x, 1, 'holding');
  b.addCost(y, -2, 'revenue');
  b.addConstantCost(7, 'fixed');
  const r0 = b.addRow('lane', 0, 1, 'cap', -Infinity, 4);
  b.addEntry(r0, x, 1);
  b.addEntry(r0, x, 1); // duplicate entries are merged: 2x
  b.addEntry(r0, z, -4);
  b.addRow('storage', 0, 1, 'empty-ok', -Infinity, 10); // no entries, 0 ≤ 10: dropped
  b.addRow('target', 0, 1, 'empty-bad', 5, Infinity); // no entries, 0 < 5: kept (infeasible)
  const r3 = b.addRow('demand', 0, 1, 'dem', 6, 6);
  b.addEntry(r3, y, 1);
  b.addEntry(r3, -1, 1); // an absent column is ignored
  return b.finish('sample', sense);
}

describe('ModelBuilder', () => {
  it('packs coefficients into compressed rows, merges duplicates, drops empty rows that constrain nothing', () => {
    const m = sample();
    expect(m.rowNames).toEqual(['cap', 'empty-bad', 'dem']);
    expect(Array.from(m.rowStart)).toEqual([0, 2, 2, 3]);
    expect(Array.from(m.rowIndex)).toEqual([0, 2, 1]);
    expect(Array.from(m.rowValue)).toEqual([2, -4, 1]);
    expect(m.rowFamily.length).toBe(3);
    expect(rowFamily(m, 1)).toBe('target');
    expect(Array.from(m.rowKey)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(columnFamily(m, 2)).toBe('open');
    expect(Array.from(m.colUpper)).toEqual([Infinity, 5, 1]);
  });

  it('sums cost terms into column costs, negated for a max model; constants go to the offset', () => {
    const min = sample('min');
    expect(Array.from(min.colCost)).toEqual([4, -2, 0]);
    expect(min.objectiveOffset).toBe(7);
    const max = sample('max');
    expect(Array.from(max.colCost)).toEqual([-4, 2, 0]);
    expect(max.objectiveOffset).toBe(-7);
    expect(objectiveValue(min, [1, 6, 1])).toBe(4 - 12 + 7);
    expect(Array.from(rowActivities(min, [1, 6, 1]))).toEqual([-2, 0, 6]);
  });

  it('relaxes and fixes integer columns', () => {
    const m = sample();
    expect(Array.from(relaxModel(m).colInteger)).toEqual([0, 0, 0]);
    const fixed = fixIntegers(m, [0, 0, 0.9999999]);
    expect([fixed.colLower[2], fixed.colUpper[2], fixed.colInteger[2]]).toEqual([1, 1, 0]);
  });

  it('names per-period columns and rows from their stem only when the names are read', () => {
    const b = new ModelBuilder();
    const stem = lpStem('ship', 'plant~a,espresso');
    const cols = [1, 2, 12].map((t) => b.addPeriodColumn('ship', 0, t, stem));
    const open = b.addColumn('open', 0, -1, lpName('open', 'dc'), { integer: true });
    b.addRow('storage', 0, 1, 'dropped', -Infinity, 1); // empty, constrains nothing: dropped
    for (const t of [1, 2, 12]) b.addEntry(b.addPeriodRow('lane', 0, t, lpStem('lanecap', 'l1'), -Infinity, 9), cols[[1, 2, 12].indexOf(t)], 1);
    b.addEntry(b.addRow('maxOpen', -1, -1, 'maxopen', -Infinity, 1), open, 1);
    const m = b.finish('lazy', 'min');
    // Not made yet: an accessor that makes them on first read, then keeps them.
    expect(typeof Object.getOwnPropertyDescriptor(m, 'colNames')?.get).toBe('function');
    const expected = [1, 2, 12].map((t) => lpName('ship', 'plant~a,espresso', t));
    expect(m.colNames).toEqual([...expected, 'open(dc)']);
    expect(m.colNames).toBe(m.colNames);
    expect(m.rowNames).toEqual(['lanecap(l1,1)', 'lanecap(l1,2)', 'lanecap(l1,12)', 'maxopen']);
    // A copy (spread, structured clone) carries plain names.
    expect(relaxModel(m).colNames).toEqual(m.colNames);
    expect(structuredClone(m).rowNames).toEqual(m.rowNames);
  });
});

describe('makeElasticModel', () => {
  it('adds a shortfall slack (+1) to rows with a lower bound and an excess slack (−1) to ≤ rows, costed by weight', () => {
    const m = sample();
    const e = makeElasticModel(m, { lane: 10, target: 1, demand: 2 });
    expect(e.numCols).toBe(m.numCols + 3);
    expect(e.colNames.slice(3)).toEqual(['over(cap)', 'short(empty-bad)', 'short(dem)']);
    expect([3, 4, 5].map((j) => columnFamily(e, j))).toEqual(['over', 'short', 'short']);
    expect(Array.from(e.colCost)).toEqual([0, 0, 0, 10, 1, 2]);
    expect(Array.from(e.rowValue)).toEqual([2, -4, -1, 1, 1, 1]);
    expect(e.sense).toBe('min');
    // The empty infeasible target row becomes satisfiable with its slack.
    expect(checkSolution(e, [0, 5, 0, 0, 5, 1]).feasible).toBe(true);
    expect(checkSolution(m, [0, 5, 0]).violations.map((v) => v.name)).toEqual(['empty-bad', 'dem']);
  });

  it('leaves rows of families without a weight firm', () => {
    const e = makeElasticModel(sample(), { demand: 1 });
    expect(e.colNames.slice(3)).toEqual(['short(dem)']);
  });
});
