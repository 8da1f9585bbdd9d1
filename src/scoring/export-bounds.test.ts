/**
 * The longest durations a scenario may name still give a debrief that exports and reads
 * back: every time in it is finite, so nothing turns to null in JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from '../../test/support/scenario-text.ts';
import { MAX_SECONDS, Scenario } from '../scenario/schema/index.ts';
import { runPlaythrough } from '../sim/runner.ts';
import { buildDebrief } from './debrief.ts';
import { debriefToJson, parseDebrief } from './export.ts';

describe('a debrief of a scenario with the longest durations', () => {
  it('exports to JSON and reads back unchanged', () => {
    const raw = parse(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8'));
    // An action that never completes and a message that never comes, at the bound.
    raw.actions[0].cost = `${MAX_SECONDS}s`;
    raw.messages[0].when = { at: `${MAX_SECONDS}s` };
    raw.prompts[0].timeout = MAX_SECONDS;
    const scenario = Scenario.parse(raw);
    const transcript = runPlaythrough(scenario, { choices: [{ at: 60, ack: true }, { at: 70, do: 'compare-cohorts' }] });
    const debrief = buildDebrief(scenario, transcript);
    const json = debriefToJson(debrief);
    expect(json).not.toMatch(/Infinity|NaN/);
    expect(parseDebrief(json)).toEqual({ ok: true, debrief: JSON.parse(json) });
  });
});
