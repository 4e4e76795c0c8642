/**
 * Ids and names for rows the editor creates: `dc-3` / "DC 3" for the third DC drawn, `lane-12`
 * for a lane. Numbers continue after the highest one in use, so deleting "DC 2" and adding a DC
 * never reuses an id that old exports, undo steps or the user's notes may still mention.
 */
import type { SiteKind } from '../../core/model/types';

export const SITE_ID_PREFIX: Record<SiteKind, string> = {
  supplier: 'supplier', plant: 'plant', dc: 'dc', retailer: 'retailer', customer: 'customer', returns: 'returns',
};

export const SITE_NAME_PREFIX: Record<SiteKind, string> = {
  supplier: 'Supplier', plant: 'Plant', dc: 'DC', retailer: 'Retailer', customer: 'Customer', returns: 'Returns centre',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Highest n among ids `${prefix}-n` (0 when none). */
export function highestNumber(ids: Iterable<string>, prefix: string): number {
  const re = new RegExp(`^${escape(prefix)}-(\\d+)$`);
  let max = 0;
  for (const id of ids) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * Hands out fresh ids with one prefix each, remembering what it gave: a paste of five sites asks
 * five times before any of them exists in the scenario.
 */
export class IdAllocator {
  readonly #taken: Set<string>;
  readonly #next = new Map<string, number>();

  constructor(taken: Iterable<string>) {
    this.#taken = new Set(taken);
  }

  next(prefix: string): { id: string; n: number } {
    let n = this.#next.get(prefix) ?? highestNumber(this.#taken, prefix) + 1;
    while (this.#taken.has(`${prefix}-${n}`)) n++;
    const id = `${prefix}-${n}`;
    this.#taken.add(id);
    this.#next.set(prefix, n + 1);
    return { id, n };
  }
}

/** Id and display name of a new site of a kind, e.g. `{ id: 'dc-3', name: 'DC 3' }`. */
export function newSiteIdentity(kind: SiteKind, ids: IdAllocator): { id: string; name: string } {
  const { id, n } = ids.next(SITE_ID_PREFIX[kind]);
  return { id, name: `${SITE_NAME_PREFIX[kind]} ${n}` };
}

export const LANE_ID_PREFIX = 'lane';
