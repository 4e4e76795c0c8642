/**
 * explainShadowPrices: row duals → plain-language shadow prices. Both solvers report a row's dual
 * as ∂objective/∂(row bound). For a capacity row (≤) of a min-cost plan it is ≤ 0: one more unit
 * of capacity saves −dual; of a max-profit plan it is ≥ 0: one more unit earns dual. For a demand
 * row it is the marginal cost of serving one more unit (min-cost) or the profit it adds
 * (max-profit); for an end-stock target the cost (or lost profit) of leaving one more unit.
 */
import type { PlanModel } from './build';
import { clean, formatMoney, formatPeriod } from './labels';
import { rowFamily } from './model';
import type { ShadowPrice } from './result';

/** Duals smaller than this (money per unit) are reported as no shadow price. */
const DUAL_EPS = 1e-6;

export function explainShadowPrices(pm: PlanModel, duals: ArrayLike<number>, x: ArrayLike<number>): ShadowPrice[] {
  const { model: m, network: net, variables: v } = pm;
  const s = net.scenario.settings;
  const max = m.sense === 'max';
  const money = (amount: number) => formatMoney(amount, s.currency);
  const when = (t: number) => formatPeriod(t, s.periodLength);
  const capacityGain = (gain: number) => (max ? `would add ${money(gain)} profit` : `would save ${money(gain)}`);
  const closed = (site: number) => v.open[site] >= 0 && x[v.open[site]] < 0.5;
  const out: ShadowPrice[] = [];
  for (let i = 0; i < m.numRows; i++) {
    const dual = clean(duals[i]);
    if (Math.abs(dual) < DUAL_EPS) continue;
    const e = m.rowKey[2 * i];
    const t = m.rowKey[2 * i + 1];
    const family = rowFamily(m, i);
    const gain = max ? dual : -dual;
    switch (family) {
      case 'storage': {
        if (closed(e)) break;
        const site = net.sites[e];
        out.push({ kind: 'storage', siteId: site.id, period: t, value: gain, message: `One more unit of storage at ${site.name} in ${when(t)} ${capacityGain(gain)}.` });
        break;
      }
      case 'production': {
        const r = net.productions[e];
        if (closed(r.site)) break;
        const site = net.sites[r.site];
        const product = net.products[r.product];
        out.push({ kind: 'production', siteId: site.id, productId: product.id, period: t, value: gain, message: `One more unit of ${product.name} production capacity at ${site.name} in ${when(t)} ${capacityGain(gain)}.` });
        break;
      }
      case 'lane': {
        const l = net.lanes[e];
        out.push({ kind: 'lane', laneId: l.id, period: t, value: gain, message: `One more unit of capacity on lane ${net.sites[l.from].name} → ${net.sites[l.to].name} in ${when(t)} ${capacityGain(gain)}.` });
        break;
      }
      case 'demand': {
        const d = net.demands[e];
        const site = net.sites[d.site];
        const product = net.products[d.product];
        const message = max
          ? `One more unit of demand for ${product.name} at ${site.name} in ${when(t)} would ${dual >= 0 ? 'add' : 'cost'} ${money(Math.abs(dual))} ${dual >= 0 ? 'profit' : 'of profit'}.`
          : `Serving one more unit of ${product.name} at ${site.name} in ${when(t)} would ${dual >= 0 ? 'cost' : 'save'} ${money(Math.abs(dual))}${dual >= 0 ? '' : ' (it uses stock that would otherwise sit and cost holding)'}.`;
        out.push({ kind: 'demand', siteId: site.id, productId: product.id, period: t, value: dual, message });
        break;
      }
      case 'target': {
        const k = net.pairs[e];
        const site = net.sites[k.site];
        const product = net.products[k.product];
        const cost = max ? -dual : dual;
        out.push({ kind: 'target', siteId: site.id, productId: product.id, period: t, value: dual, message: `Leaving one more unit of ${product.name} at ${site.name} at the end would cost ${money(cost)}${max ? ' of profit' : ''}.` });
        break;
      }
      default:
        break;
    }
  }
  const rank = { storage: 0, production: 0, lane: 0, target: 1, demand: 2 } as const;
  return out.sort((a, b) => rank[a.kind] - rank[b.kind] || Math.abs(b.value) - Math.abs(a.value));
}
