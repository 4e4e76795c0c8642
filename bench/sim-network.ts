/**
 * Generated networks for the simulation benchmark: 5 % suppliers (unlimited), 10 % plants
 * (production with capacity, base-stock), 20 % DCs (two plants each, shares 0.6/0.4; base-stock,
 * (s,S) or forecast order-up-to by turn), 65 % customers (a main DC each, every fifth customer a
 * second DC too; lead time 0 or 1; normal demand with CV 0.3; no stock). Deterministic per size.
 */
import { loadScenario } from '../src/core/model/load';
import { formatIssue } from '../src/core/model/issue';
import type { Scenario } from '../src/core/model/types';

export interface Case { readonly sites: number; readonly products: number; readonly periods: number }

/** A deterministic pseudo-random sequence for the generator (not the engine's RNG). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
}

export function generateScenario({ sites, products, periods }: Case): Scenario {
  const rand = lcg(sites * 31 + products);
  const nSup = Math.max(1, Math.round(sites * 0.05));
  const nPlant = Math.max(1, Math.round(sites * 0.1));
  const nDc = Math.max(1, Math.round(sites * 0.2));
  const nCust = sites - nSup - nPlant - nDc;
  const id = (kind: string, i: number) => `${kind}${i}`;
  const siteRows: Record<string, unknown>[] = [];
  const add = (kind: string, n: number) => { for (let i = 0; i < n; i++) siteRows.push({ id: id(kind, i), name: id(kind, i), kind, lat: 40 + rand() * 15, lon: -5 + rand() * 25 }); };
  add('supplier', nSup); add('plant', nPlant); add('dc', nDc); add('customer', nCust);
  const productRows = Array.from({ length: products }, (_, p) => ({ id: `p${p}`, name: `p${p}`, value: 10 + p, price: 20 + 2 * p }));
  const lanes: Record<string, unknown>[] = [];
  const inventory: Record<string, unknown>[] = [];
  const production: Record<string, unknown>[] = [];
  const demand: Record<string, unknown>[] = [];
  const mean = 20;
  const perDcDemand = mean * nCust / nDc;
  for (let d = 0; d < nDc; d++) {
    const a = d % nPlant;
    const b = (d + 1) % nPlant;
    lanes.push({ id: `pl${a}-dc${d}`, from: id('plant', a), to: id('dc', d), leadTime: 1 + (d % 3), share: b === a ? 1 : 0.6, costPerUnit: 1 });
    if (b !== a) lanes.push({ id: `pl${b}-dc${d}`, from: id('plant', b), to: id('dc', d), leadTime: 2, share: 0.4, costPerUnit: 1.2 });
    for (let p = 0; p < products; p++) {
      const L = 3;
      const S = Math.ceil(perDcDemand * (L + 1) * 1.3);
      const kind = (d + p) % 3;
      inventory.push(kind === 0 ? { siteId: id('dc', d), productId: `p${p}`, policy: 'base-stock', baseStock: S, initialStock: S, holdingCost: 0.1 }
        : kind === 1 ? { siteId: id('dc', d), productId: `p${p}`, policy: 's-S', reorderPoint: S, orderUpTo: Math.ceil(S * 1.5), initialStock: S, holdingCost: 0.1, orderCost: 50 }
          : { siteId: id('dc', d), productId: `p${p}`, policy: 'forecast', forecastWindow: 4, safetyFactor: 1.65, initialStock: S, holdingCost: 0.1 });
    }
  }
  for (let q = 0; q < nPlant; q++) {
    for (let p = 0; p < products; p++) {
      const flow = perDcDemand * nDc / nPlant;
      production.push({ siteId: id('plant', q), productId: `p${p}`, capacity: Math.ceil(flow * 1.5), cost: 5, leadTime: 1 });
      inventory.push({ siteId: id('plant', q), productId: `p${p}`, policy: 'base-stock', baseStock: Math.ceil(flow * 4), initialStock: Math.ceil(flow * 4), holdingCost: 0.05 });
    }
  }
  for (let c = 0; c < nCust; c++) {
    const d1 = c % nDc;
    // Every fifth customer is dual-sourced (shares 0.7/0.3), the others single-sourced.
    const d2 = c % 5 === 0 ? (c * 7 + 3) % nDc : d1;
    lanes.push({ id: `dc${d1}-c${c}`, from: id('dc', d1), to: id('customer', c), leadTime: c % 2, share: d2 === d1 ? 1 : 0.7, costPerUnit: 2 });
    if (d2 !== d1) lanes.push({ id: `dc${d2}-c${c}`, from: id('dc', d2), to: id('customer', c), leadTime: 1, share: 0.3, costPerUnit: 2.5 });
    for (let p = 0; p < products; p++) {
      for (let t = 1; t <= periods; t++) demand.push({ customerId: id('customer', c), productId: `p${p}`, period: t, quantity: mean });
    }
  }
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: `bench-${sites}-${products}`, name: 'bench',
    settings: { horizon: periods, demandVariability: 'normal', demandCv: 0.3, seed: 1 },
    sites: siteRows, products: productRows, lanes, demand, inventory, production,
  });
  if (!r.ok) throw new Error(r.issues.slice(0, 5).map(formatIssue).join('\n'));
  return r.scenario;
}

