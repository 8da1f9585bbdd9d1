/**
 * The alert state machine as a player sees it on the desk: inactive → pending → firing →
 * resolved, driven tick by tick through the real AlertBoard. Telemetry values are written
 * straight into the model's sample and SLO ledgers are fed by hand, so each test states
 * exactly what the rule sees at each evaluation.
 */
import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../test/fixtures/sim-fixture.ts';
import { Scenario, type ScenarioInput } from '../scenario/schema/index.ts';
import { AlertBoard, type AlertState, type AlertTransition } from './alerts.ts';
import { SloLedger } from './ledger.ts';
import { TelemetryModel } from './telemetry.ts';

type Rule = NonNullable<ScenarioInput['alerts']>[number]['rule'];

/** The sim fixture with one alert, its telemetry model, and an availability ledger of one-minute ticks at 1000 rps. */
function setup(rule: Rule) {
  const scenario = Scenario.parse({ ...fixtureInput, alerts: [{ id: 'watch', severity: 'critical', route: 'page', rule }] });
  const telemetry = new TelemetryModel(scenario);
  // 99.9% over 30 days, nothing bad before the run, nothing spent at the start.
  const ledger = new SloLedger(0.999, 30 * 86400, 60, 1000, 0, 0, 120);
  const board = new AlertBoard(scenario, telemetry, new Map([['availability', ledger]]));
  const transitions: AlertTransition[] = [];
  const moves = () => transitions.map(({ t, from, to }) => ({ t, from, to }));
  const state = (): AlertState => board.status[0]!.state;
  return { telemetry, ledger, board, transitions, moves, state };
}

describe('threshold alert, cpu above 80 for 60 s', () => {
  const rule: Rule = { kind: 'threshold', metric: 'cpu', op: 'above', value: 80, for: 60 };

  /** Sets cpu, evaluates at each [t, cpu] in turn and returns the state after each. */
  function drive(s: ReturnType<typeof setup>, steps: Array<[number, number]>): AlertState[] {
    const at = s.telemetry.locate('cpu')!;
    return steps.map(([t, cpu]) => {
      at.array[at.index] = cpu;
      s.board.evaluate(t, s.transitions);
      return s.state();
    });
  }

  it('stays inactive at or below the threshold', () => {
    const s = setup(rule);
    expect(drive(s, [[0, 40], [10, 80], [20, 79.9], [600, 80]])).toEqual(['inactive', 'inactive', 'inactive', 'inactive']);
    expect(s.moves()).toEqual([]);
  });

  it('goes pending when breached, stays pending before the hold, and fires at 60 s', () => {
    const s = setup(rule);
    const states = drive(s, [[0, 40], [10, 90], [40, 95], [69, 90], [70, 90], [80, 90]]);
    expect(states).toEqual(['inactive', 'pending', 'pending', 'pending', 'firing', 'firing']);
    expect(s.moves()).toEqual([
      { t: 10, from: 'inactive', to: 'pending' },
      { t: 70, from: 'pending', to: 'firing' },
    ]);
    expect(s.board.status[0]).toMatchObject({ firedAt: 70, since: 70, value: 90, threshold: 80 });
  });

  it('resolves on its own when the value recovers, with nobody acting', () => {
    const s = setup(rule);
    const states = drive(s, [[10, 90], [70, 90], [80, 50], [300, 50]]);
    expect(states).toEqual(['pending', 'firing', 'resolved', 'resolved']);
    expect(s.moves()).toEqual([
      { t: 10, from: 'inactive', to: 'pending' },
      { t: 70, from: 'pending', to: 'firing' },
      { t: 80, from: 'firing', to: 'resolved' },
    ]);
    expect(s.board.status[0]).toMatchObject({ firedAt: 70, since: 80 });
  });

  it('goes back to inactive if the value recovers before the hold, and a new breach starts the hold again', () => {
    const s = setup(rule);
    const states = drive(s, [[10, 90], [40, 50], [70, 50], [80, 90], [130, 90], [140, 90]]);
    expect(states).toEqual(['pending', 'inactive', 'inactive', 'pending', 'pending', 'firing']);
    expect(s.moves()).toEqual([
      { t: 10, from: 'inactive', to: 'pending' },
      { t: 40, from: 'pending', to: 'inactive' },
      { t: 80, from: 'inactive', to: 'pending' },
      { t: 140, from: 'pending', to: 'firing' },
    ]);
    expect(s.board.status[0]!.firedAt).toBe(140);
  });

  it('goes pending and fires again when breached after resolving', () => {
    const s = setup(rule);
    const states = drive(s, [[10, 90], [70, 90], [80, 50], [90, 85], [120, 85], [150, 85]]);
    expect(states).toEqual(['pending', 'firing', 'resolved', 'pending', 'pending', 'firing']);
    expect(s.moves()).toEqual([
      { t: 10, from: 'inactive', to: 'pending' },
      { t: 70, from: 'pending', to: 'firing' },
      { t: 80, from: 'firing', to: 'resolved' },
      { t: 90, from: 'resolved', to: 'pending' },
      { t: 150, from: 'pending', to: 'firing' },
    ]);
    expect(s.board.status[0]!.firedAt).toBe(150);
  });
});

