/**
 * The KPI comparison of 2–4 scenarios: one row per KPI of the catalogue, one cell per scenario
 * (the first is the baseline, so its cell has no delta). A scenario without a result has null
 * cells; a KPI its summary lacks has a NaN value (shown as "—", verdict unknown).
 */
import { compareKpi, DEFAULT_TOLERANCE, type KpiDelta, type Tolerance } from './deltas';
import { KPI_CATALOGUE, type KpiDef } from './kpi-catalogue';
import { kpiValue, type AnySummary, type KpiValue } from './kpi-values';

export interface ComparisonCell {
  readonly value: KpiValue;
  /** Null in the baseline column and where either side has no result. */
  readonly delta: KpiDelta | null;
}

export interface ComparisonRow {
  readonly kpi: KpiDef;
  /** One per scenario, in column order; null where the scenario has no result. */
  readonly cells: readonly (ComparisonCell | null)[];
}

export function buildComparison(
  summaries: readonly (AnySummary | null)[],
  catalogue: readonly KpiDef[] = KPI_CATALOGUE,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): ComparisonRow[] {
  return catalogue.map((kpi) => {
    const values = summaries.map((s) => (s ? kpiValue(kpi.read(s)) : null));
    const base = values[0];
    const cells = values.map((value, i): ComparisonCell | null => {
      if (!value) return null;
      const delta = i === 0 || !base ? null : compareKpi(base, value, kpi.direction, tolerance);
      return { value, delta };
    });
    return { kpi, cells };
  });
}

/** How many KPIs got better, worse, … for one scenario column (a one-line summary of a what-if). */
export function verdictCounts(rows: readonly ComparisonRow[], column: number): Record<KpiDelta['verdict'], number> {
  const counts = { better: 0, worse: 0, same: 0, noise: 0, unknown: 0 };
  for (const r of rows) {
    const v = r.cells[column]?.delta?.verdict;
    if (v) counts[v]++;
  }
  return counts;
}
