/**
 * The built-in scenarios: every file loads through the public JSON path with no issue, is the
 * generator's current output, and has the shape its description promises. The transportation
 * scenario is solved directly with GLPK to prove its data reproduces the AMPL optimum.
 */
import { readdirSync, readFileSync } from 'node:fs';
import GLPK from 'glpk.js/node';
import { describe, expect, it } from 'vitest';
import { buildBeerGame } from '../../scripts/scenarios/beer-game';
import { buildDefaultEurope } from '../../scripts/scenarios/default-europe';
import { formatScenarioFile } from '../../scripts/scenarios/format';
import { AMPL_COSTS, AMPL_OPTIMUM, buildTransportationAmpl } from '../../scripts/scenarios/transportation-ampl';
import { scenarioFromJson, scenarioToJson } from '../../src/core/io/scenario-json';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const text = (file: string) => readFileSync(new URL(file, dir), 'utf8');

function load(file: string): Scenario {
  const r = scenarioFromJson(text(file));
  if (!r.ok) throw new Error(`${file}: ${r.message}\n${r.issues.map((i) => JSON.stringify(i)).join('\n')}`);
  return r.scenario;
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

describe('every built-in scenario', () => {
  it('includes the three shipped files', () => {
    expect(files).toEqual(expect.arrayContaining(['beer-game.json', 'default-europe.json', 'transportation-ampl.json']));
  });

  it.each(files)('%s loads with no issues and is already in normalised form', (file) => {
    const r = scenarioFromJson(text(file));
    expect(r.ok ? [] : r.issues).toEqual([]);
    const s = load(file);
    expect(file, 'file name = scenario id').toBe(`${s.id}.json`);
    // Loading fills no default the file lacked: saving it back gives the same data.
    expect(JSON.parse(scenarioToJson(s))).toStrictEqual(JSON.parse(text(file)));
  });

  it.each([
    ['default-europe.json', buildDefaultEurope],
    ['transportation-ampl.json', buildTransportationAmpl],
    ['beer-game.json', buildBeerGame],
  ] as const)('%s is what scripts/build-scenarios.ts generates now (run `npm run scenarios`)', (file, build) => {
    const r = validateScenario(build());
    expect(r.ok).toBe(true);
    expect(text(file)).toBe(formatScenarioFile(r.scenario));
  });
});

describe('default-europe.json', () => {
  const s = load('default-europe.json');
  const kind = (k: string) => s.sites.filter((x) => x.kind === k);

  it('is the named three-echelon network with seed 42 in EUR', () => {
    expect(s.name).toBe('European network (default)');
    expect(s.settings).toMatchObject({ seed: 42, currency: 'EUR', horizon: 52, periodLength: 'week' });
    expect(kind('plant').length).toBeGreaterThanOrEqual(2);
    expect(kind('dc')).toHaveLength(3);
    expect(kind('customer').length).toBeGreaterThanOrEqual(8);
    expect(kind('customer').length).toBeLessThanOrEqual(12);
    expect(s.products).toHaveLength(2);
    expect(s.parties.length).toBeGreaterThanOrEqual(2);
    expect(s.returns.length).toBeGreaterThanOrEqual(1);
    for (const p of s.products) expect(p.price).toBeGreaterThan(p.value);
  });

  it('has real European coordinates and a schematic position for every site', () => {
    for (const x of s.sites) {
      expect(x.lat, x.id).toBeGreaterThan(35);
      expect(x.lat, x.id).toBeLessThan(70);
      expect(x.lon, x.id).toBeGreaterThan(-10);
      expect(x.lon, x.id).toBeLessThan(30);
      expect(x.x, x.id).toBeTypeOf('number');
    }
    const paris = s.sites.find((x) => x.name === 'Paris');
    expect(paris?.lat).toBeCloseTo(48.86, 1);
    expect(paris?.lon).toBeCloseTo(2.35, 1);
  });

  it('has 52 weeks of demand for every customer × product', () => {
    for (const c of kind('customer')) {
      for (const p of s.products) {
        const periods = s.demand.filter((d) => d.customerId === c.id && d.productId === p.id).map((d) => d.period).sort((a, b) => a - b);
        expect(periods, `${c.id}/${p.id}`).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
      }
    }
    expect(s.demand).toHaveLength(kind('customer').length * 2 * 52);
  });

  it('scales demand with city size, peaks before Christmas and shows the Black Friday promotion', () => {
    const total = (customerId: string) => sum(s.demand.filter((d) => d.customerId === customerId).map((d) => d.quantity));
    expect(total('cust-london')).toBeGreaterThan(total('cust-madrid'));
    expect(total('cust-madrid')).toBeGreaterThan(total('cust-brussels'));
    const week = (productId: string, w: number) => sum(s.demand.filter((d) => d.productId === productId && d.period === w).map((d) => d.quantity));
    expect(week('espresso', 47)).toBeGreaterThan(1.4 * week('espresso', 46));
    expect(week('grinder', 14)).toBeGreaterThan(1.1 * week('grinder', 13));
    const q4 = sum([45, 46, 48, 49, 50, 51].map((w) => week('grinder', w)));
    const summer = sum([23, 24, 25, 26, 27, 28].map((w) => week('grinder', w)));
    expect(q4).toBeGreaterThan(1.15 * summer);
  });

  it('links plants → DCs → customers, each customer with one main DC, costs rising with distance', () => {
    const plants = new Set(kind('plant').map((x) => x.id));
    const dcs = new Set(kind('dc').map((x) => x.id));
    for (const dc of dcs) expect(s.lanes.some((l) => plants.has(l.from) && l.to === dc && (l.share ?? 1) > 0), dc).toBe(true);
    for (const c of kind('customer')) {
      const main = s.lanes.filter((l) => l.to === c.id && dcs.has(l.from) && l.share === 1);
      expect(main, c.id).toHaveLength(1);
    }
    for (const l of s.lanes) expect(l.distance, l.id).toBeGreaterThan(0);
    const road = s.lanes.filter((l) => l.mode === 'road').sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
    for (let i = 1; i < road.length; i++) expect(road[i].costPerUnit).toBeGreaterThanOrEqual(road[i - 1].costPerUnit);
  });

  it('stocks every product at every plant and DC, and can produce more than the average demand', () => {
    for (const x of [...kind('plant'), ...kind('dc')]) {
      for (const p of s.products) {
        const row = s.inventory.find((r) => r.siteId === x.id && r.productId === p.id);
        expect(row?.initialStock, `${x.id}/${p.id}`).toBeGreaterThan(0);
        expect(['base-stock', 's-S']).toContain(row?.policy);
      }
    }
    for (const p of s.products) {
      const capacity = sum(s.production.filter((r) => r.productId === p.id).map((r) => r.capacity ?? Infinity));
      const meanDemand = sum(s.demand.filter((d) => d.productId === p.id).map((d) => d.quantity)) / 52;
      expect(capacity).toBeGreaterThan(1.2 * meanDemand);
    }
  });
});

describe('transportation-ampl.json (AMPL "transp")', () => {
  const s = load('transportation-ampl.json');

  it('has supplies equal to demands (6,900 tons each side) in one period', () => {
    expect(s.settings.horizon).toBe(1);
    const supply = sum(s.production.map((p) => p.capacity ?? 0));
    const demand = sum(s.demand.map((d) => d.quantity));
    expect(supply).toBe(6900);
    expect(demand).toBe(supply);
    expect(s.description).toContain('196,200');
    expect(s.lanes).toHaveLength(21);
    expect(s.lanes.every((l) => l.leadTime === 0)).toBe(true);
    expect(s.lanes.find((l) => l.id === 'PITT-FRE')?.costPerUnit).toBe(AMPL_COSTS[2][5]);
  });

  it('reproduces the published optimum 196,200 when its lanes are solved as a transportation LP', async () => {
    const glpk = await GLPK();
    const x = (id: string) => `x_${id.replace(/-/g, '_')}`;
    const result = glpk.solve({
      name: 'transp',
      objective: { direction: glpk.GLP_MIN, name: 'cost', vars: s.lanes.map((l) => ({ name: x(l.id), coef: l.costPerUnit })) },
      subjectTo: [
        ...s.production.map((p) => ({
          name: `supply_${p.siteId}`, vars: s.lanes.filter((l) => l.from === p.siteId).map((l) => ({ name: x(l.id), coef: 1 })),
          bnds: { type: glpk.GLP_FX, lb: p.capacity ?? 0, ub: p.capacity ?? 0 },
        })),
        ...s.demand.map((d) => ({
          name: `demand_${d.customerId}`, vars: s.lanes.filter((l) => l.to === d.customerId).map((l) => ({ name: x(l.id), coef: 1 })),
          bnds: { type: glpk.GLP_FX, lb: d.quantity, ub: d.quantity },
        })),
      ],
    }, { msglev: glpk.GLP_MSG_OFF });
    expect(result.result.status).toBe(glpk.GLP_OPT);
    expect(result.result.z).toBeCloseTo(AMPL_OPTIMUM, 6);
  });
});

describe('beer-game.json (Sterman 1989)', () => {
  const s = load('beer-game.json');

  it('is a serial chain factory → distributor → wholesaler → retailer → customers', () => {
    expect(s.lanes.map((l) => `${l.from}>${l.to}`)).toEqual(['factory>distributor', 'distributor>wholesaler', 'wholesaler>retailer', 'retailer>customers']);
    expect(s.lanes.slice(0, 3).every((l) => l.leadTime === 2 && l.infoDelay === 2)).toBe(true);
    expect(s.production).toEqual([expect.objectContaining({ siteId: 'factory', productId: 'beer', leadTime: 2 })]);
    expect(s.products.map((p) => p.id)).toEqual(['beer']);
  });

  it('starts every stage with 12 cases under the sterman rule and costs 0.5 / 1.0', () => {
    expect(s.inventory.map((r) => r.siteId)).toEqual(['factory', 'distributor', 'wholesaler', 'retailer']);
    for (const r of s.inventory) expect(r).toMatchObject({ policy: 'sterman', initialStock: 12, holdingCost: 0.5 });
    expect(s.settings.shortagePenalty).toBe(1);
    expect(s.products[0].shortagePenalty).toBe(1);
    for (const x of s.sites) expect(x.x).toBeTypeOf('number');
  });

  it('has demand 4 for four weeks, then 8, over the whole horizon', () => {
    const q = s.demand.map((d) => d.quantity);
    expect(q).toHaveLength(s.settings.horizon);
    expect(q.slice(0, 4)).toEqual([4, 4, 4, 4]);
    expect(new Set(q.slice(4))).toEqual(new Set([8]));
  });
});
