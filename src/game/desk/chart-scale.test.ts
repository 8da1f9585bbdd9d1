import { describe, expect, it } from 'vitest';
import { fitLabel, linearTop, logRange, niceMax, windowStart } from './chart-scale.ts';

describe('chart axes', () => {
  it('rounds maxima to readable values', () => {
    expect(niceMax(0.83)).toBe(1);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(2400)).toBe(2500);
    expect(niceMax(0)).toBe(1);
  });

  it('tops a percentage axis at 100% when the data and a 100% limit fit under it, and goes past only for what does not', () => {
    expect(linearTop(98, [100], 100)).toBe(100);
    expect(linearTop(40, [80], 100)).toBe(100);
    expect(linearTop(130, [100], 100)).toBe(200);
    expect(linearTop(300, [400])).toBe(500);
    expect(linearTop(0, [])).toBe(1);
  });

  it('cuts a line label to its room, keeping an alert threshold whole', () => {
    const measure = (t: string) => t.length * 7;
    expect(fitLabel('OrdersDbPoolSaturated 10 threads', 11, 190, measure)).toBe('OrdersDbPoolSat… 10 threads');
    expect(fitLabel('limit 100% (orders-db disk busy)', 0, 126, measure)).toBe('limit 100% (order…');
    expect(fitLabel('SLO 99.9%', 0, 190, measure)).toBe('SLO 99.9%');
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
