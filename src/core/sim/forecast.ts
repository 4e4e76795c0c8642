/**
 * Forecasts of per-period demand, updated once per period with the demand the node observes
 * (its incoming orders, or end-customer demand under information sharing).
 *   moving average over the last p observations: F = Σ x / n, σ = sample standard deviation of
 *     the same n ≤ p values (0 while n < 2);
 *   exponential smoothing with α: F ← F + α(x − F), started at the first observation; σ² of the
 *     one-step forecast error is smoothed alike: v ← α(x − F_prev)² + (1 − α)v.
 * Sterman's expected demand L̂ uses the exponential smoothing level with θ = smoothing.
 */
import type { SimState } from './state';

export function observeMovingAverage(st: SimState, k: number, x: number): void {
  const p = st.net.pWindow[k];
  const base = st.net.histStart[k];
  st.hist[base + st.histPos[k]] = x;
  st.histPos[k] = st.histPos[k] + 1 === p ? 0 : st.histPos[k] + 1;
  if (st.histCount[k] < p) st.histCount[k]++;
}

export function movingAverageMean(st: SimState, k: number): number {
  const n = st.histCount[k];
  if (n === 0) return 0;
  const base = st.net.histStart[k];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += st.hist[base + i];
  return sum / n;
}

export function movingAverageStdDev(st: SimState, k: number, mean: number): number {
  const n = st.histCount[k];
  if (n < 2) return 0;
  const base = st.net.histStart[k];
  let ss = 0;
  for (let i = 0; i < n; i++) { const d = st.hist[base + i] - mean; ss += d * d; }
  return Math.sqrt(ss / (n - 1));
}

export function observeExpSmoothing(st: SimState, k: number, x: number, alpha: number): void {
  if (!st.levelSet[k]) {
    st.level[k] = x;
    st.errVar[k] = 0;
    st.levelSet[k] = 1;
    return;
  }
  const e = x - st.level[k];
  st.errVar[k] = alpha * e * e + (1 - alpha) * st.errVar[k];
  st.level[k] += alpha * e;
}
