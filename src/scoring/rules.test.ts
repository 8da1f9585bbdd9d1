import { describe, expect, it } from 'vitest';
import { scoringFixture, scoringFixtureInput } from '../../test/fixtures/scoring-fixture.ts';
import { Scenario, type ScenarioInput } from '../scenario/schema/index.ts';
import { withHonestUpdates } from '../sim/honest-updates.ts';
import { runPlaythrough, type TimedChoice } from '../sim/runner.ts';
import { RunIndex } from './occurrences.ts';
import { evaluateRules } from './rules.ts';

type RuleInput = NonNullable<NonNullable<ScenarioInput['scoring']>['rules']>[number];
const ev = (why: string) => [{ dimension: 'judgment' as const, level: 'L3' as const, why }];

function withRules(rules: RuleInput[]): Scenario {
  return Scenario.parse({ ...scoringFixtureInput, scoring: { rules, references: [] } });
}
/** Replays the choices, status updates saying what was true unless a test gives their content. */
function fired(scenario: Scenario, choices: TimedChoice[], seed = 1) {
  const tr = runPlaythrough(scenario, { seed, choices: withHonestUpdates(scenario, seed, choices) });
  return evaluateRules(scenario, new RunIndex(scenario, tr)).map((o) => ({ why: o.why, t: o.t, phase: o.phase }));
}
// In the fixture the canary fails at 2:00 and the fast burn alert pages at 19:20.
const PAGE = 1160;

describe('timing rules', () => {
  const ack = withRules([
    { id: 'ack', kind: 'timing', event: '@ack', from: 'page', within: '5m', met: ev('in time'), missed: ev('late') },
  ]);
  it('are met when the event follows the anchor within the limit', () => {
    expect(fired(ack, [{ at: PAGE + 60, ack: true }])).toEqual([{ why: 'in time', t: PAGE + 60, phase: 'bad' }]);
  });
  it('are missed when the event comes late', () => {
    expect(fired(ack, [{ at: PAGE + 600, ack: true }])).toEqual([{ why: 'late', t: PAGE + 600, phase: 'bad' }]);
  });
  it('are missed at the deadline when the event never comes', () => {
    expect(fired(ack, [])).toEqual([{ why: 'late', t: PAGE + 300, phase: 'bad' }]);
  });
  it('say nothing when the anchor never happened (nothing paged)', () => {
    expect(fired(ack, [{ at: 200, do: 'rollback' }])).toEqual([]);
  });
  it('count an event before its anchor as in time, and can judge against the budget', () => {
    const rollback = withRules([
      { id: 'rb', kind: 'timing', event: 'rollback', from: 'page', beforeBudget: 0.11, met: ev('cheap'), missed: ev('costly') },
    ]);
    // Nothing paged: the rule's clock never started.
    expect(fired(rollback, [{ at: 200, do: 'rollback' }])).toEqual([]);
    const fromStart = withRules([
      { id: 'rb', kind: 'timing', event: 'rollback', from: 'start', beforeBudget: 0.11, met: ev('cheap'), missed: ev('costly') },
    ]);
    expect(fired(fromStart, [{ at: 200, do: 'rollback' }])).toEqual([{ why: 'cheap', t: 200, phase: 'bad' }]);
    expect(fired(fromStart, [{ at: 1500, do: 'rollback' }])).toEqual([{ why: 'costly', t: 1500, phase: 'bad' }]);
  });
  it('read "prompt.option" as the player\'s answer: a lapse to the default is not an answer', () => {
    const answered = withRules([{ id: 'no', kind: 'timing', event: 'declare.no', from: 'start', met: ev('said no'), missed: ev('never said') }]);
    expect(fired(answered, [{ at: PAGE + 40, ack: true }, { at: PAGE + 60, choose: 'declare.no' }]).map((f) => f.why)).toEqual(['said no']);
    expect(fired(answered, [{ at: PAGE + 40, ack: true }]).map((f) => f.why)).toEqual(['never said']);
  });
  it('read @declare as a severity declared, by a prompt answer or any other effect', () => {
    const declared = withRules([{ id: 'd', kind: 'timing', event: '@declare', from: 'page', within: '10m', met: ev('declared'), missed: [] }]);
    expect(fired(declared, [{ at: PAGE + 40, ack: true }, { at: PAGE + 60, choose: 'declare.sev2' }])).toEqual([
      { why: 'declared', t: PAGE + 60, phase: 'bad' },
    ]);
  });
});

