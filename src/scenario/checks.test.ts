import { describe, expect, it } from 'vitest';
import { edited, load, positionOf } from '../../test/support/scenario-text.ts';
import { analyseScenario } from './graph.ts';

const summary = (text: string) => load(text).diagnostics.map((d) => `${d.code} ${d.message}`);

describe('references', () => {
  it('reports a misspelt phase with the closest id, at the reference', () => {
    const text = edited(['- to: resolved', '- to: resolvd']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR021', message: 'there is no phase or ending `resolvd`', hint: 'did you mean `resolved`?', ...positionOf(text, 'resolvd') });
  });

  it('requires the timeout ending to be an ending', () => {
    expect(summary(edited(['timeoutEnding: timed-out', 'timeoutEnding: failing']))).toEqual(['BR021 there is no ending `failing`']);
  });

  it('checks ids written as a single value and as a list alike', () => {
    const text = edited(['available: { phase: failing, known: canary-bad }', 'available: { phase: [failing, recoverd], known: canary-bd }']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['BR021', 'BR024']);
    expect(diagnostics[0]).toMatchObject(positionOf(text, 'recoverd'));
    expect(diagnostics[1]).toMatchObject(positionOf(text, 'canary-bd'));
  });

  it('tells a missing prompt from a missing option', () => {
    expect(summary(edited(['choose: declare.sev2', 'choose: declar.sev2']))).toEqual(['BR030 there is no prompt `declar`']);
    expect(summary(edited(['choose: declare.sev2', 'choose: declare.sev1']))).toEqual(['BR030 prompt `declare` has no option `sev1`']);
  });

  it('accepts actions, prompt options, built-in events and anchors in scoring rules', () => {
    const ok = edited(['event: rollback\n      from: page', 'event: declare.sev2\n      from: "@ack"']);
    expect(load(ok).diagnostics).toEqual([]);
    expect(summary(edited(['event: rollback', 'event: roll-back']))[0]).toMatch(/^BR031 `roll-back` is not an action/);
    expect(load(edited(['from: page', 'from: paged'])).diagnostics[0]?.hint).toBe('did you mean `page`?');
  });

  it('allows signals as metrics and rejects unknown ones', () => {
    expect(load(edited(['metric: errorRatio, cohort: canary, to: 0.2', 'metric: cpu, cohort: canary, to: 90'])).diagnostics).toEqual([]);
    const [d] = load(edited(['metric: errorRatio, cohort: canary, to: 0.2', 'metric: errorRate, cohort: canary, to: 0.2'])).diagnostics;
    expect(d).toMatchObject({ code: 'BR029', hint: 'did you mean `errorRatio`?' });
  });

  it('reports ids shared by a phase and an ending', () => {
    const text = edited(['  - id: resolved\n    outcome: resolved', '  - id: recovered\n    outcome: resolved'], ['- to: resolved', '- to: recovered']);
    expect(summary(text)).toContain('BR020 `recovered` is the id of both a phase and an ending');
  });

  it('reports reference choices that name unknown actions or prompts, or give two things at once', () => {
    const text = edited(['do: compare-cohorts }', 'do: compare }'], ['{ at: 1m, ack: true }', '{ at: 1m, ack: true, do: rollback }']);
    expect(load(text).diagnostics.map((d) => d.code)).toEqual(['BR045', 'BR023']);
  });
});

describe('values', () => {
  it('wants exactly one of to, factor or reset in a telemetry change', () => {
    expect(summary(edited(['cohort: canary, reset: true }', 'cohort: canary }']))).toEqual([
      'BR040 the change to `errorRatio` says where it starts but not where it goes',
    ]);
  });

  it('warns but still loads when cohort shares do not add up to 1', () => {
    const result = load(edited(['share: 0.1 }', 'share: 0.2 }']));
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning BR041']);
    expect(result.scenario).toBeDefined();
  });
});

describe('the phase graph', () => {
  it('finds what can happen in the minimal scenario', () => {
    const scenario = load(edited()).scenario;
    if (!scenario) throw new Error('minimal scenario did not load');
    const graph = analyseScenario(scenario);
    expect([...graph.reachable].sort()).toEqual(['budget-gone', 'failing', 'recovered', 'resolved', 'timed-out']);
    expect(graph.possibleActions.has('rollback')).toBe(true);
    expect(graph.edges).toContainEqual({ from: 'failing', to: 'recovered', kind: 'action', via: 'rollback' });
  });

  it('warns about a dead end, the phase it cuts off and the ending behind that', () => {
    const text = edited(['      goto: recovered\n', '      reveal: [canary-bad]\n']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['BR052', 'BR050', 'BR051']);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('follows chains: an action that needs an action that is never available is never available either', () => {
    const text = edited([
      '\nprompts:\n',
      `  - id: page-db-team
    kind: escalate
    label: Page the database team
    available: { phase: recovered, before: 0 }
  - id: failover
    kind: mitigate
    label: Fail over the database
    available: { done: page-db-team }

prompts:
`,
    ]);
    const messages = summary(text);
    expect(messages).toContain('BR053 action `page-db-team` is never available: `before: 0` never holds');
    expect(messages).toContain('BR053 action `failover` is never available: it needs action `page-db-team` done, which can never be taken');
  });

  it('counts an ending whose `when` holds in the phase as a way out, but not running out of budget', () => {
    const deadEnd = edited(['    transitions:\n      - to: resolved\n        when: { inPhaseFor: 5m }\n', '']);
    expect(load(deadEnd).diagnostics.map((d) => d.code)).toEqual(['BR052', 'BR051']);
    const endsByCondition = edited(
      ['    transitions:\n      - to: resolved\n        when: { inPhaseFor: 5m }\n', ''],
      ['    title: Service restored\n', '    title: Service restored\n    when: { phase: recovered, inPhaseFor: 5m }\n'],
    );
    expect(load(endsByCondition).diagnostics).toEqual([]);
  });

  it('treats `anyOf` as "this or that": one possible alternative is enough, and each is checked', () => {
    const either = edited(['available: { phase: failing, known: canary-bad }', 'available: { phase: failing, anyOf: [{ known: canary-bad }, { at: 45m }] }']);
    expect(load(either).diagnostics).toEqual([]);
    const neither = edited(['available: { phase: failing, known: canary-bad }', 'available: { phase: failing, anyOf: [{ at: 45m }, { before: 0 }] }']);
    expect(summary(neither)).toContain(
      'BR053 action `rollback` is never available: none of its `anyOf` alternatives can hold (the first: `at: 45m` is not before the time limit (30m))',
    );
    const typo = edited(['available: { phase: failing, known: canary-bad }', 'available: { anyOf: [{ known: canary-bd }] }']);
    expect(load(typo).diagnostics[0]).toMatchObject({ code: 'BR024', ...positionOf(typo, 'canary-bd') });
  });

  it('skips graph warnings while references are broken, so they do not pile up', () => {
    expect(load(edited(['goto: recovered', 'goto: recoverd'])).diagnostics.map((d) => d.code)).toEqual(['BR021']);
  });
});
