import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoringFixture } from '../../test/fixtures/scoring-fixture.ts';
import { runPlaythrough } from '../sim/runner.ts';
import { buildDebrief } from './debrief.ts';
import { debriefToJson, debriefToMarkdown, parseDebrief } from './export.ts';

const PAGE = 1160;
const debrief = buildDebrief(
  scoringFixture,
  runPlaythrough(scoringFixture, {
    seed: 1,
    choices: [
      { at: PAGE + 40, ack: true },
      { at: PAGE + 50, choose: 'declare.sev2' },
      { at: PAGE + 60, do: 'look' },
      { at: PAGE + 70, do: 'rollback' },
      { at: PAGE + 80, do: 'update' },
    ],
  }),
);

describe('JSON export', () => {
  it('is versioned and reads back to the same debrief', () => {
    const json = debriefToJson(debrief);
    expect(JSON.parse(json)).toMatchObject({ format: 'burn-rate-debrief', version: 1 });
    const back = parseDebrief(json);
    expect(back).toEqual({ ok: true, debrief: JSON.parse(json) });
  });

  it('answers a corrupt file with a plain-words reason', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{"format": "burn-rate-debrief", "versi', /not valid JSON/],
      ['[1,2]', /not a Burn Rate debrief/],
      [JSON.stringify({ ...debrief, format: 'something-else' }), /should say "format": "burn-rate-debrief"/],
      [JSON.stringify({ ...debrief, version: 7 }), /newer version of Burn Rate \(debrief version 7\)/],
      [JSON.stringify({ ...debrief, overall: { ...debrief.overall, level: 'L9' } }), /damaged.*at overall\.level/],
      [JSON.stringify({ ...debrief, dimensions: debrief.dimensions.slice(1) }), /damaged.*at dimensions/],
      [null, /not a Burn Rate debrief/],
    ];
    for (const [input, message] of cases) {
      const result = parseDebrief(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('never throws, whatever the bytes', () => {
    const json = debriefToJson(debrief);
    fc.assert(
      fc.property(fc.nat({ max: json.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }), (at, cut, junk) => {
        const mangled = json.slice(0, at) + junk + json.slice(at + cut);
        const result = parseDebrief(mangled);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 500, seed: 7 },
    );
    fc.assert(fc.property(fc.anything(), (x) => void parseDebrief(x)), { numRuns: 500, seed: 8 });
  });
});

describe('Markdown export', () => {
  const md = debriefToMarkdown(debrief);
  it('opens with the level acted at', () => {
    expect(md.split('\n')[0]).toBe(`Acted at: ${debrief.overall.level} ${debrief.overall.title}`);
  });
  it('has a table row per dimension, "not observed" where nothing was seen', () => {
    const rows = md.split('\n').filter((l) => /^\| (Mastery|Scope|Judgment|Ownership|Communication|Planning|Flexibility|Trust|Feedback) \|/.test(l));
    expect(rows).toHaveLength(9);
    expect(rows.find((l) => l.startsWith('| Feedback'))).toContain('not observed');
  });
  it('gives evidence with sim times as mm:ss, key times and next-level advice', () => {
    expect(md).toContain('- 20:00 · L2 · rule `ack-fast`: Acknowledged the page within five minutes.');
    expect(md).toMatch(/\| Time to acknowledge \| 00:40 \(paged at 19:20\) \|/);
    expect(md).toMatch(/## What the next level up would have done/);
  });
  it('says why a key time is missing', () => {
    const idle = debriefToMarkdown(buildDebrief(scoringFixture, runPlaythrough(scoringFixture, { seed: 1, choices: [] })));
    expect(idle).toContain('| Time to mitigate | — (still burning faster than 1× when the run ended) |');
    expect(idle).toContain('| Time to resolve | — (not resolved) |');
    expect(idle.split('\n')[0]).toMatch(/^Acted at: /);
  });

  it('keeps table cells on one line even when text holds pipes', () => {
    const tricky = { ...debrief, scenario: { ...debrief.scenario, title: 'A | B\nC' } };
    expect(debriefToMarkdown(tricky)).toContain('**A \\| B C**');
  });
});
