/**
 * EOQ (Snyder & Shen, Example 3.1): K = 8, h = 0.225 per unit and year, D = 1300 a year:
 * Q* = √(2KD/h) = 304.05, annual cost √(2KDh) = 68.41.
 * Simulated as a deterministic (r, Q) policy in daily periods over 100 years: demand 1300/365 a
 * day, holding 0.225/365 per unit and day on end-of-day stock, K per order, lead time 0 and
 * r = one day's demand, so each batch arrives as the stock runs out. End-of-day stock then runs
 * from about Q − d down to the day's leftover (uniform on (0, d]) — Q/2 on average, as in the
 * continuous model. A run ends part-way through a cycle (one order more or less), an error of
 * about K / years per year: over 100 years it is below 0.1 %, as is the daily granularity's.
 */
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/core/sim';
import { singleStage, steadyDemand } from './sim-scenarios';

describe('EOQ, Snyder & Shen Example 3.1', () => {
  const K = 8;
  const h = 0.225;
  const D = 1300;
  const Q = Math.sqrt(2 * K * D / h);
  const years = 100;
  const days = 365 * years;
  const d = D / 365;
  const r = simulateScenario(singleStage({
    periods: days,
    inventory: { policy: 'r-Q', reorderPoint: d, orderQuantity: Q, initialStock: Q, holdingCost: h / 365, orderCost: K },
    demand: steadyDemand('cust', days, d),
    settings: { periodLength: 'day' },
  }));
  const dc = r.summary.sites.find((s) => s.siteId === 'dc')!;

  it('Q* = 304.05 and the cost formula give 68.41', () => {
    expect(Q).toBeCloseTo(304.05, 2);
    expect(Math.sqrt(2 * K * D * h)).toBeCloseTo(68.41, 2);
  });

  it('the simulated annual cost is 68.41 within 0.1 %, half ordering and half holding', () => {
    const annual = dc.costs.total / years;
    expect(Math.abs(annual - 68.41) / 68.41).toBeLessThan(0.001);
    expect(Math.abs(dc.costs.ordering - dc.costs.holding) / dc.costs.total).toBeLessThan(0.005);
    expect(dc.backordersAvg).toBe(0);
    expect(dc.onHandAvg).toBeCloseTo(Q / 2, -0.5);
  });
});
