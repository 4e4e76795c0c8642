/**
 * Forecast-driven order-up-to: S_t = F_t · P + z · σ_t · √P with P = protection interval (mean
 * lead time + information delay of the sources, weighted by share, plus the review period R;
 * for a producer its production lead time + R); q = max(0, S_t − IP).
 * With a moving average over p periods and z = 0 this is the policy of Chen, Drezner, Ryan and
 * Simchi-Levi (2000), whose bullwhip ratio is 1 + 2P/p + 2P²/p².
 */
export function forecastOrderUpTo(mean: number, stdDev: number, protection: number, safetyFactor: number): number {
  return mean * protection + safetyFactor * stdDev * Math.sqrt(protection);
}

export function forecastQuantity(mean: number, stdDev: number, protection: number, safetyFactor: number, position: number): number {
  const target = forecastOrderUpTo(mean, stdDev, protection, safetyFactor);
  return position < target ? target - position : 0;
}
