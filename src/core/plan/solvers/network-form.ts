/**
 * networkFormOf: recognises an LP that is a minimum-cost flow problem in disguise and rewrites it
 * as one (FlowProblem); networkSolution maps the flow and node potentials back to column values
 * and row duals of the LP, as if a general solver had solved it.
 *
 * An LP is a network when, after three rewrites, every column has at most two entries, +1 in one
 * row and −1 in the other:
 *
 *   1. a row with one entry is a bound on its column (`make ≤ C`, a lane's or a site's capacity
 *      when it serves one product): lower ≤ a·x_j ≤ upper narrows x_j's bounds;
 *   2. rows may be negated: each row gets a sign σ_r = ±1 so that the two entries of every column
 *      have opposite signs (a two-colouring: demand rows `serve + backlog_t − backlog_{t−1} = D`
 *      turn around, balance rows stay). A column with equal signs in rows r and s needs
 *      σ_r ≠ σ_s, with opposite signs σ_r = σ_s; a conflict means no such signs exist;
 *   3. a range or inequality row with several entries gets a slack arc to the ground node.
 *
 * Then every remaining row is a node (Σ out − Σ in = b_r), a column with +1 in r and −1 in s is an
 * arc r → s, a column with one entry is an arc to or from the ground node (the row that is the
 * sum of all others, not in the LP), and the ground node supplies what the rows do not balance.
 * Column lower bounds are shifted out (flow = x − lower).
 *
 * Duals: the LP's row dual (∂objective/∂bound, the convention of both other solvers) of a node
 * row is σ_r · (π_ground − π_r), negated for a maximisation. A one-entry row turned into a bound
 * gets the column's reduced cost (divided by its coefficient) when its bound is the one the
 * column sits at, else 0: exactly the dual a simplex solver reports for such a row.
 */
import type { LinearModel } from '../model';
import type { FlowProblem } from './network-simplex';

export interface NetworkForm {
  readonly problem: FlowProblem;
  /** Index of the ground node (the last node). */
  readonly ground: number;
  /** Node of each row, or -1 (one-entry, empty or free rows). */
  readonly rowNode: Int32Array;
  /** Sign the row was multiplied by (+1 or −1). */
  readonly rowSign: Int8Array;
  /** Arc of each column, or -1 (a column in no node row: it sits at its cheaper bound). */
  readonly colArc: Int32Array;
  /** Column bounds after the one-entry rows (x = colLower + flow on its arc). */
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** Row whose bound became the column's lower / upper bound, or -1 (the column's own bound). */
  readonly lowerRow: Int32Array;
  readonly upperRow: Int32Array;
  /** Objective coefficients in minimisation orientation (negated for a max model). */
  readonly minCost: Float64Array;
}

/** Why a model is not a network (for messages and tests), or the network form. */
export type NetworkCheck = { readonly ok: true; readonly form: NetworkForm } | { readonly ok: false; readonly reason: string };

const cache = new WeakMap<LinearModel, NetworkCheck>();

/** The network form of a model, computed once per model object. */
export function networkFormOf(m: LinearModel): NetworkCheck {
  let check = cache.get(m);
  if (!check) {
    check = buildNetworkForm(m);
    cache.set(m, check);
  }
  return check;
}

