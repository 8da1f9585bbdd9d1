/**
 * Seeded pseudo-random numbers. The engine never reads Math.random: a run's seed fixes
 * every noisy sample, so a scenario, a seed and a choice log replay bit for bit.
 */

/** A small, fast generator (sfc32) seeded through splitmix32, plus a normal sampler. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, deviation 1). */
  normal(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Fills out[0..n) with standard normals: the same values as n calls of `normal()`. */
  normals(out: Float64Array, n: number): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error
 * below 1.2e-9): used once, to tabulate normal deviates.
 */
function inverseNormal(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

// Telemetry draws tens of normal deviates per tick; a table of 2^14 quantiles indexed by a
// uniform draw is several times faster than Box–Muller and plenty for dashboard noise.
const TABLE_BITS = 14;
const NORMAL_TABLE = Float64Array.from({ length: 1 << TABLE_BITS }, (_, i) => inverseNormal((i + 0.5) / (1 << TABLE_BITS)));

/** Creates a generator from a 32-bit seed. Equal seeds give equal streams. */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  // The state lives in a typed array: 32-bit words kept in closure variables would be boxed
  // as heap numbers on every update, and the generator runs tens of times a tick.
  const st = new Int32Array([init(), init(), init(), init()]);
  const next = (): number => {
    const a = st[0] as number;
    const b = st[1] as number;
    const c = st[2] as number;
    const d = st[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    st[3] = (d + 1) | 0;
    st[0] = b ^ (b >>> 9);
    st[1] = (c + (c << 3)) | 0;
    st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 correlate with the seed.
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => NORMAL_TABLE[(next() * (1 << TABLE_BITS)) | 0] as number,
    normals: (out, n) => {
      // next(), unrolled with the state in locals for the loop.
      let a = st[0] as number;
      let b = st[1] as number;
      let c = st[2] as number;
      let d = st[3] as number;
      for (let i = 0; i < n; i++) {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        // The top TABLE_BITS bits of the output: the same index as normal() takes from next().
        out[i] = NORMAL_TABLE[t >>> (32 - TABLE_BITS)] as number;
      }
      st[0] = a;
      st[1] = b;
      st[2] = c;
      st[3] = d;
    },
  };
}
