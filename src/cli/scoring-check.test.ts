import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.ts';
import { positionOf } from '../../test/support/scenario-text.ts';
import { locateScoring } from './scoring-check.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TEXT = readFileSync(join(ROOT, 'scenarios/auth-canary/scenario.yaml'), 'utf8');

describe('scoring diagnostics in the checker', () => {
  it('are located at the line and column their value path names', () => {
    const scenario = loadScenario(TEXT, { file: 'x.yaml', readFile: () => '' }).scenario;
    const actionIndex = scenario?.actions.findIndex((a) => a.id === 'compare-cohorts') ?? -1;
    expect(actionIndex).toBeGreaterThanOrEqual(0);
    const [located] = locateScoring(
      [{ path: ['actions', actionIndex, 'id'], severity: 'warning', code: 'BR060', message: 'shows nothing' }],
      'scenarios/auth-canary/scenario.yaml',
      TEXT,
    );
    const where = positionOf(TEXT, 'compare-cohorts', '\nactions:');
    expect(located).toMatchObject({ file: 'scenarios/auth-canary/scenario.yaml', line: where.line, column: where.column, code: 'BR060', severity: 'warning' });
  });

  it('point a reference mismatch at its `expect`', () => {
    const [located] = locateScoring([{ path: ['scoring', 'references', 2, 'expect'], severity: 'error', code: 'BR066', message: 'm' }], 'f', TEXT);
    const line = TEXT.split('\n')[(located?.line ?? 0) - 1] ?? '';
    expect(line.trim()).toBe('expect: L3');
  });
});
