/**
 * The one pseudo-random number generator of the simulation: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, 128-bit state, period ≥ 2^32, passes PractRand), seeded through
 * splitmix32 from (seed, stream). Only 32-bit integer arithmetic produces the uniform numbers, so
 * they are bit-identical in every JavaScript engine. The normal and Poisson samplers also call
 * Math.log/sqrt/exp; V8 (Node and Chromium) computes those with the same fdlibm port, so a
 * run in Node and in a Chromium worker gives identical results. Other engines may differ in the
 * last bit of a transcendental, which can change a rounded random lead time in rare cases.
 */

/** Normals made per refill (even). */
export const NORMAL_BLOCK = 256;

/** splitmix32 step: a well-mixed 32-bit value from any 32-bit input. */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /**
   * Standard normals are made in blocks (Box–Muller pairs) and read from this buffer, so hot loops
   * read them inline without a call: `if (rng.normalPos === NORMAL_BLOCK) rng.refillNormals();
   * z = rng.normals[rng.normalPos++]`. The order of draws is the same either way.
   */
  readonly normals = new Float64Array(NORMAL_BLOCK);
  normalPos = NORMAL_BLOCK;

  /** stream: replication index (or any other independent stream number). */
  constructor(seed: number, stream = 0) {
    const s0 = splitmix32(seed >>> 0);
    const s1 = splitmix32(s0 ^ Math.imul(stream + 1, 0x27d4eb2f));
    this.a = s0;
    this.b = s1;
    this.c = splitmix32(s1 + 0x6a09e667);
    this.d = 1;
    // Warm-up rounds decorrelate nearby seeds (recommended for sfc32).
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** Next 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on (0, 1): never 0, safe for log. */
  uniformOpen(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Integer uniform on [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Next standard normal (from the block buffer). */
  normal(): number {
    if (this.normalPos === NORMAL_BLOCK) this.refillNormals();
    return this.normals[this.normalPos++];
  }

  /**
   * Fills the buffer by Marsaglia's polar method (Box–Muller without sine and cosine): draw
   * u, v uniform on (−1, 1) until 0 < s = u² + v² < 1; then u·f and v·f with f = √(−2 ln s / s)
   * are two independent standard normals.
   */
  refillNormals(): void {
    const out = this.normals;
    for (let i = 0; i < NORMAL_BLOCK; i += 2) {
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * this.uniform() - 1;
        v = 2 * this.uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt(-2 * Math.log(s) / s);
      out[i] = u * f;
      out[i + 1] = v * f;
    }
    this.normalPos = 0;
  }

  /**
   * Poisson(mean). Knuth's multiplication method for mean < 30 (exact, O(mean) uniforms); above,
   * Hörmann's PTRS transformed rejection (1993), exact and O(1).
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    return this.poissonPtrs(mean);
  }

  private poissonPtrs(mean: number): number {
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniformOpen();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
    }
  }
}

const LOG_FACT_TABLE: number[] = (() => {
  const t = [0];
  for (let i = 1; i < 64; i++) t.push(t[i - 1] + Math.log(i));
  return t;
})();

/** ln k!: a table below 64, Stirling's series above (error < 1e-12 there). */
export function logFactorial(k: number): number {
  if (k < 64) return LOG_FACT_TABLE[k];
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}
