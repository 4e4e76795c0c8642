/**
 * The product-flow Sankey from hand-made summaries: lanes summed per site pair (and per product),
 * columns by site kind with sub-columns inside a kind, returns as links back, lanes against the
 * flow (A → B and B → A) kept out of d3-sankey so it never meets a cycle, busy columns merged, and
 * the layout's geometry (link widths on one px-per-unit scale, nodes in their own column).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/model/load';
import type { Scenario } from '../../src/core/model/types';
import type { LaneKpis, ReturnFlow, SimSummary } from '../../src/core/sim';
import { flowCsv, flowRows } from '../../src/ui/flows/flow-table';
import { buildFlowGraph, subLevels } from '../../src/ui/flows/sankey-graph';
import { layoutSankey } from '../../src/ui/flows/sankey-layout';

type SiteRow = { id: string; kind: string };

function scenario(sites: SiteRow[], products = ['p', 'q']): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id: 's', name: 's',
    sites: sites.map((s, i) => ({ id: s.id, name: s.id.toUpperCase(), kind: s.kind, lat: 45 + i, lon: 5 + i })),
    products: products.map((id) => ({ id, name: id })),
  });
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

const lane = (from: string, to: string, productId: string, shipped: number, laneId = `${from}-${to}`): LaneKpis =>
  ({ laneId, productId, from, to, shipped, inTransitAvg: 0, transportCost: 0 });

function summary(lanes: LaneKpis[], returnFlows: ReturnFlow[] = []): SimSummary {
  return { sites: [], parties: [], lanes, returnFlows, partyFlows: [] } as unknown as SimSummary;
}

const CHAIN: SiteRow[] = [
  { id: 'sup', kind: 'supplier' }, { id: 'plant', kind: 'plant' }, { id: 'dc1', kind: 'dc' }, { id: 'dc2', kind: 'dc' },
  { id: 'c1', kind: 'customer' }, { id: 'c2', kind: 'customer' }, { id: 'ret', kind: 'returns' },
];

describe('buildFlowGraph', () => {
  it('sums the lanes and products joining the same two sites, one column per kind', () => {
    const s = summary([
      lane('sup', 'plant', 'p', 100), lane('plant', 'dc1', 'p', 60), lane('plant', 'dc1', 'q', 15, 'plant-dc1-rail'),
      lane('plant', 'dc2', 'p', 40), lane('dc1', 'c1', 'p', 55), lane('dc2', 'c2', 'q', 0),
    ]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const links = Object.fromEntries(g.links.map((l) => [`${l.source}>${l.target}`, [l.value, l.kind]]));
    // plant → dc1: 60 (p, one lane) + 15 (q, another lane) = 75. The 0-unit lane is left out.
    expect(links).toEqual({
      'sup>plant': [100, 'forward'], 'plant>dc1': [75, 'forward'], 'plant>dc2': [40, 'forward'], 'dc1>c1': [55, 'forward'],
    });
    expect(g.columns).toBe(4);
    const column = Object.fromEntries(g.nodes.map((n) => [n.id, n.column]));
    expect(column).toEqual({ sup: 0, plant: 1, dc1: 2, dc2: 2, c1: 3 });
    expect(g.nodes.find((n) => n.id === 'dc1')?.name).toBe('DC1');
  });

  it('filters one product', () => {
    const s = summary([lane('plant', 'dc1', 'p', 60), lane('plant', 'dc1', 'q', 15), lane('dc1', 'c1', 'q', 9)]);
    const g = buildFlowGraph(scenario(CHAIN), s, 'q');
    expect(g.links.map((l) => [l.source, l.target, l.value])).toEqual([['plant', 'dc1', 15], ['dc1', 'c1', 9]]);
  });

  it('adds customer returns as links back, with restocked and scrapped units', () => {
    const s = summary(
      [lane('dc1', 'c1', 'p', 100), lane('dc1', 'c2', 'p', 50)],
      [
        { from: 'c1', to: 'dc1', productId: 'p', quantity: 3, restocked: 2, scrapped: 1 },
        { from: 'c1', to: 'dc1', productId: 'q', quantity: 4, restocked: 4, scrapped: 0 },
        { from: 'c2', to: 'ret', productId: 'p', quantity: 5, restocked: 0, scrapped: 5 },
      ],
    );
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const returns = g.links.filter((l) => l.kind === 'return');
    expect(returns).toEqual([
      { source: 'c1', target: 'dc1', value: 7, kind: 'return', restocked: 6, scrapped: 1 },
      { source: 'c2', target: 'ret', value: 5, kind: 'return', restocked: 0, scrapped: 5 },
    ]);
    // A returns centre fed only by returns still becomes a node, in the DC column — column 0 here,
    // as nothing upstream of the DCs ships; the customers are column 1.
    expect(g.nodes.find((n) => n.id === 'ret')).toMatchObject({ kind: 'returns', column: 0 });
    expect(g.nodes.find((n) => n.id === 'c2')).toMatchObject({ kind: 'customer', column: 1 });
    // With product q only: just the 4 returned units of q, and no forward flow of q.
    const q = buildFlowGraph(scenario(CHAIN), s, 'q');
    expect(q.links).toEqual([{ source: 'c1', target: 'dc1', value: 4, kind: 'return', restocked: 4, scrapped: 0 }]);
  });

  it('lanes both ways between two DCs: the first becomes a sub-column, the other a back link', () => {
    const s = summary([lane('plant', 'dc1', 'p', 10), lane('dc1', 'dc2', 'p', 8), lane('dc2', 'dc1', 'p', 3), lane('dc2', 'c1', 'p', 6)]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const column = Object.fromEntries(g.nodes.map((n) => [n.id, n.column]));
    expect(column).toEqual({ plant: 0, dc1: 1, dc2: 2, c1: 3 });
    const kinds = Object.fromEntries(g.links.map((l) => [`${l.source}>${l.target}`, l.kind]));
    expect(kinds).toEqual({ 'plant>dc1': 'forward', 'dc1>dc2': 'forward', 'dc2>dc1': 'back', 'dc2>c1': 'forward' });
  });

  it('a lane back upstream (DC → plant) is a back link; a self-lane is ignored', () => {
    const s = summary([lane('plant', 'dc1', 'p', 10), lane('dc1', 'plant', 'p', 2), lane('dc1', 'dc1', 'p', 5)]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    expect(g.links.map((l) => [l.source, l.target, l.kind])).toEqual([['plant', 'dc1', 'forward'], ['dc1', 'plant', 'back']]);
  });

  it('merges the smallest sites of a busy column into one "other" node, keeping totals', () => {
    const sites: SiteRow[] = [{ id: 'dc1', kind: 'dc' }, ...Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, kind: 'customer' }))];
    // Customers c0..c5 receive 60, 50, …, 10.
    const s = summary(Array.from({ length: 6 }, (_, i) => lane('dc1', `c${i}`, 'p', 60 - 10 * i)));
    const g = buildFlowGraph(scenario(sites), s, null, 4);
    // Keep the 3 largest (c0, c1, c2), merge c3, c4, c5 (30 + 20 + 10 = 60).
    expect(g.nodes.map((n) => n.id)).toEqual(['dc1', 'c0', 'c1', 'c2', 'other:1']);
    expect(g.nodes.at(-1)).toMatchObject({ kind: 'other', members: ['c3', 'c4', 'c5'], name: '3 other sites' });
    expect(g.links.find((l) => l.target === 'other:1')?.value).toBe(60);
    // The table keeps every site pair.
    expect(g.pairs).toHaveLength(6);
    // With a fixed order the merged node stays at the bottom, the others largest first.
    const geo = layoutSankey(g.nodes, g.links, 600, { fixedOrder: true });
    const column1 = geo.nodes.filter((n) => n.node.column === 1).sort((a, b) => a.y0 - b.y0).map((n) => n.node.id);
    expect(column1).toEqual(['c0', 'c1', 'c2', 'other:1']);
  });

  it('an old summary without lanes gives an empty graph', () => {
    const g = buildFlowGraph(scenario(CHAIN), { sites: [], parties: [] } as unknown as SimSummary, null);
    expect(g.nodes).toEqual([]);
    expect(g.links).toEqual([]);
  });
});

describe('subLevels', () => {
  it('longest path after dropping back edges of cycles', () => {
    // a → b → c → a (cycle), a → c: the DFS from a drops c → a; levels a 0, b 1, c 2.
    const levels = subLevels(['a', 'b', 'c', 'd'], [
      { from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'a', to: 'c' },
    ]);
    expect(Object.fromEntries(levels)).toEqual({ a: 0, b: 1, c: 2, d: 0 });
  });
});

describe('layoutSankey', () => {
  it('never hands a cycle to d3-sankey: A → B and B → A lay out without throwing', () => {
    const s = summary([lane('dc1', 'dc2', 'p', 8), lane('dc2', 'dc1', 'p', 3)]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const geo = layoutSankey(g.nodes, g.links, 800);
    expect(geo.links).toHaveLength(2);
    expect(geo.links.filter((l) => l.loop).map((l) => l.link.kind)).toEqual(['back']);
    // dc1 → dc2 is forward (dc2 a sub-column further right); dc2 → dc1 runs back from the left
    // edge of dc2 to the right edge of dc1.
    const dc1 = geo.nodes.find((n) => n.node.id === 'dc1')!;
    const dc2 = geo.nodes.find((n) => n.node.id === 'dc2')!;
    expect(dc2.x0).toBeGreaterThan(dc1.x1);
    expect(geo.links.find((l) => l.loop)!.d.startsWith(`M${Math.round(dc2.x0 * 100) / 100},`)).toBe(true);
    for (const n of geo.nodes) for (const v of [n.x0, n.x1, n.y0, n.y1]) expect(Number.isFinite(v)).toBe(true);
  });

  it('nothing forward at all (only a return): d3-sankey gets no links, the geometry is still finite', () => {
    const s = summary([], [{ from: 'c1', to: 'dc1', productId: 'p', quantity: 4, restocked: 4, scrapped: 0 }]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const geo = layoutSankey(g.nodes, g.links, 600);
    expect(geo.links).toHaveLength(1);
    expect(geo.links[0].d).not.toContain('NaN');
    for (const n of geo.nodes) for (const v of [n.x0, n.x1, n.y0, n.y1]) expect(Number.isFinite(v)).toBe(true);
    // Both nodes are 4 units high, in their own columns (dc1 left, c1 right).
    const [dc1, c1] = ['dc1', 'c1'].map((id) => geo.nodes.find((n) => n.node.id === id)!);
    expect(dc1.x0).toBeLessThan(c1.x0);
    expect(dc1.y1 - dc1.y0).toBeCloseTo(c1.y1 - c1.y0, 6);
  });

  it('places nodes in their own columns and widths on one px-per-unit scale', () => {
    // sup → plant (100), plant → dc1 (60), plant → dc2 (40), dc1 → c1 (60); and a return c1 → dc1 (6).
    const s = summary(
      [lane('sup', 'plant', 'p', 100), lane('plant', 'dc1', 'p', 60), lane('plant', 'dc2', 'p', 40), lane('dc1', 'c1', 'p', 60)],
      [{ from: 'c1', to: 'dc1', productId: 'p', quantity: 6, restocked: 6, scrapped: 0 }],
    );
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const geo = layoutSankey(g.nodes, g.links, 1000, { marginX: 100, nodeWidth: 10 });
    expect(geo.height).toBe(240 + 16); // minHeight + top and bottom margins of 8
    const x = Object.fromEntries(geo.nodes.map((n) => [n.node.id, n.x0]));
    // Four columns from 100 to 1000 − 100 − 10 = 890: step 790 / 3.
    const step = (1000 - 200 - 10) / 3;
    expect(x.sup).toBeCloseTo(100, 6);
    expect(x.plant).toBeCloseTo(100 + step, 6);
    expect(x.dc1).toBeCloseTo(100 + 2 * step, 6);
    expect(x.dc2).toBeCloseTo(100 + 2 * step, 6);
    expect(x.c1).toBeCloseTo(100 + 3 * step, 6);
    // Every forward link's width is value × ky; the plant's height is max(in 100, out 100) × ky.
    for (const l of geo.links.filter((p) => !p.loop)) expect(l.width).toBeCloseTo(l.link.value * geo.ky, 6);
    const plant = geo.nodes.find((n) => n.node.id === 'plant')!;
    expect(plant.y1 - plant.y0).toBeCloseTo(100 * geo.ky, 6);
    // dc1 carries in 60 + 6 returned, out 60: its height is 66 × ky.
    const dc1 = geo.nodes.find((n) => n.node.id === 'dc1')!;
    expect(dc1.value).toBe(66);
    // The return runs back from the left edge of c1 to the right edge of dc1, 6 × ky wide.
    const ret = geo.links.find((l) => l.loop)!;
    expect(ret.link.kind).toBe('return');
    expect(ret.width).toBeCloseTo(6 * geo.ky, 6);
    const c1 = geo.nodes.find((n) => n.node.id === 'c1')!;
    const start = ret.d.match(/^M([\d.]+),([\d.]+)/)!.slice(1).map(Number);
    const end = ret.d.match(/ ([\d.]+),([\d.]+)$/)!.slice(1).map(Number);
    expect(start[0]).toBeCloseTo(c1.x0, 1);
    expect(start[1]).toBeCloseTo((c1.y0 + c1.y1) / 2, 1);
    expect(end[0]).toBeCloseTo(dc1.x1, 1);
    expect(end[1]).toBeCloseTo((dc1.y0 + dc1.y1) / 2, 1);
    // Labels: right of the node, except in the last column.
    expect(geo.nodes.find((n) => n.node.id === 'c1')!.labelSide).toBe('left');
    expect(plant.labelSide).toBe('right');
  });

  it('fixedOrder keeps each column top to bottom as given, where d3 alone would lift a big merged node', () => {
    // dcA (top) sends 500 to the merged node; dcB (bottom) sends 10 to each of c0, c1, c2.
    const nodes = [{ id: 'dcA', column: 0 }, { id: 'dcB', column: 0 }, { id: 'c0', column: 1 }, { id: 'c1', column: 1 }, { id: 'c2', column: 1 }, { id: 'other:1', column: 1 }];
    const links = [
      { source: 'dcA', target: 'other:1', value: 500, kind: 'forward' }, { source: 'dcA', target: 'c2', value: 5, kind: 'forward' },
      ...['c0', 'c1', 'c2'].map((target) => ({ source: 'dcB', target, value: 10, kind: 'forward' })),
    ];
    const order = (fixedOrder: boolean) => layoutSankey(nodes, links, 600, { fixedOrder }).nodes
      .filter((n) => n.node.column === 1).sort((a, b) => a.y0 - b.y0).map((n) => n.node.id);
    expect(order(false)).toEqual(['other:1', 'c0', 'c1', 'c2']);
    expect(order(true)).toEqual(['c0', 'c1', 'c2', 'other:1']);
  });

  it('an empty graph has no geometry', () => {
    const geo = layoutSankey([], [], 500);
    expect(geo.nodes).toEqual([]);
    expect(geo.links).toEqual([]);
  });
});

describe('flow table', () => {
  it('lists every site pair by name, largest first, returns with restocked/scrapped; CSV is injection-safe', () => {
    const s = summary([lane('dc1', 'c1', 'p', 20), lane('plant', 'dc1', 'p', 30)], [{ from: 'c1', to: 'dc1', productId: 'p', quantity: 2, restocked: 1.5, scrapped: 0.5 }]);
    const g = buildFlowGraph(scenario(CHAIN), s, null);
    const rows = flowRows(g.pairs, new Map([['plant', '=Plant'], ['dc1', 'Lyon'], ['c1', 'Paris']]));
    expect(rows.map((r) => [r.fromName, r.toName, r.kind, r.quantity, r.restocked, r.scrapped])).toEqual([
      ['=Plant', 'Lyon', 'forward', 30, null, null],
      ['Lyon', 'Paris', 'forward', 20, null, null],
      ['Paris', 'Lyon', 'return', 2, 1.5, 0.5],
    ]);
    const csv = flowCsv(rows, 'all products');
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      '\ufefffrom,to,flow,product,quantity,restocked,scrapped',
      "'=Plant,Lyon,shipped,all products,30,,",
      'Lyon,Paris,shipped,all products,20,,',
      'Paris,Lyon,returned,all products,2,1.5,0.5',
    ]);
  });
});
