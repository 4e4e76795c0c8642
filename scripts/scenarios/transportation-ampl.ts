/**
 * The transportation problem "transp" of Fourer, Gay & Kernighan, *AMPL* (ch. 3), as a one-period
 * scenario: plant supplies become production capacities, the seven customers' requirements are
 * demand in period 1, and the cost table becomes the lanes' cost per unit (lead time 0, so goods
 * shipped in period 1 arrive in period 1). Known optimum: 196,200.
 */
import { CURRENT_VERSION } from '../../src/core/model/tables';
import type { ScenarioInput } from '../../src/core/model/types';
import { greatCircleKm } from './geo';

interface City { readonly id: string; readonly name: string; readonly country: string; readonly lat: number; readonly lon: number }

export const AMPL_PLANTS: readonly (City & { readonly supply: number })[] = [
  { id: 'GARY', name: 'Gary, IN', country: 'USA', lat: 41.5934, lon: -87.3464, supply: 1400 },
  { id: 'CLEV', name: 'Cleveland, OH', country: 'USA', lat: 41.4993, lon: -81.6944, supply: 2600 },
  { id: 'PITT', name: 'Pittsburgh, PA', country: 'USA', lat: 40.4406, lon: -79.9959, supply: 2900 },
];

export const AMPL_CUSTOMERS: readonly (City & { readonly demand: number })[] = [
  { id: 'FRA', name: 'Framingham, MA', country: 'USA', lat: 42.2793, lon: -71.4162, demand: 900 },
  { id: 'DET', name: 'Detroit, MI', country: 'USA', lat: 42.3314, lon: -83.0458, demand: 1200 },
  { id: 'LAN', name: 'Lansing, MI', country: 'USA', lat: 42.7325, lon: -84.5555, demand: 600 },
  { id: 'WIN', name: 'Windsor, ON', country: 'Canada', lat: 42.3149, lon: -83.0364, demand: 400 },
  { id: 'STL', name: 'St. Louis, MO', country: 'USA', lat: 38.627, lon: -90.1994, demand: 1700 },
  { id: 'FRE', name: 'Fremont, CA', country: 'USA', lat: 37.5485, lon: -121.9886, demand: 1100 },
  { id: 'LAF', name: 'Lafayette, IN', country: 'USA', lat: 40.4167, lon: -86.8753, demand: 1000 },
];

/** Cost per ton, rows = plants in AMPL_PLANTS order, columns = customers in AMPL_CUSTOMERS order. */
export const AMPL_COSTS: readonly (readonly number[])[] = [
  [39, 14, 11, 14, 16, 82, 8],
  [27, 9, 12, 9, 26, 95, 17],
  [24, 14, 17, 13, 28, 99, 20],
];

export const AMPL_OPTIMUM = 196_200;

export function buildTransportationAmpl(): ScenarioInput {
  return {
    format: 'chainlab.scenario',
    version: CURRENT_VERSION,
    id: 'transportation-ampl',
    name: 'Transportation problem (AMPL "transp")',
    description: 'The classic transportation LP from Fourer, Gay & Kernighan, AMPL: A Modeling Language for Mathematical Programming, model "transp": '
      + 'three steel plants (supplies GARY 1400, CLEV 2600, PITT 2900 tons, given as production capacity) ship to seven customers (demand in one period). '
      + 'Total supply equals total demand (6900), so every plant ships all it can. Known optimal total cost: 196,200.',
    settings: { horizon: 1, periodLength: 'week', seed: 1, currency: 'USD', unmetDemand: 'backorder', objective: 'min-cost', shortagePenalty: 1000 },
    parties: [],
    sites: [
      ...AMPL_PLANTS.map((p, i) => ({ id: p.id, name: p.name, kind: 'plant' as const, lat: p.lat, lon: p.lon, country: p.country, x: 150, y: 150 + i * 150 })),
      ...AMPL_CUSTOMERS.map((c, i) => ({ id: c.id, name: c.name, kind: 'customer' as const, lat: c.lat, lon: c.lon, country: c.country, x: 550, y: 60 + i * 80 })),
    ],
    products: [{ id: 'steel', name: 'Steel', value: 0, price: 0 }],
    lanes: AMPL_PLANTS.flatMap((p, i) => AMPL_CUSTOMERS.map((c, j) => ({
      id: `${p.id}-${c.id}`, from: p.id, to: c.id, mode: 'road' as const, leadTime: 0,
      costPerUnit: AMPL_COSTS[i][j], distance: Math.round(greatCircleKm(p, c) * 1.2),
    }))),
    demand: AMPL_CUSTOMERS.map((c) => ({ customerId: c.id, productId: 'steel', period: 1, quantity: c.demand })),
    inventory: [],
    production: AMPL_PLANTS.map((p) => ({ siteId: p.id, productId: 'steel', capacity: p.supply, cost: 0, leadTime: 0 })),
    bom: [],
    returns: [],
  };
}
