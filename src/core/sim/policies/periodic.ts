import { baseStockQuantity } from './base-stock';

/**
 * Periodic review (R, S): every R periods (periods 1, 1 + R, 1 + 2R, …) order up to S,
 * q = max(0, S − IP); between reviews nothing. (Every policy honours the review period; this
 * one is the order-up-to rule with its own S = orderUpTo, falling back to baseStock.)
 */
export function periodicQuantity(orderUpTo: number, position: number): number {
  return baseStockQuantity(orderUpTo, position);
}

/** A review happens in period t (1-based) when (t − 1) is a multiple of R. */
export const isReviewPeriod = (t: number, review: number): boolean => review <= 1 || (t - 1) % review === 0;
