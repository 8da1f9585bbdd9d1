/**
 * The auth-canary scenario, played by the real engine: what its telemetry story claims
 * (see the header of scenarios/auth-canary/scenario.yaml) and how its paths end.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetFractionSpent, budgetSeconds } from '../../src/sim/slo.ts';
import { firstFiring, loadLibraryScenario, mean, valueAt as at } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('auth-canary');

const MIN = 60;
const SLO = 0.9999;
const WINDOW = 30 * 86400;
/** The canary pods go ready at 1:30 and start failing two minutes later. */
const ONSET = 3.5 * MIN;
const PROMOTION = 30 * MIN;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

describe('auth-canary scenario', () => {
  it('loads with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.scenario).toBeDefined();
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['high-error-rate', 'high-latency', 'rollouts']);
    expect(scenario.runbooks.find((r) => r.id === 'high-error-rate')?.stale).toBe(true);
  });

  it('uses the sample service and the budget figures its texts quote', () => {
    const availability = scenario.service.slos.find((s) => s.kind === 'availability');
    expect(availability?.objective).toBe(99.99);
    expect(availability?.window).toBe(WINDOW);
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(4.32 * MIN, 6);
    // A 10% canary failing outright: 69% of the month over its 30 minutes, 11.6% if a
    // 5-minute trigger stops it (the budget-math fact and the rollouts runbook).
    expect(budgetFractionSpent(0.1, SLO, 30 * MIN, WINDOW)).toBeCloseTo(0.694, 3);
    expect(budgetFractionSpent(0.1, SLO, 5 * MIN, WINDOW)).toBeCloseTo(0.116, 3);
    // 56% spent before the run: a 2-minute full outage (46%) plus the 0.1x background (10%).
    expect(2 / 4.32 + 0.1).toBeCloseTo(availability?.budgetSpentAtStart ?? 0, 2);
    const alert = scenario.alerts.find((a) => a.id === 'HighErrorRateAlert');
    expect(alert?.rule).toMatchObject({ kind: 'threshold', metric: 'errorRatio', value: 0.0005 });
    expect(alert?.rule.kind === 'threshold' && alert.rule.cohort).toBeFalsy();
  });

  describe('left alone', () => {
    const run = play();

    it('starts failing on the canary 2 minutes after its pods go ready, in line with the deploy marker', () => {
      const marker = run.events.find((e) => e.type === 'marker');
      expect(marker).toMatchObject({ t: 0, label: 'deploy v2.14.0 canary 10%' });
      expect(mean(run, 'canary.errorRatio', 0, ONSET - 10)).toBeLessThan(0.00003);
      expect(mean(run, 'canary.errorRatio', ONSET + 30, 10 * MIN)).toBeGreaterThan(0.003);
      expect(mean(run, 'canary.p99', 0, ONSET - 10)).toBeLessThan(100);
      expect(mean(run, 'canary.p99', ONSET + 30, 10 * MIN)).toBeGreaterThan(400);
    });

    it('moves the service-wide error ratio by about a tenth of the canary, with stable healthy', () => {
      for (const [from, to] of [
        [ONSET + 30, 10 * MIN],
        [18 * MIN, PROMOTION - 10],
      ] as const) {
        const canary = mean(run, 'canary.errorRatio', from, to);
        const service = mean(run, 'service.errorRatio', from, to);
        expect(service / canary).toBeGreaterThan(0.08);
        expect(service / canary).toBeLessThan(0.12);
        expect(mean(run, 'stable.errorRatio', from, to)).toBeLessThan(0.00002);
        // On its own slice the canary burns budget at tens of times the sustainable rate…
        expect(canary / (1 - SLO)).toBeGreaterThan(30);
        // …while the service as a whole shows single digits, under a 0.1% rollback gate.
        expect(service / (1 - SLO)).toBeLessThan(10);
        expect(service).toBeLessThan(0.001);
      }
    });

    it('pages late on the static alert and never on the 14.4x burn-rate page before the promotion', () => {
      const staticPage = firstFiring(run, 'HighErrorRateAlert');
      expect(staticPage).toBe(18 * MIN);
      expect(firstFiring(run, 'SloBurnRateFast')).toBeGreaterThan(PROMOTION);
      expect(firstFiring(run, 'SloBurnRateFast')).toBeLessThan(PROMOTION + 2 * MIN);
      expect(firstFiring(run, 'HighLatencyAlert')).toBeGreaterThan(PROMOTION);
    });

    it('burns almost nothing in the canary phase, then the promotion exhausts the budget', () => {
      expect(at(run, 'budget.spent', PROMOTION) - 0.56).toBeLessThan(0.006);
      expect(run.ending).toMatchObject({ id: 'budget-exhausted', outcome: 'exhausted' });
      expect(run.ending?.at).toBeGreaterThan(PROMOTION + 10 * MIN);
      expect(run.ending?.at).toBeLessThan(scenario.timeLimit);
      expect(run.budgetSpent).toBeGreaterThan(1);
    });

    it('sends the pressure messages on time and on silence', () => {
      const sent = new Map(run.events.flatMap((e) => (e.type === 'message' && e.message ? [[e.message, e.t] as const] : [])));
      expect(sent.get('priya-eta')).toBe(20 * MIN);
      expect(sent.get('pipeline-promote-soon')).toBe(25 * MIN);
      expect(sent.get('marcus-outage')).toBe(PROMOTION + 5 * MIN);
    });
  });

  it('lets the static page fire no sooner than 10 minutes after the onset, whatever the seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const page = firstFiring(play([], seed), 'HighErrorRateAlert');
      expect(page).not.toBeNull();
      expect(page as number).toBeGreaterThanOrEqual(ONSET + 10 * MIN);
    }
  });

  it('ends "worse" when the player promotes the failing canary', () => {
    const run = play([{ at: 12 * MIN, do: 'promote-canary' }]);
    expect(run.ending).toMatchObject({ id: 'made-worse', outcome: 'worse' });
  });

  it('hides the canary errors for as long as a restart warms the pods, then they return', () => {
    const run = play([{ at: 12 * MIN, do: 'restart-all' }]);
    expect(at(run, 'canary.errorRatio', 14 * MIN)).toBeLessThan(0.0001);
    expect(mean(run, 'canary.errorRatio', 16.5 * MIN, 20 * MIN)).toBeGreaterThan(0.006);
    expect(mean(run, 'stable.errorRatio', 13 * MIN, 15.5 * MIN)).toBeGreaterThan(0.0005);
  });

  // Their assessed levels are checked for every library scenario in references.test.ts.
  describe('reference playthroughs', () => {
    const levels = scenario.scoring.references.map((r) => r.level);
    it('cover every level', () => expect(levels).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']));

    for (const ref of scenario.scoring.references) {
      describe(`${ref.id} (${ref.level})`, () => {
        const run = play(ref.choices, ref.seed ?? scenario.seed);

        it('ends resolved, before the promotion could burn the budget', () => {
          expect(run.ending?.outcome).toBe('resolved');
          expect(run.events.some((e) => e.type === 'phase' && e.phase === 'promoted')).toBe(false);
          expect(run.budgetSpent - run.budgetSpentAtStart).toBeLessThan(0.01);
        });

        it('makes only choices the run accepts', () => {
          expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
        });
      });
    }

    it('shows the page only to the players who waited for it', () => {
      const paged = Object.fromEntries(
        scenario.scoring.references.map((r) => [r.id, firstFiring(play(r.choices), 'HighErrorRateAlert') !== null]),
      );
      expect(paged).toEqual({ junior: true, practitioner: true, senior: false, lead: false, principal: false });
    });
  });
});
