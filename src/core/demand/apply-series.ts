/**
 * A series → the edit that makes it a pair's demand: one `batch` that deletes the pair's rows and
 * adds one row per period 1..horizon (zeros included, so the table shows exactly the series).
 * One batch is one undo step. A row's stdDev is not kept: the series replaces the pair's demand.
 */
import type { EditCommand } from '../edit/commands';
import { rowKey } from '../edit/row-keys';
import type { Scenario } from '../model/types';
import type { DemandPair } from './series';

export function setDemandSeriesCommand(s: Scenario, pair: DemandPair, values: readonly number[], label?: string): EditCommand {
  const keys = s.demand
    .filter((d) => d.customerId === pair.customerId && d.productId === pair.productId)
    .map((d) => rowKey('demand', d));
  const site = s.sites.find((x) => x.id === pair.customerId)?.name ?? pair.customerId;
  const product = s.products.find((p) => p.id === pair.productId)?.name ?? pair.productId;
  const commands: EditCommand[] = [];
  if (keys.length > 0) commands.push({ kind: 'delete-rows', table: 'demand', keys });
  commands.push({
    kind: 'add-rows',
    table: 'demand',
    rows: values.map((quantity, i) => ({ customerId: pair.customerId, productId: pair.productId, period: i + 1, quantity })),
  });
  return { kind: 'batch', label: label ?? `set demand of ${site} × ${product}`, commands };
}
