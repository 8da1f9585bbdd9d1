/**
 * Phases that move into each other with no time passing: whatever the checker missed, a
 * run ends with an error ending that names the loop instead of spinning for ever.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from '../../test/support/scenario-text.ts';
import { Scenario } from '../scenario/schema/index.ts';
import { Run } from './engine.ts';
import { runPlaythrough } from './runner.ts';

/** Parsed by the schema alone: the checker would refuse most of these files. */
const loopFixture = (name: string): Scenario => Scenario.parse(parse(readFileSync(join(FIXTURES, 'loops', name), 'utf8')));

describe('a run whose phases loop', () => {
  it('ends at once with an error ending when the first phase falls into a goto cycle', () => {
    const run = new Run(loopFixture('goto-first-phase.yaml'), { seed: 1 });
    expect(run.ending).toMatchObject({ id: 'phase-loop', outcome: 'error', at: 0 });
    expect(run.ending?.text).toContain('"paused" → "stalled" → "paused"');
    run.step();
    expect(run.t).toBe(0);
  });

  it('ends with an error at the moment a goto cycle is entered mid-run, not hanging', () => {
    const tr = runPlaythrough(loopFixture('goto-mid-run.yaml'), { choices: [{ at: 240, choose: 'declare.wait' }] });
    expect(tr.ending).toMatchObject({ id: 'phase-loop', outcome: 'error', at: 240 });
    expect(tr.ending?.text).toContain('"paused" → "stalled" → "paused"');
    expect(tr.events.filter((e) => e.type === 'ending')).toHaveLength(1);
  });

  it('ends with an error when two phases flip into each other every pass instead of flipping twenty times a tick', () => {
    for (const file of ['flip-flop-empty.yaml', 'flip-flop-known.yaml']) {
      const choices = [
        { at: 60, do: 'compare-cohorts' },
        { at: 240, choose: 'declare.wait' },
      ];
      const tr = runPlaythrough(loopFixture(file), { choices });
      expect(tr.ending, file).toMatchObject({ id: 'phase-loop', outcome: 'error' });
      expect(tr.ending?.text).toMatch(/"(paused|stalled)" → "(paused|stalled)" → "(paused|stalled)"/);
      // The moves before the stop are bounded, not unbounded.
      expect(tr.events.filter((e) => e.type === 'phase').length).toBeLessThanOrEqual(25);
    }
  });

  it('plays on in the same scenario when no loop is entered', () => {
    const tr = runPlaythrough(loopFixture('goto-mid-run.yaml'), { choices: [{ at: 240, choose: 'declare.sev2' }] });
    expect(tr.ending?.outcome).not.toBe('error');
  });
});
