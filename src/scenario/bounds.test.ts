/** Durations written as strings are bounded as numbers are: a huge one is refused, located. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureReader } from '../../test/support/scenario-text.ts';
import { loadScenario } from './load.ts';
import { Duration, MAX_SECONDS } from './schema/index.ts';

describe('duration bounds', () => {
  it('refuses 400-digit durations at their lines instead of reading them as Infinity', () => {
    const text = readFileSync(join(FIXTURES, 'hostile', 'duration-400-digits.yaml'), 'utf8');
    const result = loadScenario(text, { file: 'duration-400-digits.yaml', readFile: fixtureReader(FIXTURES) });
    expect(result.scenario).toBeUndefined();
    const found = result.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^55 BR015 message `support-ping`: `at` must be at most 1000000000/),
      expect.stringMatching(/^88 BR015 action `compare-cohorts`: `cost` must be at most 1000000000/),
    ]);
  });

  it('reads the largest duration in either form, and nothing past it', () => {
    expect(Duration.parse(MAX_SECONDS)).toBe(MAX_SECONDS);
    expect(Duration.parse(`${MAX_SECONDS}s`)).toBe(MAX_SECONDS);
    expect(Duration.safeParse(`${MAX_SECONDS / 60 + 1}m`).success).toBe(false);
    expect(Duration.safeParse(`${'9'.repeat(400)}d`).success).toBe(false);
  });
});
