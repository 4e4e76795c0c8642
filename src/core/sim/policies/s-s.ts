/** (s, S): when IP ≤ s at a review, order up to S (q = S − IP); otherwise nothing. */
export function sSQuantity(reorderPoint: number, orderUpTo: number, position: number): number {
  return position <= reorderPoint && position < orderUpTo ? orderUpTo - position : 0;
}
