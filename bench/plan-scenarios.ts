/**
 * Generated planning scenarios for the benchmark (and the planner's time-limit test): a seeded,
 * reproducible network of plants, DCs and customers with lead times, capacities, storage and
 * seasonal demand (an LP), or a capacitated facility-location problem (a MIP).
 */
import { loadScenario } from '../src/core/model/load';
import type { Scenario } from '../src/core/model/types';
import { mulberry32 } from '../scripts/lib/mulberry32';


function load(doc: Record<string, unknown>): Scenario {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(`generated scenario is invalid: ${r.issues.slice(0, 3).map((i) => `${i.table}[${i.row}] ${i.message}`).join('; ')}`);
  return r.scenario;
}

export interface NetworkSpec {
  readonly sites: number;
  readonly lanes: number;
  readonly periods: number;
  readonly products?: number;
  readonly seed?: number;
}

/** An LP: 10 % plants, 30 % DCs, 60 % customers; lanes plant→DC, DC→customer and a few direct ones. */
export function generateNetworkScenario(spec: NetworkSpec): Scenario {
  const rnd = mulberry32(spec.seed ?? 1);
  const P = spec.products ?? 2;
  const nPlants = Math.max(1, Math.round(spec.sites * 0.1));
  const nDcs = Math.max(1, Math.round(spec.sites * 0.3));
  const nCust = Math.max(1, spec.sites - nPlants - nDcs);
  const pos = () => ({ lat: 40 + rnd() * 15, lon: -5 + rnd() * 25 });
  const sites = [
    ...Array.from({ length: nPlants }, (_, i) => ({ id: `plant-${i}`, name: `Plant ${i}`, kind: 'plant', ...pos(), holdingCost: 0.3 })),
    ...Array.from({ length: nDcs }, (_, i) => ({ id: `dc-${i}`, name: `DC ${i}`, kind: 'dc', ...pos(), holdingCost: 0.2 + rnd() * 0.3, storageCapacity: Math.round(2000 + rnd() * 4000) })),
    ...Array.from({ length: nCust }, (_, i) => ({ id: `cust-${i}`, name: `Customer ${i}`, kind: 'customer', ...pos() })),
  ];
  const dist = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => Math.hypot(a.lat - b.lat, a.lon - b.lon);
  const plants = sites.slice(0, nPlants);
  const dcs = sites.slice(nPlants, nPlants + nDcs);
  const custs = sites.slice(nPlants + nDcs);
  const lanes: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const addLane = (from: (typeof sites)[number], to: (typeof sites)[number]) => {
    const key = `${from.id}>${to.id}`;
    if (seen.has(key) || lanes.length >= spec.lanes) return;
    seen.add(key);
    const d = dist(from, to);
    lanes.push({
      id: `L${lanes.length}`, from: from.id, to: to.id, leadTime: Math.min(2, Math.floor(d / 8)), costPerUnit: Math.round((0.5 + d * 0.2) * 100) / 100,
      ...(rnd() < 0.3 ? { capacity: Math.round(300 + rnd() * 700) } : {}),
    });
  };
  // Every DC gets a plant, every customer a DC; then random extra lanes up to the count.
  dcs.forEach((d, i) => addLane(plants[i % nPlants], d));
  custs.forEach((c, i) => addLane(dcs[i % nDcs], c));
  for (let tries = 0; lanes.length < spec.lanes && tries < spec.lanes * 20; tries++) {
    const r = rnd();
    if (r < 0.3) addLane(plants[Math.floor(rnd() * nPlants)], dcs[Math.floor(rnd() * nDcs)]);
    else if (r < 0.9) addLane(dcs[Math.floor(rnd() * nDcs)], custs[Math.floor(rnd() * nCust)]);
    else addLane(plants[Math.floor(rnd() * nPlants)], custs[Math.floor(rnd() * nCust)]);
  }
  const products = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, name: `Product ${p}`, price: 50, shortagePenalty: 40 + 10 * p }));
  const demand: Record<string, unknown>[] = [];
  let total = 0;
  for (const c of custs) {
    for (const p of products) {
      const base = 20 + rnd() * 80;
      for (let t = 1; t <= spec.periods; t++) {
        const quantity = Math.round(base * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 52)) * (0.8 + rnd() * 0.4));
        total += quantity;
        demand.push({ customerId: c.id, productId: p.id, period: t, quantity });
      }
    }
  }
  const perPlant = (1.1 * total) / spec.periods / nPlants / P;
  const production = plants.flatMap((pl) => products.map((p) => ({ siteId: pl.id, productId: p.id, capacity: Math.round(perPlant * (0.8 + rnd() * 0.4)), cost: Math.round((5 + rnd() * 3) * 100) / 100 })));
  return load({
    format: 'chainlab.scenario', version: 2, id: `generated-${spec.sites}-${spec.lanes}-${spec.periods}`, name: `Generated ${spec.sites} sites / ${spec.lanes} lanes / ${spec.periods} periods`,
    settings: { horizon: spec.periods, shortagePenalty: 30, currency: 'EUR' }, sites, products, lanes, demand, production,
  });
}

export interface LocationSpec {
  readonly facilities: number;
  readonly customers: number;
  readonly periods?: number;
  readonly singleSourcing?: boolean;
  readonly seed?: number;
}

/** A capacitated facility-location MIP: potential plants with capacity and fixed cost serve customers. */
export function generateLocationScenario(spec: LocationSpec): Scenario {
  const rnd = mulberry32(spec.seed ?? 7);
  const H = spec.periods ?? 1;
  const pos = () => ({ lat: 40 + rnd() * 15, lon: -5 + rnd() * 25 });
  const customers = Array.from({ length: spec.customers }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}`, kind: 'customer', ...pos(), q: Math.round(10 + rnd() * 40) }));
  const total = customers.reduce((s, c) => s + c.q, 0);
  const facilities = Array.from({ length: spec.facilities }, (_, i) => ({
    id: `f${i}`, name: `Site ${i}`, kind: 'plant', status: 'potential', ...pos(),
    fixedCost: Math.round(200 + rnd() * 800), capacity: Math.round((3 * total / spec.facilities) * (0.6 + rnd() * 0.8)),
  }));
  const lanes = facilities.flatMap((f) => customers.map((c) => ({
    id: `${f.id}-${c.id}`, from: f.id, to: c.id, leadTime: 0, costPerUnit: Math.round(Math.hypot(f.lat - c.lat, f.lon - c.lon) * 100) / 100,
  })));
  return load({
    format: 'chainlab.scenario', version: 2, id: `location-${spec.facilities}x${spec.customers}`, name: `Facility location ${spec.facilities} × ${spec.customers}`,
    settings: { horizon: H, shortagePenalty: 500, singleSourcing: spec.singleSourcing ?? false },
    sites: [...facilities.map(({ capacity: _c, ...f }) => f), ...customers.map(({ q: _q, ...c }) => c)],
    products: [{ id: 'P', name: 'Product' }],
    lanes,
    production: facilities.map((f) => ({ siteId: f.id, productId: 'P', capacity: f.capacity })),
    demand: customers.flatMap((c) => Array.from({ length: H }, (_, t) => ({ customerId: c.id, productId: 'P', period: t + 1, quantity: c.q }))),
  });
}
