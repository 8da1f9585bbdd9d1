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

describe('one document per file', () => {
  const both = (text: string) => loadScenario(text, { file: 'test.yaml', readFile: fixtureReader() }).diagnostics;

  it('reports a second document after the scenario at its `---` line, however broken it is', () => {
    const text = `${MINIMAL}\n---\nfoo: [bar\n  : : :`;
    const diagnostics = both(text);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'BR001', line: positionOf(text, '\n---\n').line + 1, column: 1 })]);
    expect(diagnostics[0]?.message).toBe('a `---` line starts a second YAML document');
    expect(diagnostics[0]?.hint).toContain('a scenario file holds one document, and `---` starts another');
  });

  it('reports a second document that would parse, too', () => {
    expect(both(`${MINIMAL}---\nfoo: 1\n`).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([`BR001 ${MINIMAL.split('\n').length}:1`]);
  });

  it('points at a stray `---` rather than calling the fields after it missing', () => {
    const text = edited(['\nphases:', '\n---\nphases:']);
    expect(both(text).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([`BR001 ${positionOf(text, '---').line}:1`]);
  });

  it('points at the `...` line when text follows the end of the document', () => {
    const text = `${MINIMAL}...\nfoo: 1\n`;
    const [d, ...rest] = both(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'BR001', ...positionOf(text, '...\n') });
    expect(d?.message).toContain('`...`');
  });

  it('accepts a `---` before the scenario and a `...` after it', () => {
    expect(both(`---\n${MINIMAL}...\n`)).toEqual([]);
  });
});

describe('meaning checks despite schema errors', () => {
  /** Five broken references: BR022, BR025, BR021, BR022, BR025 in file order. */
  const REFERENCE_FAULTS: [string, string][] = [
    ['    runbook: high-errors\n    rule', '    runbook: high-error\n    rule'],
    ['  - id: support-ping\n    from: support', '  - id: support-ping\n    from: suport'],
    ['      - to: resolved', '      - to: resolvd'],
    ['    runbook: high-errors\n    effects', '    runbook: runbok\n    effects'],
    ['    from: support\n    question', '    from: sam\n    question'],
  ];
  const located = (text: string) => load(text).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);

  it('reports every broken reference alongside a schema error', () => {
    const references = located(edited(...REFERENCE_FAULTS));
    expect(references.map((d) => d.slice(0, 5))).toEqual(['BR022', 'BR025', 'BR021', 'BR022', 'BR025']);
    const text = edited(...REFERENCE_FAULTS, ['rps: 200', 'rps: lots']);
    const { line, column } = positionOf(text, 'lots');
    expect(located(text)).toEqual([`BR013 ${line}:${column}`, ...references]);
  });

  it('still suggests the id meant, and points at the reference after a broken item', () => {
    const text = edited(['title: Canary failing', 'title: 5'], ['      - to: resolved', '      - to: resolvd']);
    const diagnostics = load(text).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['BR013', 'BR021']);
    expect(diagnostics[1]).toMatchObject({ ...positionOf(text, 'resolvd'), hint: 'did you mean `resolved`?' });
  });

  it('counts the id of an item with a broken field as declared', () => {
    // `compare-cohorts` has a broken cost; the reference playthrough that does it is fine.
    const text = edited(['cost: 1m', 'cost: soon'], ['goto: recovered', 'goto: recoverd']);
    expect(located(text)).toEqual([
      `BR016 ${positionOf(text, 'soon').line}:${positionOf(text, 'soon').column}`,
      `BR021 ${positionOf(text, 'recoverd').line}:${positionOf(text, 'recoverd').column}`,
    ]);
  });

  it('skips references into a collection that did not parse, rather than calling them unknown', () => {
    const text = edited(['facts:\n  - id: canary-bad\n    text: Only the canary pods return errors.', 'facts: canary-bad']);
    expect(load(text).diagnostics.map((d) => d.code)).toEqual(['BR013']);
    const badId = edited(['  - id: canary-bad\n    text: Only', '  - id: 9canary\n    text: Only']);
    expect(load(badId).diagnostics.map((d) => d.code)).toEqual(['BR016']);
  });

  it('reports duplicate ids, wrong values and missing runbook files alongside a schema error', () => {
    const text = edited(
      ['rps: 200', 'rps: lots'],
      ['  - id: budget-gone', '  - id: resolved'],
      ['  latency: { p50: 40, p95: 120, p99: 300 }', '  latency: { p50: 40, p95: 20, p99: 300 }'],
      ['file: runbooks/high-errors.md', 'file: runbooks/gone.md'],
    );
    expect(load(text).diagnostics.map((d) => d.code)).toEqual(['BR013', 'BR043', 'BR044', 'BR020']);
  });

  it('adds up cohort shares only when every cohort parsed', () => {
    const text = edited(['{ id: canary, label: canary v1.5.0, share: 0.1 }', '{ id: canary, label: canary v1.5.0, share: lots }']);
    expect(load(text).diagnostics.map((d) => d.code)).toEqual(['BR013']);
  });
});

