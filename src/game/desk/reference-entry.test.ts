import { describe, expect, it } from 'vitest';
import { fixtureReader, MINIMAL } from '../../../test/support/scenario-text.ts';
import { loadScenario } from '../../scenario/load.ts';
import { assessRun } from '../../scoring/debrief.ts';
import { Run } from '../../sim/engine.ts';
import { playChoices, runPlaythrough, type TimedChoice } from '../../sim/runner.ts';
import { referenceEntry } from './reference-entry.ts';

const minimal = MINIMAL;
const readFile = fixtureReader();
const load = (text: string) => loadScenario(text, { file: 'minimal.yaml', readFile });

describe('recording a reference by playing', () => {
  const scenario = load(minimal).scenario;
  if (!scenario) throw new Error('minimal fixture does not load');

  it('gives an entry that pastes under references: and replays to the level it claims', () => {
    const choices: TimedChoice[] = [
      { at: 65, ack: true },
      { at: 130, do: 'compare-cohorts' },
      { at: 250, choose: 'declare.sev2' },
      { at: 300, do: 'rollback' },
    ];
    const run = new Run(scenario, { seed: scenario.seed });
    playChoices(run, choices, false);
    const entry = referenceEntry(scenario, run, choices);
    expect(entry.level).toBe('L3');
    expect(entry.id).toBe('played-l3');
    expect(entry.yaml).toContain('        - { at: 130, do: compare-cohorts }');

    const pasted = load(`${minimal.trimEnd()}\n${entry.yaml}`);
    expect(pasted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ref = pasted.scenario?.scoring.references.find((r) => r.id === 'played-l3');
    expect(ref).toMatchObject({ level: 'L3', expect: 'L3' });
    expect(ref?.choices).toHaveLength(4);
    const replayed = runPlaythrough(scenario, { choices: ref?.choices ?? [] });
    expect(assessRun(scenario, replayed)).toBe('L3');
  });

  it('names a second recording of a level apart, and keeps a seed other than the default', () => {
    const run = new Run(scenario, { seed: 99 });
    playChoices(run, [{ at: 65, ack: true }, { at: 300, do: 'rollback' }], false);
    const first = referenceEntry(scenario, run, [{ at: 65, ack: true }, { at: 300, do: 'rollback' }]);
    const withFirst = load(`${minimal.trimEnd()}\n${first.yaml}`).scenario;
    if (!withFirst) throw new Error('first entry does not load');
    const second = referenceEntry(withFirst, run, [{ at: 65, ack: true }, { at: 300, do: 'rollback' }]);
    expect(second.id).toBe(`${first.id}-2`);
    expect(first.yaml).toContain('      seed: 99\n');
  });
});
