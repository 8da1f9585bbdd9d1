import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/sim-fixture.ts';
import { runPlaythrough } from './runner.ts';
import { judgeUpdate, updateTruth, type UpdateTruth } from './status-update.ts';

const truth: UpdateTruth = { impact: 'ongoing', known: 'symptoms', doing: 'investigating', finalAllowed: false, burn: 12 };

describe('status update content', () => {
  it('is accurate only when every field states the truth', () => {
    expect(judgeUpdate({ impact: 'ongoing', known: 'symptoms', doing: 'investigating', next: '15m' }, truth)).toMatchObject({ accurate: true, wrong: [] });
    expect(judgeUpdate({ impact: 'none', known: 'symptoms', doing: 'investigating', next: '15m' }, truth)).toMatchObject({ accurate: false, wrong: ['impact'] });
    expect(judgeUpdate({ impact: 'ongoing', known: 'nothing', doing: 'investigating', next: '15m' }, truth).wrong).toEqual(['known']);
  });

  it('allows a final update only once customers are no longer affected', () => {
    expect(judgeUpdate({ impact: 'ongoing', known: 'symptoms', doing: 'investigating', next: 'none' }, truth).wrong).toEqual(['next']);
    const after: UpdateTruth = { ...truth, impact: 'restored', doing: 'monitoring', finalAllowed: true, burn: 0.1 };
    expect(judgeUpdate({ impact: 'restored', known: 'symptoms', doing: 'monitoring', next: 'none' }, after).accurate).toBe(true);
  });

  it('an update that says nothing gets every field wrong', () => {
    expect(judgeUpdate(null, truth)).toMatchObject({ accurate: false, wrong: ['impact', 'known', 'doing', 'next'] });
  });

  it('reads the truth from the run: affected, what was learned, whether a fix started', () => {
    const t = updateTruth(fixture, { burn: 3, affected: true, affectedBefore: true, known: new Set(['canary-bad']), knownAtStart: new Set(), started: new Set() });
    expect(t).toMatchObject({ impact: 'ongoing', known: 'symptoms', doing: 'investigating', finalAllowed: false });
    const calm = updateTruth(fixture, { burn: 0.1, affected: false, affectedBefore: false, known: new Set(), knownAtStart: new Set(), started: new Set() });
    expect(calm).toMatchObject({ impact: 'none', known: 'nothing', doing: 'investigating', finalAllowed: true });
  });

  it('is judged by the engine at the moment the update is sent, and recorded with it', () => {
    const fixtureWithUpdates = { ...fixture, actions: fixture.actions.map((a) => (a.id === 'update' ? { ...a, statusUpdate: true } : a)) };
    // The canary fails from 2:00; at 5:00 customers are affected.
    const said = { impact: 'none', known: 'nothing', doing: 'investigating', next: '30m' } as const;
    const run = runPlaythrough(fixtureWithUpdates, { seed: 1, choices: [{ at: 300, do: 'update', update: said }] });
    const sent = run.events.find((e) => e.type === 'update');
    expect(sent?.type === 'update' && sent.verdict).toMatchObject({ content: said, accurate: false, truth: { impact: 'ongoing' } });
    expect(sent?.t).toBe(300);
  });
});
