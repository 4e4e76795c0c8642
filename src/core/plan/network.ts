/**
 * buildPlanNetwork: the scenario indexed for planning. Closed sites (and lanes touching them) are
 * left out; every lane is expanded into arcs, one per product it carries from an origin that can
 * ever hold that product (reachable from production, initial stock or the pipeline, over lanes
 * and production that finish within the horizon); sites get (site, product) pairs where stock,
 * demand, production or component use can occur. Pure indexing: no decisions, no messages (see
 * check.ts).
 */
import type { Scenario, Site } from '../model/types';
import { lpToken } from './names';

export interface PlanSite {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly token: string;
  readonly kind: Site['kind'];
  /** Status potential: the plan decides whether it opens. */
  readonly potential: boolean;
  readonly storageCapacity: number | undefined;
  readonly fixedCost: number;
  readonly openingCost: number;
}

export interface PlanProduct {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly token: string;
  readonly price: number;
  /** Shortage penalty per unit (per period when backordered). */
  readonly penalty: number;
}

export interface PlanLane {
  readonly index: number;
  readonly id: string;
  readonly token: string;
  readonly from: number;
  readonly to: number;
  readonly leadTime: number;
  readonly capacity: number | undefined;
  readonly costPerUnit: number;
  readonly fixedCost: number;
  readonly titleAtShipment: boolean;
  /** Arcs (lane × product) of this lane. */
  readonly arcs: number[];
}

export interface PlanArc {
  readonly index: number;
  readonly lane: number;
  readonly product: number;
  /** Valid upper bound on one period's flow (for on/off links). */
  readonly bigM: number;
}

export interface PlanPair {
  readonly index: number;
  readonly site: number;
  readonly product: number;
  /** Whether the product can reach the site within the horizon at all (from production, stock, pipeline). */
  readonly reachable: boolean;
  /** Whether the site keeps stock of the product between periods. */
  readonly holdsStock: boolean;
  readonly holdingCost: number;
  readonly initialStock: number;
  readonly targetEndStock: number | undefined;
  readonly orderCost: number;
  /** Units of the initial pipeline arriving in period t (index t, 1..horizon). */
  readonly pipeline: Float64Array;
  readonly arcsIn: number[];
  readonly arcsOut: number[];
  /** Production entries at this site making this product. */
  readonly makes: number[];
  /** Production entries at this site consuming this product, with units per unit made. */
  readonly consumedBy: { readonly production: number; readonly quantity: number }[];
  /** Demand entry at this site for this product, or -1. */
  demand: number;
}

export interface PlanProduction {
  readonly index: number;
  readonly site: number;
  readonly product: number;
  readonly capacity: number | undefined;
  readonly cost: number;
  readonly leadTime: number;
  /** A supplier without production rows: an unlimited free source of what its lanes carry. */
  readonly implicit: boolean;
}

export interface PlanDemand {
  readonly index: number;
  readonly site: number;
  readonly product: number;
  readonly pair: number;
  /** Units demanded in period t (index t, 1..horizon). */
  readonly quantity: Float64Array;
  readonly total: number;
  /** First period with positive demand (horizon + 1 when none). */
  readonly first: number;
}

export interface PlanNetwork {
  readonly scenario: Scenario;
  readonly horizon: number;
  readonly sites: readonly PlanSite[];
  readonly products: readonly PlanProduct[];
  readonly lanes: readonly PlanLane[];
  readonly arcs: readonly PlanArc[];
  readonly pairs: readonly PlanPair[];
  readonly productions: readonly PlanProduction[];
  readonly demands: readonly PlanDemand[];
  /** pairAt[site * products + product] = pair index or -1. */
  readonly pairAt: Int32Array;
  /** Valid bound on the total units of each product that any plan needs to move. */
  readonly productBigM: Float64Array;
}

const carries = (laneProduct: string | undefined, productId: string) => laneProduct === undefined || laneProduct === productId;

