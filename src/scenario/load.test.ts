import { describe, expect, it } from 'vitest';
import { edited, fixtureReader, load, MINIMAL, positionOf } from '../../test/support/scenario-text.ts';
import { loadBundledScenarios, loadScenario, readerFromFiles } from './load.ts';

const codes = (text: string) => load(text).diagnostics.map((d) => d.code);

describe('loading a valid scenario', () => {
  it('returns the scenario, its runbooks and no diagnostics', () => {
    const result = load(MINIMAL);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.id).toBe('minimal');
    expect(result.scenario?.timeLimit).toBe(1800);
    expect(result.scenario?.actions[0]?.cost).toBe(60);
    expect(result.runbooks['high-errors']).toContain('# High error rate');
  });

  it('does not read or check runbooks without a readFile', () => {
    const result = loadScenario(MINIMAL, { file: 'm.yaml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.runbooks).toEqual({});
  });
});

describe('schema problems in plain words', () => {
  it('explains a wrong duration type at the value, with the field description as hint', () => {
    const text = edited(['cost: 1m', 'cost: true']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR013', severity: 'error', ...positionOf(text, 'true', 'cost: true') });
    expect(d?.message).toContain('`cost` must be a duration such as "90s" or "5m", got true');
    expect(d?.message).toContain('action `compare-cohorts`');
    expect(d?.hint).toContain('Sim time the action takes');
  });

  it('suggests the key an unknown key was probably meant to be, pointing at the key', () => {
    const text = edited(['    transitions:', '    transtions:']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR012', ...positionOf(text, 'transtions') });
    expect(d?.hint).toBe('did you mean `transitions`?');
  });

  it('points a missing field at the mapping that lacks it', () => {
    const text = edited(['  team: payments\n', '']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR011', message: '`service` is missing `team`', ...positionOf(text, 'service:') });
  });

  it('suggests quoting a number given where text belongs', () => {
    const [d] = load(edited(['title: Canary failing', 'title: 404'])).diagnostics;
    expect(d?.code).toBe('BR013');
    expect(d?.hint).toContain('put it in quotes: "404"');
  });

  it('looks inside a list given where "an id or a list of ids" is allowed', () => {
    const text = edited(['available: { phase: failing, known: canary-bad }', 'available: { phase: failing, known: [canary-bad, 404] }']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR013', ...positionOf(text, '404') });
    expect(d?.message).toContain('item 2 of `known` must be an id');
  });

  it('names the allowed values of an enum and the likely one', () => {
    const [d] = load(edited(['kind: investigate', 'kind: investgate'])).diagnostics;
    expect(d?.message).toContain('must be one of investigate, mitigate, communicate, escalate, got "investgate"');
    expect(d?.hint).toBe('did you mean `investigate`?');
  });

  it('reports every schema problem of the file in one pass', () => {
    const text = edited(['cost: 1m', 'cost: soon'], ['objective: 99.9', 'objective: 120'], ['severity: critical', 'severity: loud'], ['    transitions:', '    transtions:']);
    expect(codes(text).sort()).toEqual(['BR012', 'BR014', 'BR015', 'BR016']);
  });

  it('points at the alias where an aliased value is used', () => {
    const text = edited(['timeLimit: 30m', 'timeLimit: &limit forever'], ['cost: 1m', 'cost: *limit']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      `BR016 ${positionOf(text, 'forever').line}:${positionOf(text, 'forever').column}`,
      `BR016 ${positionOf(text, '*limit').line}:${positionOf(text, '*limit').column}`,
    ]);
  });
});

describe('YAML problems', () => {
  it('reports every syntax error, each at its own line', () => {
    const text = edited(['title: Canary failing', 'title: "Canary failing'], ['  rps: 200', '\trps: 200']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.every((d) => d.code === 'BR001')).toBe(true);
    expect(new Set(diagnostics.map((d) => d.line)).size).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys with the line of the first one, and keeps checking', () => {
    const text = edited(['  team: payments\n', '  team: payments\n  team: platform\n'], ['cost: 1m', 'cost: soon']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['BR006', 'BR016']);
    expect(diagnostics[0]).toMatchObject(positionOf(text, 'team: platform'));
    expect(diagnostics[0]?.hint).toContain(`line ${positionOf(text, 'team: payments').line}`);
  });

  it('explains an empty file, a list and a single value at the top', () => {
    expect(codes('')).toEqual(['BR004']);
    expect(codes('# only a comment\n\n')).toEqual(['BR004']);
    expect(codes('- a\n- b\n')).toEqual(['BR005']);
    expect(codes('just some words')).toEqual(['BR005']);
  });

  it('refers to an undefined alias by name', () => {
    const [d] = load(edited(['cost: 1m', 'cost: *nowhere'])).diagnostics;
    expect(d?.message).toContain('`*nowhere` refers to no anchor');
  });

  it('treats a key named __proto__ as an unknown key, not a prototype', () => {
    const text = edited(['  team: payments\n', '  team: payments\n  __proto__: { polluted: true }\n']);
    expect(codes(text)).toEqual(['BR012']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('blanks out a stray control character and goes on checking the rest', () => {
    const text = edited(['title: Canary failing', 'title: Canary\u001b failing'], ['cost: 1m', 'cost: soon']);
    expect(codes(text)).toEqual(['BR003', 'BR016']);
  });
});

describe('runbooks', () => {
  it('reports a runbook file that cannot be found at its path', () => {
    const text = edited(['file: runbooks/high-errors.md', 'file: runbooks/gone.md']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'BR044', ...positionOf(text, 'runbooks/gone.md') });
  });

  it('turns a readFile that throws into a diagnostic', () => {
    const result = loadScenario(MINIMAL, {
      file: 'm.yaml',
      readFile: () => {
        throw new Error('permission denied');
      },
    });
    expect(result.diagnostics[0]).toMatchObject({ code: 'BR044', hint: 'reading it failed: permission denied' });
    expect(result.scenario).toBeUndefined();
  });

  it('reads bundled files relative to the scenario folder', () => {
    const read = readerFromFiles({ 'scenarios/a/runbooks/x.md': '# X', 'scenarios/b/runbooks/x.md': '# other' }, 'scenarios/a/scenario.yaml');
    expect(read('runbooks/x.md')).toBe('# X');
    expect(read('./runbooks/x.md')).toBe('# X');
    expect(read('runbooks/y.md')).toBeUndefined();
    expect(fixtureReader()('runbooks/high-errors.md')).toContain('High error rate');
  });

  it('loads every bundled scenario with the runbooks of its own folder', () => {
    const results = loadBundledScenarios({
      'scenarios/a/scenario.yaml': MINIMAL,
      'scenarios/a/runbooks/high-errors.md': '# A',
      'scenarios/b/scenario.yaml': MINIMAL,
      'scenarios/b/notes.md': 'no runbooks here',
    });
    expect([...results.keys()]).toEqual(['scenarios/a/scenario.yaml', 'scenarios/b/scenario.yaml']);
    expect(results.get('scenarios/a/scenario.yaml')?.runbooks['high-errors']).toBe('# A');
    expect(results.get('scenarios/b/scenario.yaml')?.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['scenarios/b/scenario.yaml BR044']);
  });
});
