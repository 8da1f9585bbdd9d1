import { describe, expect, it } from 'vitest';
import {
  allowedBadRequests,
  budgetFractionSpent,
  budgetSeconds,
  burnRate,
  burnRateThreshold,
  detectionSeconds,
  shareSlowerThan,
  timeToExhaustion,
} from './slo.ts';

const DAY = 86400;
const HOUR = 3600;
const WINDOW_30D = 30 * DAY;

describe('error budget', () => {
  it('matches the workbook table for a 30-day window', () => {
    expect(budgetSeconds(0.99, WINDOW_30D) / HOUR).toBeCloseTo(7.2, 10);
    expect(budgetSeconds(0.995, WINDOW_30D) / HOUR).toBeCloseTo(3.6, 10);
    expect(budgetSeconds(0.999, WINDOW_30D) / 60).toBeCloseTo(43.2, 10);
    expect(budgetSeconds(0.9995, WINDOW_30D) / 60).toBeCloseTo(21.6, 10);
    expect(budgetSeconds(0.9999, WINDOW_30D) / 60).toBeCloseTo(4.32, 10);
  });
  it('scales by 28/30 for a 28-day window', () => {
    expect(budgetSeconds(0.999, 28 * DAY) / 60).toBeCloseTo(40.32, 10);
  });
  it('allows 1,000 bad requests in 1,000,000 at 99.9%', () => {
    expect(allowedBadRequests(0.999, 1_000_000)).toBe(1000);
  });
});

describe('burn rate', () => {
  it('is the error ratio over the allowed ratio', () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 10);
    expect(burnRate(0.0005, 0.9999)).toBeCloseTo(5, 10);
  });
  it('gives the workbook times to exhaustion over 30 days', () => {
    expect(timeToExhaustion(WINDOW_30D, 1) / DAY).toBeCloseTo(30, 10);
    expect(timeToExhaustion(WINDOW_30D, 2) / DAY).toBeCloseTo(15, 10);
    expect(timeToExhaustion(WINDOW_30D, 10) / DAY).toBeCloseTo(3, 10);
    expect(timeToExhaustion(WINDOW_30D, 14.4) / HOUR).toBeCloseTo(50, 10);
    expect(timeToExhaustion(WINDOW_30D, 1000) / 60).toBeCloseTo(43.2, 10);
    expect(timeToExhaustion(WINDOW_30D, 0)).toBe(Infinity);
  });
  it('derives the multiwindow thresholds 14.4, 6 and 1', () => {
    expect(burnRateThreshold(0.02, 720 * HOUR, HOUR)).toBeCloseTo(14.4, 10);
    expect(burnRateThreshold(0.05, 720 * HOUR, 6 * HOUR)).toBeCloseTo(6, 10);
    expect(burnRateThreshold(0.1, 720 * HOUR, 72 * HOUR)).toBeCloseTo(1, 10);
  });
  it('detects 100% errors in about 52 s on the 1 h / 14.4 page', () => {
    expect(detectionSeconds(HOUR, 14.4, 0.999, 1)).toBeCloseTo(51.84, 6);
    expect(detectionSeconds(HOUR, 14.4, 0.999, 0.15) / 60).toBeCloseTo(5.76, 6);
    expect(detectionSeconds(HOUR, 14.4, 0.999, 0.0144) / 60).toBeCloseTo(60, 6);
    expect(detectionSeconds(HOUR, 14.4, 0.999, 0.01)).toBe(Infinity);
  });
});

describe('the sample service traps (99.99%, 10% canary)', () => {
  it('a static 0.05% threshold is a 5x burn', () => {
    expect(burnRate(0.0005, 0.9999)).toBeCloseTo(5, 10);
  });
  it('a canary failing outright for 30 min spends ~69% of the budget; a 5-minute rollback ~11.6%', () => {
    expect(budgetFractionSpent(0.1, 0.9999, 30 * 60, WINDOW_30D)).toBeCloseTo(0.6944, 4);
    expect(budgetFractionSpent(0.1, 0.9999, 5 * 60, WINDOW_30D)).toBeCloseTo(0.1157, 4);
  });
});

describe('latency SLI', () => {
  it('reads quantile points back exactly', () => {
    expect(shareSlowerThan(80, 20, 80, 150)).toBeCloseTo(0.05, 10);
    expect(shareSlowerThan(150, 20, 80, 150)).toBeCloseTo(0.01, 10);
    expect(shareSlowerThan(20, 20, 80, 150)).toBeCloseTo(0.5, 10);
  });
  it('falls as the threshold rises', () => {
    let last = 1;
    for (const threshold of [1, 10, 30, 60, 100, 200, 400, 1000, 5000]) {
      const share = shareSlowerThan(threshold, 20, 80, 150);
      expect(share).toBeLessThanOrEqual(last);
      last = share;
    }
  });
});
