import { describe, expect, it } from 'vitest';
import { formatBudgetTime, formatBurn, formatClock, formatDuration, formatMs, formatPercent, formatRps, formatSignal } from './format.ts';

describe('formatting for the desk', () => {
  it('writes the sim clock with hours, minutes and seconds', () => {
    expect(formatClock(0)).toBe('T+00:00:00');
    expect(formatClock(750)).toBe('T+00:12:30');
    expect(formatClock(3 * 3600 + 61.9)).toBe('T+03:01:01');
  });

  it('writes durations the way an on-call engineer says them', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(120)).toBe('2m');
    expect(formatDuration(150)).toBe('2m 30s');
    expect(formatDuration(3900)).toBe('1h 5m');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3d 4h');
    expect(formatDuration(Infinity)).toBe('∞');
  });

  it('keeps enough digits for SLO-sized percentages', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(0.123)).toBe('12.3%');
    expect(formatPercent(0.0005)).toBe('0.05%');
    expect(formatPercent(0.000001)).toBe('0.0001%');
    expect(formatPercent(0.9999)).toBe('99.99%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(NaN)).toBe('—');
  });

  it('writes burn rates, budgets, request rates, latencies and signals', () => {
    expect(formatBurn(14.4)).toBe('14.4×');
    expect(formatBurn(0.4)).toBe('0.4×');
    expect(formatBurn(1000)).toBe('1,000×');
    expect(formatBudgetTime(2592)).toBe('43 min');
    expect(formatBudgetTime(259.2)).toBe('4.3 min');
    expect(formatBudgetTime(7.2 * 3600)).toBe('7h 12m');
    expect(formatRps(950)).toBe('950/s');
    expect(formatRps(1234)).toBe('1.2k/s');
    expect(formatMs(120)).toBe('120 ms');
    expect(formatMs(1400)).toBe('1.4 s');
    expect(formatSignal(62.4, '%')).toBe('62%');
    expect(formatSignal(48, 'conns')).toBe('48 conns');
  });
});
