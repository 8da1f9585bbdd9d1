import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { briefingBody, helpLines } from './desk-text.ts';

describe('desk wording', () => {
  it('briefs the player on the service, its SLO, the clock mapping and the mode', () => {
    const s = Scenario.parse(fixtureInput);
    const practice = briefingBody(s, 'practice');
    expect(practice).toContain('svc');
    expect(practice).toContain('99.9%');
    expect(practice).toContain('one real second is 10 sim seconds');
    expect(practice).toContain('coach');
    expect(briefingBody(s, 'assessed')).toContain('no coaching');
  });

  it('lists the desk keys and only the actions on offer', () => {
    const help = helpLines([{ label: 'Roll back', key: 'r' }, { label: 'Promote', key: 'P' }]);
    expect(help).toContain('A  acknowledge the page');
    expect(help).toContain('R Roll back');
    expect(help).toContain('⇧P Promote');
  });
});
