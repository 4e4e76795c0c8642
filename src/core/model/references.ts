/**
 * Cross-table rules that a row schema cannot see: unique ids, references to existing rows,
 * which site kinds may play which role, self-loops, demand inside the horizon, BOM cycles.
 */
import type { ModelIssue } from './issue';
import type { Scenario } from './types';

type Push = (issue: ModelIssue) => void;

function checkUniqueIds(rows: readonly { id: string }[], table: string, push: Push): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) push({ table, row: i, field: 'id', message: `duplicate id "${r.id}" (also row ${first})` });
    else seen.set(r.id, i);
  });
}

function checkUniqueKeys<T>(rows: readonly T[], table: string, key: (r: T) => string, label: (r: T) => string, push: Push): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = key(r);
    const first = seen.get(k);
    if (first !== undefined) push({ table, row: i, message: `duplicate row for ${label(r)} (also row ${first})` });
    else seen.set(k, i);
  });
}

export function checkReferences(s: Scenario): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const push: Push = (i) => issues.push(i);
  checkUniqueIds(s.parties, 'parties', push);
  checkUniqueIds(s.sites, 'sites', push);
  checkUniqueIds(s.products, 'products', push);
  checkUniqueIds(s.lanes, 'lanes', push);

  const parties = new Set(s.parties.map((p) => p.id));
  // First row wins for duplicate ids (the duplicate is reported above): rules read the original.
  const sites = new Map<string, Scenario['sites'][number]>();
  for (const x of s.sites) if (!sites.has(x.id)) sites.set(x.id, x);
  const products = new Set(s.products.map((p) => p.id));
  const site = (table: string, row: number, field: string, id: string | undefined) => {
    if (id === undefined) return undefined;
    const found = sites.get(id);
    if (!found) push({ table, row, field, message: `unknown site "${id}"` });
    return found;
  };
  const product = (table: string, row: number, field: string, id: string | undefined) => {
    if (id !== undefined && !products.has(id)) push({ table, row, field, message: `unknown product "${id}"` });
  };

  s.parties.forEach((p, i) => {
    if (p.instalments && p.instalments.length > 0) {
      const total = p.instalments.reduce((a, x) => a + x.share, 0);
      if (Math.abs(total - 1) > 1e-6) push({ table: 'parties', row: i, field: 'instalments', message: `instalment shares add up to ${+total.toFixed(6)}, not 1` });
    }
    if (p.earlyPaymentDays > p.paymentTermDays) push({ table: 'parties', row: i, field: 'earlyPaymentDays', message: `early-payment days (${p.earlyPaymentDays}) exceed the payment term (${p.paymentTermDays})` });
  });

  s.sites.forEach((x, i) => {
    if (x.partyId !== undefined && !parties.has(x.partyId)) push({ table: 'sites', row: i, field: 'partyId', message: `unknown party "${x.partyId}"` });
  });

  s.lanes.forEach((l, i) => {
    const from = site('lanes', i, 'from', l.from);
    const to = site('lanes', i, 'to', l.to);
    product('lanes', i, 'productId', l.productId);
    if (l.from === l.to) push({ table: 'lanes', row: i, field: 'to', message: `a lane cannot go from a site to itself ("${l.from}")` });
    if (from?.kind === 'customer') push({ table: 'lanes', row: i, field: 'from', message: `customer "${from.id}" cannot ship (only returns flow back from customers, see the returns table)` });
    if (to?.kind === 'supplier') push({ table: 'lanes', row: i, field: 'to', message: `supplier "${to.id}" cannot receive shipments` });
  });
  checkUniqueKeys(s.lanes, 'lanes', (l) => `${l.from}\u0000${l.to}\u0000${l.productId ?? ''}\u0000${l.mode}`,
    (l) => `${l.from} → ${l.to}${l.productId ? ` (${l.productId})` : ''} by ${l.mode}`, push);

  const horizon = s.settings.horizon;
  s.demand.forEach((d, i) => {
    const c = site('demand', i, 'customerId', d.customerId);
    if (c && c.kind !== 'customer' && c.kind !== 'retailer') push({ table: 'demand', row: i, field: 'customerId', message: `site "${c.id}" is a ${c.kind}; demand belongs to a customer or retailer` });
    product('demand', i, 'productId', d.productId);
    if (d.period > horizon) push({ table: 'demand', row: i, field: 'period', message: `period ${d.period} is beyond the horizon of ${horizon} periods` });
  });
  checkUniqueKeys(s.demand, 'demand', (d) => `${d.customerId}\u0000${d.productId}\u0000${d.period}`,
    (d) => `${d.customerId} / ${d.productId} / period ${d.period}`, push);

  s.inventory.forEach((p, i) => {
    site('inventory', i, 'siteId', p.siteId);
    product('inventory', i, 'productId', p.productId);
    if (p.policy === 's-S' && p.reorderPoint !== undefined && p.orderUpTo !== undefined && p.reorderPoint > p.orderUpTo) {
      push({ table: 'inventory', row: i, field: 'reorderPoint', message: `reorder point s (${p.reorderPoint}) is above the order-up-to level S (${p.orderUpTo})` });
    }
    if (p.policy === 'r-Q' && p.orderQuantity === 0) push({ table: 'inventory', row: i, field: 'orderQuantity', message: 'order quantity Q must be above 0 for an (r,Q) policy' });
    if (p.policy === 'periodic' && p.reviewPeriod === 0) push({ table: 'inventory', row: i, field: 'reviewPeriod', message: 'review period R must be at least 1 for a periodic policy' });
  });
  checkUniqueKeys(s.inventory, 'inventory', (p) => `${p.siteId}\u0000${p.productId}`, (p) => `${p.siteId} / ${p.productId}`, push);

  s.production.forEach((p, i) => {
    const x = site('production', i, 'siteId', p.siteId);
    product('production', i, 'productId', p.productId);
    if (x && x.kind !== 'plant' && x.kind !== 'supplier') push({ table: 'production', row: i, field: 'siteId', message: `site "${x.id}" is a ${x.kind}; only plants and suppliers produce` });
  });
  checkUniqueKeys(s.production, 'production', (p) => `${p.siteId}\u0000${p.productId}`, (p) => `${p.siteId} / ${p.productId}`, push);

  s.bom.forEach((b, i) => {
    product('bom', i, 'productId', b.productId);
    product('bom', i, 'componentId', b.componentId);
    site('bom', i, 'siteId', b.siteId);
    if (b.productId === b.componentId) push({ table: 'bom', row: i, field: 'componentId', message: `product "${b.productId}" cannot be its own component` });
  });
  checkBomCycles(s, push);

  s.returns.forEach((r, i) => {
    const c = site('returns', i, 'customerId', r.customerId);
    product('returns', i, 'productId', r.productId);
    const d = site('returns', i, 'destinationId', r.destinationId);
    if (c && c.kind !== 'customer' && c.kind !== 'retailer') push({ table: 'returns', row: i, field: 'customerId', message: `site "${c.id}" is a ${c.kind}; returns come from customers or retailers` });
    if (d && (d.kind === 'customer' || d.kind === 'supplier')) push({ table: 'returns', row: i, field: 'destinationId', message: `returns cannot go to ${d.kind} "${d.id}"` });
  });
  s.prices.forEach((p, i) => {
    product('prices', i, 'productId', p.productId);
    if (p.sellerId !== undefined && !parties.has(p.sellerId)) push({ table: 'prices', row: i, field: 'sellerId', message: `unknown party "${p.sellerId}"` });
    if (p.buyerId !== undefined && !parties.has(p.buyerId)) push({ table: 'prices', row: i, field: 'buyerId', message: `unknown party "${p.buyerId}"` });
  });
  checkUniqueKeys(s.prices, 'prices', (p) => `${p.productId}\u0000${p.sellerId ?? ''}\u0000${p.buyerId ?? ''}`,
    (p) => `${p.productId} from ${p.sellerId ?? 'any seller'} to ${p.buyerId ?? 'any buyer'}`, push);

  const lanes = new Map(s.lanes.map((l) => [l.id, l]));
  s.inTransit.forEach((x, i) => {
    const lane = lanes.get(x.laneId);
    product('inTransit', i, 'productId', x.productId);
    if (!lane) push({ table: 'inTransit', row: i, field: 'laneId', message: `unknown lane "${x.laneId}"` });
    else if (lane.productId !== undefined && lane.productId !== x.productId) push({ table: 'inTransit', row: i, field: 'productId', message: `lane "${lane.id}" carries only product "${lane.productId}"` });
    if (x.arrivalPeriod > horizon) push({ table: 'inTransit', row: i, field: 'arrivalPeriod', message: `period ${x.arrivalPeriod} is beyond the horizon of ${horizon} periods` });
  });
  checkUniqueKeys(s.modes, 'modes', (m) => m.mode, (m) => `mode ${m.mode}`, push);
  return issues;
}

/** A product that (through its components) needs itself can never be made: report the first row of each cycle. */
function checkBomCycles(s: Scenario, push: Push): void {
  const children = new Map<string, { to: string; row: number }[]>();
  s.bom.forEach((b, row) => {
    if (b.productId === b.componentId) return;
    const list = children.get(b.productId) ?? [];
    list.push({ to: b.componentId, row });
    children.set(b.productId, list);
  });
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const reported = new Set<number>();
  const visit = (node: string, path: string[]): void => {
    state.set(node, 1);
    for (const e of children.get(node) ?? []) {
      const st = state.get(e.to);
      if (st === 1 && !reported.has(e.row)) {
        reported.add(e.row);
        const cycle = [...path.slice(path.indexOf(e.to)), node, e.to];
        push({ table: 'bom', row: e.row, field: 'componentId', message: `bill-of-materials cycle: ${cycle.join(' → ')}` });
      } else if (st === undefined) visit(e.to, [...path, node]);
    }
    state.set(node, 2);
  };
  for (const node of children.keys()) if (!state.has(node)) visit(node, []);
}
