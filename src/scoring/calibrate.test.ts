import { describe, expect, it } from 'vitest';
import { scoringFixture, scoringFixtureInput } from '../../test/fixtures/scoring-fixture.ts';
import { Scenario } from '../scenario/schema/index.ts';
import { calibrate } from './calibrate.ts';
import { scoringDiagnostics } from './diagnostics.ts';
import { withHonestUpdates } from '../sim/honest-updates.ts';
import { exploreLevels } from './explore.ts';

const PAGE = 1160;
const withReferences = Scenario.parse({
  ...scoringFixtureInput,
  scoring: {
    ...scoringFixtureInput.scoring,
    references: [
      { id: 'idle', level: 'L1', expect: 'L1', choices: [{ at: PAGE + 400, ack: true }] },
      {
        id: 'good',
        level: 'L2',
        expect: 'L2',
        // Its status update says what was true when it was sent.
        choices: withHonestUpdates(scoringFixture, 1, [
          { at: PAGE + 40, ack: true },
          { at: PAGE + 50, choose: 'declare.sev2' },
          { at: PAGE + 60, do: 'look' },
          { at: PAGE + 70, do: 'rollback' },
          { at: PAGE + 80, do: 'update' },
        ]),
      },
      { id: 'wishful', level: 'L4', expect: 'L4', choices: [{ at: 200, do: 'rollback' }, { at: 100, do: 'nothing-like-this' }] },
    ],
  },
});

describe('calibration', () => {
  it('replays each reference and compares the assessed level with `expect`', () => {
    const results = calibrate(withReferences);
    expect(results.map((r) => [r.id, r.expect, r.assessed, r.ok])).toEqual([
      ['idle', 'L1', 'L1', true],
      ['good', 'L2', 'L2', true],
      // A rollback before anything paged, and not a word to anyone: never updating is an anti-pattern.
      ['wishful', 'L4', 'L1', false],
    ]);
    expect(results[2]?.refused).toEqual([{ t: 100, what: 'nothing-like-this', reason: 'there is no such action' }]);
  });

  it('reports a reference the scorer disagrees with as an error at its `expect`', () => {
    const { diagnostics } = scoringDiagnostics(withReferences, { explore: false });
    const mismatch = diagnostics.filter((d) => d.code === 'BR066');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: 'error', path: ['scoring', 'references', 2, 'expect'] });
    expect(mismatch[0]?.message).toMatch(/reference "wishful" expects L4 but is assessed at L1\. The engine refused 1 of its choices, first nothing-like-this at 01:40/);
  });
});

describe('static scoring checks', () => {
  it('flag actions and answers that show nothing, and dimensions and levels nothing shows', () => {
    const prompt = scoringFixtureInput.prompts?.[0];
    const bare = Scenario.parse({
      ...scoringFixtureInput,
      actions: scoringFixtureInput.actions.map((a) => (a.id === 'quiet' ? { ...a, evidence: [] } : a)),
      // Both answers lose their evidence; only the non-default one is reported, since a
      // default stands for not deciding.
      prompts: [{ ...prompt, options: prompt?.options.map((o) => ({ ...o, evidence: [] })) }],
    });
    const { diagnostics } = scoringDiagnostics(bare, { explore: false });
    const summary = diagnostics.map((d) => [d.code, d.path.join('.')]);
    expect(summary).toContainEqual(['BR060', 'actions.4.id']);
    expect(summary.filter(([code]) => code === 'BR061')).toEqual([['BR061', 'prompts.0.options.0.id']]);
    expect(summary).toContainEqual(['BR062', 'scoring']);
    expect(diagnostics.filter((d) => d.code === 'BR062').map((d) => d.message.split(' ')[5])).toEqual(['flexibility:', 'feedback:']);
    expect(diagnostics.filter((d) => d.code === 'BR063').map((d) => d.message)).toEqual([
      'no evidence in the scenario is at L5 Principal SRE, so no player can be assessed there',
    ]);
  });
});

describe('exploration', () => {
  it('finds the levels real play reaches, with a replayable witness for each, deterministically', () => {
    const a = exploreLevels(withReferences, { playthroughs: 120, repairBudget: 40, seed: 3 });
    const b = exploreLevels(withReferences, { playthroughs: 120, repairBudget: 40, seed: 3 });
    expect(a).toEqual(b);
    expect(a.reachable).toEqual(['L1', 'L2']);
    expect(a.witnesses.L2?.choices.length).toBeGreaterThan(0);
    expect(a.counts.L1 + a.counts.L2 + a.counts.none).toBe(a.playthroughs);
  });

  it('warns when a level is out of reach and when every run scores the same', () => {
    const flat = Scenario.parse({
      ...scoringFixtureInput,
      // No status update either: what an update says is judged, and that is not flat.
      actions: scoringFixtureInput.actions.map((a) => ({ ...a, statusUpdate: false, evidence: [{ dimension: 'mastery', level: 'L2', why: 'did something' }] })),
      prompts: [],
      scoring: { rules: [], references: [] },
    });
    const { diagnostics, explored } = scoringDiagnostics(flat, { explore: { playthroughs: 60, repairBudget: 20 } });
    expect(explored?.reachable).toEqual(['L2']);
    expect(diagnostics.filter((d) => d.code === 'BR064').map((d) => d.message.match(/L\d/)?.[0])).toEqual(['L1', 'L3', 'L4', 'L5']);
    expect(diagnostics.find((d) => d.code === 'BR065')?.message).toMatch(/every explored playthrough is assessed at L2/);
  });
});
