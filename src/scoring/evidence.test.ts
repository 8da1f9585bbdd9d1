import { describe, expect, it } from 'vitest';
import { scoringFixture } from '../../test/fixtures/scoring-fixture.ts';
import { withHonestUpdates } from '../sim/honest-updates.ts';
import { runPlaythrough, type TimedChoice } from '../sim/runner.ts';
import { collectChoiceEvidence } from './evidence.ts';
import { RunIndex } from './occurrences.ts';

/** Evidence of a run whose status updates say what was true when they were sent. */
function collect(choices: TimedChoice[]) {
  const tr = runPlaythrough(scoringFixture, { seed: 1, choices: withHonestUpdates(scoringFixture, 1, choices) });
  return collectChoiceEvidence(scoringFixture, new RunIndex(scoringFixture, tr));
}
const whys = (items: { why: string }[]) => items.map((i) => i.why);

describe('evidence from choices', () => {
  it('takes every evidence item of an action the player started, stamped with time and phase', () => {
    const { items } = collect([{ at: 300, do: 'look' }]);
    expect(items).toMatchObject([
      { dimension: 'mastery', level: 'L3', t: 300, phase: 'bad', source: { kind: 'action', id: 'look' }, harmful: false },
      { dimension: 'scope', level: 'L2', t: 300, phase: 'bad', source: { kind: 'action', id: 'look' } },
    ]);
  });

  it('checks an item\'s `when` at the moment of the choice: an early rollback shows L4 judgment, a late one does not', () => {
    const early = collect([{ at: 200, do: 'rollback' }]).items;
    const late = collect([{ at: 1500, do: 'rollback' }]).items;
    expect(whys(early)).toContain("Rolled back before the incident cost 1% of the month's budget.");
    expect(whys(late)).not.toContain("Rolled back before the incident cost 1% of the month's budget.");
    expect(whys(late)).toContain('Used the safe lever: a rollback.');
  });

  it('takes the evidence of the prompt option the player picked', () => {
    const { items } = collect([{ at: 1200, ack: true }, { at: 1210, choose: 'declare.sev2' }]);
    expect(items.filter((i) => i.source.kind === 'option')).toMatchObject([
      { dimension: 'judgment', level: 'L3', source: { id: 'declare.sev2' }, t: 1210 },
      { dimension: 'ownership', level: 'L3', source: { id: 'declare.sev2' }, t: 1210 },
    ]);
  });

  it('counts a prompt that lapsed to its default as undecided: no evidence, a "did not decide" line', () => {
    const { items, steps } = collect([{ at: 1200, ack: true }]);
    expect(items).toEqual([]);
    const lapse = steps.find((s) => s.kind === 'lapse');
    expect(lapse).toMatchObject({ id: 'declare', t: 1810, shown: [] });
    expect(lapse?.label).toMatch(/Did not decide "Declare\?" in time — it defaulted to "No"/);
  });

  it('shows a repeatable action\'s evidence once, however often it is taken', () => {
    const { items, steps } = collect([{ at: 300, do: 'update' }, { at: 600, do: 'update' }, { at: 900, do: 'update' }]);
    expect(items).toHaveLength(1);
    expect(steps.filter((s) => s.id === 'update').map((s) => s.shown.length)).toEqual([1, 0, 0]);
  });

  it('lists the player\'s choices in time order with readable labels', () => {
    const { steps } = collect([{ at: 1200, ack: true }, { at: 1210, choose: 'declare.sev2' }, { at: 1220, do: 'look' }]);
    expect(steps.map((s) => [s.t, s.kind, s.label])).toEqual([
      [1200, 'ack', 'Acknowledged the page'],
      [1210, 'choose', 'Declare? → SEV2'],
      [1220, 'act', 'Compare cohorts'],
    ]);
  });

  it('ignores choices the run refused', () => {
    const { items, steps } = collect([{ at: 0, do: 'rollback' }, { at: 10, choose: 'declare.sev2' }]);
    expect(items).toEqual([]);
    expect(steps).toEqual([]);
  });

  it('counts a status update\'s own evidence only when everything it said was true', () => {
    const wrong = { impact: 'none', known: 'nothing', doing: 'investigating', next: '30m' } as const;
    const tr = runPlaythrough(scoringFixture, { seed: 1, choices: [{ at: 300, do: 'update', update: wrong }] });
    const { items, steps } = collectChoiceEvidence(scoringFixture, new RunIndex(scoringFixture, tr));
    expect(whys(items)).not.toContain('Posted a status update.');
    expect(steps.find((s) => s.id === 'update')?.shown).toEqual([]);
    expect(whys(collect([{ at: 300, do: 'update' }]).items)).toContain('Posted a status update.');
  });
});
