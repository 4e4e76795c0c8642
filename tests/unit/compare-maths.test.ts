/**
 * The comparison maths of "Compare what-ifs": Δ and Δ % (a zero baseline, NaN, a negative
 * baseline), better/worse by each KPI's direction with a tolerance, "within noise" when the
 * 95 % intervals of Monte Carlo estimates overlap, the KPI catalogue's choices (company with
 * the largest revenue, farthest echelon), the comparison table and its CSV. Every expected
 * number is worked out by hand from the inputs written here.
 */
import { describe, expect, it } from 'vitest';
import { comparisonCsv } from '../../src/core/compare/comparison-csv';
import { buildComparison, verdictCounts } from '../../src/core/compare/comparison-table';
import { compareKpi, intervalsOverlap, percentChange } from '../../src/core/compare/deltas';
import { KPI_CATALOGUE } from '../../src/core/compare/kpi-catalogue';
import { kpiValue } from '../../src/core/compare/kpi-values';
import { parseCsv } from '../../src/core/io/csv';
import { combineReplications } from '../../src/core/sim';
import { costs, party, summary } from './compare-fixtures';

const point = (x: number) => kpiValue(x);
const kpi = (id: string) => {
  const k = KPI_CATALOGUE.find((d) => d.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};

describe('Δ and Δ %', () => {
  it('is value − baseline, and Δ ÷ |baseline| with the sign of Δ', () => {
    expect(percentChange(200, 250)).toBeCloseTo(0.25, 12);
    expect(percentChange(200, 150)).toBeCloseTo(-0.25, 12);
    // A negative baseline: margin −100 → −50 went up by 50 %, −100 → −150 down by 50 %.
    expect(percentChange(-100, -50)).toBeCloseTo(0.5, 12);
    expect(percentChange(-100, -150)).toBeCloseTo(-0.5, 12);
    const d = compareKpi(point(0.9), point(0.95), 'higher');
    expect(d.abs).toBeCloseTo(0.05, 12);
    expect(d.pct).toBeCloseTo(0.05 / 0.9, 12);
  });

  it('has no percentage against a zero baseline, except 0 → 0 which is 0 %', () => {
    expect(percentChange(0, 0)).toBe(0);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(0, -5)).toBeNull();
    const lost = compareKpi(point(0), point(12), 'lower');
    expect(lost).toEqual({ abs: 12, pct: null, verdict: 'worse' });
    expect(compareKpi(point(0), point(0), 'lower')).toEqual({ abs: 0, pct: 0, verdict: 'same' });
  });

  it('says "unknown" when either side is not a number (a ratio over 0 is NaN)', () => {
    expect(compareKpi(point(Number.NaN), point(3), 'lower')).toMatchObject({ verdict: 'unknown' });
    expect(compareKpi(point(3), point(Number.NaN), 'higher')).toMatchObject({ verdict: 'unknown' });
    expect(Number.isNaN(compareKpi(point(3), point(Number.NaN), 'higher').abs)).toBe(true);
    expect(percentChange(Number.NaN, 1)).toBeNaN();
    expect(kpiValue(undefined).mean).toBeNaN();
    expect(kpiValue('x').mean).toBeNaN();
  });
});

describe('better / worse by direction', () => {
  it('judges an increase better for "higher" KPIs and worse for "lower" ones, and the reverse', () => {
    expect(compareKpi(point(10), point(12), 'higher').verdict).toBe('better');
    expect(compareKpi(point(10), point(8), 'higher').verdict).toBe('worse');
    expect(compareKpi(point(10), point(12), 'lower').verdict).toBe('worse');
    expect(compareKpi(point(10), point(8), 'lower').verdict).toBe('better');
    expect(kpi('fill-rate').direction).toBe('higher');
    expect(kpi('cost-total').direction).toBe('lower');
    expect(kpi('margin').direction).toBe('higher');
    expect(kpi('cash-to-cash').direction).toBe('lower');
    expect(kpi('bullwhip').direction).toBe('lower');
    expect(kpi('turns').direction).toBe('higher');
  });

  it('calls a difference within the tolerance "same" (0.01 % of the larger value by default)', () => {
    // 1,000,000 vs 1,000,050: |Δ| = 50 ≤ 1e-9 + 1e-4 × 1,000,050 = 100.005.
    expect(compareKpi(point(1_000_000), point(1_000_050), 'lower').verdict).toBe('same');
    // 1,000,000 vs 1,000,200: |Δ| = 200 > 100.02.
    expect(compareKpi(point(1_000_000), point(1_000_200), 'lower').verdict).toBe('worse');
    // A custom tolerance: ±1 absolute.
    expect(compareKpi(point(5), point(5.8), 'higher', { absolute: 1, relative: 0 }).verdict).toBe('same');
    expect(compareKpi(point(5), point(6.2), 'higher', { absolute: 1, relative: 0 }).verdict).toBe('better');
  });
});

