/** Cutting a run's series for the charts: a site's series per product or summed, and cash per company. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/model/load';
import type { Scenario } from '../../../src/core/model/types';
import { chartableSites, partyCash, siteSeries } from '../../../src/app/sim/result-series';
import { simulateScenario } from '../../../src/core/sim';

/** The built-in default network, through the same loader the app uses. */
function defaultScenario(): Scenario {
  const r = loadScenario(JSON.parse(readFileSync(new URL('../../../scenarios/default-europe.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('the default scenario does not load');
  return r.scenario;
}

const scenario = defaultScenario();
const result = simulateScenario(scenario, {});
const N = result.series.nodes;

describe('result series', () => {
  it('lists the sites with series and their products', () => {
    const sites = chartableSites(result);
    expect(sites.map((s) => s.siteId)).toContain('dc-lyon');
    expect(sites.find((s) => s.siteId === 'dc-lyon')!.productIds.slice().sort()).toEqual(['espresso', 'grinder']);
  });

  it('sums a site’s products period by period, or gives one product', () => {
    const cols = result.nodes.siteId.flatMap((s, k) => (s === 'dc-lyon' ? [k] : []));
    const espresso = cols.find((k) => result.nodes.productId[k] === 'espresso')!;
    const all = siteSeries(result, 'onHand', 'dc-lyon', null)!;
    const one = siteSeries(result, 'onHand', 'dc-lyon', 'espresso')!;
    expect(all.length).toBe(52);
    for (const t of [0, 10, 51]) {
      expect(one[t]).toBe(result.series.node!.onHand[t * N + espresso]);
      expect(all[t]).toBeCloseTo(cols.reduce((s, k) => s + result.series.node!.onHand[t * N + k], 0), 3);
    }
    expect(siteSeries(result, 'onHand', 'nowhere', null)).toBeNull();
  });

  it('gives cash of the companies whose cash moves, the chosen owner first, end customers left out', () => {
    const cash = partyCash(result, ['eurohome']);
    expect(cash[0].partyId).toBe('eurohome');
    expect(cash.map((c) => c.partyId).sort()).toEqual(['brewline', 'eurohome', 'nordic-kitchen']);
    const j = result.parties.findIndex((p) => p.id === 'brewline');
    const brew = cash.find((c) => c.partyId === 'brewline')!;
    expect(brew.cash[51]).toBe(result.series.party!.cash[51 * result.series.parties + j]);
    expect(brew.cash[51]).toBeCloseTo(result.summary.parties.find((p) => p.partyId === 'brewline')!.cashEnd, 6);
    expect(partyCash(result, [], 1)).toHaveLength(1);
  });
});
