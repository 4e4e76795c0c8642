/**
 * "European network (default)": the scenario the app opens on. Two plants (Leipzig, Wrocław) →
 * three DCs (Lyon, Venlo, Milan) → ten customer cities, two products, a year of weekly demand.
 * Stock levels are sized from the generated demand with the textbook protection interval
 * (inbound lead time + 1 period, see docs/scenario-format.md) and a safety margin.
 */
import { CURRENT_VERSION } from '../../src/core/model/tables';
import type { ScenarioInput } from '../../src/core/model/types';
import { weeklyDemand, type DemandRowOut } from './europe-demand';
import { CUSTOMERS, DCS, MANUFACTURER, PARTIES, PLANT_SHARES, PLANTS, type Place } from './europe-places';
import { ceilTo, greatCircleKm, round } from './geo';

type Lane = NonNullable<ScenarioInput['lanes']>[number];
type InventoryRow = NonNullable<ScenarioInput['inventory']>[number];

const WEEKS = 52;
const SEED = 42;
/** Roads are longer than the great circle; this circuity factor is the usual European average. */
const ROAD_CIRCUITY = 1.25;
const RAIL_CIRCUITY = 1.2;
/** Plant → DC moves farther than this (great circle) go by rail: cheaper per km, a week slower. */
const RAIL_FROM_KM = 750;
/** Annual carrying cost as a share of product value (capital, storage, obsolescence). */
const CARRYING_RATE = 0.25;

const PRODUCTS = [
  { id: 'espresso', name: 'Espresso machine Pro', value: 180, price: 329, volume: 0.065, weight: 9.5, shortagePenalty: 60, weeklyPerMillion: 25 },
  { id: 'grinder', name: 'Coffee grinder Mini', value: 42, price: 89, volume: 0.012, weight: 2.3, shortagePenalty: 15, weeklyPerMillion: 40 },
] as const;

const PRODUCTION = [
  { siteId: 'plant-leipzig', productId: 'espresso', capacity: 1250, cost: 150, leadTime: 1 },
  { siteId: 'plant-leipzig', productId: 'grinder', capacity: 1900, cost: 36, leadTime: 1 },
  { siteId: 'plant-wroclaw', productId: 'espresso', capacity: 700, cost: 138, leadTime: 1 },
  { siteId: 'plant-wroclaw', productId: 'grinder', capacity: 1200, cost: 33, leadTime: 1 },
] as const;

function lane(from: Place, to: Place, kind: 'trunk' | 'delivery', share: number): Lane {
  const km = greatCircleKm(from, to);
  const rail = kind === 'trunk' && km > RAIL_FROM_KM;
  const distance = Math.round(km * (rail ? RAIL_CIRCUITY : ROAD_CIRCUITY));
  // Cost per unit = handling + rate · km: rail has the dearer terminal handling, the cheaper km.
  const costPerUnit = rail ? round(0.9 + 0.0006 * distance, 2) : round(0.5 + 0.0012 * distance, 2);
  const leadTime = kind === 'trunk' ? (rail ? 2 : 1) : distance > 800 ? 1 : 0;
  return {
    id: `${from.id}--${to.id}`, from: from.id, to: to.id, mode: rail ? 'rail' : 'road',
    leadTime, costPerUnit, distance, share, titleTransfer: kind === 'trunk' ? 'delivery' : 'shipment',
  };
}

function buildLanes(): Lane[] {
  const lanes: Lane[] = [];
  for (const dc of DCS) for (const plant of PLANTS) lanes.push(lane(plant, dc, 'trunk', PLANT_SHARES[dc.id][plant.id]));
  for (const c of CUSTOMERS) {
    const primary = DCS.find((d) => d.id === c.primaryDc)!;
    const standby = DCS.filter((d) => d !== primary).sort((a, b) => greatCircleKm(a, c) - greatCircleKm(b, c))[0];
    lanes.push(lane(primary, c, 'delivery', 1), lane(standby, c, 'delivery', 0));
  }
  return lanes;
}

function meanWeekly(demand: readonly DemandRowOut[], customers: ReadonlySet<string>, productId: string): number {
  const total = demand.filter((d) => d.productId === productId && customers.has(d.customerId)).reduce((a, d) => a + d.quantity, 0);
  return total / WEEKS;
}

