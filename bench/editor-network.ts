/**
 * A big network for the editor benchmark: `sites` sites spread over Europe (2 % suppliers, 3 %
 * plants, 10 % DCs, the rest customers) and `lanes` lanes along the flow (supplier → plant →
 * DC → customer), seeded so every run draws the same map. DCs carry stock and a storage capacity,
 * so the stock rings are drawn too.
 */
import { mulberry32 } from '../scripts/lib/mulberry32';


export interface EditorNetworkSpec {
  readonly sites: number;
  readonly lanes: number;
  readonly seed?: number;
}

type Kind = 'supplier' | 'plant' | 'dc' | 'customer';

const NAMES: Record<Kind, string> = { supplier: 'Supplier', plant: 'Plant', dc: 'DC', customer: 'Customer' };

export function generateEditorNetwork(spec: EditorNetworkSpec): Record<string, unknown> {
  const rnd = mulberry32(spec.seed ?? 7);
  const counts: [Kind, number][] = [
    ['supplier', Math.max(1, Math.round(spec.sites * 0.02))],
    ['plant', Math.max(1, Math.round(spec.sites * 0.03))],
    ['dc', Math.max(1, Math.round(spec.sites * 0.1))],
  ];
  counts.push(['customer', spec.sites - counts.reduce((a, [, n]) => a + n, 0)]);
  const sites: Record<string, unknown>[] = [];
  const byKind = new Map<Kind, string[]>();
  for (const [kind, n] of counts) {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      const id = `${kind}-${i}`;
      ids.push(id);
      sites.push({
        id, name: `${NAMES[kind]} ${i}`, kind,
        lat: +(37 + rnd() * 22).toFixed(4), lon: +(-9 + rnd() * 35).toFixed(4),
        ...(kind === 'dc' ? { storageCapacity: 10_000 } : {}),
      });
    }
    byKind.set(kind, ids);
  }
  const pick = (kind: Kind) => { const ids = byKind.get(kind)!; return ids[Math.floor(rnd() * ids.length)]; };
  const lanes: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  // Shares of the lanes per echelon; the rest go DC → customer.
  const plan: [Kind, Kind, number][] = [['supplier', 'plant', 0.03], ['plant', 'dc', 0.1], ['dc', 'dc', 0.02]];
  const modes = ['road', 'road', 'road', 'rail', 'sea'];
  let attempts = 0;
  const add = (from: Kind, to: Kind) => {
    const a = pick(from);
    const b = pick(to);
    const mode = modes[Math.floor(rnd() * modes.length)];
    const key = `${a}>${b}>${mode}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    lanes.push({ id: `lane-${lanes.length + 1}`, from: a, to: b, mode, leadTime: 1 + Math.floor(rnd() * 4) });
  };
  for (const [from, to, share] of plan) {
    const target = lanes.length + Math.round(spec.lanes * share);
    while (lanes.length < target && attempts++ < spec.lanes * 20) add(from, to);
  }
  while (lanes.length < spec.lanes && attempts++ < spec.lanes * 40) add('dc', 'customer');
  const inventory = byKind.get('dc')!.map((siteId) => ({ siteId, productId: 'p1', initialStock: Math.round(rnd() * 12_000) }));
  return {
    format: 'chainlab.scenario', version: 2, id: `bench-${spec.sites}-${spec.lanes}`,
    name: `Benchmark ${spec.sites} sites / ${spec.lanes} lanes`,
    products: [{ id: 'p1', name: 'Product 1' }],
    sites, lanes, inventory,
  };
}
