import { colAt, type BuildContext } from './build-context';

/**
 * defineObjective — every cost term, each tagged with its kind (for the cost breakdown):
 *
 *   cost = Σ_{a,t} c_l · ship[a,t]                                  transport (lane cost per unit)
 *        + Σ_{a,t} L_l · h_owner · ship[a,t]                        holding in transit (settings.pipelineHolding)
 *        + Σ_{k,t} h_k · stock[k,t]                                 holding (end-of-period stock)
 *        + Σ_{r,t} c_r · make[r,t]                                  production
 *        + Σ_{d,t} π_p · backlog[d,t]   or   Σ_{d,t} π_p · lost[d,t] shortage (per period / once)
 *        + Σ_{i potential} (F_i · T) · open[i] + Σ_{i existing} F_i · T   fixed (per period, whole horizon)
 *        + Σ_{i potential} O_i · open[i]                            opening (once)
 *        + Σ_{l} (F_l · T) · use[l]                                 fixed cost of lanes
 *        + Σ_{k,t} K_k · setup[k,t]                                 setup / ordering
 *
 *   min-cost:   minimise cost
 *   max-profit: maximise Σ_{d,t} price_p · serve[d,t] − cost   (serve = arrivals at a pass-through customer)
 *
 * The owner of goods in transit is the destination when title passes at shipment, else the
 * origin; h_owner is its holding cost for the product. Fixed costs of existing sites are a
 * constant (they are paid whatever the plan does) and reported under "fixed".
 */
export function defineObjective(ctx: BuildContext): void {
  const { b, net, v } = ctx;
  const H = net.horizon;
  const settings = net.scenario.settings;
  for (const a of net.arcs) {
    const l = net.lanes[a.lane];
    const owner = net.pairAt[(l.titleAtShipment ? l.to : l.from) * net.products.length + a.product];
    const transitHolding = settings.pipelineHolding && owner >= 0 ? l.leadTime * net.pairs[owner].holdingCost : 0;
    for (let t = 1; t <= H; t++) {
      const col = colAt(v.ship, a.index, t, H);
      b.addCost(col, l.costPerUnit, 'transport');
      b.addCost(col, transitHolding, 'holding');
    }
  }
  for (const k of net.pairs) {
    for (let t = 1; t <= H; t++) {
      b.addCost(colAt(v.stock, k.index, t, H), k.holdingCost, 'holding');
      b.addCost(colAt(v.setup, k.index, t, H), k.orderCost, 'setup');
    }
  }
  for (const r of net.productions) {
    for (let t = 1; t <= H; t++) b.addCost(colAt(v.make, r.index, t, H), r.cost, 'production');
  }
  for (const d of net.demands) {
    const p = net.products[d.product];
    for (let t = 1; t <= H; t++) {
      b.addCost(colAt(v.backlog, d.index, t, H), p.penalty, 'shortage');
      b.addCost(colAt(v.lost, d.index, t, H), p.penalty, 'shortage');
      if (settings.objective !== 'max-profit') continue;
      if (!v.passThrough[d.pair]) b.addCost(colAt(v.serve, d.index, t, H), -p.price, 'revenue');
      else for (const a of net.pairs[d.pair].arcsIn) b.addCost(colAt(v.ship, a, t - net.lanes[net.arcs[a].lane].leadTime, H), -p.price, 'revenue');
    }
  }
  for (const s of net.sites) {
    const open = v.open[s.index];
    if (open < 0) {
      b.addConstantCost(s.fixedCost * H, 'fixed');
      continue;
    }
    b.addCost(open, s.fixedCost * H, 'fixed');
    b.addCost(open, s.openingCost, 'opening');
  }
  for (const l of net.lanes) b.addCost(v.use[l.index], l.fixedCost * H, 'fixed');
}