describe('confidence intervals', () => {
  // Three replications of fill rate 0.90, 0.92, 0.94: mean 0.92, s = 0.02,
  // half-width t(0.975; 2) · s / √3 = 4.3027 × 0.02 / 1.7320508 = 0.0496833.
  const base = combineReplications([0.9, 0.92, 0.94].map((f) => summary({ total: { fillRate: f } })));
  it('reads an estimate with its 95 % interval', () => {
    const v = kpiValue(base.total.fillRate);
    expect(v.mean).toBeCloseTo(0.92, 12);
    expect(v.halfWidth).toBeCloseTo(0.0496833, 6);
    expect(v.low).toBeCloseTo(0.8703167, 6);
    expect(v.high).toBeCloseTo(0.9696833, 6);
    expect(v.hasInterval).toBe(true);
    expect(point(3).hasInterval).toBe(false);
  });

  it('calls overlapping intervals "within noise", separate ones better/worse', () => {
    // 0.95, 0.96, 0.97: mean 0.96, s = 0.01, hw = 0.0248417 → [0.9351583, 0.9848417]: overlaps [0.870, 0.970].
    const near = combineReplications([0.95, 0.96, 0.97].map((f) => summary({ total: { fillRate: f } })));
    // 0.99, 0.995, 1.0: mean 0.995, s = 0.005, hw = 0.0124208 → [0.9825792, 1.0074208]: above 0.9696833.
    const far = combineReplications([0.99, 0.995, 1].map((f) => summary({ total: { fillRate: f } })));
    const b = kpiValue(base.total.fillRate);
    expect(intervalsOverlap(b, kpiValue(near.total.fillRate))).toBe(true);
    expect(compareKpi(b, kpiValue(near.total.fillRate), 'higher')).toMatchObject({ verdict: 'noise' });
    expect(intervalsOverlap(b, kpiValue(far.total.fillRate))).toBe(false);
    expect(compareKpi(b, kpiValue(far.total.fillRate), 'higher')).toMatchObject({ verdict: 'better' });
    // A single run inside the baseline's interval is noise too; one outside it is not.
    expect(compareKpi(b, point(0.95), 'higher').verdict).toBe('noise');
    expect(compareKpi(b, point(0.99), 'higher').verdict).toBe('better');
    // Two single runs never are "noise": a seeded difference is a difference.
    expect(compareKpi(point(0.92), point(0.95), 'higher').verdict).toBe('better');
  });

  it('treats an estimate without a finite interval (one replication) as a point', () => {
    const one = combineReplications([summary({ total: { fillRate: 0.5 } })]);
    const v = kpiValue(one.total.fillRate);
    expect(v).toMatchObject({ mean: 0.5, low: 0.5, high: 0.5, hasInterval: false });
    expect(compareKpi(v, point(0.6), 'higher').verdict).toBe('better');
  });
});

describe('KPI catalogue', () => {
  it('reads cash-to-cash of the company with the largest revenue, ignoring external parties', () => {
    const s = summary({
      parties: [
        party('small', { revenue: 100, cashToCash: 10 }),
        party('big', { revenue: 900, cashToCash: 42 }),
        party('customers', { external: true, revenue: 5000, cashToCash: 1 }),
      ],
    });
    expect(kpi('cash-to-cash').read(s)).toBe(42);
    expect(kpi('cash-to-cash').read(summary({ parties: [party('idle')] }))).toBeUndefined();
  });

  it('reads bullwhip of the echelon farthest from the customers (echelon ≥ 1)', () => {
    const s = summary({
      echelons: [
        { echelon: 0, sites: ['c'], bullwhipVsCustomer: 1 },
        { echelon: 2, sites: ['plant'], bullwhipVsCustomer: 3.5 },
        { echelon: 1, sites: ['dc'], bullwhipVsCustomer: 1.8 },
      ],
    });
    expect(kpi('bullwhip').read(s)).toBe(3.5);
    expect(kpi('bullwhip').read(summary({ echelons: [{ echelon: 0, sites: ['c'], bullwhipVsCustomer: 1 }] }))).toBeUndefined();
  });

  it('covers every KPI the issue names, each with a definition', () => {
    const ids = KPI_CATALOGUE.map((k) => k.id);
    expect(ids).toEqual([
      'fill-rate', 'cycle-service-level', 'lost-sales', 'backorders-avg', 'on-hand-avg', 'inventory-value',
      'cost-holding', 'cost-transport', 'cost-production', 'cost-ordering', 'cost-shortage', 'cost-total',
      'revenue', 'margin', 'cash-to-cash', 'bullwhip', 'turns',
    ]);
    for (const k of KPI_CATALOGUE) expect(k.definition.length).toBeGreaterThan(20);
  });
});

