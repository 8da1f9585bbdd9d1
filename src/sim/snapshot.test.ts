import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/sim-fixture.ts';
import { Run } from './engine.ts';
import { snapshotOf } from './snapshot.ts';

describe('snapshot', () => {
  it('shows the budget gauge in the SLO window\'s own terms', () => {
    const snap = snapshotOf(new Run(fixture, { seed: 1 }));
    expect(snap.budget.budgetSeconds).toBeCloseTo(43.2 * 60, 6);
    expect(snap.budget.spent).toBeCloseTo(0.1, 6);
    expect(snap.budget.remainingSeconds).toBeCloseTo(0.9 * 43.2 * 60, 6);
    expect(snap.budget.exhaustionSeconds).toBe(Infinity);
  });

  it('puts a firing page on the pager until it is acknowledged', () => {
    const run = new Run(fixture, { seed: 1 });
    while (!run.firing.has('burn-fast')) run.step();
    expect(snapshotOf(run).pager.map((a) => a.id)).toEqual(['burn-fast']);
    expect(snapshotOf(run).budget.exhaustionSeconds).toBeLessThan(Infinity);
    run.send({ type: 'ack' });
    expect(snapshotOf(run).pager).toEqual([]);
  });

  it('lists actions with their availability and the busy state', () => {
    const run = new Run(fixture, { seed: 1 });
    const before = snapshotOf(run);
    expect(before.actions.find((a) => a.id === 'rollback')?.available).toBe(false);
    run.send({ type: 'act', action: 'look' });
    const busy = snapshotOf(run);
    expect(busy.busy).toMatchObject({ action: 'look', until: 120 });
    for (let i = 0; i < 12; i++) run.step();
    const after = snapshotOf(run);
    expect(after.busy).toBeNull();
    expect(after.facts.map((f) => f.id)).toEqual(['canary-bad']);
    expect(after.actions.find((a) => a.id === 'look')).toMatchObject({ done: true, available: false });
    expect(after.actions.find((a) => a.id === 'rollback')?.available).toBe(true);
  });
});
