/**
 * defineVariables: every column of the plan, family by family. All are ≥ 0; binaries are in
 * {0, 1} (or [0, 1] when relaxed). Which exist follows the network: shipments on every arc in
 * every period (those arriving after the horizon are costed and reported as in transit at the
 * end), stock only where a site can hold a product, production only when it finishes within the
 * horizon, demand variables only from a demand's first period on.
 */
import { carriesBacklog, demandRowAt, isPassThrough, type DemandMode, type PlanVariables } from './build-context';
import type { ModelBuilder } from './model-builder';
import { lpName, lpStem } from './names';
import type { PlanNetwork } from './network';

const filled = (n: number) => new Int32Array(n).fill(-1);

export function defineVariables(b: ModelBuilder, net: PlanNetwork, demandMode: DemandMode, relax: boolean): PlanVariables {
  const H = net.horizon;
  const { sites, products, lanes, arcs, pairs, productions, demands } = net;
  const v: PlanVariables = {
    ship: filled(arcs.length * H), stock: filled(pairs.length * H), make: filled(productions.length * H),
    serve: filled(demands.length * H), backlog: filled(demands.length * H), lost: filled(demands.length * H),
    open: filled(sites.length), use: filled(lanes.length), assign: filled(arcs.length), setup: filled(pairs.length * H),
    passThrough: Uint8Array.from(pairs, (k) => (isPassThrough(k) ? 1 : 0)),
  };
  const binary = { integer: !relax, lower: 0, upper: 1 };
  const soft = demandMode === 'soft';
  const backorder = carriesBacklog({ net, demandMode });
  const label = (site: number, product: number) => `${sites[site].token},${products[product].token}`;

  for (const a of arcs) {
    const l = lanes[a.lane];
    const to = pairs[net.pairAt[l.to * products.length + a.product]];
    // Into a pass-through customer, only shipments that arrive when it can take them.
    const sink = v.passThrough[to.index] ? demands[to.demand] : undefined;
    const stem = lpStem('ship', `${l.token},${products[a.product].token}`);
    for (let t = 1; t <= H; t++) {
      if (sink && !demandRowAt(sink, t + l.leadTime, H, backorder)) continue;
      v.ship[a.index * H + t - 1] = b.addPeriodColumn('ship', a.index, t, stem);
    }
  }
  for (const k of pairs) {
    if (!k.holdsStock) continue;
    const stem = lpStem('stock', label(k.site, k.product));
    for (let t = 1; t <= H; t++) v.stock[k.index * H + t - 1] = b.addPeriodColumn('stock', k.index, t, stem);
  }
  for (const r of productions) {
    const stem = lpStem('make', label(r.site, r.product));
    for (let t = 1; t + r.leadTime <= H; t++) v.make[r.index * H + t - 1] = b.addPeriodColumn('make', r.index, t, stem);
  }
  for (const d of demands) {
    const name = label(d.site, d.product);
    const substituted = v.passThrough[d.pair] === 1;
    const serve = lpStem('serve', name);
    const backlog = lpStem('backlog', name);
    const lost = lpStem('lost', name);
    for (let t = d.first; t <= H; t++) {
      if (!demandRowAt(d, t, H, backorder)) continue;
      if (!substituted) v.serve[d.index * H + t - 1] = b.addPeriodColumn('serve', d.index, t, serve);
      if (backorder) v.backlog[d.index * H + t - 1] = b.addPeriodColumn('backlog', d.index, t, backlog);
      else if (soft) v.lost[d.index * H + t - 1] = b.addPeriodColumn('lost', d.index, t, lost);
    }
  }
  for (const s of sites) if (s.potential) v.open[s.index] = b.addColumn('open', s.index, -1, lpName('open', s.token), binary);
  for (const l of lanes) if (l.fixedCost > 0 && l.arcs.length > 0) v.use[l.index] = b.addColumn('use', l.index, -1, lpName('use', l.token), binary);
  if (net.scenario.settings.singleSourcing) {
    for (const k of pairs) {
      if (k.demand < 0 || k.arcsIn.length < 2) continue;
      for (const ai of k.arcsIn) {
        v.assign[ai] = b.addColumn('assign', ai, -1, lpName('assign', `${lanes[arcs[ai].lane].token},${products[arcs[ai].product].token}`), binary);
      }
    }
  }
  for (const k of pairs) {
    if (k.orderCost <= 0 || (k.arcsIn.length === 0 && k.makes.length === 0)) continue;
    const stem = lpStem('setup', label(k.site, k.product));
    for (let t = 1; t <= H; t++) {
      const inflow = k.arcsIn.some((ai) => v.ship[ai * H + t - 1] >= 0) || k.makes.some((r) => v.make[r * H + t - 1] >= 0);
      if (inflow) v.setup[k.index * H + t - 1] = b.addPeriodColumn('setup', k.index, t, stem, binary);
    }
  }
  return v;
}