describe('comparison table and CSV', () => {
  const base = summary({ total: { fillRate: 0.9, lostSales: 0, costs: costs({ holding: 100, transport: 300 }), margin: 2000 } });
  const whatIf = summary({ total: { fillRate: 0.95, lostSales: 12, costs: costs({ holding: 80, transport: 300 }), margin: 1500 } });

  it('has one row per KPI, no delta in the baseline column, null cells where a scenario has no result', () => {
    const rows = buildComparison([base, whatIf, null]);
    expect(rows).toHaveLength(KPI_CATALOGUE.length);
    const fill = rows.find((r) => r.kpi.id === 'fill-rate')!;
    expect(fill.cells[0]?.delta).toBeNull();
    expect(fill.cells[1]?.delta?.verdict).toBe('better');
    expect(fill.cells[2]).toBeNull();
    const holding = rows.find((r) => r.kpi.id === 'cost-holding')!;
    expect(holding.cells[1]?.delta).toMatchObject({ abs: -20, verdict: 'better' });
    expect(holding.cells[1]?.delta?.pct).toBeCloseTo(-0.2, 12);
    // Totals: holding 100 + transport 300 = 400 → 80 + 300 = 380.
    expect(rows.find((r) => r.kpi.id === 'cost-total')!.cells[1]?.delta?.abs).toBe(-20);
    // fill, holding, total better; lost sales and margin worse; cash-to-cash and bullwhip unknown
    // (these summaries have no selling company and no echelons); the other 10 KPIs equal.
    expect(verdictCounts(rows, 1)).toEqual({ better: 3, worse: 2, same: 10, noise: 0, unknown: 2 });
  });

  it('has no deltas when the baseline has no result', () => {
    const rows = buildComparison([null, whatIf]);
    expect(rows[0].cells[0]).toBeNull();
    expect(rows[0].cells[1]?.delta).toBeNull();
  });

  it('exports both scenarios with raw numbers, deltas, Δ % in percent, verdicts; names made safe', () => {
    const csv = comparisonCsv(['Base', '=HYPERLINK("x")'], buildComparison([base, whatIf]), 'EUR');
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...records] = parsed.records;
    expect(header).toEqual([
      'kpi', 'unit', 'better when', 'Base: value', 'Base: ±95% CI',
      `'=HYPERLINK("x"): value`, `'=HYPERLINK("x"): ±95% CI`, `'=HYPERLINK("x"): delta`, `'=HYPERLINK("x"): delta %`, `'=HYPERLINK("x"): vs baseline`,
    ]);
    expect(records).toHaveLength(KPI_CATALOGUE.length);
    const byKpi = new Map(records.map((r) => [r[0], r]));
    expect(byKpi.get('Fill rate')).toEqual(['Fill rate', 'share 0-1', 'higher', '0.9', '', '0.95', '', String(0.95 - 0.9), String(((0.95 - 0.9) / 0.9) * 100), 'better']);
    // Lost sales 0 → 12: no percentage against a zero baseline, an empty cell.
    expect(byKpi.get('Lost sales')).toEqual(['Lost sales', 'units', 'lower', '0', '', '12', '', '12', '', 'worse']);
    expect(byKpi.get('Margin')?.slice(5)).toEqual(['1500', '', '-500', '-25', 'worse']);
    expect(byKpi.get('Cost: holding')?.[1]).toBe('EUR');
  });

  it('writes the CI half-width of estimates and "no result" for a missing scenario', () => {
    const est = combineReplications([0.9, 0.92, 0.94].map((f) => summary({ total: { fillRate: f } })));
    const parsed = parseCsv(comparisonCsv(['MC', 'None', 'MC'], buildComparison([est, null, est]), 'EUR'));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, fill] = parsed.records;
    // kpi, unit, better when | MC value, CI | None value, CI, delta, delta %, verdict | MC (2) …
    expect(header[12]).toBe('MC (2): delta');
    expect(Number(fill[3])).toBeCloseTo(0.92, 12);
    expect(Number(fill[4])).toBeCloseTo(0.0496833, 6);
    expect(fill.slice(5, 10)).toEqual(['', '', '', '', 'no result']);
    expect(fill.slice(12)).toEqual(['0', '0', 'same']);
  });
});
