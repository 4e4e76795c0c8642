/**
 * The seeded PRNG of the generators outside the app (built-in scenario data, benchmark networks).
 * The engine's own generator is src/core/sim/rng.ts; this one stays because the shipped scenario
 * files were generated with it.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
