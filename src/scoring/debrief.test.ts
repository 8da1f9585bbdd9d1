import { describe, expect, it } from 'vitest';
import { scoringFixture } from '../../test/fixtures/scoring-fixture.ts';
import { withHonestUpdates } from '../sim/honest-updates.ts';
import { runPlaythrough, type TimedChoice } from '../sim/runner.ts';
import { buildDebrief } from './debrief.ts';
import { Debrief } from './debrief-schema.ts';

const PAGE = 1160;
const good: TimedChoice[] = [
  { at: PAGE + 40, ack: true },
  { at: PAGE + 50, choose: 'declare.sev2' },
  { at: PAGE + 60, do: 'look' },
  { at: PAGE + 70, do: 'rollback' },
  { at: PAGE + 80, do: 'update' },
];
/** The debrief of a run whose status updates say what was true when they were sent. */
const debriefOf = (choices: TimedChoice[], seed = 1) =>
  buildDebrief(scoringFixture, runPlaythrough(scoringFixture, { seed, choices: withHonestUpdates(scoringFixture, seed, choices) }));

describe('the debrief', () => {
  it('is valid against its own schema', () => {
    expect(Debrief.safeParse(debriefOf(good)).success).toBe(true);
    expect(Debrief.safeParse(debriefOf([])).success).toBe(true);
  });

  it('reports the key times: acknowledge from the page, mitigate and resolve from the incident start', () => {
    const d = debriefOf(good);
    expect(d.times).toMatchObject({ firstPageAt: PAGE, firstAckAt: PAGE + 40, timeToAcknowledge: 40, resolvedAt: d.ending?.at });
    // The canary fails at 2:00; the burn reaches 1× within the next minute.
    expect(d.times.incidentStartAt).toBeGreaterThanOrEqual(120);
    expect(d.times.incidentStartAt).toBeLessThanOrEqual(180);
    // The rollback lands at 23:20 and the error ratio decays over two minutes.
    expect(d.times.mitigatedAt).toBeGreaterThan(1400);
    expect(d.times.mitigatedAt).toBeLessThan(1400 + 240);
    expect(d.times.timeToMitigate).toBe((d.times.mitigatedAt as number) - (d.times.incidentStartAt as number));
    expect(d.ending).toMatchObject({ outcome: 'resolved' });
  });

  it('leaves times that never happened empty, and counts the budget spent during the run apart from before it', () => {
    const d = debriefOf([]);
    expect(d.times).toMatchObject({ firstAckAt: null, timeToAcknowledge: null, mitigatedAt: null, resolvedAt: null, timeToResolve: null });
    expect(d.budget.atStart).toBe(0.1);
    expect(d.budget.total).toBeCloseTo(d.budget.atStart + d.budget.spentDuringRun, 12);
    expect(d.budget.spentDuringRun).toBeGreaterThan(0.03);
  });

  it('lists each choice on the timeline with what it showed, including rules it triggered', () => {
    const d = debriefOf(good);
    const ack = d.timeline.find((s) => s.kind === 'ack');
    expect(ack?.shown.map((e) => e.why)).toEqual(['Acknowledged the page within five minutes.']);
    const rollback = d.timeline.find((s) => s.id === 'rollback');
    expect(rollback?.shown.map((e) => e.why)).toContain('Checked the cohorts before rolling back.');
  });

  it('says what the next level up would have done, from the scenario\'s own evidence, on the weakest dimensions', () => {
    const d = debriefOf([{ at: PAGE + 40, ack: true }, { at: PAGE + 50, do: 'update' }]);
    const weakest = d.dimensions.filter((x) => x.level !== null).sort((a, b) => (a.level as string).localeCompare(b.level as string))[0];
    expect(d.nextLevel.advice.length).toBeGreaterThan(0);
    expect(d.nextLevel.advice[0]?.dimension).toBe(weakest?.dimension);
    for (const a of d.nextLevel.advice) {
      expect(a.to > a.from).toBe(true);
      expect(a.why.length).toBeGreaterThan(0);
    }
    // One update then silence: communication is L1 (the quiet spell) and the L2 update is
    // already shown, so the nearest step up the scenario offers is L3.
    const comms = d.nextLevel.advice.find((a) => a.dimension === 'communication');
    expect(comms).toMatchObject({ from: 'L1', to: 'L3', label: 'Post an accurate status update at least 2 times within 30 min', why: 'Kept updates coming.' });
  });

  it('does not suggest what the player already did', () => {
    const d = debriefOf(good);
    const shown = new Set(d.dimensions.flatMap((x) => x.evidence.map((e) => e.why)));
    for (const a of d.nextLevel.advice) expect(shown.has(a.why)).toBe(false);
  });
});
