/**
 * checkSolution: is a column vector feasible for a model (rows, bounds, integrality), and what
 * is its objective? Used to accept a solution computed outside the browser, and by the tests to
 * verify every plan a solver returns.
 */
import { objectiveValue, rowActivities, type LinearModel } from './model';

export interface Violation {
  /** 'row' (constraint), 'bound' (column bound) or 'integer' (fractional integer column). */
  readonly kind: 'row' | 'bound' | 'integer';
  readonly index: number;
  readonly name: string;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  /** How far outside (absolute). */
  readonly amount: number;
}

export interface SolutionCheck {
  readonly feasible: boolean;
  readonly objective: number;
  readonly violations: readonly Violation[];
}

/** Tolerance relative to the size of the bound (solvers' default feasibility tolerance scale). */
export const FEASIBILITY_TOLERANCE = 1e-6;

const outside = (v: number, lo: number, up: number, tol: number): number => {
  if (v < lo - tol * Math.max(1, Math.abs(lo))) return lo - v;
  if (v > up + tol * Math.max(1, Math.abs(up))) return v - up;
  return 0;
};

export function checkSolution(m: LinearModel, x: ArrayLike<number>, tolerance = FEASIBILITY_TOLERANCE): SolutionCheck {
  const violations: Violation[] = [];
  const activity = rowActivities(m, x);
  for (let i = 0; i < m.numRows; i++) {
    const amount = outside(activity[i], m.rowLower[i], m.rowUpper[i], tolerance);
    if (amount > 0) violations.push({ kind: 'row', index: i, name: m.rowNames[i], value: activity[i], lower: m.rowLower[i], upper: m.rowUpper[i], amount });
  }
  for (let j = 0; j < m.numCols; j++) {
    const amount = outside(x[j], m.colLower[j], m.colUpper[j], tolerance);
    if (amount > 0) violations.push({ kind: 'bound', index: j, name: m.colNames[j], value: x[j], lower: m.colLower[j], upper: m.colUpper[j], amount });
    const frac = Math.abs(x[j] - Math.round(x[j]));
    if (m.colInteger[j] && frac > 1e-5) violations.push({ kind: 'integer', index: j, name: m.colNames[j], value: x[j], lower: m.colLower[j], upper: m.colUpper[j], amount: frac });
  }
  violations.sort((a, b) => b.amount - a.amount);
  return { feasible: violations.length === 0, objective: objectiveValue(m, x), violations };
}
