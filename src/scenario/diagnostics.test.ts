import { describe, expect, it } from 'vitest';
import { ALL_CODES, codeLabel, countDiagnostics, DIAGNOSTIC_CODES, formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { didYouMean, editDistance, suggestionHint } from './suggest.ts';

const base: Diagnostic = { file: 'scenarios/x/scenario.yaml', line: 12, column: 5, severity: 'error', code: 'BR021', message: 'there is no phase `x`' };

describe('formatDiagnostic', () => {
  it('prints file:line:col severity CODE message', () => {
    expect(formatDiagnostic(base)).toBe('scenarios/x/scenario.yaml:12:5 error BR021 there is no phase `x`');
  });

  it('puts the hint on an indented line below', () => {
    expect(formatDiagnostic({ ...base, hint: 'did you mean `y`?' })).toBe(
      'scenarios/x/scenario.yaml:12:5 error BR021 there is no phase `x`\n  hint: did you mean `y`?',
    );
  });
});

describe('the code registry', () => {
  it('has stable BRnnn codes with unique kebab-case names', () => {
    const names = ALL_CODES.map((code) => DIAGNOSTIC_CODES[code].name);
    for (const code of ALL_CODES) expect(code).toMatch(/^BR\d{3}$/);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(names).size).toBe(names.length);
    expect(codeLabel('BR021')).toBe('BR021 unknown-phase');
  });
});

describe('counting and sorting', () => {
  it('counts by severity and sorts by file then position', () => {
    const list: Diagnostic[] = [
      { ...base, line: 9, severity: 'warning', code: 'BR050' },
      { ...base, file: 'a.yaml' },
      { ...base, line: 2, column: 7 },
      { ...base, line: 2, column: 3, severity: 'info', code: 'BR090' },
    ];
    expect(countDiagnostics(list)).toEqual({ errors: 2, warnings: 1, infos: 1 });
    expect(sortDiagnostics(list).map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'a.yaml:12:5',
      'scenarios/x/scenario.yaml:2:3',
      'scenarios/x/scenario.yaml:2:7',
      'scenarios/x/scenario.yaml:9:5',
    ]);
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('transtions', 'transitions')).toBe(1);
    expect(editDistance('rollabck', 'rollback')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest name when it is a likely typo', () => {
    expect(didYouMean('transtions', ['title', 'transitions', 'logs'])).toBe('transitions');
    expect(didYouMean('RollBack', ['rollback', 'restart'])).toBe('rollback');
    expect(didYouMean('errorRate', ['rps', 'errorRatio', 'p99'])).toBe('errorRatio');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('database', ['rollback', 'restart'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('lists what exists when nothing is close', () => {
    expect(suggestionHint('zzz', ['a', 'b'], 'phases')).toBe('the phases are `a`, `b`');
    expect(suggestionHint('zzz', [], 'facts')).toBe('this scenario declares no facts');
  });
});
