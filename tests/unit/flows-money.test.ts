/**
 * Money between parties: partyFlows summed per payer and payee, the two-column graph (so A paying
 * B and B paying A is no cycle), per-party rows from summary.parties with cash in and out, and
 * the CSV. Amounts are hand-made.
 */
import { describe, expect, it } from 'vitest';
import type { PartyFlow, PartyKpis, SimSummary } from '../../src/core/sim';
import { moneyCsv } from '../../src/ui/flows/flow-table';
import { buildMoneyGraph, moneyPairs, partyMoneyRows, partyName } from '../../src/ui/flows/money-flows';
import { layoutSankey } from '../../src/ui/flows/sankey-layout';

function party(partyId: string, name: string, o: Partial<{ revenue: number; purchases: number; cogs: number; costs: number; external: boolean }> = {}): PartyKpis {
  const revenue = o.revenue ?? 0;
  const cogs = o.cogs ?? 0;
  return { partyId, name, external: o.external ?? false, revenue, purchases: o.purchases ?? 0, cogs, margin: revenue - cogs, costs: { total: o.costs ?? 0 } } as unknown as PartyKpis;
}

const flow = (fromPartyId: string, toPartyId: string, invoiced: number, paid: number): PartyFlow => ({ fromPartyId, toPartyId, invoiced, paid });

function summary(partyFlows: PartyFlow[] | undefined): SimSummary {
  return {
    parties: [
      party('', 'Own company', { revenue: 1000, cogs: 600, purchases: 300, costs: 150 }),
      party('retail', 'Retail Co', { revenue: 800, cogs: 700, purchases: 1000, costs: 40 }),
      party('idle', 'Idle Ltd'),
      party('(end customers)', 'End customers', { external: true, purchases: 800 }),
    ],
    ...(partyFlows ? { partyFlows } : {}),
  } as unknown as SimSummary;
}

describe('money flows', () => {
  // Retail buys from the own company (invoiced 1000, paid 900 so far), end customers buy from
  // Retail (800 / 800), and the own company buys back from Retail (100 / 40): a cycle own ⇄ retail.
  const flows = [flow('retail', '', 600, 500), flow('retail', '', 400, 400), flow('(end customers)', 'retail', 800, 800), flow('', 'retail', 100, 40), flow('idle', 'idle', 5, 5)];

  it('sums flows per payer → payee, largest payment first, leaving out a party paying itself', () => {
    expect(moneyPairs(summary(flows))).toEqual([
      { fromPartyId: 'retail', toPartyId: '', invoiced: 1000, paid: 900 },
      { fromPartyId: '(end customers)', toPartyId: 'retail', invoiced: 800, paid: 800 },
      { fromPartyId: '', toPartyId: 'retail', invoiced: 100, paid: 40 },
    ]);
  });

  it('draws payers left and payees right, so mutual trade is no cycle', () => {
    const g = buildMoneyGraph(summary(flows), 'paid');
    expect(g.nodes.map((n) => [n.id, n.column, n.name])).toEqual([
      ['pays:retail', 0, 'Retail Co'], ['paid:', 1, 'Own company'], ['pays:(end customers)', 0, 'End customers'],
      ['paid:retail', 1, 'Retail Co'], ['pays:', 0, 'Own company'],
    ]);
    expect(g.links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['pays:retail', 'paid:', 900], ['pays:(end customers)', 'paid:retail', 800], ['pays:', 'paid:retail', 40],
    ]);
    expect(buildMoneyGraph(summary(flows), 'invoiced').links.map((l) => l.value)).toEqual([1000, 800, 100]);
    const geo = layoutSankey(g.nodes, g.links, 700);
    expect(geo.links.every((l) => !l.loop)).toBe(true);
    // Retail receives 800 + 40: its right-hand node is 840 × ky high.
    const retailIn = geo.nodes.find((n) => n.node.id === 'paid:retail')!;
    expect(retailIn.y1 - retailIn.y0).toBeCloseTo(840 * geo.ky, 6);
    // Names outside: payers' to the left of their node, payees' to the right.
    const outside = layoutSankey(g.nodes, g.links, 700, { labelsOutside: true, marginX: 190 });
    expect(outside.nodes.map((n) => [n.node.id, n.labelSide, n.x0])).toEqual([
      ['pays:retail', 'left', 190], ['paid:', 'right', 700 - 190 - 14], ['pays:(end customers)', 'left', 190],
      ['paid:retail', 'right', 700 - 190 - 14], ['pays:', 'left', 190],
    ]);
  });

  it('one row per party with activity: revenue, purchases, costs, margin, money in and out', () => {
    const rows = partyMoneyRows(summary(flows));
    expect(rows.map((r) => r.partyId)).toEqual(['', 'retail', '(end customers)']); // Idle Ltd did nothing
    expect(rows[0]).toEqual({
      partyId: '', name: 'Own company', external: false, revenue: 1000, purchases: 300, costs: 150, margin: 400,
      paidIn: 900, paidOut: 40, invoicedBy: 1000, invoicedTo: 100,
    });
    expect(rows[1]).toMatchObject({ margin: 100, paidIn: 840, paidOut: 900, invoicedBy: 900, invoicedTo: 1000 });
    expect(rows[2]).toMatchObject({ external: true, paidIn: 0, paidOut: 800 });
  });

  it('an old summary without partyFlows: no graph, rows from the party KPIs only', () => {
    const s = summary(undefined);
    expect(buildMoneyGraph(s, 'paid')).toEqual({ nodes: [], links: [] });
    expect(partyMoneyRows(s).map((r) => [r.partyId, r.paidIn])).toEqual([['', 0], ['retail', 0], ['(end customers)', 0]]);
  });

  it('names parties from the summary, the own company "Own company" when unnamed', () => {
    const s = { parties: [party('', '')] } as unknown as SimSummary;
    expect(partyName(s, '')).toBe('Own company');
    expect(partyName(summary(flows), 'retail')).toBe('Retail Co');
    expect(partyName(summary(flows), 'ghost')).toBe('ghost');
  });

  it('CSV: pairs, then a blank line, then the party rows', () => {
    const s = summary(flows);
    const lines = moneyCsv(moneyPairs(s), (id) => partyName(s, id), partyMoneyRows(s)).split('\r\n');
    expect(lines[0]).toBe('\ufeffpayer,payee,invoiced,paid');
    expect(lines[1]).toBe('Retail Co,Own company,1000,900');
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('party,revenue,purchases,costs,margin,invoiced (sales),invoiced to it,cash received,cash paid');
    expect(lines[6]).toBe('Own company,1000,300,150,400,1000,100,900,40');
  });
});