export function buildNetworkForm(m: LinearModel): NetworkCheck {
  const nRows = m.numRows;
  const nCols = m.numCols;
  if (m.colInteger.includes(1)) return { ok: false, reason: 'it has integer columns' };
  const rowLen = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    rowLen[i] = m.rowStart[i + 1] - m.rowStart[i];
    if (rowLen[i] === 0 && (m.rowLower[i] > 0 || m.rowUpper[i] < 0)) return { ok: false, reason: `row ${m.rowNames[i]} is empty and cannot hold` };
  }

  // 1. One-entry rows narrow their column's bounds.
  const colLower = m.colLower.slice();
  const colUpper = m.colUpper.slice();
  const lowerRow = new Int32Array(nCols).fill(-1);
  const upperRow = new Int32Array(nCols).fill(-1);
  for (let i = 0; i < nRows; i++) {
    if (rowLen[i] !== 1) continue;
    const k = m.rowStart[i];
    const j = m.rowIndex[k];
    const a = m.rowValue[k];
    if (a === 0) return { ok: false, reason: `row ${m.rowNames[i]} has a zero coefficient` };
    const lo = a > 0 ? m.rowLower[i] / a : m.rowUpper[i] / a;
    const up = a > 0 ? m.rowUpper[i] / a : m.rowLower[i] / a;
    // Ties go to the row for upper bounds (a capacity's shadow price), to the column for lower ones.
    if (lo > colLower[j]) { colLower[j] = lo; lowerRow[j] = i; }
    if (up <= colUpper[j]) { colUpper[j] = up; upperRow[j] = i; }
  }
  for (let j = 0; j < nCols; j++) {
    if (!Number.isFinite(colLower[j])) return { ok: false, reason: `column ${m.colNames[j]} has no finite lower bound` };
    if (colUpper[j] < colLower[j]) return { ok: false, reason: `column ${m.colNames[j]} has empty bounds` };
  }

  // Entries of each column in node rows (rows with two or more entries), at most two, ±1.
  const colFirst = new Int32Array(nCols).fill(-1);
  const colSecond = new Int32Array(nCols).fill(-1);
  const colFirstSign = new Int8Array(nCols);
  const colSecondSign = new Int8Array(nCols);
  for (let i = 0; i < nRows; i++) {
    if (rowLen[i] < 2) continue;
    if (m.rowLower[i] === -Infinity && m.rowUpper[i] === Infinity) continue; // a free row constrains nothing
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      const j = m.rowIndex[k];
      const a = m.rowValue[k];
      if (a !== 1 && a !== -1) return { ok: false, reason: `row ${m.rowNames[i]} has the coefficient ${a} (a network has ±1 only)` };
      if (colFirst[j] < 0) { colFirst[j] = i; colFirstSign[j] = a; } else if (colSecond[j] < 0) { colSecond[j] = i; colSecondSign[j] = a; } else {
        return { ok: false, reason: `column ${m.colNames[j]} links more than two rows` };
      }
    }
  }

  // 2. Row signs: a two-colouring with parity, by union-find over the rows.
  const parentOf = new Int32Array(nRows);
  const parity = new Int8Array(nRows); // sign relative to the parent: 0 same, 1 opposite
  for (let i = 0; i < nRows; i++) parentOf[i] = i;
  const find = (i: number): number => {
    let r = i;
    let par = 0;
    while (parentOf[r] !== r) { par ^= parity[r]; r = parentOf[r]; }
    // Path compression, keeping each node's parity relative to the root.
    let x = i;
    let px = par;
    while (parentOf[x] !== x) {
      const next = parentOf[x];
      const pNext = px ^ parity[x];
      parentOf[x] = r;
      parity[x] = px;
      x = next;
      px = pNext;
    }
    return r;
  };
  const parityToRoot = (i: number): number => {
    let par = 0;
    for (let r = i; parentOf[r] !== r; r = parentOf[r]) par ^= parity[r];
    return par;
  };
  for (let j = 0; j < nCols; j++) {
    if (colSecond[j] < 0) continue;
    const r = colFirst[j];
    const s = colSecond[j];
    // Opposite signs after scaling: σ_r·a_r = −σ_s·a_s ⇒ σ_r and σ_s differ iff a_r = a_s.
    const differ = colFirstSign[j] === colSecondSign[j] ? 1 : 0;
    const rr = find(r);
    const rs = find(s);
    const pr = parityToRoot(r);
    const ps = parityToRoot(s);
    if (rr === rs) {
      if ((pr ^ ps) !== differ) return { ok: false, reason: `no row signs make column ${m.colNames[j]} an arc` };
    } else {
      parentOf[rr] = rs;
      parity[rr] = pr ^ ps ^ differ;
    }
  }
  const rowSign = new Int8Array(nRows);
  for (let i = 0; i < nRows; i++) rowSign[i] = parityToRoot(i) === 0 ? 1 : -1;

  // 3. Nodes, supplies and slack arcs.
  const rowNode = new Int32Array(nRows).fill(-1);
  let nodes = 0;
  for (let i = 0; i < nRows; i++) {
    if (rowLen[i] < 2 || (m.rowLower[i] === -Infinity && m.rowUpper[i] === Infinity)) continue;
    rowNode[i] = nodes++;
  }
  const ground = nodes++;
  const supply = new Float64Array(nodes);
  // At most one arc per column and one slack arc per row.
  const maxArcs = nCols + nodes;
  const source = new Int32Array(maxArcs);
  const target = new Int32Array(maxArcs);
  const capacity = new Float64Array(maxArcs);
  const cost = new Float64Array(maxArcs);
  let arcs = 0;
  const addArc = (from: number, to: number, cap: number, c: number) => {
    source[arcs] = from;
    target[arcs] = to;
    capacity[arcs] = cap;
    cost[arcs] = c;
    return arcs++;
  };
  for (let i = 0; i < nRows; i++) {
    const u = rowNode[i];
    if (u < 0) continue;
    const sign = rowSign[i];
    const lo = sign > 0 ? m.rowLower[i] : -m.rowUpper[i];
    const up = sign > 0 ? m.rowUpper[i] : -m.rowLower[i];
    if (lo === up) { supply[u] += lo; continue; }
    if (up !== Infinity) {
      // Σ x + t = up, 0 ≤ t ≤ up − lo: t leaves u for the ground.
      supply[u] += up;
      addArc(u, ground, up - lo, 0);
    } else {
      // Σ x − t = lo, t ≥ 0: t comes from the ground.
      supply[u] += lo;
      addArc(ground, u, Infinity, 0);
    }
  }
  const sense = m.sense === 'max' ? -1 : 1;
  const minCost = new Float64Array(nCols);
  const colArc = new Int32Array(nCols).fill(-1);
  for (let j = 0; j < nCols; j++) {
    minCost[j] = sense * m.colCost[j];
    const r = colFirst[j];
    if (r < 0) continue;
    const a1 = rowSign[r] * colFirstSign[j];
    const s = colSecond[j];
    let from: number;
    let to: number;
    if (s < 0) {
      from = a1 > 0 ? rowNode[r] : ground;
      to = a1 > 0 ? ground : rowNode[r];
    } else {
      from = a1 > 0 ? rowNode[r] : rowNode[s];
      to = a1 > 0 ? rowNode[s] : rowNode[r];
    }
    const lower = colLower[j];
    // x = lower + f: the lower part leaves `from` and reaches `to` before the flow is decided.
    if (lower !== 0) { supply[from] -= lower; supply[to] += lower; }
    colArc[j] = addArc(from, to, colUpper[j] - lower, minCost[j]);
  }
  let total = 0;
  for (let u = 0; u < ground; u++) total += supply[u];
  // The ground row is minus the sum of all others: it balances the network.
  supply[ground] = -total;
  const problem: FlowProblem = {
    nodes, source: source.slice(0, arcs), target: target.slice(0, arcs), capacity: capacity.slice(0, arcs), cost: cost.slice(0, arcs), supply,
  };
  return { ok: true, form: { problem, ground, rowNode, rowSign, colArc, colLower, colUpper, lowerRow, upperRow, minCost } };
}

