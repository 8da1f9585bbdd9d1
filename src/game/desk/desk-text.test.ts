import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { briefingBody, decisionFooter, helpLines } from './desk-text.ts';

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

describe('a decision card footer', () => {
  const snap = (deadline: number | null) => ({ t: 100, prompts: [{ deadline }] }) as unknown as Parameters<typeof decisionFooter>[0];
  it('tells a single player Space pauses, and a team player that only the facilitator can', () => {
    expect(decisionFooter(snap(220), false)).toBe('Pick with a number or click, then Enter. Answer within 2m or the default is taken. The clock runs on (Space pauses); you can still act.');
    expect(decisionFooter(snap(null), true)).toBe('Pick with a number or click, then Enter. Clock paused.');
    const team = decisionFooter(snap(220), false, 'facilitator');
    expect(team).not.toContain('Space');
    expect(team).toMatch(/only the facilitator can pause it/);
    expect(decisionFooter(snap(null), true, 'facilitator')).toBe('Pick with a number or click, then Enter. The facilitator has paused the clock.');
  });
});
