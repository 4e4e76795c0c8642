/**
 * The MIT Beer Distribution Game as analysed by Sterman (1989), "Modeling managerial behavior:
 * misperceptions of feedback in a dynamic decision making experiment", Management Science 35(3).
 * Serial chain customer ← retailer ← wholesaler ← distributor ← factory; one product (cases of
 * beer); 2-week shipping delays and 2-week order (mailing) delays between stages; the factory
 * brews with a 2-week production delay. Every stage starts with 12 cases and uses Sterman's
 * anchoring-and-adjustment rule with his mean estimates α_S = 0.26, β = 0.34, θ = 0.36.
 * Costs: 0.50 per case per week on hand, 1.00 per case per week backlogged.
 * Customer demand: 4 cases/week for weeks 1–4, then 8 from week 5 (the step).
 */
import { CURRENT_VERSION } from '../../src/core/model/tables';
import type { ScenarioInput } from '../../src/core/model/types';

const WEEKS = 36;
const STAGES = [
  // Plausible places (the game is abstract): a brewery in Milwaukee shipping towards Boston.
  { id: 'factory', name: 'Factory', kind: 'plant', city: 'Milwaukee, WI', lat: 43.0389, lon: -87.9065 },
  { id: 'distributor', name: 'Distributor', kind: 'dc', city: 'Chicago, IL', lat: 41.8781, lon: -87.6298 },
  { id: 'wholesaler', name: 'Wholesaler', kind: 'dc', city: 'Cleveland, OH', lat: 41.4993, lon: -81.6944 },
  { id: 'retailer', name: 'Retailer', kind: 'retailer', city: 'Boston, MA', lat: 42.3601, lon: -71.0589 },
] as const;

const STERMAN = { stockAdjustment: 0.26, supplyLineWeight: 0.34, forecastMethod: 'exp-smoothing', smoothing: 0.36 } as const;

export function buildBeerGame(): ScenarioInput {
  const upstreamLanes = STAGES.slice(0, -1).map((from, i) => {
    const to = STAGES[i + 1];
    return { id: `${from.id}-${to.id}`, from: from.id, to: to.id, mode: 'road' as const, leadTime: 2, infoDelay: 2, costPerUnit: 0 };
  });
  return {
    format: 'chainlab.scenario',
    version: CURRENT_VERSION,
    id: 'beer-game',
    name: 'Beer game (Sterman 1989)',
    description: 'The MIT Beer Distribution Game: a serial chain retailer → wholesaler → distributor → factory serving one customer stream. '
      + 'Shipping delays 2 weeks, order (information) delays 2 weeks, factory production delay 2 weeks, initial stock 12 cases at every stage. '
      + 'Customer demand is 4 cases a week, stepping to 8 in week 5. Every stage orders with Sterman\'s anchoring-and-adjustment rule '
      + '(α_S = 0.26, β = 0.34, θ = 0.36: his mean estimates). Holding cost 0.50 and backlog cost 1.00 per case per week. '
      + 'Sterman, J. D. (1989) Modeling managerial behavior: misperceptions of feedback in a dynamic decision making experiment. Management Science 35(3), 321–339. '
      + 'Note: the game starts with 4 cases in every shipping delay and 4 in every order slip; scenario format v1 has no initial pipeline, so here the delays start empty.',
    settings: { horizon: WEEKS, periodLength: 'week', seed: 1989, currency: 'USD', unmetDemand: 'backorder', allocation: 'fifo', informationSharing: false, objective: 'min-cost', shortagePenalty: 1 },
    parties: [],
    sites: [
      ...STAGES.map((s, i) => ({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon, city: s.city, country: 'USA', holdingCost: 0.5, x: 100 + i * 200, y: 200 })),
      { id: 'customers', name: 'Customers', kind: 'customer' as const, lat: 42.3736, lon: -71.1097, city: 'Cambridge, MA', country: 'USA', x: 900, y: 200 },
    ],
    products: [{ id: 'beer', name: 'Beer (cases)', value: 0, price: 0, shortagePenalty: 1 }],
    lanes: [
      ...upstreamLanes,
      // The customer takes beer off the retailer's shelf: no delay either way.
      { id: 'retailer-customers', from: 'retailer', to: 'customers', mode: 'road' as const, leadTime: 0, infoDelay: 0, costPerUnit: 0 },
    ],
    demand: Array.from({ length: WEEKS }, (_, i) => ({ customerId: 'customers', productId: 'beer', period: i + 1, quantity: i < 4 ? 4 : 8 })),
    inventory: STAGES.map((s) => ({ siteId: s.id, productId: 'beer', policy: 'sterman' as const, initialStock: 12, holdingCost: 0.5, ...STERMAN })),
    production: [{ siteId: 'factory', productId: 'beer', cost: 0, leadTime: 2 }],
    bom: [],
    returns: [],
  };
}
