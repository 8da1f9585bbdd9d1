import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('seeded generator', () => {
  it('repeats its stream for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  it('keeps its stream from version to version, so saved runs replay the same', () => {
    const r = createRng(42);
    expect(Array.from({ length: 4 }, () => r.next())).toEqual([0.23955312534235418, 0.5859209857881069, 0.09323416277766228, 0.19866962218657136]);
  });

  it('draws a batch of normals exactly as one at a time', () => {
    const one = createRng(7);
    const batch = createRng(7);
    const out = new Float64Array(13);
    for (let k = 0; k < 50; k++) {
      batch.normals(out, 13);
      expect(Array.from(out)).toEqual(Array.from({ length: 13 }, () => one.normal()));
    }
  });

  it('draws uniforms in [0, 1) with a flat mean', () => {
    const r = createRng(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('draws normals with mean 0 and deviation 1', () => {
    const r = createRng(9);
    let sum = 0;
    let sq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      sum += x;
      sq += x * x;
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(sq / n - (sum / n) ** 2)).toBeCloseTo(1, 1);
  });
});