describe('one diagnostic per fault, in plain words', () => {
  it('gives one bound for a number far out of range', () => {
    const duration = load(edited(['duration: 10', 'duration: 1e26'])).diagnostics;
    expect(duration.map((d) => `${d.code} ${d.message}`)).toEqual(['BR015 `duration` must be at most 600, got 1e+26']);
    const seed = load(edited(['duration: 10', 'duration: 10\nseed: 1e23'])).diagnostics;
    expect(seed.map((d) => `${d.code} ${d.message}`)).toEqual(['BR015 `seed` must be at most 4294967295, got 1e+23']);
  });

  it('says a runbook path leaves the folder, once', () => {
    const text = edited(['file: runbooks/high-errors.md', 'file: ../../etc/passwd']);
    expect(load(text).diagnostics).toEqual([
      expect.objectContaining({ code: 'BR017', ...positionOf(text, '../../etc/passwd'), message: 'runbook `high-errors`: `file`: a runbook file must stay inside the scenario folder' }),
    ]);
  });

  it('calls a number beyond what YAML can hold too large, not infinity', () => {
    const text = edited(['rps: 200', 'rps: 1e400']);
    expect(load(text).diagnostics).toEqual([
      expect.objectContaining({ code: 'BR015', ...positionOf(text, '1e400'), message: '`rps` is too large a number: it must be at most 10000000' }),
    ]);
  });

  it('explains a list started on its key\'s line in plain words, once', () => {
    expect(load('a: - - - x\n').diagnostics).toEqual([
      expect.objectContaining({ code: 'BR001', line: 1, column: 4, message: 'a list cannot start on the same line as its key' }),
    ]);
  });

  it('gives syntax errors hints that say what to do, not the message again, and no parser token names', () => {
    const broken = ['a\nb: 1\n', 'a: "abc\nb: 1\n', 'a: [1, 2\nb: 1\n', '- a\nb: 1\n', 'a: [1]]\n', 'a: }\n', 'a: >\n t\n  u\nb\n', '"a" b: 1\n', 'a: "x"y\n', 'a: - b\n'];
    for (const text of broken) {
      const diagnostics = load(text).diagnostics.filter((d) => d.code === 'BR001');
      expect(diagnostics.length, text).toBeGreaterThan(0);
      for (const d of diagnostics) {
        expect(d.hint, `${text}: ${d.message}`).toBeDefined();
        expect(d.hint?.toLowerCase(), `${text}: ${d.message}`).not.toContain(d.message.toLowerCase());
        expect(d.message, text).not.toMatch(/\b(block|flow|map|seq|doc)-[a-z-]+\b|YAML stream/);
      }
    }
    expect(load('a\nb: 1\n').diagnostics[0]?.hint).toMatch(/^is the `:` after a key missing/);
  });

  it('hints at the fix for nesting too deep, whether by brackets or by indentation', () => {
    let indented = '';
    for (let i = 0; i < 70; i++) indented += `${'  '.repeat(i)}k:\n`;
    const [deep] = load(indented).diagnostics;
    expect(deep).toMatchObject({ code: 'BR008', hint: expect.stringContaining('runaway indentation') });
  });

  it('tells a file of comments from an empty one', () => {
    expect(load('# only a comment\n\n').diagnostics[0]?.message).toBe('the file holds only comments, no scenario');
    expect(load('\n  \n').diagnostics[0]?.message).toBe('the file is empty');
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
