import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../scoring/debrief.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { loadScenario } from '../../scenario/load.ts';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { adviceLines, evidenceLines, exportName, headlineText, keyTimeLines } from './debrief-view.ts';

/** The tutorial from the library: its references carry evidence, so a level is observed. */
function tutorial(): Scenario {
  const dir = join(import.meta.dirname, '../../../scenarios/tutorial');
  const result = loadScenario(readFileSync(join(dir, 'scenario.yaml'), 'utf8'), {
    file: 'scenarios/tutorial/scenario.yaml',
    readFile: (p) => {
      try {
        return readFileSync(join(dir, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  if (!result.scenario) throw new Error('the tutorial does not load');
  return result.scenario;
}

describe('debrief screen text', () => {
  const played = tutorial();
  const reference = played.scoring.references.at(-1);
  if (!reference) throw new Error('the tutorial has no reference playthrough');
  const observed = buildDebrief(played, runPlaythrough(played, { seed: reference.seed ?? played.seed, choices: reference.choices }));
  // A scenario whose actions carry no evidence: nothing can be observed, whatever is done.
  const fixture = Scenario.parse(fixtureInput);
  const unobserved = buildDebrief(fixture, runPlaythrough(fixture, { seed: 3, choices: [{ at: 200, do: 'look' }, { at: 330, do: 'rollback' }] }));

  it('names the level acted at when there is evidence', () => {
    expect(observed.overall.level).toMatch(/^L[1-5]$/);
    expect(headlineText(observed)).toBe(`You acted at ${observed.overall.level} · ${observed.overall.title}`);
  });

  it('says nothing was observed rather than giving a level without evidence', () => {
    expect(unobserved.overall.level).toBeNull();
    expect(headlineText(unobserved)).toMatch(/^Not enough was observed/);
  });

  it('says "not observed" for a dimension without evidence rather than a low level', () => {
    const empty = unobserved.dimensions[0];
    expect(empty?.evidence).toEqual([]);
    expect(evidenceLines(unobserved, empty?.dimension as NonNullable<typeof empty>['dimension'])[0]?.head).toBe('Not observed');
    expect(adviceLines(observed).length).toBeGreaterThan(0);
  });

  it('writes key times and safe export names', () => {
    const lines = keyTimeLines(unobserved);
    expect(lines[0]).toMatch(/^Acknowledged: /);
    expect(lines[3]).toMatch(/^Budget spent in this run: /);
    expect(exportName(unobserved, 'json')).toBe('burn-rate-fixture-seed3-unobserved.json');
    expect(exportName(observed, 'md')).toMatch(new RegExp(`^burn-rate-tutorial-seed\\d+-${observed.overall.level}\\.md$`));
  });
});
