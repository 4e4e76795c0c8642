/**
 * ModelBuilder: accumulates columns, rows, coefficients and cost terms in growable typed arrays
 * and packs them into a LinearModel. Coefficients may be added in any order (row, column, value
 * triplets); `finish` sorts them into compressed rows, merges duplicates and drops empty rows
 * that constrain nothing.
 */
import {
  COLUMN_FAMILIES, COST_KINDS, ROW_FAMILIES,
  type ColumnFamily, type CostKind, type LinearModel, type RowFamily, type Sense,
} from './model';

class F64 {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array { return this.data.slice(0, this.length); }
}

class I32 {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array { return this.data.slice(0, this.length); }
}

export interface ColumnSpec {
  readonly lower?: number;
  readonly upper?: number;
  readonly integer?: boolean;
}

const COL_FAMILY_ID = new Map<ColumnFamily, number>(COLUMN_FAMILIES.map((f, i) => [f, i]));
const ROW_FAMILY_ID = new Map<RowFamily, number>(ROW_FAMILIES.map((f, i) => [f, i]));
const COST_KIND_ID = new Map<CostKind, number>(COST_KINDS.map((k, i) => [k, i]));

export class ModelBuilder {
  private readonly colLower = new F64();
  private readonly colUpper = new F64();
  private readonly colInteger = new I32();
  private readonly colFamily = new I32();
  private readonly colKey = new I32();
  private readonly colNames: string[] = [];
  private readonly rowLower = new F64();
  private readonly rowUpper = new F64();
  private readonly rowFamily = new I32();
  private readonly rowKey = new I32();
  private readonly rowNames: string[] = [];
  private readonly entryRow = new I32();
  private readonly entryCol = new I32();
  private readonly entryValue = new F64();
  private readonly termCol = new I32();
  private readonly termCoef = new F64();
  private readonly termKind = new I32();
  private readonly constants: Partial<Record<CostKind, number>> = {};

  get numCols(): number { return this.colNames.length; }
  get numRows(): number { return this.rowNames.length; }

  /** Adds a column (default bounds 0..∞, continuous) and returns its index. */
  addColumn(family: ColumnFamily, entity: number, period: number, name: string, spec: ColumnSpec = {}): number {
    const integer = spec.integer ?? false;
    this.colLower.push(spec.lower ?? 0);
    this.colUpper.push(spec.upper ?? (integer ? 1 : Infinity));
    this.colInteger.push(integer ? 1 : 0);
    this.colFamily.push(COL_FAMILY_ID.get(family) as number);
    this.colKey.push(entity);
    this.colKey.push(period);
    this.colNames.push(name);
    return this.colNames.length - 1;
  }

  /** Adds a row lower ≤ Σ a·x ≤ upper (coefficients come through `addEntry`) and returns its index. */
  addRow(family: RowFamily, entity: number, period: number, name: string, lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowFamily.push(ROW_FAMILY_ID.get(family) as number);
    this.rowKey.push(entity);
    this.rowKey.push(period);
    this.rowNames.push(name);
    return this.rowNames.length - 1;
  }

  /** A(row, col) += value. Negative indices (an absent column) are ignored. */
  addEntry(row: number, col: number, value: number): void {
    if (col < 0 || row < 0 || value === 0) return;
    this.entryRow.push(row);
    this.entryCol.push(col);
    this.entryValue.push(value);
  }

  /** Adds `coef` (money per unit, cost orientation: revenue negative) of `kind` to a column's cost. */
  addCost(col: number, coef: number, kind: CostKind): void {
    if (col < 0 || coef === 0) return;
    this.termCol.push(col);
    this.termCoef.push(coef);
    this.termKind.push(COST_KIND_ID.get(kind) as number);
  }

  /** A cost that no decision changes (fixed costs of sites that are always open). */
  addConstantCost(amount: number, kind: CostKind): void {
    if (amount !== 0) this.constants[kind] = (this.constants[kind] ?? 0) + amount;
  }

  finish(name: string, sense: Sense): LinearModel {
    const numCols = this.numCols;
    const colCost = new Float64Array(numCols);
    const sign = sense === 'min' ? 1 : -1;
    for (let k = 0; k < this.termCol.length; k++) colCost[this.termCol.data[k]] += sign * this.termCoef.data[k];
    const constant = Object.values(this.constants).reduce((s, v) => s + (v ?? 0), 0);
    const rows = this.packRows();
    return {
      name, sense, objectiveOffset: sign * constant, numCols, numRows: rows.keep.length,
      colLower: this.colLower.view(), colUpper: this.colUpper.view(), colCost,
      colInteger: Uint8Array.from(this.colInteger.view()), colFamily: Uint8Array.from(this.colFamily.view()),
      colKey: this.colKey.view(), colNames: this.colNames,
      rowLower: Float64Array.from(rows.keep, (i) => this.rowLower.data[i]),
      rowUpper: Float64Array.from(rows.keep, (i) => this.rowUpper.data[i]),
      rowFamily: Uint8Array.from(rows.keep, (i) => this.rowFamily.data[i]),
      rowKey: Int32Array.from({ length: rows.keep.length * 2 }, (_, k) => this.rowKey.data[2 * rows.keep[k >> 1] + (k & 1)]),
      rowNames: Array.from(rows.keep, (i) => this.rowNames[i]),
      rowStart: rows.start, rowIndex: rows.index, rowValue: rows.value,
      costTermCol: this.termCol.view(), costTermCoef: this.termCoef.view(),
      costTermKind: Uint8Array.from(this.termKind.view()), constantCosts: { ...this.constants },
    };
  }

  /** Counting sort of the triplets by row, duplicate (row, col) merged, empty satisfiable rows dropped. */
  private packRows(): { keep: Int32Array; start: Int32Array; index: Int32Array; value: Float64Array } {
    const n = this.numRows;
    const count = new Int32Array(n + 1);
    for (let k = 0; k < this.entryRow.length; k++) count[this.entryRow.data[k] + 1]++;
    for (let i = 0; i < n; i++) count[i + 1] += count[i];
    const pos = count.slice();
    const cols = new Int32Array(this.entryRow.length);
    const vals = new Float64Array(this.entryRow.length);
    for (let k = 0; k < this.entryRow.length; k++) {
      const p = pos[this.entryRow.data[k]]++;
      cols[p] = this.entryCol.data[k];
      vals[p] = this.entryValue.data[k];
    }
    const keep = new I32();
    const start = new I32();
    const index = new I32();
    const value = new F64();
    const seen = new Int32Array(this.numCols).fill(-1);
    for (let i = 0; i < n; i++) {
      const first = index.length;
      for (let p = count[i]; p < count[i + 1]; p++) {
        const j = cols[p];
        if (seen[j] >= first) value.data[seen[j]] += vals[p];
        else {
          seen[j] = index.length;
          index.push(j);
          value.push(vals[p]);
        }
      }
      const empty = index.length === first;
      if (empty && this.rowLower.data[i] <= 0 && this.rowUpper.data[i] >= 0) continue;
      keep.push(i);
      start.push(first);
    }
    start.push(index.length);
    return { keep: keep.view(), start: start.view(), index: index.view(), value: value.view() };
  }
}
