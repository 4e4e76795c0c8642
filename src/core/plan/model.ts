/**
 * The solver-neutral linear model: columns (variables) with bounds, cost and integrality, rows
 * (constraints) with two-sided bounds, and a sparse coefficient matrix in compressed rows (CSR).
 *
 *   min or max   Σ_j cost_j·x_j + offset
 *   subject to   rowLower_i ≤ Σ_j A_ij·x_j ≤ rowUpper_i      for every row i
 *                colLower_j ≤ x_j ≤ colUpper_j, x_j integer where colInteger_j = 1
 *
 * Plain data only (typed arrays, strings, numbers): it crosses a worker boundary by structured
 * clone, feeds every solver adapter and the LP/MPS writers. Each column and row also carries its
 * family and a key (entity index, period) so a solution can be read back without parsing names.
 */

/** What a column stands for; the key's meaning is given per family in build/variables.ts. */
export const COLUMN_FAMILIES = [
  'ship', 'stock', 'make', 'serve', 'backlog', 'lost', 'open', 'use', 'assign', 'setup', 'over', 'short',
] as const;
export type ColumnFamily = (typeof COLUMN_FAMILIES)[number];

/** What a row stands for. */
export const ROW_FAMILIES = [
  'balance', 'storage', 'production', 'lane', 'demand', 'target', 'openLink', 'useLink', 'useOpen',
  'assignLink', 'assignOne', 'assignOpen', 'maxOpen', 'setupLink',
] as const;
export type RowFamily = (typeof ROW_FAMILIES)[number];

/** Where each unit of objective comes from, for the cost-by-kind breakdown. */
export const COST_KINDS = [
  'transport', 'holding', 'production', 'fixed', 'opening', 'shortage', 'setup', 'revenue', 'violation',
] as const;
export type CostKind = (typeof COST_KINDS)[number];

export type Sense = 'min' | 'max';

export interface LinearModel {
  readonly name: string;
  readonly sense: Sense;
  /** Constant added to the objective (fixed costs of existing sites). */
  readonly objectiveOffset: number;
  readonly numCols: number;
  readonly numRows: number;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** Objective coefficient in the model's sense (for max-profit: profit per unit). */
  readonly colCost: Float64Array;
  /** 1 = integer column (binaries are integers with bounds 0..1). */
  readonly colInteger: Uint8Array;
  readonly colFamily: Uint8Array;
  /** Two ints per column: entity index, period (or -1). */
  readonly colKey: Int32Array;
  readonly colNames: readonly string[];
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly rowFamily: Uint8Array;
  readonly rowKey: Int32Array;
  readonly rowNames: readonly string[];
  /** CSR: row i's entries are rowIndex/rowValue[rowStart[i] .. rowStart[i+1]). */
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  /**
   * The objective as cost terms (in cost orientation: revenue is a negative cost), each of one
   * kind; colCost is their sum (negated for max). Summing terms × values gives cost by kind.
   */
  readonly costTermCol: Int32Array;
  readonly costTermCoef: Float64Array;
  readonly costTermKind: Uint8Array;
  /** Constant costs by kind (fixed costs of existing sites), in cost orientation. */
  readonly constantCosts: Readonly<Partial<Record<CostKind, number>>>;
}

export const columnFamily = (m: LinearModel, j: number): ColumnFamily => COLUMN_FAMILIES[m.colFamily[j]];
export const rowFamily = (m: LinearModel, i: number): RowFamily => ROW_FAMILIES[m.rowFamily[i]];
export const integerCount = (m: LinearModel): number => m.colInteger.reduce((n, v) => n + v, 0);
export const nonzeroCount = (m: LinearModel): number => m.rowStart[m.numRows];
export const isMip = (m: LinearModel): boolean => m.colInteger.includes(1);

/** Row activities A·x of a column vector. */
export function rowActivities(m: LinearModel, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.numRows);
  for (let i = 0; i < m.numRows; i++) {
    let s = 0;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) s += m.rowValue[k] * x[m.rowIndex[k]];
    out[i] = s;
  }
  return out;
}

/** Objective value (in the model's sense, offset included) of a column vector. */
export function objectiveValue(m: LinearModel, x: ArrayLike<number>): number {
  let z = m.objectiveOffset;
  for (let j = 0; j < m.numCols; j++) z += m.colCost[j] * x[j];
  return z;
}

/** A copy with every integer column made continuous (the LP relaxation). */
export function relaxModel(m: LinearModel): LinearModel {
  return { ...m, colInteger: new Uint8Array(m.numCols) };
}

/** A copy with every integer column fixed at its (rounded) value: the LP whose duals explain a MIP plan. */
export function fixIntegers(m: LinearModel, x: ArrayLike<number>): LinearModel {
  const lower = m.colLower.slice();
  const upper = m.colUpper.slice();
  for (let j = 0; j < m.numCols; j++) {
    if (m.colInteger[j]) lower[j] = upper[j] = Math.round(x[j]);
  }
  return { ...m, colLower: lower, colUpper: upper, colInteger: new Uint8Array(m.numCols) };
}