export function buildPlanNetwork(scenario: Scenario): PlanNetwork {
  const H = scenario.settings.horizon;
  const siteIndex = new Map<string, number>();
  const sites: PlanSite[] = [];
  for (const s of scenario.sites) {
    if (s.status === 'closed') continue;
    siteIndex.set(s.id, sites.length);
    sites.push({
      index: sites.length, id: s.id, name: s.name, token: lpToken(s.id), kind: s.kind, potential: s.status === 'potential',
      storageCapacity: s.storageCapacity, fixedCost: s.fixedCost, openingCost: s.openingCost,
    });
  }
  const productIndex = new Map<string, number>();
  const products: PlanProduct[] = scenario.products.map((p, index) => {
    productIndex.set(p.id, index);
    return { index, id: p.id, name: p.name, token: lpToken(p.id), price: p.price, penalty: p.shortagePenalty ?? scenario.settings.shortagePenalty };
  });
  const P = products.length;
  const lanes: PlanLane[] = [];
  for (const l of scenario.lanes) {
    const from = siteIndex.get(l.from);
    const to = siteIndex.get(l.to);
    if (from === undefined || to === undefined || l.capacity === 0) continue;
    lanes.push({
      index: lanes.length, id: l.id, token: lpToken(l.id), from, to, leadTime: l.leadTime, capacity: l.capacity,
      costPerUnit: l.costPerUnit, fixedCost: l.fixedCost, titleAtShipment: l.titleTransfer === 'shipment', arcs: [],
    });
  }
  const laneProduct = new Map(scenario.lanes.map((l) => [l.id, l.productId]));

  const productions: PlanProduction[] = [];
  for (const r of scenario.production) {
    const site = siteIndex.get(r.siteId);
    const product = productIndex.get(r.productId);
    if (site === undefined || product === undefined) continue;
    productions.push({ index: productions.length, site, product, capacity: r.capacity, cost: r.cost, leadTime: r.leadTime, implicit: false });
  }
  const producing = new Set(scenario.production.map((r) => r.siteId));
  for (const s of sites) {
    if (s.kind !== 'supplier' || producing.has(s.id)) continue;
    for (const p of products) {
      if (!lanes.some((l) => l.from === s.index && carries(laneProduct.get(l.id), p.id))) continue;
      productions.push({ index: productions.length, site: s.index, product: p.index, capacity: undefined, cost: 0, leadTime: 0, implicit: true });
    }
  }

  const siteRows = new Map(scenario.sites.map((s) => [s.id, s]));
  const policy = new Map(scenario.inventory.map((r) => [`${r.siteId}\u0000${r.productId}`, r]));
  const pipeline = new Map<number, Float64Array>();
  // Goods already on their way arrive even on a lane that may carry nothing more (capacity 0).
  const laneTo = new Map(scenario.lanes.map((l) => [l.id, siteIndex.get(l.to)]));
  for (const r of scenario.inTransit) {
    const to = laneTo.get(r.laneId);
    const product = productIndex.get(r.productId);
    if (to === undefined || product === undefined || r.arrivalPeriod > H) continue;
    const key = to * P + product;
    const arr = pipeline.get(key) ?? new Float64Array(H + 1);
    arr[r.arrivalPeriod] += r.quantity;
    pipeline.set(key, arr);
  }

  // Forward reachability per product: which sites can ever hold it.
  const reach = new Uint8Array(sites.length * P);
  const queue: number[] = [];
  const mark = (site: number, product: number) => {
    if (!reach[site * P + product]) { reach[site * P + product] = 1; queue.push(site * P + product); }
  };
  for (const r of productions) if (r.leadTime < H) mark(r.site, r.product);
  for (const r of scenario.inventory) {
    const s = siteIndex.get(r.siteId);
    const p = productIndex.get(r.productId);
    if (s !== undefined && p !== undefined && r.initialStock > 0) mark(s, p);
  }
  for (const key of pipeline.keys()) mark(Math.floor(key / P), key % P);
  const lanesFrom = sites.map(() => [] as PlanLane[]);
  for (const l of lanes) lanesFrom[l.from].push(l);
  while (queue.length > 0) {
    const key = queue.pop() as number;
    const site = Math.floor(key / P);
    const product = key % P;
    for (const l of lanesFrom[site]) if (l.leadTime < H && carries(laneProduct.get(l.id), products[product].id)) mark(l.to, product);
  }

  const demandRows = new Map<number, Float64Array>();
  for (const d of scenario.demand) {
    const s = siteIndex.get(d.customerId);
    const p = productIndex.get(d.productId);
    if (s === undefined || p === undefined || d.period > H) continue;
    const q = demandRows.get(s * P + p) ?? new Float64Array(H + 1);
    q[d.period] += d.quantity;
    demandRows.set(s * P + p, q);
  }

  const components = productions.map((r) => scenario.bom
    .filter((b) => b.productId === products[r.product].id && (b.siteId === undefined || b.siteId === sites[r.site].id))
    .map((b) => ({ product: productIndex.get(b.componentId) as number, quantity: b.quantity })));

  // Pairs: where stock, demand, production or consumption can occur.
  const pairAt = new Int32Array(sites.length * P).fill(-1);
  const pairs: PlanPair[] = [];
  const pairOf = (site: number, product: number): PlanPair => {
    const k = site * P + product;
    if (pairAt[k] >= 0) return pairs[pairAt[k]];
    const s = sites[site];
    const row = policy.get(`${s.id}\u0000${products[product].id}`);
    const siteRow = siteRows.get(s.id) as Site;
    const arrivals = pipeline.get(k);
    const stockless = s.kind === 'customer' && row === undefined && arrivals === undefined;
    const pair: PlanPair = {
      index: pairs.length, site, product, reachable: reach[k] === 1, holdsStock: reach[k] === 1 && !stockless,
      holdingCost: row?.holdingCost ?? siteRow.holdingCost, initialStock: row?.initialStock ?? 0,
      targetEndStock: row?.targetEndStock, orderCost: row?.orderCost ?? 0,
      pipeline: arrivals ?? new Float64Array(H + 1), arcsIn: [], arcsOut: [], makes: [], consumedBy: [], demand: -1,
    };
    pairAt[k] = pairs.length;
    pairs.push(pair);
    return pair;
  };
  for (let k = 0; k < reach.length; k++) if (reach[k]) pairOf(Math.floor(k / P), k % P);
  for (const r of productions) {
    pairOf(r.site, r.product).makes.push(r.index);
    for (const c of components[r.index]) pairOf(r.site, c.product).consumedBy.push({ production: r.index, quantity: c.quantity });
  }
  for (const r of scenario.inventory) {
    const s = siteIndex.get(r.siteId);
    const p = productIndex.get(r.productId);
    if (s !== undefined && p !== undefined && (r.targetEndStock ?? 0) > 0) pairOf(s, p);
  }

  const demands: PlanDemand[] = [];
  for (const [k, quantity] of demandRows) {
    const pair = pairOf(Math.floor(k / P), k % P);
    let first = H + 1;
    let total = 0;
    for (let t = H; t >= 1; t--) if (quantity[t] > 0) { first = t; total += quantity[t]; }
    pair.demand = demands.length;
    demands.push({ index: demands.length, site: pair.site, product: pair.product, pair: pair.index, quantity, total, first });
  }

  const productBigM = computeProductBigM(products.length, pairs, demands, productions, components);
  const arcs: PlanArc[] = [];
  for (const l of lanes) {
    for (const p of products) {
      if (!carries(laneProduct.get(l.id), p.id) || !reach[l.from * P + p.index]) continue;
      const to = pairOf(l.to, p.index);
      const from = pairs[pairAt[l.from * P + p.index]];
      const demandBound = !to.holdsStock && to.demand >= 0 ? demands[to.demand].total : Infinity;
      const bigM = Math.min(l.capacity ?? Infinity, productBigM[p.index], demandBound);
      const arc = { index: arcs.length, lane: l.index, product: p.index, bigM };
      arcs.push(arc);
      l.arcs.push(arc.index);
      from.arcsOut.push(arc.index);
      to.arcsIn.push(arc.index);
    }
  }
  return { scenario, horizon: H, sites, products, lanes, arcs, pairs, productions, demands, pairAt, productBigM };
}

