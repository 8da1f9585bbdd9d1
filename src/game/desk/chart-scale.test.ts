import { describe, expect, it } from 'vitest';
import { logRange, niceMax, windowStart } from './chart-scale.ts';

describe('chart axes', () => {
  it('rounds maxima to readable values', () => {
    expect(niceMax(0.83)).toBe(1);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(2400)).toBe(2500);
    expect(niceMax(0)).toBe(1);
  });

  it('spans error ratios and SLO lines on whole decades', () => {
    const r = logRange([0.0002, 0.0003, 0.5], [0.0001]);
    expect(r.max).toBe(1);
    expect(r.min).toBeCloseTo(1e-4, 12);
    const quiet = logRange([0.0002], [0.0001]);
    expect(Math.log10(quiet.max / quiet.min)).toBeGreaterThanOrEqual(3);
  });

  it('finds where the visible window starts', () => {
    const t = [0, 10, 20, 30, 40, 50];
    expect(windowStart(t, 50, 20)).toBe(2);
    expect(windowStart(t, 50, 1000)).toBe(0);
  });
});
