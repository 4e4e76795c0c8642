/**
 * Which (site, product) pairs take part, and what each does. Starting from every inventory row,
 * every customer with demand, every returns destination and every arc named by the options, the
 * sources of each node that needs supply are followed upstream (lanes with a positive share,
 * bill-of-materials components), so a scenario's unused corners never become nodes.
 *
 * A node is
 *   - STOCK  when it has an inventory row (its policy replenishes it), or a production row (no
 *            inventory row: make-to-order, i.e. base-stock with S = 0), or when it is only a
 *            returns destination or the end of an initial shipment (it holds what arrives);
 *   - SINK   when it is a customer/retailer with demand and no inventory row (its demand goes to
 *            its suppliers as orders, in the same period);
 *   - SOURCE when it is a supplier without production and inventory rows (unlimited supply).
 */
import { NODE_SINK, NODE_SOURCE, NODE_STOCK } from './network';
import { nodeKey, type CompileContext } from './compile-context';

export interface NodeDraft {
  readonly key: number;
  readonly site: number;
  readonly product: number;
  readonly kind: number;
  readonly inventoryRow: number;
  readonly productionRow: number;
  /** True when something will ask this node for goods (orders on an arc, or production consuming it). */
  asked: boolean;
  askedBy: string;
}

export interface ArcDraft {
  readonly lane: number;
  readonly product: number;
  readonly from: NodeDraft;
  readonly to: NodeDraft;
  /** Sourcing weight before normalisation (0: carries no orders by share). */
  weight: number;
}

export interface Discovery {
  readonly nodes: NodeDraft[];
  readonly arcs: ArcDraft[];
  readonly nodeByKey: Map<number, NodeDraft>;
  readonly arcByKey: Map<number, ArcDraft>;
}

/** Sourcing weights of the lanes into a node: a lane's share; unset shares split what the set ones leave (all unset: equal). */
export function laneWeights(shares: readonly (number | undefined)[]): number[] {
  const defined = shares.filter((s): s is number => s !== undefined);
  if (defined.length === 0) return shares.map(() => 1);
  const rest = Math.max(0, 1 - defined.reduce((a, b) => a + b, 0));
  const nUndefined = shares.length - defined.length;
  return shares.map((s) => (s !== undefined ? s : rest / nUndefined));
}

export function discoverNetwork(ctx: CompileContext, forcedArcs: readonly { lane: number; product: number; asked: boolean; what: string }[]): Discovery {
  const { scenario } = ctx;
  const nodes: NodeDraft[] = [];
  const arcs: ArcDraft[] = [];
  const nodeByKey = new Map<number, NodeDraft>();
  const arcByKey = new Map<number, ArcDraft>();
  const work: NodeDraft[] = [];
  const nProducts = scenario.products.length;

  const ensureNode = (site: number, product: number): NodeDraft => {
    const key = nodeKey(ctx, site, product);
    const found = nodeByKey.get(key);
    if (found) return found;
    const inventoryRow = ctx.inventoryRow.get(key) ?? -1;
    const productionRow = ctx.productionRow.get(key) ?? -1;
    const kind = inventoryRow >= 0 ? NODE_STOCK
      : ctx.demandKeys.has(key) ? NODE_SINK
        : productionRow >= 0 ? NODE_STOCK
          : scenario.sites[site].kind === 'supplier' ? NODE_SOURCE : NODE_STOCK;
    const n: NodeDraft = { key, site, product, kind, inventoryRow, productionRow, asked: false, askedBy: '' };
    nodeByKey.set(key, n);
    nodes.push(n);
    work.push(n);
    return n;
  };
  const ask = (n: NodeDraft, by: string) => {
    if (!n.asked) { n.asked = true; n.askedBy = by; }
  };
  const ensureArc = (lane: number, product: number, weight: number): ArcDraft => {
    const key = lane * nProducts + product;
    const found = arcByKey.get(key);
    if (found) { found.weight = Math.max(found.weight, weight); return found; }
    const l = scenario.lanes[lane];
    const a: ArcDraft = {
      lane, product, weight,
      from: ensureNode(ctx.siteIndex.get(l.from)!, product),
      to: ensureNode(ctx.siteIndex.get(l.to)!, product),
    };
    arcByKey.set(key, a);
    arcs.push(a);
    return a;
  };

  // Seeds: inventory rows, demand points, returns destinations, arcs named by the options.
  for (const key of [...ctx.inventoryRow.keys(), ...ctx.demandKeys]) ensureNode(Math.floor(key / nProducts), key % nProducts);
  scenario.returns.forEach((r) => {
    const c = ctx.siteIndex.get(r.customerId)!;
    const d = ctx.siteIndex.get(r.destinationId)!;
    if (!ctx.siteOpen[c] || !ctx.siteOpen[d]) return;
    for (let p = 0; p < nProducts; p++) {
      if (r.productId !== undefined && ctx.productIndex.get(r.productId) !== p) continue;
      if (nodeByKey.has(nodeKey(ctx, c, p))) ensureNode(d, p);
    }
  });
  for (const f of forcedArcs) {
    const a = ensureArc(f.lane, f.product, 0);
    if (f.asked) ask(a.from, f.what);
  }

  while (work.length > 0) {
    const n = work.pop()!;
    const siteId = scenario.sites[n.site].id;
    const productId = scenario.products[n.product].id;
    if (n.productionRow >= 0) {
      scenario.bom.forEach((b, i) => {
        if (ctx.productIndex.get(b.productId) !== n.product) return;
        if (b.siteId !== undefined && ctx.siteIndex.get(b.siteId) !== n.site) return;
        ask(ensureNode(n.site, ctx.productIndex.get(b.componentId)!), `production of "${productId}" at "${siteId}" (bom row ${i})`);
      });
      continue;
    }
    const orders = n.kind === NODE_SINK
      || (n.kind === NODE_STOCK && n.inventoryRow >= 0 && scenario.inventory[n.inventoryRow].policy !== 'none');
    if (!orders) continue;
    const candidates = ctx.lanesInto[n.site].filter((li) => {
      const pid = scenario.lanes[li].productId;
      return pid === undefined || ctx.productIndex.get(pid) === n.product;
    });
    const weights = laneWeights(candidates.map((li) => scenario.lanes[li].share));
    candidates.forEach((li, i) => {
      if (!(weights[i] > 0)) return;
      const a = ensureArc(li, n.product, weights[i]);
      ask(a.from, `"${siteId}" orders "${productId}" on lane "${scenario.lanes[li].id}"`);
    });
  }
  return { nodes, arcs, nodeByKey, arcByKey };
}
