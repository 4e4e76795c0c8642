/**
 * The Optimise view's pure helpers: table paging/filter/sort, shadow prices grouped per limit,
 * the plan map's lane widths and site states, the stock chart's series and the status texts.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../../../src/core/plan/execution/execution-types';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import type { PlanResult, ShadowPrice } from '../../../src/core/plan';
import { planMapLayout, MAX_LANE_WIDTH } from '../../../src/ui/plan/plan-map-layout';
import { statusText } from '../../../src/ui/plan/plan-status';
import { groupShadowPrices } from '../../../src/ui/plan/shadow-groups';
import { stockSelection } from '../../../src/ui/plan/stock-selection';
import { queryRows, type Column } from '../../../src/ui/plan/table-model';

function scenario(): Scenario {
  const site = (id: string, kind: string, lat: number, lon: number, extra = {}) => ({ id, name: `<b>${id}</b>`, kind, lat, lon, ...extra });
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 's', name: 's',
    settings: { horizon: 3 },
    sites: [site('F', 'plant', 48, 2), site('D', 'dc', 50, 4), site('N', 'dc', 45, 5, { status: 'potential' }), site('X', 'dc', 44, 0, { status: 'closed' }), site('C', 'customer', 51, 6)],
    products: [{ id: 'P', name: 'P' }, { id: 'Q', name: 'Q' }],
    lanes: [{ id: 'F-D', from: 'F', to: 'D' }, { id: 'D-C', from: 'D', to: 'C' }, { id: 'N-C', from: 'N', to: 'C' }],
    demand: [{ customerId: 'C', productId: 'P', period: 2, quantity: 5 }],
  });
  if (!r.ok) throw new Error('does not load');
  return r.scenario;
}

const flow = (laneId: string, from: string, to: string, productId: string, period: number, quantity: number) =>
  ({ laneId, from, to, productId, period, arrival: period + 1, quantity, cost: 0 });

function result(extra: Partial<PlanResult> = {}): PlanResult {
  return {
    status: 'optimal', headline: 'Optimal plan.', objectiveSense: 'min-cost', currency: 'EUR', periodLabel: 'week', horizon: 3,
    flows: [flow('F-D', 'F', 'D', 'P', 1, 400), flow('D-C', 'D', 'C', 'P', 2, 100), flow('D-C', 'D', 'C', 'Q', 2, 0.5)],
    production: [], stock: [{ siteId: 'D', productId: 'P', period: 1, quantity: 30 }, { siteId: 'D', productId: 'Q', period: 2, quantity: 10 }],
    demand: [], sites: [{ siteId: 'N', open: false, status: 'potential' }, { siteId: 'X', open: false, status: 'closed' }],
    lanes: [], shortfalls: [], shadowPrices: [], issues: [],
    model: { rows: 10, columns: 20, nonzeros: 40, integers: 0 }, timings: { buildMs: 1, solveMs: 1, totalMs: 2 },
    ...extra,
  } as PlanResult;
}

describe('queryRows', () => {
  const rows = Array.from({ length: 45 }, (_, i) => ({ name: i % 2 ? `Lyon ${i}` : `Milan ${i}`, q: (i * 7) % 10 }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'name', label: 'Name', value: (r) => r.name },
    { key: 'q', label: 'Units', numeric: true, value: (r) => r.q, text: (r) => `${r.q} u` },
  ];
  const q = { filter: '', sortKey: null, descending: false, page: 0, pageSize: 20 };

  it('pages: 45 rows in pages of 20, the last page short, a page beyond the end clamped', () => {
    expect(queryRows(rows, columns, q)).toMatchObject({ total: 45, pages: 3, page: 0 });
    expect(queryRows(rows, columns, { ...q, page: 2 }).rows).toHaveLength(5);
    expect(queryRows(rows, columns, { ...q, page: 9 }).page).toBe(2);
  });

  it('filters on the shown text of every column, case-insensitively', () => {
    expect(queryRows(rows, columns, { ...q, filter: 'lyon' }).total).toBe(22);
    expect(queryRows(rows, columns, { ...q, filter: '9 u' }).rows.every((r) => r.q === 9)).toBe(true);
  });

  it('sorts numbers as numbers, descending on request', () => {
    const sorted = queryRows(rows, columns, { ...q, sortKey: 'q', descending: true, pageSize: 45 }).rows.map((r) => r.q);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(sorted[0]).toBe(9);
  });
});

describe('groupShadowPrices', () => {
  const price = (kind: ShadowPrice['kind'], value: number, period: number, siteId = 'F'): ShadowPrice =>
    ({ kind, siteId, productId: 'P', period, value, message: `${kind} ${value} in ${period}` });

  it('one line per limit: its largest price, the periods it binds in; capacities before demand', () => {
    const groups = groupShadowPrices([price('demand', 90, 1, 'C'), price('production', 2, 3), price('production', 5, 1), price('production', 3, 2), price('storage', 1, 2, 'D')]);
    expect(groups.map((g) => [g.kind, g.top.value, g.periods])).toEqual([
      ['production', 5, [1, 2, 3]], ['storage', 1, [2]], ['demand', 90, [1]],
    ]);
  });
});

describe('planMapLayout', () => {
  const layout = planMapLayout(scenario(), result(), 800, 400);

  it('draws lane width growing with the plan\'s total flow (√ scale), unused lanes thin', () => {
    const width = (id: string) => layout.lanes.find((l) => l.id === id)!.width;
    expect(width('F-D')).toBe(MAX_LANE_WIDTH);
    expect(width('D-C')).toBeGreaterThan(1.5);
    expect(width('D-C')).toBeLessThan(width('F-D'));
    expect(width('N-C')).toBe(1);
    expect(layout.lanes.find((l) => l.id === 'D-C')!.flow).toBe(100.5);
  });

  it('marks sites by the plan: existing open, potential unopened, closed', () => {
    const state = Object.fromEntries(layout.sites.map((s) => [s.id, s.state]));
    expect(state).toEqual({ F: 'open', D: 'open', N: 'unopened', X: 'closed', C: 'open' });
    expect(planMapLayout(scenario(), result({ sites: [{ siteId: 'N', open: true, status: 'potential' }] }), 800, 400).sites.find((s) => s.id === 'N')?.state).toBe('opened');
  });

  it('badges the largest capacity shadow prices, one per site, none for demand', () => {
    const prices: ShadowPrice[] = [
      { kind: 'storage', siteId: 'D', period: 1, value: 3, message: 'a' }, { kind: 'storage', siteId: 'D', period: 2, value: 4, message: 'b' },
      { kind: 'demand', siteId: 'C', productId: 'P', period: 2, value: 99, message: 'c' },
    ];
    const badges = planMapLayout(scenario(), result({ shadowPrices: prices }), 800, 400).badges;
    expect(badges.map((b) => [b.key, b.price.message])).toEqual([['site:D', 'b']]);
  });
});

describe('stockSelection', () => {
  const actual = {
    stock: [
      { siteId: 'D', productId: 'P', mean: Float64Array.from([28, 0, 0]), low: Float64Array.from([20, 0, 0]), high: Float64Array.from([35, 0, 0]) },
      { siteId: 'D', productId: 'Q', mean: Float64Array.from([0, 12, 0]), low: Float64Array.from([0, 8, 0]), high: Float64Array.from([0, 15, 0]) },
    ],
  } as unknown as ExecutionResult;

  it('defaults to the site the plan stocks most and sums its products', () => {
    const s = stockSelection(scenario(), result(), actual, '', '')!;
    expect(s.siteId).toBe('D');
    expect(Array.from(s.input.planned)).toEqual([30, 10, 0]);
    expect(Array.from(s.input.mean)).toEqual([28, 12, 0]);
  });

  it('shows one product when asked', () => {
    const s = stockSelection(scenario(), result(), actual, 'D', 'Q')!;
    expect(Array.from(s.input.planned)).toEqual([0, 10, 0]);
    expect(Array.from(s.input.high)).toEqual([0, 15, 0]);
  });
});

describe('statusText', () => {
  it('explains each status and what to do', () => {
    expect(statusText(result({ status: 'feasible', stopReason: 'time-limit', gap: 0.031, model: { rows: 1, columns: 1, nonzeros: 1, integers: 5 } })))
      .toMatchObject({ label: 'Time limit', tone: 'warn', explanation: expect.stringMatching(/best plan found, at most 3\.10 % from the optimum/) });
    expect(statusText(result({ status: 'infeasible' })).tone).toBe('bad');
    expect(statusText(result({ status: 'unbounded' })).explanation).toMatch(/without limit/);
    expect(statusText(result({ status: 'no-solution' })).explanation).toMatch(/Raise the time limit/);
  });
});
