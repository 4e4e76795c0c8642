/**
 * (r, Q): when IP ≤ r at a review, order the smallest multiple of Q that lifts IP above r:
 * q = Q · (⌊(r − IP) / Q⌋ + 1). With one review per period and demand below Q per period this
 * is the classic one batch of Q at the reorder point.
 */
export function rQQuantity(reorderPoint: number, batch: number, position: number): number {
  if (position > reorderPoint) return 0;
  return batch * (Math.floor((reorderPoint - position) / batch) + 1);
}
