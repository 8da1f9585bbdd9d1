import { describe, expect, it } from 'vitest';
import { fixtureReader, MINIMAL } from '../../test/support/scenario-text.ts';
import { loadScenario } from '../scenario/load.ts';
import { scoringDiagnostics } from './diagnostics.ts';

const minimal = MINIMAL;
const readFile = fixtureReader();
// Evidence on the rollback that holds only once the run is 20 minutes old: rolling back is a
// one-time action, and the explored players roll back well before that.
const late = minimal.replace(
  '      - { dimension: judgment, level: L3, why: Rolled back once the canary was shown to be the cause. }',
  '      - { dimension: judgment, level: L3, why: Rolled back once the canary was shown to be the cause. }\n      - { dimension: planning, level: L2, why: Rolled back late., when: { at: 29m } }',
);

describe('BR067 evidence-never-seen', () => {
  it('blames the one-time action, not only the `when`, for evidence on a non-repeatable action', () => {
    const scenario = loadScenario(late, { file: 'late.yaml', readFile }).scenario;
    if (!scenario) throw new Error('the edited fixture does not load');
    const never = scoringDiagnostics(scenario, { explore: { playthroughs: 200 } }).diagnostics.filter((d) => d.code === 'BR067');
    expect(never.map((d) => d.path)).toContainEqual(['actions', 1, 'evidence', 1]);
    const hint = never.find((d) => d.path.join() === 'actions,1,evidence,1')?.hint;
    expect(hint).toContain('`rollback` can be taken only once (it is not `repeatable`)');
    expect(hint).toContain('add `repeatable: true`');
  });
});