function buildInventory(demand: readonly DemandRowOut[], lanes: readonly Lane[]): InventoryRow[] {
  const rows: InventoryRow[] = [];
  const dcMean = new Map<string, number>();
  for (const dc of DCS) {
    const served = new Set(CUSTOMERS.filter((c) => c.primaryDc === dc.id).map((c) => c.id));
    const inbound = lanes.filter((l) => l.to === dc.id && (l.share ?? 1) > 0);
    const protection = Math.max(...inbound.map((l) => l.leadTime ?? 1)) + 1;
    for (const p of PRODUCTS) {
      const mu = meanWeekly(demand, served, p.id);
      dcMean.set(`${dc.id}/${p.id}`, mu);
      const holdingCost = round((p.value * CARRYING_RATE) / 52, 2);
      if (p.id === 'espresso') {
        // Base-stock: cover the protection interval plus 30 % for the December peak and noise.
        const S = ceilTo(mu * protection * 1.3, 10);
        rows.push({ siteId: dc.id, productId: p.id, policy: 'base-stock', initialStock: S, baseStock: S, holdingCost });
      } else {
        // (s,S) for the cheap item with a real order cost: order rarely, in batches of ~2 weeks.
        const s = ceilTo(mu * protection * 1.2, 10);
        const S = s + ceilTo(2 * mu, 10);
        rows.push({ siteId: dc.id, productId: p.id, policy: 's-S', initialStock: S, reorderPoint: s, orderUpTo: S, holdingCost, orderCost: 250 });
      }
    }
  }
  for (const plant of PLANTS) {
    for (const p of PRODUCTS) {
      const mu = DCS.reduce((a, dc) => a + (dcMean.get(`${dc.id}/${p.id}`) ?? 0) * PLANT_SHARES[dc.id][plant.id], 0);
      const leadTime = PRODUCTION.find((r) => r.siteId === plant.id && r.productId === p.id)?.leadTime ?? 0;
      const S = ceilTo(mu * (leadTime + 1) * 1.3, 10);
      rows.push({ siteId: plant.id, productId: p.id, policy: 'base-stock', initialStock: S, baseStock: S, holdingCost: round((p.value * 0.8 * CARRYING_RATE) / 52, 2) });
    }
  }
  return rows;
}

export function buildDefaultEurope(): ScenarioInput {
  const demand = weeklyDemand(CUSTOMERS, PRODUCTS, WEEKS, SEED);
  const lanes = buildLanes();
  const column = (x: number, i: number, n: number) => ({ x, y: Math.round(60 + (i + 0.5) * (640 / n)) });
  return {
    format: 'chainlab.scenario',
    version: CURRENT_VERSION,
    id: 'default-europe',
    name: 'European network (default)',
    description: 'Brewline Appliances makes espresso machines and coffee grinders in Leipzig and Wrocław, stocks them in DCs at Lyon, Venlo and Milan and sells to retailers in ten European cities. '
      + 'Weekly demand for 2026 scales with city size, peaks before Christmas, and has two promotions: Black Friday (week 47, espresso machines) and a spring grinder promotion in France and Spain (weeks 14–15). '
      + 'Each city has a main DC (lane share 1) and a standby DC (share 0) the planner may use.',
    settings: {
      horizon: WEEKS, periodLength: 'week', startDate: '2026-01-05', seed: SEED, currency: 'EUR',
      unmetDemand: 'backorder', allocation: 'fifo', informationSharing: false, objective: 'min-cost', shortagePenalty: 20,
    },
    parties: structuredClone(PARTIES),
    sites: [
      ...PLANTS.map((p, i) => ({ ...p, kind: 'plant' as const, partyId: MANUFACTURER, storageCapacity: 60_000, fixedCost: 45_000, ...column(120, i, PLANTS.length) })),
      ...DCS.map((d, i) => ({ ...d, kind: 'dc' as const, partyId: MANUFACTURER, storageCapacity: 40_000, fixedCost: 9_000, ...column(420, i, DCS.length) })),
      ...CUSTOMERS.map((c, i) => ({
        id: c.id, name: c.name, kind: 'customer' as const, lat: c.lat, lon: c.lon, city: c.city, country: c.country,
        partyId: c.partyId, ...column(720, i, CUSTOMERS.length),
      })),
    ],
    products: PRODUCTS.map(({ weeklyPerMillion: _rate, ...p }) => ({ ...p })),
    lanes,
    demand,
    inventory: buildInventory(demand, lanes),
    production: PRODUCTION.map((r) => ({ ...r })),
    bom: [],
    returns: [
      { customerId: 'cust-london', productId: 'espresso', rate: 0.03, delay: 2, destinationId: 'dc-venlo', restockShare: 0.6 },
      { customerId: 'cust-madrid', productId: 'grinder', rate: 0.02, delay: 3, destinationId: 'dc-lyon', restockShare: 0.8 },
    ],
  };
}