/**
 * Units of each product any sensible plan moves at most: its demand, end-stock targets, initial
 * stock and pipeline, plus what making its parents consumes (BOM, parents first).
 */
function computeProductBigM(
  P: number, pairs: readonly PlanPair[], demands: readonly PlanDemand[],
  productions: readonly PlanProduction[], components: readonly { product: number; quantity: number }[][],
): Float64Array {
  const own = new Float64Array(P);
  for (const d of demands) own[d.product] += d.total;
  for (const pr of pairs) {
    own[pr.product] += (pr.targetEndStock ?? 0) + pr.initialStock;
    for (let t = 1; t < pr.pipeline.length; t++) own[pr.product] += pr.pipeline[t];
  }
  const perUnit: number[][] = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  for (const r of productions) {
    for (const c of components[r.index]) perUnit[r.product][c.product] = Math.max(perUnit[r.product][c.product], c.quantity);
  }
  // The BOM is acyclic (validated), so P rounds of propagation reach every component level.
  const need = own.slice();
  for (let round = 0; round < P; round++) {
    for (let c = 0; c < P; c++) {
      let v = own[c];
      for (let q = 0; q < P; q++) if (perUnit[q][c] > 0) v += perUnit[q][c] * need[q];
      need[c] = v;
    }
  }
  return need.map((v) => Math.max(v, 1));
}
