import { describe, expect, it } from 'vitest';
import { Scenario } from '../scenario/schema/index.ts';
import { SloLedger } from './ledger.ts';
import { runPlaythrough } from './runner.ts';

describe('SLO ledger', () => {
  it('counts spend against the window budget from a head start', () => {
    // 99.9% over 30 days at 100 rps: the budget is 0.001 × 100 × 2,592,000 = 259,200 bad requests.
    const ledger = new SloLedger(0.999, 30 * 86400, 10, 100, 0, 0.25, 10);
    expect(ledger.budgetRequests).toBeCloseTo(259_200, 6);
    ledger.record(25_920, 1000);
    expect(ledger.spent()).toBeCloseTo(0.35, 10);
  });

  it('pads long windows with baseline history', () => {
    const ledger = new SloLedger(0.999, 30 * 86400, 60, 100, 0.0005, 0, 10);
    expect(ledger.burnRate(3600)).toBeCloseTo(0.5, 10);
    ledger.record(6000, 6000); // one minute at 100% errors
    // 1 h window: 59 minutes of baseline history plus one bad minute
    expect(ledger.badRatio(3600)).toBeCloseTo((59 * 0.0005 + 1) / 60, 10);
    expect(ledger.badRatio(60)).toBeCloseTo(1, 10);
  });
});

describe('multiwindow burn-rate alert, end to end', () => {
  const outage = (errorRatio: number) =>
    Scenario.parse({
      format: 1,
      id: 'outage',
      title: 'Outage',
      summary: 'Everything fails at once.',
      difficulty: 'beginner',
      duration: 5,
      timeLimit: '2h',
      timeoutEnding: 'timeout',
      service: { name: 's', team: 't', slos: [{ id: 'avail', kind: 'availability', objective: 99.9 }] },
      telemetry: {
        tick: '1s',
        rps: 100,
        errorRatio: 0,
        latency: { p50: 10, p95: 20, p99: 30 },
        noise: { rps: 0, errorRatio: 0, latency: 0 },
      },
      alerts: [
        { id: 'page-1h', severity: 'critical', route: 'page', rule: { kind: 'burnRate', slo: 'avail', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 } },
        { id: 'page-6h', severity: 'critical', route: 'page', rule: { kind: 'burnRate', slo: 'avail', longWindow: '6h', shortWindow: '30m', burnRate: 6 } },
      ],
      phases: [{ id: 'down', title: 'Down', onEnter: { telemetry: [{ metric: 'errorRatio', to: errorRatio }] } }],
      endings: [{ id: 'timeout', outcome: 'timeout', title: 'Time' }],
      actions: [{ id: 'wait', kind: 'investigate', label: 'Wait' }],
    });

  const firstFiring = (errorRatio: number, alert: string) =>
    runPlaythrough(outage(errorRatio), { seed: 1, choices: [] }).events.find((e) => e.type === 'alert' && e.alert === alert && e.to === 'firing')?.t;

  it('pages about 52 s into a total outage (1 h / 5 min at 14.4×)', () => {
    expect(firstFiring(1, 'page-1h')).toBe(52);
  });

  it('pages about 5.8 min into a 15% error rate', () => {
    expect(firstFiring(0.15, 'page-1h')).toBe(346); // 3600 × 14.4 × 0.001 / 0.15 = 345.6 s
  });

  it('fires the 6 h / 30 min rule after 5% of the budget is spent', () => {
    // 21,600 × 6 × 0.001 / 1 = 129.6 s at 100% errors
    expect(firstFiring(1, 'page-6h')).toBe(130);
  });
});
