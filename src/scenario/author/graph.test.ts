import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { Condition, Scenario, type ScenarioInput } from '../schema/index.ts';
import { describeCondition, mermaidText, scenarioToMermaid } from './graph.ts';

/** The engine's test scenario plus a phase and an ending that nothing leads to. */
const input: ScenarioInput = {
  ...fixtureInput,
  title: 'Fixture: canary',
  phases: [...fixtureInput.phases, { id: 'orphan', title: 'Nobody gets here', transitions: [{ to: 'recovering', when: { at: '10m' } }] }],
  endings: [...fixtureInput.endings, { id: 'never', outcome: 'worse', title: 'Never reached' }],
};
const lines = scenarioToMermaid(Scenario.parse(input)).split('\n');

describe('the scenario as a Mermaid state diagram', () => {
  it('is a stateDiagram-v2 with the scenario title', () => {
    expect(lines.slice(0, 5)).toEqual(['---', 'title: Fixture - canary', '---', 'stateDiagram-v2', '  direction LR']);
  });

  it('names phases by title and endings by title and outcome', () => {
    expect(lines).toContain('  state "Canary fails" as p_bad');
    expect(lines).toContain('  state "Fixed (resolved)" as e_resolved');
    expect(lines).toContain('  state "Budget gone (exhausted)" as e_exhausted');
  });

  it('labels each edge with the time, condition, action or answer that causes it', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '  [*] --> p_calm',
        '  p_calm --> p_bad: at 2m',
        '  p_recovering --> e_resolved: after 5m in phase',
        '  p_bad --> p_recovering: do rollback',
      ]),
    );
  });

  it('draws what can happen from every phase once, from an "any phase" box: the time limit, budget endings, actions offered throughout', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '  state "any phase" as any_phase',
        '  any_phase --> e_timeout: time limit 1h',
        '  any_phase --> e_exhausted: budget spent above 100%',
        '  any_phase --> e_worse: do promote',
      ]),
    );
    expect(lines.filter((l) => l.includes('time limit'))).toHaveLength(1);
  });

  it('colours endings by outcome', () => {
    expect(lines).toEqual(expect.arrayContaining(['  class e_resolved resolved', '  class e_exhausted exhausted', '  class e_worse worse', '  class e_timeout timeout']));
    expect(lines.some((l) => l.startsWith('  classDef resolved '))).toBe(true);
  });

  it('greys out an unreachable phase and ending, still showing where the phase would lead', () => {
    expect(lines).toContain('  classDef unreachable fill:#f1f3f4,stroke:#9aa0a6,color:#5f6368,stroke-dasharray:5 5');
    expect(lines).toContain('  class p_orphan unreachable');
    expect(lines).toContain('  class e_never unreachable');
    expect(lines).toContain('  p_orphan --> p_recovering: at 10m');
    expect(lines).not.toContain('  class p_bad unreachable');
  });

  it('uses only characters Mermaid accepts in ids and labels', () => {
    const tricky = Scenario.parse({
      ...fixtureInput,
      phases: [{ id: 'a-b', title: 'Say "hi": now; #1 <b>', transitions: [{ to: 'resolved', when: { at: '1m' } }] }],
      actions: [{ id: 'x', kind: 'investigate', label: 'Look' }],
      prompts: [],
      messages: [],
    });
    const text = scenarioToMermaid(tricky);
    expect(text).toContain(`state "Say 'hi' - now, 1 ‹b›" as p_a_b`);
    expect(text).toContain('p_a_b --> e_resolved: at 1m');
  });
});

describe('conditions in words', () => {
  it('joins the fields that must all hold', () => {
    const when = Condition.parse({ known: 'cause', notDone: ['restart'], noUpdateFor: '20m', acked: true });
    expect(describeCondition(when)).toBe('knows cause and restart not started and page acknowledged and no update for 20m');
    expect(describeCondition({})).toBe('always');
    expect(mermaidText(' a:\nb ')).toBe('a - b');
  });
});
