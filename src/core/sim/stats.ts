/** Small statistics used by the KPIs and the Monte Carlo summary. */

/** Two-sided 95 % Student-t quantiles t(0.975; ν) for ν = 1..30 (Abramowitz & Stegun, table 26.10). */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281,
  2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/**
 * t(0.975; ν): the table up to 30 degrees of freedom, above it the Cornish–Fisher expansion
 * t ≈ z + (z³+z)/4ν + (5z⁵+16z³+3z)/96ν² + (3z⁷+19z⁵+17z³−15z)/384ν³ with z = 1.959964
 * (error below 1e-5 for ν > 30).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

/** Mean and 95 % confidence interval of independent observations (NaN values are left out). */
export interface Estimate {
  readonly mean: number;
  /** Half-width of the 95 % interval: t(0.975; n−1)·s/√n; NaN with fewer than 2 values. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
  /** Sample standard deviation s. */
  readonly stdDev: number;
  /** Number of finite observations used. */
  readonly n: number;
}

export function estimate(values: ArrayLike<number>): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) { n++; sum += x; }
  }
  if (n === 0) return { mean: Number.NaN, halfWidth: Number.NaN, low: Number.NaN, high: Number.NaN, stdDev: Number.NaN, n: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) ss += (x - mean) * (x - mean);
  }
  const stdDev = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  const halfWidth = n > 1 ? tQuantile975(n - 1) * stdDev / Math.sqrt(n) : Number.NaN;
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, stdDev, n };
}

/** Sample variance from running sums: (Σx² − (Σx)²/n)/(n − 1); NaN for n < 2. */
export function varianceFromSums(n: number, sum: number, sumSq: number): number {
  if (n < 2) return Number.NaN;
  const v = (sumSq - sum * sum / n) / (n - 1);
  return v > 0 ? v : 0;
}

/** a / b, or NaN when b is 0 (a ratio that is undefined, shown as "—" / null). */
export function ratio(a: number, b: number): number {
  return b !== 0 ? a / b : Number.NaN;
}
