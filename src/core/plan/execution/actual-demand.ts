/**
 * The demand that happens in one replication, drawn once for the whole horizon, by the
 * simulator's rules (docs/simulation.md, demand step) and its generator (Rng, stream =
 * replication):
 *
 *   none      the forecast row's quantity
 *   normal    max(0, q + σ·Z), σ = the row's stdDev, else settings.demandCv · q
 *   poisson   Poisson(q)
 *   bootstrap for each customer and product and each period, the quantity of that customer's
 *             and product's row in a period drawn uniformly from 1..T (0 if it has none there)
 *
 * A rolling-horizon execution simulates the horizon in pieces (a new plan after every k
 * periods); drawing the demand up front gives every piece the same realisation, lets backorders
 * carried from one piece to the next stay exact, and lets the fixed plan face the very same
 * demand for a fair comparison.
 */
import type { DemandRow, Scenario } from '../../model/types';
import { Rng } from '../../sim';
import type { DemandVariability } from './execution-types';

/** A different stream family from the simulator's own replication streams. */
const STREAM_OFFSET = 0x51ed;

export function sampleDemand(scenario: Scenario, variability: DemandVariability, seed: number, replication: number): DemandRow[] {
  const T = scenario.settings.horizon;
  const rows = [...scenario.demand]
    .filter((d) => d.period <= T)
    .sort((a, b) => a.period - b.period || a.customerId.localeCompare(b.customerId) || a.productId.localeCompare(b.productId));
  if (variability === 'none') return rows.map((d) => ({ customerId: d.customerId, productId: d.productId, period: d.period, quantity: d.quantity }));
  const rng = new Rng(seed, STREAM_OFFSET + replication);
  if (variability === 'bootstrap') {
    const byPair = new Map<string, Map<number, number>>();
    for (const d of rows) {
      const k = `${d.customerId}\u0000${d.productId}`;
      const m = byPair.get(k) ?? new Map<number, number>();
      m.set(d.period, (m.get(d.period) ?? 0) + d.quantity);
      byPair.set(k, m);
    }
    const out: DemandRow[] = [];
    for (let t = 1; t <= T; t++) {
      for (const [k, m] of byPair) {
        const quantity = m.get(1 + rng.int(T)) ?? 0;
        if (quantity <= 0) continue;
        const [customerId, productId] = k.split('\u0000');
        out.push({ customerId, productId, period: t, quantity });
      }
    }
    return out;
  }
  const cv = scenario.settings.demandCv;
  return rows.map((d) => {
    const quantity = variability === 'normal'
      ? Math.max(0, d.quantity + (d.stdDev ?? cv * d.quantity) * rng.normal())
      : rng.poisson(d.quantity);
    return { customerId: d.customerId, productId: d.productId, period: d.period, quantity };
  });
}
