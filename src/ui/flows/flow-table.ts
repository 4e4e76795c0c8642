/**
 * The text alternatives of the flow charts: the Sankey's site-to-site flows and the money between
 * parties as table rows (largest first) and as CSV (through the core's injection-safe writer).
 */
import { writeCsv, type CsvCell } from '../../core/io/csv';
import type { FlowLink, FlowLinkKind } from './sankey-graph';
import type { MoneyPair, PartyMoneyRow } from './money-flows';

export const LINK_KIND_LABEL: Record<FlowLinkKind, string> = {
  forward: 'shipped',
  back: 'shipped (against the flow)',
  return: 'returned',
};

export interface FlowRow {
  readonly from: string;
  readonly to: string;
  readonly fromName: string;
  readonly toName: string;
  readonly kind: FlowLinkKind;
  readonly quantity: number;
  readonly restocked: number | null;
  readonly scrapped: number | null;
}

export function flowRows(pairs: readonly FlowLink[], names: ReadonlyMap<string, string>): FlowRow[] {
  return pairs
    .map((p) => ({
      from: p.source, to: p.target, fromName: names.get(p.source) ?? p.source, toName: names.get(p.target) ?? p.target,
      kind: p.kind, quantity: p.value, restocked: p.kind === 'return' ? p.restocked ?? 0 : null, scrapped: p.kind === 'return' ? p.scrapped ?? 0 : null,
    }))
    .sort((a, b) => b.quantity - a.quantity || a.fromName.localeCompare(b.fromName) || a.toName.localeCompare(b.toName));
}

const num = (v: number | null): CsvCell => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1e6) / 1e6);

export function flowCsv(rows: readonly FlowRow[], productLabel: string): string {
  const records: CsvCell[][] = [['from', 'to', 'flow', 'product', 'quantity', 'restocked', 'scrapped']];
  for (const r of rows) records.push([r.fromName, r.toName, LINK_KIND_LABEL[r.kind], productLabel, num(r.quantity), num(r.restocked), num(r.scrapped)]);
  return writeCsv(records, { bom: true });
}

export function moneyCsv(pairs: readonly MoneyPair[], names: (partyId: string) => string, parties: readonly PartyMoneyRow[]): string {
  const records: CsvCell[][] = [['payer', 'payee', 'invoiced', 'paid']];
  for (const l of pairs) records.push([names(l.fromPartyId), names(l.toPartyId), num(l.invoiced), num(l.paid)]);
  records.push([]);
  records.push(['party', 'revenue', 'purchases', 'costs', 'margin', 'invoiced (sales)', 'invoiced to it', 'cash received', 'cash paid']);
  for (const p of parties) records.push([p.name, num(p.revenue), num(p.purchases), num(p.costs), num(p.margin), num(p.invoicedBy), num(p.invoicedTo), num(p.paidIn), num(p.paidOut)]);
  return writeCsv(records, { bom: true });
}
