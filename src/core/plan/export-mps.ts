/**
 * writeMps: the model as free-format MPS text (names without spaces, fields separated by blanks),
 * readable by HiGHS, CBC, GLPK (glpsol --freemps), CPLEX, Gurobi and SCIP. Conventions:
 * `OBJSENSE MAX` for max-profit models; the objective constant is written as the objective row's
 * RHS with its sign flipped (objective = c·x − RHS_obj, as HiGHS, CPLEX and Gurobi read it);
 * integer columns are between INTORG/INTEND markers with explicit bounds (BV for binaries, PL for
 * integers without an upper bound, since old readers default integers to [0, 1]).
 */
import { formatNumber } from './export-lp';
import type { LinearModel } from './model';

export function writeMps(m: LinearModel): string {
  const out: string[] = [`* ChainLab plan model "${m.name}": ${m.numRows} rows, ${m.numCols} columns`, `NAME ${m.name.replace(/\s+/g, '_') || 'chainlab'}`];
  if (m.sense === 'max') out.push('OBJSENSE', '    MAX');
  out.push('ROWS', ' N  obj');
  for (let i = 0; i < m.numRows; i++) {
    const lo = m.rowLower[i];
    const up = m.rowUpper[i];
    const type = lo === up ? 'E' : Number.isFinite(lo) ? 'G' : Number.isFinite(up) ? 'L' : 'N';
    out.push(` ${type}  ${m.rowNames[i]}`);
  }
  // Transpose the CSR rows into columns.
  const count = new Int32Array(m.numCols + 1);
  for (let k = 0; k < m.rowIndex.length; k++) count[m.rowIndex[k] + 1]++;
  for (let j = 0; j < m.numCols; j++) count[j + 1] += count[j];
  const pos = count.slice();
  const rowOf = new Int32Array(m.rowIndex.length);
  const valOf = new Float64Array(m.rowIndex.length);
  for (let i = 0; i < m.numRows; i++) {
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      const p = pos[m.rowIndex[k]]++;
      rowOf[p] = i;
      valOf[p] = m.rowValue[k];
    }
  }
  out.push('COLUMNS');
  let marker = 0;
  let inInt = false;
  for (let j = 0; j < m.numCols; j++) {
    const integer = m.colInteger[j] === 1;
    if (integer !== inInt) {
      out.push(`    MARKER${String(marker++).padStart(4, '0')}  'MARKER'  '${integer ? 'INTORG' : 'INTEND'}'`);
      inInt = integer;
    }
    const name = m.colNames[j];
    const entries = m.colCost[j] !== 0 ? [`obj ${formatNumber(m.colCost[j])}`] : [];
    for (let p = count[j]; p < count[j + 1]; p++) if (valOf[p] !== 0) entries.push(`${m.rowNames[rowOf[p]]} ${formatNumber(valOf[p])}`);
    if (entries.length === 0) entries.push('obj 0');
    for (const e of entries) out.push(`    ${name}  ${e}`);
  }
  if (inInt) out.push(`    MARKER${String(marker).padStart(4, '0')}  'MARKER'  'INTEND'`);
  out.push('RHS');
  if (m.objectiveOffset !== 0) out.push(`    RHS  obj  ${formatNumber(-m.objectiveOffset)}`);
  const ranges: string[] = [];
  for (let i = 0; i < m.numRows; i++) {
    const lo = m.rowLower[i];
    const up = m.rowUpper[i];
    const rhs = lo === up || Number.isFinite(lo) ? lo : up;
    if (Number.isFinite(rhs) && rhs !== 0) out.push(`    RHS  ${m.rowNames[i]}  ${formatNumber(rhs)}`);
    if (lo !== up && Number.isFinite(lo) && Number.isFinite(up)) ranges.push(`    RNG  ${m.rowNames[i]}  ${formatNumber(up - lo)}`);
  }
  if (ranges.length > 0) out.push('RANGES', ...ranges);
  out.push('BOUNDS');
  for (let j = 0; j < m.numCols; j++) {
    const name = m.colNames[j];
    const lo = m.colLower[j];
    const up = m.colUpper[j];
    if (m.colInteger[j] && lo === 0 && up === 1) { out.push(` BV BND  ${name}`); continue; }
    if (lo === up) { out.push(` FX BND  ${name}  ${formatNumber(lo)}`); continue; }
    if (lo === -Infinity && up === Infinity) { out.push(` FR BND  ${name}`); continue; }
    if (lo === -Infinity) out.push(` MI BND  ${name}`);
    else if (lo !== 0) out.push(` LO BND  ${name}  ${formatNumber(lo)}`);
    if (up !== Infinity) out.push(` UP BND  ${name}  ${formatNumber(up)}`);
    else if (m.colInteger[j]) out.push(` PL BND  ${name}`);
  }
  out.push('ENDATA', '');
  return out.join('\n');
}
