/** Human labels of edits, for the undo/redo menu ("Undo move 2 sites"). */
import type { Scenario } from '../model/types';
import type { EditCommand } from './commands';

const SINGULAR: Record<string, string> = {
  parties: 'party', sites: 'site', products: 'product', lanes: 'lane', demand: 'demand row', inventory: 'inventory policy',
  production: 'production row', bom: 'BOM row', returns: 'returns row', prices: 'price', inTransit: 'in-transit shipment', modes: 'mode',
};

function count(n: number, table: string): string {
  const one = SINGULAR[table] ?? table;
  return n === 1 ? `1 ${one}` : `${n} ${one === 'party' ? 'parties' : `${one}s`}`;
}

export function describeEdit(s: Scenario, cmd: EditCommand): string {
  switch (cmd.kind) {
    case 'add-rows': return `add ${count(cmd.rows.length, cmd.table)}`;
    case 'update-rows': {
      const fields = [...new Set(cmd.changes.flatMap((c) => Object.keys(c.patch)))];
      return `edit ${count(cmd.changes.length, cmd.table)}${fields.length === 1 ? ` (${fields[0]})` : ''}`;
    }
    case 'delete-rows': return `delete ${count(cmd.keys.length, cmd.table)}`;
    case 'move-sites': return cmd.moves.length === 1
      ? `move ${s.sites.find((x) => x.id === cmd.moves[0].id)?.name ?? cmd.moves[0].id}`
      : `move ${count(cmd.moves.length, 'sites')}`;
    case 'set-settings': return `change settings (${Object.keys(cmd.patch).join(', ')})`;
    case 'set-meta': return cmd.name !== undefined ? 'rename scenario' : 'edit description';
    case 'import-table': return `import ${count(cmd.rows.length, cmd.table)} (${cmd.mode})`;
    case 'batch': return cmd.label;
  }
}
