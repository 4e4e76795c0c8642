/**
 * Fixed plan and manual orders: the quantity is given from outside (the optimiser's plan, or a
 * person), per site, product and period; a missing entry means 0. Entries naming a lane go to that
 * lane; the others are split over the sources by share (or start production at a plant).
 */
export function externalQuantity(given: number): number {
  return given > 0 ? given : 0;
}
