/**
 * A hand edit of some fields of a row, as the command layer's patch. Lanes: a typed distance,
 * lead time or cost per unit is pinned (its auto switch off), unless the same patch sets the
 * switch itself — a paste of whole lane rows keeps the switches it carries.
 */
import type { RowPatch } from '../../core/edit/commands';
import { PINNABLE, isPinnable } from './lane-pins';

export function handEditPatch(table: string, patch: RowPatch): RowPatch {
  if (table !== 'lanes') return patch;
  const out: Record<string, unknown> = { ...patch };
  for (const field of Object.keys(patch)) {
    if (isPinnable(field) && !(PINNABLE[field] in patch)) out[PINNABLE[field]] = false;
  }
  return out;
}
