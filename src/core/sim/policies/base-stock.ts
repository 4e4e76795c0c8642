/** Base-stock (order-up-to S): every review, order q = max(0, S − IP), IP = on hand + on order − backorders. */
export function baseStockQuantity(orderUpTo: number, position: number): number {
  return position < orderUpTo ? orderUpTo - position : 0;
}
