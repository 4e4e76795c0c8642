/**
 * Sterman's anchoring-and-adjustment rule (Sterman 1989, the beer game):
 *   O_t = max(0, L̂_t + α_S · (S* − S_t − β · SL_t))
 * L̂_t expected incoming orders (exponential smoothing with θ), S_t effective inventory (on hand −
 * backorders), SL_t supply line (ordered, not yet received), S* desired stock, α_S the share of
 * the stock gap ordered per period, β the weight of the supply line.
 */
export function stermanQuantity(expected: number, stockAdjustment: number, desiredStock: number, effectiveInventory: number, supplyLineWeight: number, supplyLine: number): number {
  const q = expected + stockAdjustment * (desiredStock - effectiveInventory - supplyLineWeight * supplyLine);
  return q > 0 ? q : 0;
}
