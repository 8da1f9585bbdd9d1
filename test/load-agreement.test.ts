/**
 * The loader reads plain files with a quick parser, locates what it reports by parsing
 * only the parts of the file that hold it, and falls back to the positional parser for
 * anything it cannot read or place for certain. Both paths must give the same answer for
 * every input: the same scenario, the same runbooks, the same diagnostics.
 * `located-agreement.test.ts` holds files with problems to it at a larger scale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.ts';
import { int, mutate, prng } from './support/mutate.ts';
import { FIXTURES, fixtureReader } from './support/scenario-text.ts';

const SCENARIOS = join(FIXTURES, '..', '..', 'scenarios');

function agree(text: string, folder: string): boolean {
  const options = { file: 'x.yaml', readFile: fixtureReader(folder) };
  const quick = loadScenario(text, options);
  const full = loadScenario(text, { ...options, quick: false });
  expect(quick).toEqual(full);
  return quick.scenario !== undefined;
}

function mutated(text: string, seed: number): string {
  const rng = prng(seed);
  const ids = [...new Set([...text.matchAll(/\bid: ([A-Za-z][\w-]*)/g)].map((m) => m[1] as string))];
  let out = text;
  for (let k = 1 + int(rng, 2); k > 0; k--) out = mutate(out, rng, ids)[0];
  return out;
}

describe('quick and positional loading agree', () => {
  const library = readdirSync(SCENARIOS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  for (const id of library) {
    it(`on scenarios/${id} and 40 mutations of it`, () => {
      const folder = join(SCENARIOS, id);
      const text = readFileSync(join(folder, 'scenario.yaml'), 'utf8');
      expect(agree(text, folder)).toBe(true);
      for (let seed = 0; seed < 40; seed++) agree(mutated(text, seed), folder);
    });
  }

  it('on every diagnostics fixture and 400 mutations of the minimal scenario', () => {
    const dir = join(FIXTURES, 'diagnostics');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) agree(readFileSync(join(dir, name), 'utf8'), dir);
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    expect(agree(minimal, FIXTURES)).toBe(true);
    let loaded = 0;
    for (let seed = 0; seed < 400; seed++) if (agree(mutated(minimal, seed), FIXTURES)) loaded++;
    // Some mutations must leave a loadable file, or the quick path was never compared.
    expect(loaded).toBeGreaterThan(20);
  });
});
