/**
 * The beer game under Sterman's anchoring-and-adjustment rule (Sterman 1989, Management Science
 * 35(3)): retailer → wholesaler → distributor → factory, 2-week mailing delay for orders, 2-week
 * shipping delay, the factory brews with a 3-week lag; 12 cases on hand, 4 in every delay slot;
 * customer demand 4 a week, stepping to 8 in week 5. Every stage orders
 *   O = max(0, L̂ + α_S (S* − S − β SL)),  α_S = 0.26, β = 0.34, θ = 0.36 (his mean estimates),
 * with S* set so that the start is an equilibrium (orders of 4). Sterman's findings: orders
 * oscillate, their amplitude grows upstream (the bullwhip), and peaks come later upstream.
 *
 * In the engine: an order placed at the end of week t with information delay 1 is read upstream
 * in week t + 2 and, shipped then with lead time 2, received in week t + 4. The factory's
 * "brewery" is an unlimited supplier with lead time 2 and no order delay (received in t + 3).
 */
import { describe, expect, it } from 'vitest';
import { simulateScenario, type InitialOrder } from '../../src/core/sim';
import { scenario, site, steadyDemand } from './sim-scenarios';

const stages = ['retailer', 'wholesaler', 'distributor', 'factory'] as const;
const upstreamOf = { retailer: 'wholesaler', wholesaler: 'distributor', distributor: 'factory', factory: 'brewery' } as const;
const WEEKS = 36;

function beerGame() {
  const lanes = stages.map((s) => ({
    id: `${upstreamOf[s]}-${s}`, from: upstreamOf[s], to: s, leadTime: 2, infoDelay: s === 'factory' ? 0 : 1,
  }));
  // Supply line before ordering in equilibrium: 3 orders of 4 (mailing + shipping), 2 at the factory.
  const desired = (s: string) => 12 + 0.34 * (s === 'factory' ? 8 : 12);
  const demand = steadyDemand('customers', WEEKS, 4).map((d, i) => ({ ...d, quantity: i < 4 ? 4 : 8 }));
  const s = scenario({
    settings: { horizon: WEEKS, shortagePenalty: 1 },
    sites: [site('brewery', 'supplier'), ...stages.map((x) => site(x, x === 'retailer' ? 'retailer' : x === 'factory' ? 'plant' : 'dc', { holdingCost: 0.5 })), site('customers', 'customer')],
    products: [{ id: 'p', name: 'beer' }],
    lanes: [...lanes, { id: 'retailer-customers', from: 'retailer', to: 'customers', leadTime: 0 }],
    demand,
    inventory: stages.map((x) => ({
      siteId: x, productId: 'p', policy: 'sterman', initialStock: 12, orderUpTo: desired(x),
      stockAdjustment: 0.26, supplyLineWeight: 0.34, smoothing: 0.36,
    })),
    inTransit: lanes.flatMap((l) => [1, 2].map((arrivalPeriod) => ({ laneId: l.id, productId: 'p', arrivalPeriod, quantity: 4 }))),
  });
  const initialOrders: InitialOrder[] = lanes.flatMap((l) => (l.infoDelay === 1 ? [1, 2] : [1]).map((arrivalPeriod) => ({ laneId: l.id, arrivalPeriod, quantity: 4 })));
  return simulateScenario(s, { initialOrders });
}

describe("beer game under Sterman's rule", () => {
  const r = beerGame();
  const N = r.series.nodes;
  const series = (siteId: string, metric: 'ordered' | 'onHand' | 'backorders') => {
    const k = r.nodes.siteId.indexOf(siteId);
    return Array.from({ length: WEEKS }, (_, t) => r.series.node![metric][t * N + k]);
  };
  const orders = Object.fromEntries(stages.map((s) => [s, series(s, 'ordered')])) as Record<(typeof stages)[number], number[]>;
  const variance = (xs: number[]) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1); };

  it('starts in equilibrium: every stage orders 4 a week until the step reaches it', () => {
    for (const s of stages) expect(orders[s].slice(0, 4).map((x) => +x.toFixed(4))).toEqual([4, 4, 4, 4]);
  });

  it('the variance of orders grows upstream: factory > distributor > wholesaler > retailer', () => {
    const v = stages.map((s) => variance(orders[s]));
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]);
    // The engine's bullwhip KPI (vs end-customer demand) tells the same story.
    const kpi = stages.map((s) => r.summary.sites.find((x) => x.siteId === s)!.bullwhipVsCustomer);
    for (let i = 1; i < kpi.length; i++) expect(kpi[i]).toBeGreaterThan(kpi[i - 1]);
    expect(kpi[0]).toBeGreaterThan(1);
  });

  it('peak orders are amplified upstream, and each stage reacts later than the one below', () => {
    const peak = stages.map((s) => Math.max(...orders[s]));
    expect(peak[0]).toBeGreaterThan(8);
    // The week orders first rise above 5 (the reaction to the step) comes later upstream.
    const onset = stages.map((s) => orders[s].findIndex((q) => q > 5));
    for (let i = 1; i < stages.length; i++) {
      expect(peak[i]).toBeGreaterThan(peak[i - 1]);
      expect(onset[i]).toBeGreaterThan(onset[i - 1]);
    }
  });

  it('oscillation: each stage runs into backorders, then overshoots into surplus stock', () => {
    for (const s of stages) {
      const onHand = series(s, 'onHand');
      const backorders = series(s, 'backorders');
      const firstShort = backorders.findIndex((b) => b > 0);
      expect(firstShort).toBeGreaterThan(3);
      const recovered = onHand.findIndex((x, t) => t > firstShort && x > 12);
      expect(recovered).toBeGreaterThan(firstShort);
      // …and orders fall back below the new demand rate of 8 after their peak.
      const top = orders[s].indexOf(Math.max(...orders[s]));
      expect(Math.min(...orders[s].slice(top))).toBeLessThan(8);
    }
  });
});
