/** Test helpers: the minimal valid scenario, edited one fault at a time, and loaded. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type LoadResult } from '../../src/scenario/load.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');

/** Reads files next to the fixtures, as the CLI reads files next to a scenario. */
export function fixtureReader(folder: string = FIXTURES): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(join(folder, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** The minimal scenario with each `[from, to]` replacement applied once (each must match). */
export function edited(...edits: [string, string][]): string {
  let text = MINIMAL;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`edit does not match the minimal scenario: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** Loads text as `test.yaml` beside the fixtures. */
export function load(text: string): LoadResult {
  return loadScenario(text, { file: 'test.yaml', readFile: fixtureReader() });
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  const index = text.indexOf(needle, Math.max(0, start));
  if (index === -1) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