export interface NetworkValues {
  readonly values: Float64Array;
  readonly rowDuals: Float64Array;
}

/** Column values and row duals of the LP from an optimal flow and its node potentials. */
export function networkSolution(m: LinearModel, form: NetworkForm, flow: Float64Array, potential: Float64Array): NetworkValues | 'unbounded' {
  const nCols = m.numCols;
  const values = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    const arc = form.colArc[j];
    if (arc >= 0) {
      values[j] = Math.min(form.colUpper[j], Math.max(form.colLower[j], form.colLower[j] + flow[arc]));
    } else if (form.minCost[j] < 0) {
      // In no node row: the column goes to whichever bound is cheaper.
      if (form.colUpper[j] === Infinity) return 'unbounded';
      values[j] = form.colUpper[j];
    } else {
      values[j] = form.colLower[j];
    }
  }
  // Duals in minimisation orientation: y_r = σ_r (π_ground − π_r) for node rows.
  const y = new Float64Array(m.numRows);
  const piGround = potential[form.ground];
  for (let i = 0; i < m.numRows; i++) {
    const u = form.rowNode[i];
    if (u >= 0) y[i] = form.rowSign[i] * (piGround - potential[u]);
  }
  // Reduced costs d_j = c_j − Σ_{node rows} a_ij y_i, for the rows that became bounds.
  const reduced = form.minCost.slice();
  for (let i = 0; i < m.numRows; i++) {
    if (form.rowNode[i] < 0 || y[i] === 0) continue;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) reduced[m.rowIndex[k]] -= m.rowValue[k] * y[i];
  }
  const coefficient = (row: number, j: number) => {
    for (let k = m.rowStart[row]; k < m.rowStart[row + 1]; k++) if (m.rowIndex[k] === j) return m.rowValue[k];
    return 1;
  };
  for (let j = 0; j < nCols; j++) {
    const d = reduced[j];
    if (d === 0) continue;
    // A column held at its upper bound by a row (d < 0: more would pay) prices that row; likewise at its lower bound (d > 0).
    const row = d < 0 ? form.upperRow[j] : form.lowerRow[j];
    const bound = d < 0 ? form.colUpper[j] : form.colLower[j];
    if (row < 0 || Math.abs(values[j] - bound) > 1e-9 * Math.max(1, Math.abs(bound))) continue;
    y[row] = d / coefficient(row, j);
  }
  if (m.sense === 'max') for (let i = 0; i < y.length; i++) y[i] = -y[i];
  return { values, rowDuals: y };
}