describe('omission rules', () => {
  it('fire at the end of a run in which the event never happened', () => {
    const run = fired(scoringFixture, [{ at: 200, do: 'rollback' }]).filter((f) => f.why.startsWith('Never told'));
    expect(run).toEqual([{ why: 'Never told anyone what was happening.', t: 560, phase: 'recovering' }]);
    expect(fired(scoringFixture, [{ at: 100, do: 'update' }, { at: 200, do: 'rollback' }]).map((f) => f.why)).not.toContain(
      'Never told anyone what was happening.',
    );
  });
  it('read @update as an accurate status update: one that says nothing, or a wrong impact, does not count', () => {
    const run = withRules([{ id: 'u', kind: 'omission', event: '@update', evidence: ev('silent') }]);
    expect(fired(run, [{ at: 200, do: 'rollback' }, { at: 400, do: 'update' }])).toEqual([]);
    // Customers are failing at 3:20; an update that says they are not is not an update.
    const wrong = { impact: 'none', known: 'nothing', doing: 'investigating', next: '30m' } as const;
    expect(fired(run, [{ at: 200, do: 'update', update: wrong }]).map((f) => f.why)).toEqual(['silent']);
    const empty = runPlaythrough(run, { seed: 1, choices: [{ at: 200, do: 'update' }] });
    expect(evaluateRules(run, new RunIndex(run, empty)).map((f) => f.why)).toEqual(['silent']);
  });
  it('do not count other communicate actions as updates', () => {
    const run = withRules([{ id: 'u', kind: 'omission', event: '@update', evidence: ev('silent') }]);
    const talk = { ...run, actions: run.actions.map((a) => (a.id === 'update' ? { ...a, statusUpdate: false } : a)) };
    expect(fired(talk, [{ at: 200, do: 'rollback' }, { at: 400, do: 'update' }]).map((f) => f.why)).toEqual(['silent']);
  });
});

describe('silence rules', () => {
  it('fire once, when the first gap since the anchor grows past the limit', () => {
    const quiet = fired(scoringFixture, []).filter((f) => f.why.startsWith('Went quiet'));
    expect(quiet).toEqual([{ why: 'Went quiet for more than twenty minutes.', t: PAGE + 1200, phase: 'bad' }]);
  });
  it('stay quiet while updates keep coming', () => {
    const choices: TimedChoice[] = [1200, 2300, 3400].map((at) => ({ at, do: 'update' }));
    expect(fired(scoringFixture, choices).map((f) => f.why)).not.toContain('Went quiet for more than twenty minutes.');
  });
});

describe('sequence and repeat rules', () => {
  it('sequence fires when the first event came before the second', () => {
    const inOrder = fired(scoringFixture, [{ at: 200, do: 'look' }, { at: 330, do: 'rollback' }]);
    expect(inOrder).toContainEqual({ why: 'Checked the cohorts before rolling back.', t: 330, phase: 'bad' });
    const reversed = fired(scoringFixture, [{ at: 200, do: 'rollback' }, { at: 270, do: 'look' }]);
    expect(reversed.map((f) => f.why)).not.toContain('Checked the cohorts before rolling back.');
  });
  it('repeat fires at the n-th occurrence inside the span, not before and not if spread too thin', () => {
    const close = fired(scoringFixture, [{ at: 300, do: 'update' }, { at: 900, do: 'update' }]);
    // An update counts when it is sent (its action starts), not when the action's time is up.
    expect(close).toContainEqual({ why: 'Kept updates coming.', t: 900, phase: 'bad' });
    const apart = fired(scoringFixture, [{ at: 300, do: 'update' }, { at: 2400, do: 'update' }]);
    expect(apart.map((f) => f.why)).not.toContain('Kept updates coming.');
  });
});

describe('rule evidence conditions', () => {
  it('check `when` against the state of the run at the moment the rule fired', () => {
    const conditional = withRules([
      {
        id: 'ack',
        kind: 'timing',
        event: '@ack',
        from: 'page',
        within: '30m',
        met: [
          { dimension: 'ownership', level: 'L2', why: 'acked' },
          { dimension: 'ownership', level: 'L3', why: 'acked after diagnosing', when: { known: ['canary-bad'] } },
        ],
        missed: [],
      },
    ]);
    expect(fired(conditional, [{ at: PAGE + 60, ack: true }]).map((f) => f.why)).toEqual(['acked']);
    expect(fired(conditional, [{ at: 300, do: 'look' }, { at: PAGE + 60, ack: true }]).map((f) => f.why)).toEqual([
      'acked',
      'acked after diagnosing',
    ]);
  });
});