describe('multiwindow burn-rate alert, 1 h and 5 min above 14.4', () => {
  const rule: Rule = { kind: 'burnRate', slo: 'availability', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 };
  const HOUR = 3600;
  const FIVE_MINUTES = 300;

  /** Records one minute at the given error ratio, evaluates at its end and returns the state. */
  function minute(s: ReturnType<typeof setup>, t: number, errorRatio: number): AlertState {
    s.ledger.record(60_000 * errorRatio, 60_000);
    s.board.evaluate(t, s.transitions);
    return s.state();
  }

  it('does not fire while only the short window burns fast', () => {
    const s = setup(rule);
    // One minute at 50%: 5 min window 0.1 (100×), 1 h window 0.5/60 (8.3×).
    expect(minute(s, 60, 0.5)).toBe('inactive');
    expect(s.ledger.burnRate(FIVE_MINUTES)).toBeGreaterThan(14.4);
    expect(s.ledger.burnRate(HOUR)).toBeLessThan(14.4);
    expect(s.moves()).toEqual([]);
  });

  it('does not fire while only the long window burns fast', () => {
    const s = setup(rule);
    // 55 bad minutes, then 5 clean ones, looked at only at the end.
    for (let i = 0; i < 55; i++) s.ledger.record(60_000, 60_000);
    for (let i = 0; i < 5; i++) s.ledger.record(0, 60_000);
    s.board.evaluate(3600, s.transitions);
    expect(s.ledger.burnRate(HOUR)).toBeGreaterThan(14.4);
    expect(s.ledger.burnRate(FIVE_MINUTES)).toBe(0);
    expect(s.state()).toBe('inactive');
    expect(s.moves()).toEqual([]);
  });

  it('fires once both windows burn fast, and resolves when the short window recovers though the long one has not', () => {
    const s = setup(rule);
    expect(minute(s, 60, 0.5)).toBe('inactive');
    // A second bad minute: 1 h window 1/60 (16.7×), 5 min window 0.2 (200×). No hold: pending and firing at once.
    expect(minute(s, 120, 0.5)).toBe('firing');
    expect(s.board.status[0]!.value).toBeCloseTo(1000 / 60, 6); // the lower of the two burn rates
    // Clean minutes: the 5 min window still holds a bad minute until t = 420.
    const states = [180, 240, 300, 360, 420].map((t) => minute(s, t, 0));
    expect(states).toEqual(['firing', 'firing', 'firing', 'firing', 'resolved']);
    expect(s.ledger.burnRate(HOUR)).toBeGreaterThan(14.4);
    expect(s.moves()).toEqual([
      { t: 120, from: 'inactive', to: 'pending' },
      { t: 120, from: 'pending', to: 'firing' },
      { t: 420, from: 'firing', to: 'resolved' },
    ]);
  });
});
