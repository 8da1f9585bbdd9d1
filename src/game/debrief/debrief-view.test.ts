import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../scoring/debrief.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { adviceLines, evidenceLines, exportName, headlineText, keyTimeLines } from './debrief-view.ts';

const scenario = Scenario.parse(fixtureInput);

describe('debrief screen text', () => {
  const debrief = buildDebrief(scenario, runPlaythrough(scenario, { seed: 3, choices: [{ at: 200, do: 'look' }, { at: 330, do: 'rollback' }] }));

  it('names the level acted at, or says nothing was observed', () => {
    const text = headlineText(debrief);
    if (debrief.overall.level) expect(text).toBe(`You acted at ${debrief.overall.level} · ${debrief.overall.title}`);
    else expect(text).toMatch(/^Not enough was observed/);
  });

  it('says "not observed" for a dimension without evidence rather than a low level', () => {
    const empty = debrief.dimensions.find((d) => d.evidence.length === 0);
    if (empty) expect(evidenceLines(debrief, empty.dimension)[0]?.head).toBe('Not observed');
    expect(adviceLines(debrief).length).toBeGreaterThan(0);
  });

  it('writes key times and safe export names', () => {
    const lines = keyTimeLines(debrief);
    expect(lines[0]).toMatch(/^Acknowledged: /);
    expect(lines[3]).toMatch(/^Budget spent in this run: /);
    expect(exportName(debrief, 'json')).toMatch(/^burn-rate-fixture-seed3-(L[1-5]|unobserved)\.json$/);
  });
});
