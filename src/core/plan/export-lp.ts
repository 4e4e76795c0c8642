/**
 * writeLp: the model as CPLEX LP text, readable by HiGHS, CBC, GLPK (glpsol --lp), CPLEX, Gurobi
 * and SCIP. Names are the model's (LP-safe by construction, names.ts). The objective constant
 * (fixed costs of existing sites) is written as a constant term. A row bounded on both sides with
 * different bounds is written as two rows, `name_lo` and `name_hi`.
 */
import type { LinearModel } from './model';

const TERMS_PER_LINE = 8;

/** Shortest exact decimal; LP and MPS readers all accept exponent notation. */
export function formatNumber(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Object.is(v, -0) ? '0' : String(v);
}

function expression(names: readonly string[], cols: ArrayLike<number>, coefs: ArrayLike<number>, from: number, to: number): string[] {
  const lines: string[] = [];
  let line = '';
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = coefs[k];
    if (c === 0) continue;
    const sign = c < 0 ? '-' : '+';
    const abs = Math.abs(c);
    line += `${count === 0 && sign === '+' ? '' : ` ${sign}`} ${abs === 1 ? '' : `${formatNumber(abs)} `}${names[cols[k]]}`;
    if (++count % TERMS_PER_LINE === 0) { lines.push(line); line = ''; }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function writeLp(m: LinearModel): string {
  const out: string[] = [`\\ ChainLab plan model "${m.name}": ${m.numRows} rows, ${m.numCols} columns`, m.sense === 'min' ? 'Minimize' : 'Maximize'];
  const objCols = Int32Array.from({ length: m.numCols }, (_, j) => j);
  const obj = expression(m.colNames, objCols, m.colCost, 0, m.numCols);
  const constant = m.objectiveOffset !== 0 ? ` ${m.objectiveOffset < 0 ? '-' : '+'} ${formatNumber(Math.abs(m.objectiveOffset))}` : '';
  if (obj.length === 0) obj.push(m.numCols > 0 ? ` 0 ${m.colNames[0]}` : ' 0');
  out.push(` obj:${obj[0]}`, ...obj.slice(1).map((l) => `  ${l}`));
  if (constant) out[out.length - 1] += constant;
  out.push('Subject To');
  for (let i = 0; i < m.numRows; i++) {
    const lo = m.rowLower[i];
    const up = m.rowUpper[i];
    let expr = expression(m.colNames, m.rowIndex, m.rowValue, m.rowStart[i], m.rowStart[i + 1]);
    if (expr.length === 0) expr = [` 0 ${m.colNames[0] ?? 'x'}`];
    const write = (name: string, sense: string, rhs: number) => {
      out.push(` ${name}:${expr[0]}`, ...expr.slice(1).map((l) => `  ${l}`));
      out[out.length - 1] += ` ${sense} ${formatNumber(rhs)}`;
    };
    const name = m.rowNames[i];
    if (lo === up) write(name, '=', lo);
    else if (Number.isFinite(lo) && Number.isFinite(up)) { write(`${name}_lo`, '>=', lo); write(`${name}_hi`, '<=', up); }
    else if (Number.isFinite(lo)) write(name, '>=', lo);
    else if (Number.isFinite(up)) write(name, '<=', up);
  }
  out.push('Bounds');
  const binaries: string[] = [];
  const generals: string[] = [];
  for (let j = 0; j < m.numCols; j++) {
    const name = m.colNames[j];
    const lo = m.colLower[j];
    const up = m.colUpper[j];
    if (m.colInteger[j]) (lo === 0 && up === 1 ? binaries : generals).push(name);
    if (m.colInteger[j] && lo === 0 && up === 1) continue;
    if (lo === 0 && up === Infinity) continue;
    if (lo === up) out.push(` ${name} = ${formatNumber(lo)}`);
    else if (lo === -Infinity && up === Infinity) out.push(` ${name} free`);
    else if (up === Infinity) out.push(` ${name} >= ${formatNumber(lo)}`);
    else out.push(` ${formatNumber(lo)} <= ${name} <= ${formatNumber(up)}`);
  }
  const list = (title: string, names: string[]) => {
    if (names.length === 0) return;
    out.push(title);
    for (let k = 0; k < names.length; k += TERMS_PER_LINE) out.push(` ${names.slice(k, k + TERMS_PER_LINE).join(' ')}`);
  };
  list('Binaries', binaries);
  list('Generals', generals);
  out.push('End', '');
  return out.join('\n');
}
