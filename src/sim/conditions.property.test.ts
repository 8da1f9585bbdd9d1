/**
 * The engine skips a waiting condition until its wake time while nothing but time and the
 * budget changes. These properties pin that the skip never hides a moment it would hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../scenario/schema/index.ts';
import { budgetFloor, holds, wakeTime, type RunView } from './conditions.ts';

const ids = ['a', 'b', 'c'];
const idList = fc.subarray(ids, { minLength: 1 });
const time = fc.integer({ min: 0, max: 3600 });

const allFields = fc.record({
    at: time,
    before: time,
    phase: fc.subarray(['p1', 'p2'], { minLength: 1 }),
    notPhase: fc.subarray(['p1', 'p2'], { minLength: 1 }),
    inPhaseFor: fc.integer({ min: 0, max: 1800 }),
    known: idList,
    unknown: idList,
    done: idList,
    notDone: idList,
    chosen: idList,
    acked: fc.boolean(),
    declared: fc.boolean(),
    alertFiring: idList,
    budgetSpentAbove: fc.double({ min: 0, max: 1, noNaN: true }),
    budgetSpentBelow: fc.double({ min: 0, max: 1, noNaN: true }),
    noUpdateFor: fc.integer({ min: 0, max: 1800 }),
});
/** A condition of one to three fields, as scenario authors write them. */
const alternative = fc
  .tuple(allFields, fc.subarray(['at', 'before', 'phase', 'notPhase', 'inPhaseFor', 'known', 'unknown', 'done', 'notDone', 'chosen', 'acked', 'declared', 'alertFiring', 'budgetSpentAbove', 'budgetSpentBelow', 'noUpdateFor'] as const, { minLength: 1, maxLength: 3 }))
  .map(([fields, keys]) => Object.fromEntries(keys.map((k) => [k, fields[k]])));
const condition: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 4, arbitrary: alternative as fc.Arbitrary<Condition> },
  { weight: 1, arbitrary: fc.record({ anyOf: fc.array(alternative, { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Condition> },
);

const view: fc.Arbitrary<RunView> = fc
  .record({
    t: time,
    phase: fc.constantFrom('p1', 'p2'),
    entered: fc.integer({ min: 0, max: 3600 }),
    known: idList,
    done: idList,
    started: idList,
    chosen: idList,
    acked: fc.boolean(),
    severity: fc.constantFrom(null, 'SEV2'),
    firing: idList,
    budgetSpent: fc.double({ min: 0, max: 1, noNaN: true }),
    lastUpdateAt: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null }),
  })
  .map((r) => ({
    t: r.t,
    phase: r.phase,
    phaseEnteredAt: Math.min(r.entered, r.t),
    known: new Set(r.known),
    done: new Set(r.done),
    started: new Set([...r.started, ...r.done]),
    chosen: new Set(r.chosen),
    acked: r.acked,
    severity: r.severity,
    firing: new Set(r.firing),
    budgetSpent: r.budgetSpent,
    lastUpdateAt: r.lastUpdateAt === null ? null : Math.min(r.lastUpdateAt, r.t),
  }));

describe('waking a waiting condition', () => {
  it('never skips a later moment at which it holds, if only time and the budget moved', () => {
    fc.assert(
      fc.property(condition, view, fc.integer({ min: 0, max: 3600 }), fc.double({ min: 0, max: 1, noNaN: true }), (c, v, dt, extraBudget) => {
        fc.pre(!holds(c, v));
        const wake = wakeTime(c, v);
        const later: RunView = { ...v, t: v.t + dt, budgetSpent: v.budgetSpent + extraBudget };
        // Skipped moments are those before the wake time or with the budget at or below the
        // floor; none of them may satisfy c.
        if (later.t < wake || later.budgetSpent <= budgetFloor(c)) expect(holds(c, later)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('wakes at the moment a time-only condition comes true', () => {
    const v: RunView = {
      t: 100,
      phase: 'p1',
      phaseEnteredAt: 40,
      known: new Set(),
      done: new Set(),
      started: new Set(),
      chosen: new Set(),
      acked: false,
      severity: null,
      firing: new Set(),
      budgetSpent: 0,
      lastUpdateAt: null,
    };
    expect(wakeTime({ at: 600 } as Condition, v)).toBe(600);
    expect(wakeTime({ inPhaseFor: 300 } as Condition, v)).toBeCloseTo(340, 3);
    expect(wakeTime({ at: 600, known: ['x'] } as Condition, v)).toBe(Infinity);
    expect(wakeTime({ before: 50 } as Condition, v)).toBe(Infinity);
    expect(wakeTime({ budgetSpentAbove: 0.5 } as Condition, v)).toBe(100);
    expect(wakeTime({ at: 600, budgetSpentAbove: 0.5 } as Condition, v)).toBe(600);
    expect(budgetFloor({ at: 600, budgetSpentAbove: 0.5 } as Condition)).toBe(0.5);
    expect(budgetFloor({ at: 600 } as Condition)).toBe(-Infinity);
  });
});
