/**
 * The KPI comparison as a CSV table (RFC 4180, formula-safe through core/io/csv): one row per
 * KPI; per scenario its value and CI half-width, and for every scenario but the baseline Δ,
 * Δ % and the verdict. Numbers are raw (shares as fractions 0–1, money in the currency), so a
 * spreadsheet can compute with them; cells without a number are empty.
 */
import { writeCsv, type CsvCell } from '../io/csv';
import type { ComparisonRow } from './comparison-table';
import { unitLabel } from './kpi-catalogue';

const num = (x: number | null | undefined): CsvCell => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Column names made unique: a second "Base" becomes "Base (2)". */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
}

export function comparisonCsv(names: readonly string[], rows: readonly ComparisonRow[], currency: string): string {
  const cols = uniqueNames(names);
  const header: CsvCell[] = ['kpi', 'unit', 'better when'];
  cols.forEach((name, i) => {
    header.push(`${name}: value`, `${name}: ±95% CI`);
    if (i > 0) header.push(`${name}: delta`, `${name}: delta %`, `${name}: vs baseline`);
  });
  const records: CsvCell[][] = [header];
  for (const row of rows) {
    const unit = row.kpi.unit === 'share' ? 'share 0-1' : unitLabel(row.kpi.unit, currency);
    const rec: CsvCell[] = [row.kpi.label, unit, row.kpi.direction];
    row.cells.forEach((cell, i) => {
      rec.push(num(cell?.value.mean), num(cell?.value.halfWidth));
      if (i === 0) return;
      const d = cell?.delta ?? null;
      const verdict = d ? d.verdict : cell ? 'no baseline result' : 'no result';
      rec.push(num(d?.abs), d && d.pct !== null ? num(d.pct * 100) : null, verdict);
    });
    records.push(rec);
  }
  return writeCsv(records);
}
