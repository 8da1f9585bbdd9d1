/**
 * The pure layers run the same in a browser, in Node and on a server, and replay bit for
 * bit: no Phaser, no DOM, no wall clock, no unseeded randomness. This test reads their
 * sources and fails on any of those.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = ['src/scenario', 'src/sim', 'src/scoring'];

function sources(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"]phaser['"]/, 'imports Phaser'],
  [/Math\.random\s*\(/, 'reads Math.random'],
  [/Date\.now\s*\(/, 'reads Date.now'],
  [/new\s+Date\s*\(\s*\)/, 'reads the wall clock'],
  [/performance\.now\s*\(/, 'reads the wall clock'],
  [/(?<![\w.])(document|window|localStorage)\.[a-zA-Z]/, 'touches the DOM'],
  [/from\s+['"](node:)?(fs|path|child_process)['"]/, 'does I/O'],
  [/from\s+['"]\.\.\/(game|cli)\//, 'imports a layer above it'],
];

describe('pure core', () => {
  const files = PURE.flatMap(sources);
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(`${file} stays pure`, () => {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      const broken = FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => why);
      expect(broken, `${file} ${broken.join(', ')}`).toEqual([]);
    });
  }
});
