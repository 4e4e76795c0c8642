/**
 * Lane fields that may follow geography (lane-geography.ts): each has an auto switch. Typing a
 * value pins it (auto off) so the next site move does not overwrite what the user chose; turning
 * auto back on recomputes the value from distance and the mode's rates.
 */
export const PINNABLE = { distance: 'autoDistance', leadTime: 'autoLeadTime', costPerUnit: 'autoCost' } as const;

export type PinnableField = keyof typeof PINNABLE;

export function isPinnable(field: string): field is PinnableField {
  return Object.hasOwn(PINNABLE, field);
}

/** Switch names are shown as toggles beside their field, not as fields of their own. */
export const AUTO_SWITCHES: ReadonlySet<string> = new Set(Object.values(PINNABLE));
