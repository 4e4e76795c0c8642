/**
 * Money between the parties of a run (summary.partyFlows: `from` pays `to`, `to` invoices `from`)
 * as a two-column Sankey — payers on the left, payees on the right, each party possibly on both
 * sides — so that A paying B and B paying A never form a cycle. Plus one row per party of what
 * summary.parties says about it (revenue, purchases, costs, margin) with its money in and out.
 */
import type { PartyKpis, SimSummary } from '../../core/sim';
import { partyFlowsOf } from './flow-fields';

export type MoneyMeasure = 'paid' | 'invoiced';

export interface MoneyNode {
  readonly id: string;
  readonly partyId: string;
  readonly name: string;
  /** 0: pays, 1: is paid. */
  readonly column: 0 | 1;
}

export interface MoneyLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly kind: 'forward';
  readonly fromPartyId: string;
  readonly toPartyId: string;
  readonly invoiced: number;
  readonly paid: number;
}

export interface MoneyGraph {
  readonly nodes: readonly MoneyNode[];
  readonly links: readonly MoneyLink[];
}

export interface PartyMoneyRow {
  readonly partyId: string;
  readonly name: string;
  readonly external: boolean;
  readonly revenue: number;
  readonly purchases: number;
  readonly costs: number;
  readonly margin: number;
  /** Cash received from and paid to other parties over the measured periods. */
  readonly paidIn: number;
  readonly paidOut: number;
  /** Invoiced by the party to other parties (its sales), and by others to it (its purchases). */
  readonly invoicedBy: number;
  readonly invoicedTo: number;
}

/** Display name of a party id: the summary's name, "Own company" for "", else the id. */
export function partyName(summary: SimSummary, partyId: string): string {
  const p = summary.parties.find((q) => q.partyId === partyId);
  return p?.name || (partyId === '' ? 'Own company' : partyId);
}

export interface MoneyPair {
  readonly fromPartyId: string;
  readonly toPartyId: string;
  readonly invoiced: number;
  readonly paid: number;
}

/** Flows between the same payer and payee summed (a party paying itself left out), largest payment first. */
export function moneyPairs(summary: SimSummary): MoneyPair[] {
  const sums = new Map<string, { fromPartyId: string; toPartyId: string; invoiced: number; paid: number }>();
  for (const f of partyFlowsOf(summary)) {
    if (f.fromPartyId === f.toPartyId) continue;
    const key = `${f.fromPartyId}\u0000${f.toPartyId}`;
    const acc = sums.get(key) ?? { fromPartyId: f.fromPartyId, toPartyId: f.toPartyId, invoiced: 0, paid: 0 };
    acc.invoiced += Number.isFinite(f.invoiced) ? f.invoiced : 0;
    acc.paid += Number.isFinite(f.paid) ? f.paid : 0;
    sums.set(key, acc);
  }
  return [...sums.values()].filter((p) => p.invoiced !== 0 || p.paid !== 0).sort((a, b) => b.paid - a.paid || b.invoiced - a.invoiced);
}

/** The payers → payees graph for `measure`. */
export function buildMoneyGraph(summary: SimSummary, measure: MoneyMeasure): MoneyGraph {
  const links: MoneyLink[] = [];
  const nodes = new Map<string, MoneyNode>();
  for (const s of moneyPairs(summary)) {
    const value = s[measure];
    if (!(value > 0)) continue;
    const source = `pays:${s.fromPartyId}`;
    const target = `paid:${s.toPartyId}`;
    if (!nodes.has(source)) nodes.set(source, { id: source, partyId: s.fromPartyId, name: partyName(summary, s.fromPartyId), column: 0 });
    if (!nodes.has(target)) nodes.set(target, { id: target, partyId: s.toPartyId, name: partyName(summary, s.toPartyId), column: 1 });
    links.push({ source, target, value, kind: 'forward', ...s });
  }
  return { nodes: [...nodes.values()], links };
}

/** One row per party that trades, spends or is paid at all, in the summary's order. */
export function partyMoneyRows(summary: SimSummary): PartyMoneyRow[] {
  const flows = partyFlowsOf(summary);
  const sum = (party: string, side: 'fromPartyId' | 'toPartyId', measure: MoneyMeasure) =>
    flows.reduce((acc, f) => (f[side] === party && f.fromPartyId !== f.toPartyId && Number.isFinite(f[measure]) ? acc + f[measure] : acc), 0);
  return summary.parties.map((p: PartyKpis): PartyMoneyRow => ({
    partyId: p.partyId, name: p.name || partyName(summary, p.partyId), external: p.external,
    revenue: p.revenue, purchases: p.purchases, costs: p.costs.total, margin: p.margin,
    paidIn: sum(p.partyId, 'toPartyId', 'paid'), paidOut: sum(p.partyId, 'fromPartyId', 'paid'),
    invoicedBy: sum(p.partyId, 'toPartyId', 'invoiced'), invoicedTo: sum(p.partyId, 'fromPartyId', 'invoiced'),
  })).filter((r) => [r.revenue, r.purchases, r.costs, r.paidIn, r.paidOut, r.invoicedBy, r.invoicedTo].some((v) => Number.isFinite(v) && v !== 0));
}
