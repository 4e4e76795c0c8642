/**
 * Weekly demand of the default European scenario, computed once by a deterministic formula and
 * written into the file (the app never regenerates it):
 *
 *   q(c, p, w) = round( population_c · rate_p · season(w) · promo(c, p, w) · noise )
 *   season(w)  = 1 + 0.12 · cos(2π (w − 49) / 52)        peak early December, trough in June
 *   noise      = 1 + 0.05 · (2u − 1), u from mulberry32(seed) drawn customer by customer
 *
 * Promotions: Black Friday (week 47, espresso machines ×1.6 everywhere, week 48 ×1.2) and a spring
 * grinder promotion in France and Spain (weeks 14–15, ×1.5).
 */
import type { CustomerPlace } from './europe-places';
import { mulberry32 } from '../lib/mulberry32';

export interface ProductRate {
  readonly id: string;
  /** Mean units per week per million inhabitants. */
  readonly weeklyPerMillion: number;
}

export interface DemandRowOut {
  readonly customerId: string;
  readonly productId: string;
  readonly period: number;
  readonly quantity: number;
}


export function season(week: number): number {
  return 1 + 0.12 * Math.cos((2 * Math.PI * (week - 49)) / 52);
}

const SPRING_PROMO_COUNTRIES = new Set(['France', 'Spain']);

export function promo(customer: CustomerPlace, productId: string, week: number): number {
  if (productId === 'espresso') return week === 47 ? 1.6 : week === 48 ? 1.2 : 1;
  if (productId === 'grinder' && (week === 14 || week === 15) && SPRING_PROMO_COUNTRIES.has(customer.country)) return 1.5;
  return 1;
}

export function weeklyDemand(
  customers: readonly CustomerPlace[], products: readonly ProductRate[], weeks: number, seed: number,
): DemandRowOut[] {
  const rand = mulberry32(seed);
  const rows: DemandRowOut[] = [];
  for (const c of customers) {
    for (const p of products) {
      for (let w = 1; w <= weeks; w++) {
        const noise = 1 + 0.05 * (2 * rand() - 1);
        const quantity = Math.round(c.population * p.weeklyPerMillion * season(w) * promo(c, p.id, w) * noise);
        rows.push({ customerId: c.id, productId: p.id, period: w, quantity });
      }
    }
  }
  return rows;
}
