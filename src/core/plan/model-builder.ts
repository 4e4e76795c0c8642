/**
 * ModelBuilder: accumulates columns, rows, coefficients and cost terms in growable typed arrays
 * and packs them into a LinearModel. Coefficients may be added in any order (row, column, value
 * triplets); `finish` sorts them into compressed rows, merges duplicates and drops empty rows
 * that constrain nothing. Names are made only when read: a per-period column or row keeps its
 * name's stem and period (names.ts: lpStem, stemName), so a model whose solver needs no names (the
 * network simplex, HiGHS) never makes them.
 */
import {
  COLUMN_FAMILIES, COST_KINDS, ROW_FAMILIES,
  type ColumnFamily, type CostKind, type LinearModel, type RowFamily, type Sense,
} from './model';
import { stemName } from './names';

type NumberArray = Float64Array | Int32Array | Uint8Array;

/** A growable typed array: push doubles the capacity when full; view copies out the used part. */
class Grow<A extends NumberArray> {
  data: A;
  length = 0;
  readonly #make: (n: number) => A;
  constructor(make: (n: number) => A, capacity: number) {
    this.#make = make;
    this.data = make(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.#make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): A { return this.data.slice(0, this.length) as A; }
}

const F64 = (n: number) => new Grow((k) => new Float64Array(k), n);
const I32 = (n: number) => new Grow((k) => new Int32Array(k), n);
const U8 = (n: number) => new Grow((k) => new Uint8Array(k), n);

export interface ColumnSpec {
  readonly lower?: number;
  readonly upper?: number;
  readonly integer?: boolean;
}

// Plain objects, not Maps: a property read with a constant key is cheaper than Map.get in the hot add* calls.
const idTable = <K extends string>(keys: readonly K[]): Readonly<Record<K, number>> =>
  Object.fromEntries(keys.map((k, i) => [k, i])) as Record<K, number>;
const COL_FAMILY_ID = idTable<ColumnFamily>(COLUMN_FAMILIES);
const ROW_FAMILY_ID = idTable<RowFamily>(ROW_FAMILIES);
const COST_KIND_ID = idTable<CostKind>(COST_KINDS);
const NO_SPEC: ColumnSpec = {};

/** Expected sizes, so the arrays rarely grow (they still grow when the guess is low). */
export interface SizeHint {
  readonly columns: number;
  readonly rows: number;
  readonly entries: number;
}

export class ModelBuilder {
  private readonly colLower: Grow<Float64Array>;
  private readonly colUpper: Grow<Float64Array>;
  private readonly colInteger: Grow<Uint8Array>;
  private readonly colFamily: Grow<Uint8Array>;
  private readonly colKey: Grow<Int32Array>;
  private readonly colStem: string[] = [];
  private readonly colNamePeriod: Grow<Int32Array>;
  private readonly rowLower: Grow<Float64Array>;
  private readonly rowUpper: Grow<Float64Array>;
  private readonly rowFamily: Grow<Uint8Array>;
  private readonly rowKey: Grow<Int32Array>;
  private readonly rowStem: string[] = [];
  private readonly rowNamePeriod: Grow<Int32Array>;
  private readonly entryRow: Grow<Int32Array>;
  private readonly entryCol: Grow<Int32Array>;
  private readonly entryValue: Grow<Float64Array>;
  private readonly termCol: Grow<Int32Array>;
  private readonly termCoef: Grow<Float64Array>;
  private readonly termKind: Grow<Uint8Array>;
  private readonly constants: Partial<Record<CostKind, number>> = {};

  constructor(hint: SizeHint = { columns: 1024, rows: 1024, entries: 4096 }) {
    const { columns: c, rows: r, entries: e } = hint;
    this.colLower = F64(c); this.colUpper = F64(c); this.colInteger = U8(c); this.colFamily = U8(c); this.colKey = I32(2 * c); this.colNamePeriod = I32(c);
    this.rowLower = F64(r); this.rowUpper = F64(r); this.rowFamily = U8(r); this.rowKey = I32(2 * r); this.rowNamePeriod = I32(r);
    this.entryRow = I32(e); this.entryCol = I32(e); this.entryValue = F64(e);
    this.termCol = I32(c); this.termCoef = F64(c); this.termKind = U8(c);
  }

  get numCols(): number { return this.colStem.length; }
  get numRows(): number { return this.rowStem.length; }

  /** Adds a column (default bounds 0..∞, continuous) named `name` and returns its index. */
  addColumn(family: ColumnFamily, entity: number, period: number, name: string, spec: ColumnSpec = NO_SPEC): number {
    return this.column(family, entity, period, name, -1, spec);
  }

  /** addColumn for a column of period ≥ 1 named stemName(stem, period) (stem from lpStem). */
  addPeriodColumn(family: ColumnFamily, entity: number, period: number, stem: string, spec: ColumnSpec = NO_SPEC): number {
    return this.column(family, entity, period, stem, period, spec);
  }

  private column(family: ColumnFamily, entity: number, period: number, stem: string, namePeriod: number, spec: ColumnSpec): number {
    const integer = spec.integer ?? false;
    this.colLower.push(spec.lower ?? 0);
    this.colUpper.push(spec.upper ?? (integer ? 1 : Infinity));
    this.colInteger.push(integer ? 1 : 0);
    this.colFamily.push(COL_FAMILY_ID[family]);
    this.colKey.push(entity);
    this.colKey.push(period);
    this.colNamePeriod.push(namePeriod);
    this.colStem.push(stem);
    return this.colStem.length - 1;
  }

  /** Adds a row lower ≤ Σ a·x ≤ upper named `name` (coefficients come through `addEntry`) and returns its index. */
  addRow(family: RowFamily, entity: number, period: number, name: string, lower: number, upper: number): number {
    return this.row(family, entity, period, name, -1, lower, upper);
  }

  /** addRow for a row of period ≥ 1 named stemName(stem, period) (stem from lpStem). */
  addPeriodRow(family: RowFamily, entity: number, period: number, stem: string, lower: number, upper: number): number {
    return this.row(family, entity, period, stem, period, lower, upper);
  }

  private row(family: RowFamily, entity: number, period: number, stem: string, namePeriod: number, lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowFamily.push(ROW_FAMILY_ID[family]);
    this.rowKey.push(entity);
    this.rowKey.push(period);
    this.rowNamePeriod.push(namePeriod);
    this.rowStem.push(stem);
    return this.rowStem.length - 1;
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
    this.termKind.push(COST_KIND_ID[kind]);
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
    const n = rows.keep.length;
    const rowLower = new Float64Array(n);
    const rowUpper = new Float64Array(n);
    const rowFamily = new Uint8Array(n);
    const rowKey = new Int32Array(2 * n);
    for (let r = 0; r < n; r++) {
      const i = rows.keep[r];
      rowLower[r] = this.rowLower.data[i];
      rowUpper[r] = this.rowUpper.data[i];
      rowFamily[r] = this.rowFamily.data[i];
      rowKey[2 * r] = this.rowKey.data[2 * i];
      rowKey[2 * r + 1] = this.rowKey.data[2 * i + 1];
    }
    const model = {
      name, sense, objectiveOffset: sign * constant, numCols, numRows: n,
      colLower: this.colLower.view(), colUpper: this.colUpper.view(), colCost,
      colInteger: this.colInteger.view(), colFamily: this.colFamily.view(),
      colKey: this.colKey.view(), colNames: [] as readonly string[],
      rowLower, rowUpper, rowFamily, rowKey, rowNames: [] as readonly string[],
      rowStart: rows.start, rowIndex: rows.index, rowValue: rows.value,
      costTermCol: this.termCol.view(), costTermCoef: this.termCoef.view(),
      costTermKind: this.termKind.view(), constantCosts: { ...this.constants },
    };
    const colStem = this.colStem;
    const colPeriod = this.colNamePeriod.view();
    const rowStem = this.rowStem;
    const rowPeriod = this.rowNamePeriod.data;
    const keep = rows.keep;
    // Exactly this model's columns, even if the builder goes on adding after finish.
    lazyProperty(model, 'colNames', () => Array.from({ length: numCols }, (_, j) => stemName(colStem[j], colPeriod[j])));
    lazyProperty(model, 'rowNames', () => Array.from(keep, (i) => stemName(rowStem[i], rowPeriod[i])));
    return model;
  }

  /**
   * Triplets → compressed rows: a counting sort by row (skipped when, as the define* functions
   * write them, entries already come row by row), duplicate (row, col) merged, empty rows that
   * constrain nothing dropped.
   */
  private packRows(): { keep: Int32Array; start: Int32Array; index: Int32Array; value: Float64Array } {
    const n = this.numRows;
    const e = this.entryRow.length;
    const rowOf = this.entryRow.data;
    const count = new Int32Array(n + 1);
    let sorted = true;
    for (let k = 0; k < e; k++) {
      count[rowOf[k] + 1]++;
      if (k > 0 && rowOf[k] < rowOf[k - 1]) sorted = false;
    }
    for (let i = 0; i < n; i++) count[i + 1] += count[i];
    let cols = this.entryCol.data;
    let vals = this.entryValue.data;
    if (!sorted) {
      const pos = count.slice();
      cols = new Int32Array(e);
      vals = new Float64Array(e);
      for (let k = 0; k < e; k++) {
        const p = pos[rowOf[k]]++;
        cols[p] = this.entryCol.data[k];
        vals[p] = this.entryValue.data[k];
      }
    }
    const keep = new Int32Array(n);
    const start = new Int32Array(n + 1);
    const index = new Int32Array(e);
    const value = new Float64Array(e);
    const seen = new Int32Array(this.numCols).fill(-1);
    let kept = 0;
    let out = 0;
    for (let i = 0; i < n; i++) {
      const first = out;
      for (let p = count[i]; p < count[i + 1]; p++) {
        const j = cols[p];
        if (seen[j] >= first) value[seen[j]] += vals[p];
        else {
          seen[j] = out;
          index[out] = j;
          value[out++] = vals[p];
        }
      }
      if (out === first && this.rowLower.data[i] <= 0 && this.rowUpper.data[i] >= 0) continue;
      keep[kept] = i;
      start[kept++] = first;
    }
    start[kept] = out;
    return { keep: keep.slice(0, kept), start: start.slice(0, kept + 1), index: index.slice(0, out), value: value.slice(0, out) };
  }
}

/**
 * Replaces `key` by an enumerable getter that computes the value once, on first read. Spreads,
 * structured clones and JSON read it like a plain property.
 */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= make()),
  });
}
