import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../test/fixtures/sim-fixture.ts';
import { Scenario } from '../scenario/schema/index.ts';
import { Run } from './engine.ts';
import { playChoices, runPlaythrough } from './runner.ts';
import { snapshotOf } from './snapshot.ts';

/** The fixture with a question whose answers and results depend on what the run has shown. */
function scenario(): Scenario {
  const input = structuredClone(fixtureInput);
  input.actions = [
    ...(input.actions ?? []).map((a) =>
      a.id === 'look'
        ? { ...a, effects: { reveal: ['canary-bad'], result: [{ when: { before: '3m' }, text: 'Both cohorts look alike so far.' }, { text: 'The canary fails since T+2:00.' }] } }
        : a,
    ),
  ];
  input.prompts = [
    {
      id: 'status',
      question: 'Where are we?',
      when: { at: '5m' },
      timeout: '20m',
      options: [
        { id: 'rolled-back', label: 'Rolled back, verifying.', when: { done: ['rollback'] }, default: true },
        { id: 'looking', label: 'Still looking.', when: { notDone: ['rollback'] } },
        { id: 'later', label: 'Later.' },
      ],
    },
  ];
  return Scenario.parse(input);
}

describe('answers and results that claim only what the run has shown', () => {
  it('offers "rolled back" only to a run whose rollback has completed when the question opens', () => {
    const options = (choices: Parameters<typeof playChoices>[1]) => {
      const run = new Run(scenario(), { seed: 1 });
      playChoices(run, choices, false);
      while (run.t < 320) run.step();
      return snapshotOf(run).prompts[0]?.options.map((o) => o.id);
    };
    expect(options([])).toEqual(['looking', 'later']);
    expect(options([{ at: 130, do: 'rollback' }])).toEqual(['rolled-back', 'later']);
  });

  it('keeps the answers as they were offered while the question stays open', () => {
    const run = new Run(scenario(), { seed: 1 });
    playChoices(run, [{ at: 310, do: 'rollback' }], false);
    while (run.t < 420) run.step();
    expect(run.done.has('rollback')).toBe(true);
    expect(snapshotOf(run).prompts[0]?.options.map((o) => o.id)).toEqual(['looking', 'later']);
  });

  it('refuses an answer that is not on offer, and the run goes on as if it was not given', () => {
    const t = runPlaythrough(scenario(), { seed: 1, choices: [{ at: 310, choose: 'status.rolled-back' }] });
    expect(t.events.find((e) => e.type === 'rejected')).toMatchObject({ what: 'status.rolled-back', reason: 'that answer was not on offer when the question opened' });
    expect(t.records.some((r) => r.id === 'status.rolled-back')).toBe(false);
  });

  it('lets the question lapse rather than take a default that is not true', () => {
    const t = runPlaythrough(scenario(), { seed: 1, choices: [] });
    expect(t.events.find((e) => e.type === 'prompt.lapse')).toMatchObject({ prompt: 'status', option: null });
  });

  it('shows the first result version whose condition holds when the action completes', () => {
    const early = runPlaythrough(scenario(), { seed: 1, choices: [{ at: 0, do: 'look' }] });
    expect(early.events.find((e) => e.type === 'action.done')).toMatchObject({ result: 'Both cohorts look alike so far.' });
    const late = runPlaythrough(scenario(), { seed: 1, choices: [{ at: 240, do: 'look' }] });
    expect(late.events.find((e) => e.type === 'action.done')).toMatchObject({ result: 'The canary fails since T+2:00.' });
  });
});
