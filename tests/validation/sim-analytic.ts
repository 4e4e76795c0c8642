/**
 * Closed-form references for the validation suite, computed independently of the engine:
 * the standard normal (erfc by the Numerical Recipes Chebyshev fit, relative error < 1.2e-7),
 * its loss function, and Poisson probabilities.
 */

/** Complementary error function, |relative error| < 1.2e-7 (Numerical Recipes, erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

export const normalPdf = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
export const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);
/** Standard normal loss function L(z) = E[(Z − z)⁺] = φ(z) − z(1 − Φ(z)). */
export const normalLoss = (z: number): number => normalPdf(z) - z * (1 - normalCdf(z));

/** Poisson(λ) probabilities P(X = k) for k = 0..max. */
export function poissonPmf(lambda: number, max: number): number[] {
  const p = [Math.exp(-lambda)];
  for (let k = 1; k <= max; k++) p.push(p[k - 1] * lambda / k);
  return p;
}

/** E[(X − s)⁺] for X ~ Poisson(λ). */
export function poissonExcess(lambda: number, s: number): number {
  const max = Math.ceil(lambda + 20 * Math.sqrt(lambda) + 20);
  const p = poissonPmf(lambda, max);
  let e = 0;
  for (let k = Math.ceil(s); k <= max; k++) e += (k - s) * p[k];
  return e;
}

/** Distribution of a sum of independent non-negative integer variables (convolution of pmfs). */
export function convolve(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/** Standard error of the mean of values (sample standard deviation / √n). */
export function standardError(values: readonly number[]): number {
  const n = values.length;
  const m = values.reduce((x, y) => x + y, 0) / n;
  return Math.sqrt(values.reduce((x, y) => x + (y - m) ** 2, 0) / (n - 1) / n);
}
