/**
 * What cannot be simulated, found before the first period: a site asked for goods it has no
 * rule for, a policy whose orders have nowhere to go, a customer no supply can ever reach.
 * Each issue names the table, row and field to fix.
 */
import { NODE_SINK, NODE_SOURCE, NODE_STOCK } from './network';
import type { CompileContext } from './compile-context';
import type { Discovery, NodeDraft } from './compile-nodes';

function label(ctx: CompileContext, n: NodeDraft): string {
  return `"${ctx.scenario.sites[n.site].id}" / "${ctx.scenario.products[n.product].id}"`;
}

export function checkDiscovery(ctx: CompileContext, d: Discovery, pipelineInto: ReadonlySet<number>): void {
  const { scenario, issues } = ctx;
  const inbound = new Map<NodeDraft, number>();
  for (const a of d.arcs) inbound.set(a.to, (inbound.get(a.to) ?? 0) + a.weight);

  for (const n of d.nodes) {
    const site = scenario.sites[n.site];
    const productId = scenario.products[n.product].id;
    if (n.asked && n.kind === NODE_SINK) {
      issues.push({ table: 'sites', row: n.site, message: `"${site.id}" has demand for "${productId}" and no inventory row, so it holds no stock, but ${n.askedBy}: add an inventory row for ${label(ctx, n)}` });
    } else if (n.asked && n.kind === NODE_STOCK && n.inventoryRow < 0 && n.productionRow < 0) {
      issues.push({ table: 'sites', row: n.site, message: `"${site.id}" has no inventory row for "${productId}" (no policy, no stock), but ${n.askedBy}: add an inventory row for ${label(ctx, n)} (a policy and initial stock), or a production row` });
    }
    if (n.kind === NODE_STOCK && n.inventoryRow >= 0 && n.productionRow < 0) {
      const row = scenario.inventory[n.inventoryRow];
      if (row.policy !== 'none' && !((inbound.get(n) ?? 0) > 0)) {
        const lanes = ctx.lanesInto[n.site].length;
        const why = lanes === 0 ? 'no open lane ends there' : `no lane into it carries "${productId}" with a share above 0`;
        issues.push({ table: 'inventory', row: n.inventoryRow, field: 'policy', message: `${label(ctx, n)} has policy ${row.policy}, but ${why} and it has no production row: its orders would go nowhere (use policy none for a fixed stock, or add a lane or production)` });
      }
    }
    if (n.kind === NODE_SINK && !((inbound.get(n) ?? 0) > 0)) {
      issues.push({ table: 'demand', row: firstDemandRow(ctx, n), field: 'customerId', message: `customer "${site.id}" has demand for "${productId}" but no lane with a share above 0 brings it there and it holds no stock (no inventory row)` });
    }
  }
  if (issues.length > 0) return;
  checkReachability(ctx, d, pipelineInto);
}

/** A node can get goods if it is a source, holds or expects stock, or makes or receives from such a node. */
function checkReachability(ctx: CompileContext, d: Discovery, pipelineInto: ReadonlySet<number>): void {
  const { scenario } = ctx;
  const reach = new Set<NodeDraft>();
  for (const n of d.nodes) {
    const initial = n.inventoryRow >= 0 ? scenario.inventory[n.inventoryRow].initialStock : 0;
    if (n.kind === NODE_SOURCE || initial > 0 || pipelineInto.has(n.key)) reach.add(n);
  }
  const components = new Map<NodeDraft, NodeDraft[]>();
  for (const n of d.nodes) {
    if (n.productionRow < 0) continue;
    const list: NodeDraft[] = [];
    for (const b of scenario.bom) {
      if (ctx.productIndex.get(b.productId) !== n.product) continue;
      if (b.siteId !== undefined && ctx.siteIndex.get(b.siteId) !== n.site) continue;
      list.push(d.nodeByKey.get(n.site * scenario.products.length + ctx.productIndex.get(b.componentId)!)!);
    }
    components.set(n, list);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const n of d.nodes) {
      if (reach.has(n)) continue;
      const comps = components.get(n);
      if (comps && comps.every((c) => reach.has(c))) { reach.add(n); changed = true; }
    }
    for (const a of d.arcs) {
      if (a.weight > 0 && reach.has(a.from) && !reach.has(a.to)) { reach.add(a.to); changed = true; }
    }
  }
  for (const n of d.nodes) {
    if (!ctx.demandKeys.has(n.key) || reach.has(n)) continue;
    ctx.issues.push({ table: 'demand', row: firstDemandRow(ctx, n), field: 'customerId', message: `no path from any supply to customer "${scenario.sites[n.site].id}" for "${scenario.products[n.product].id}": no supplier, production or stock upstream of it can ever send it goods` });
  }
}

function firstDemandRow(ctx: CompileContext, n: NodeDraft): number {
  const siteId = ctx.scenario.sites[n.site].id;
  const productId = ctx.scenario.products[n.product].id;
  return ctx.scenario.demand.findIndex((r) => r.customerId === siteId && r.productId === productId);
}
