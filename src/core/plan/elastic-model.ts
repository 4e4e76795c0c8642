/**
 * makeElasticModel: the same constraints with penalised slack on the families that may give way.
 * For a row i with weight w (by family):
 *
 *   lower_i > −∞ (≥ or =):  Σ a·x + short_i ≥ lower_i     (short_i ≥ 0: how much the row falls short)
 *   otherwise (≤):           Σ a·x − over_i ≤ upper_i      (over_i ≥ 0: how much the limit is exceeded)
 *
 *   minimise Σ_i w_i · (short_i or over_i)
 *
 * The original objective is dropped: the elastic model answers "what is the least that must give
 * way", and its slacks say which demands, targets or capacities, by how much and when.
 */
import { COLUMN_FAMILIES, COST_KINDS, ROW_FAMILIES, type LinearModel, type RowFamily } from './model';

export type ElasticWeights = Partial<Readonly<Record<RowFamily, number>>>;

const SHORT = COLUMN_FAMILIES.indexOf('short');
const OVER = COLUMN_FAMILIES.indexOf('over');

export function makeElasticModel(m: LinearModel, weights: ElasticWeights): LinearModel {
  const slackOf = new Int32Array(m.numRows).fill(-1);
  const extraLower: number[] = [];
  const extraCost: number[] = [];
  const extraFamily: number[] = [];
  const extraKey: number[] = [];
  const extraNames: string[] = [];
  const sign = new Int8Array(m.numRows);
  for (let i = 0; i < m.numRows; i++) {
    const w = weights[ROW_FAMILIES[m.rowFamily[i]]];
    if (w === undefined) continue;
    const shortfall = Number.isFinite(m.rowLower[i]);
    slackOf[i] = m.numCols + extraLower.length;
    sign[i] = shortfall ? 1 : -1;
    extraLower.push(0);
    extraCost.push(w);
    extraFamily.push(shortfall ? SHORT : OVER);
    extraKey.push(i, -1);
    extraNames.push(`${shortfall ? 'short' : 'over'}(${m.rowNames[i]})`);
  }
  const n = m.numCols + extraLower.length;
  const rowStart = new Int32Array(m.numRows + 1);
  const rowIndex = new Int32Array(m.rowIndex.length + extraLower.length);
  const rowValue = new Float64Array(rowIndex.length);
  let p = 0;
  for (let i = 0; i < m.numRows; i++) {
    rowStart[i] = p;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      rowIndex[p] = m.rowIndex[k];
      rowValue[p++] = m.rowValue[k];
    }
    if (slackOf[i] >= 0) {
      rowIndex[p] = slackOf[i];
      rowValue[p++] = sign[i];
    }
  }
  rowStart[m.numRows] = p;
  const concatF = (a: Float64Array, b: number[]) => { const r = new Float64Array(n); r.set(a); r.set(b, a.length); return r; };
  const violation = COST_KINDS.indexOf('violation');
  const slackCols = Int32Array.from({ length: extraLower.length }, (_, k) => m.numCols + k);
  return {
    ...m,
    name: `${m.name}-elastic`,
    sense: 'min',
    objectiveOffset: 0,
    numCols: n,
    colLower: concatF(m.colLower, extraLower),
    colUpper: concatF(m.colUpper, extraLower.map(() => Infinity)),
    colCost: concatF(new Float64Array(m.numCols), extraCost),
    colInteger: Uint8Array.from({ length: n }, (_, j) => (j < m.numCols ? m.colInteger[j] : 0)),
    colFamily: Uint8Array.from({ length: n }, (_, j) => (j < m.numCols ? m.colFamily[j] : extraFamily[j - m.numCols])),
    colKey: Int32Array.from([...m.colKey, ...extraKey]),
    colNames: [...m.colNames, ...extraNames],
    rowStart, rowIndex, rowValue,
    costTermCol: slackCols,
    costTermCoef: Float64Array.from(extraCost),
    costTermKind: new Uint8Array(extraCost.length).fill(violation),
    constantCosts: {},
  };
}
