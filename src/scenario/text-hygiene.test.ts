import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load.ts';
import { cleanText } from './text-hygiene.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/diagnostics');

describe('control characters in text values', () => {
  it('are removed at load, and the value is reported once', () => {
    const text = readFileSync(join(FIXTURE, 'BR049.yaml'), 'utf8');
    const result = loadScenario(text, { file: 'BR049.yaml', readFile: (p) => readFileSync(join(FIXTURE, p), 'utf8') });
    expect(result.scenario?.stakeholders[0]?.name).toBe('Sam liam-e ');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BR049']);
    expect(result.diagnostics[0]?.message).toContain('U+202E (right-to-left override)');
  });

  it('keep line breaks, tabs, marks and emoji; turn a lone carriage return into a space', () => {
    expect(cleanText('a\r\nb\tc\u200fd 🔥')).toBe('a\nb\tc\u200fd 🔥');
    expect(cleanText('Title\rOverlap')).toBe('Title Overlap');
    expect(cleanText('\u2067x\u2069\u001b[31m\u0085')).toBe('x[31m');
  });
});
