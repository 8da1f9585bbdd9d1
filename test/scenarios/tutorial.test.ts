/**
 * The tutorial, played by the real engine: a gentle, single-cause incident (a feature flag
 * breaks pages for its 20% cohort), a mentor whose messages follow the player's progress,
 * and endings that reward the basic loop: acknowledge, look, mitigate, tell.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { loadLibraryScenario, mean } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('tutorial');

const MIN = 60;
/** The flag goes on at 1:00; its cohort starts failing 20 seconds later. */
const FLAG_ON = MIN;
const ONSET = FLAG_ON + 20;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

const firstPage = (run: Transcript): number | null => run.events.find((e) => e.type === 'page')?.t ?? null;
const messagesFrom = (run: Transcript, who: string): string[] =>
  run.events.flatMap((e) => (e.type === 'message' && e.from === who && e.message ? [e.message] : []));

/** The loop the mentor teaches, at a beginner's pace. */
const basics: TimedChoice[] = [
  { at: 160, ack: true },
  { at: 170, do: 'open-dashboard' },
  { at: 205, do: 'read-runbook' },
  { at: 240, do: 'flag-off' },
  { at: 280, do: 'status-update' },
];

describe('tutorial scenario', () => {
  it('loads with no errors and no warnings, as a tutorial', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(scenario.difficulty).toBe('tutorial');
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['feature-flags', 'storefront-errors']);
  });

  describe('left alone', () => {
    const run = play();

    it('breaks pages only for the flag cohort, about 20 seconds after the flag marker', () => {
      expect(run.events.find((e) => e.type === 'marker')).toMatchObject({ t: FLAG_ON, label: 'flag recs-carousel-v2 -> 20%' });
      expect(mean(run, 'service.errorRatio', 5, ONSET - 5)).toBeLessThan(0.002);
      expect(mean(run, 'flag-on.errorRatio', ONSET + 10, 10 * MIN)).toBeGreaterThan(0.2);
      expect(mean(run, 'flag-off.errorRatio', ONSET + 10, 10 * MIN)).toBeLessThan(0.002);
      // Service-wide: 0.8 x 0.1% + 0.2 x 25% = ~5%.
      const service = mean(run, 'service.errorRatio', ONSET + 10, 10 * MIN);
      expect(service).toBeGreaterThan(0.04);
      expect(service).toBeLessThan(0.06);
      expect(mean(run, 'signal.recs-calls', ONSET + 10, 10 * MIN)).toBeGreaterThan(100);
    });

    it('pages about a minute after the errors start, and Jo nudges until someone acts', () => {
      const page = firstPage(run) as number;
      expect(page).toBeGreaterThan(ONSET + MIN - 10);
      expect(page).toBeLessThan(3 * MIN);
      expect(messagesFrom(run, 'jo')).toEqual(['welcome', 'page-ringing', 'page-still-ringing', 'nudge-mitigate']);
      expect(messagesFrom(run, 'support')).toEqual(['support-tickets']);
    });

    it('is gentle on the budget, but doing nothing still loses', () => {
      expect(run.budgetSpent - run.budgetSpentAtStart).toBeLessThan(0.01);
      expect(run.ending).toMatchObject({ id: 'timeout', outcome: 'timeout' });
    });
  });

  describe('the basic loop', () => {
    const run = play(basics);

    it('resolves, with errors back to normal within a minute of the flag going off', () => {
      expect(mean(run, 'service.errorRatio', 270 + MIN, 270 + 3 * MIN)).toBeLessThan(0.002);
      expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
      expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
    });

    it('gets one mentor message per step, each only once the step before is done', () => {
      const jo = run.events.flatMap((e) => (e.type === 'message' && e.from === 'jo' && e.message ? [[e.message, e.t] as const] : []));
      expect(jo.map(([id]) => id)).toEqual(['welcome', 'page-ringing', 'after-ack', 'after-dashboard', 'after-runbook', 'after-flag-off', 'extra-credit']);
      const at = new Map(jo);
      expect(at.get('after-ack') as number).toBeGreaterThanOrEqual(160);
      expect(at.get('after-dashboard')).toBe(200);
      expect(at.get('after-runbook')).toBe(235);
    });
  });

  it('ends worse when the failing flag is turned up to everyone', () => {
    const run = play([{ at: 160, ack: true }, { at: 170, do: 'flag-everyone' }]);
    expect(mean(run, 'service.errorRatio', 220, 400)).toBeGreaterThan(0.2);
    expect(run.ending).toMatchObject({ id: 'worse', outcome: 'worse' });
  });

  it('shows that restarting every pod is a short outage that fixes nothing', () => {
    const run = play([{ at: 160, ack: true }, { at: 170, do: 'restart-all' }]);
    expect(mean(run, 'service.errorRatio', 210, 250)).toBeGreaterThan(0.4);
    expect(mean(run, 'flag-on.errorRatio', 320, 600)).toBeGreaterThan(0.2);
    expect(run.ending?.outcome).toBe('timeout');
  });

  it('silences the page but not the errors when the threshold is raised', () => {
    const run = play([{ at: 160, ack: true }, { at: 170, do: 'raise-threshold' }]);
    expect(run.alerts.find((a) => a.id === 'storefront-errors-high')?.state).not.toBe('firing');
    expect(mean(run, 'service.errorRatio', 5 * MIN, 20 * MIN)).toBeGreaterThan(0.04);
    expect(run.ending?.outcome).toBe('timeout');
  });

  it('breaks again if the flag goes back on before the fix, and can be switched off again', () => {
    const run = play([...basics, { at: 350, choose: 'lina-wants-it-back.turn-back-on' }, { at: 420, do: 'flag-off' }]);
    expect(mean(run, 'flag-on.errorRatio', 370, 410)).toBeGreaterThan(0.2);
    expect(run.ending?.outcome).toBe('resolved');
  });

  // Their assessed levels are checked for every library scenario in references.test.ts.
  describe('reference playthroughs', () => {
    it('cover every level', () => expect(scenario.scoring.references.map((r) => r.level)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']));
    for (const ref of scenario.scoring.references) {
      it(`${ref.id} (${ref.level}) resolves with every choice accepted`, () => {
        const run = play(ref.choices, ref.seed ?? scenario.seed);
        expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
        expect(run.ending?.outcome).toBe('resolved');
      });
    }
  });
});
