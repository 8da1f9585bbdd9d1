/**
 * The cert-expiry scenario, played by the real engine: what its telemetry story claims
 * (see the header of scenarios/cert-expiry/scenario.yaml) and how its paths end. The
 * central claim: at the expiry second the request rate falls off a cliff while the error
 * ratio, the latency and every burn-rate alert stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetFractionSpent, budgetSeconds } from '../../src/sim/slo.ts';
import { firstFiring, loadLibraryScenario, max, mean, phases, valueAt as at } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('cert-expiry');

const MIN = 60;
const SLO = 0.999;
const WINDOW = 30 * 86400;
/** 22:00:00 UTC, the certificate's notAfter. */
const EXPIRY = 5 * MIN;
const BURN_ALERTS = ['burn-fast', 'burn-slow', 'burn-ticket'];

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

/** Finds the certificate at 10:00 and installs one by hand, with or without scaling first. */
const fix = (prescale: boolean): TimedChoice[] => [
  { at: 10 * MIN, do: 'inspect-cert' },
  ...(prescale ? [{ at: 11 * MIN, do: 'scale-ingress' }] : []),
  { at: 14 * MIN, do: 'manual-cert' },
];

describe('cert-expiry scenario', () => {
  it('loads with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['edge-ingress', 'low-traffic', 'tls-certificates']);
    expect(scenario.runbooks.find((r) => r.id === 'low-traffic')?.stale).toBe(true);
  });

  it('uses the budget figures its texts quote', () => {
    const availability = scenario.service.slos.find((s) => s.kind === 'availability');
    expect(availability?.objective).toBe(99.9);
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(43.2 * MIN, 6);
    // 85% spent before the run: a 31.1-minute failover (72%) plus a 0.2x background for 20 days.
    expect(31.1 / 43.2 + (0.2 * 20) / 30).toBeCloseTo(availability?.budgetSpentAtStart ?? 0, 2);
    // The budget-gap-estimate fact: ~80% of requests missing for ~30 minutes ≈ 56% of the month.
    expect(budgetFractionSpent(0.8, SLO, 30 * MIN, WINDOW)).toBeCloseTo(0.56, 2);
  });

  describe('left alone', () => {
    const run = play();

    it('drops the request rate at the expiry second, in apps and partners but not on the web', () => {
      expect(mean(run, 'service.rps', 0, EXPIRY - 10)).toBeGreaterThan(1400);
      expect(at(run, 'service.rps', EXPIRY + 10)).toBeLessThan(700);
      expect(mean(run, 'service.rps', 15 * MIN, 60 * MIN)).toBeLessThan(300);
      expect(mean(run, 'apps.rps', 15 * MIN, 60 * MIN) / mean(run, 'apps.rps', 0, EXPIRY - 10)).toBeLessThan(0.06);
      expect(mean(run, 'partners.rps', 15 * MIN, 60 * MIN) / mean(run, 'partners.rps', 0, EXPIRY - 10)).toBeLessThan(0.04);
      expect(mean(run, 'web.rps', 15 * MIN, 60 * MIN) / mean(run, 'web.rps', 0, EXPIRY - 10)).toBeGreaterThan(0.85);
    });

    it('keeps the error ratio, latency, budget and every burn-rate alert quiet while it happens', () => {
      expect(max(run, 'service.errorRatio', 0, scenario.timeLimit)).toBeLessThan(0.0004);
      expect(mean(run, 'service.p99', EXPIRY, 60 * MIN)).toBeLessThan(320);
      for (const alert of BURN_ALERTS) expect(firstFiring(run, alert)).toBeNull();
      expect(run.budgetSpent - run.budgetSpentAtStart).toBeLessThan(0.001);
    });

    it('shows it below HTTP: handshake failures, the probes, and a late low-traffic page', () => {
      expect(mean(run, 'signal.tls-errors', 0, EXPIRY - 10)).toBeLessThan(1);
      expect(mean(run, 'signal.tls-errors', EXPIRY + 10, 30 * MIN)).toBeGreaterThan(500);
      expect(mean(run, 'probe.errorRatio', EXPIRY + 10, 30 * MIN)).toBeGreaterThan(0.8);
      expect(firstFiring(run, 'probe-failing')).toBeLessThan(EXPIRY + 3 * MIN);
      const page = firstFiring(run, 'traffic-low') as number;
      expect(page).toBeGreaterThan(EXPIRY + 10 * MIN);
      expect(page).toBeLessThan(EXPIRY + 12 * MIN);
      // The only page is the low-traffic one; the probe goes to chat.
      const pages = run.events.filter((e) => e.type === 'page').map((e) => (e.type === 'page' ? e.alert : ''));
      expect(pages).toEqual(['traffic-low']);
    });

    it('loses: the time runs out with customers still locked out', () => {
      expect(run.ending).toMatchObject({ id: 'timeout', outcome: 'timeout' });
      expect(phases(run)).toEqual(['evening', 'deployed', 'expired']);
    });

    it('sends the customer reports and the pressure on time and on silence', () => {
      const sent = new Map(run.events.flatMap((e) => (e.type === 'message' && e.message ? [[e.message, e.t] as const] : [])));
      expect(sent.get('hana-first')).toBe(8 * MIN);
      expect(sent.get('tomas-x509')).toBe(19 * MIN);
      expect(sent.get('meera-status')).toBe(20 * MIN);
      expect(sent.get('ruth-silence')).toBe(40 * MIN);
    });
  });

  it('pages only after the 10-minute hold, whatever the seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const page = firstFiring(play([], seed), 'traffic-low') as number;
      expect(page).toBeGreaterThanOrEqual(EXPIRY + 10 * MIN);
      expect(page).toBeLessThan(EXPIRY + 12 * MIN);
    }
  });

  describe('recovery', () => {
    it('resolves after a hand-installed certificate, with traffic back above its old level for a while', () => {
      const run = play([...fix(true), { at: 33 * MIN, do: 'verify-recovery' }, { at: 36 * MIN, do: 'close-incident' }]);
      expect(phases(run)).toEqual(['evening', 'deployed', 'expired', 'reconnecting', 'reconnect-smooth', 'restored']);
      expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
      expect(max(run, 'service.rps', 24 * MIN, 30 * MIN)).toBeGreaterThan(1800);
      expect(mean(run, 'probe.errorRatio', 26 * MIN, 30 * MIN)).toBeLessThan(0.01);
    });

    it('costs next to nothing when the ingress was scaled first', () => {
      const run = play(fix(true));
      expect(run.budgetSpent - run.budgetSpentAtStart).toBeLessThan(0.005);
      expect(max(run, 'signal.ingress-cpu', 20 * MIN, 40 * MIN)).toBeLessThan(85);
      for (const alert of BURN_ALERTS) expect(firstFiring(run, alert)).toBeNull();
    });

    it('sheds load for minutes on an unprepared ingress: the first burn-rate page of the night', () => {
      const run = play(fix(false));
      expect(phases(run)).toContain('reconnect-storm');
      const spent = run.budgetSpent - run.budgetSpentAtStart;
      expect(spent).toBeGreaterThan(0.03);
      expect(spent).toBeLessThan(0.08);
      expect(max(run, 'signal.ingress-cpu', 24 * MIN, 30 * MIN)).toBeGreaterThan(95);
      const page = firstFiring(run, 'burn-fast') as number;
      expect(page).toBeGreaterThan(24 * MIN);
      expect(page).toBeLessThan(28 * MIN);
    });

    it('runs the budget out when the whole ingress is restarted in the storm', () => {
      const storm = 24 * MIN;
      const run = play([...fix(false), { at: storm + 30, do: 'restart-ingress' }, { at: storm + 3 * MIN, do: 'restart-ingress' }]);
      expect(run.ending).toMatchObject({ id: 'budget-exhausted', outcome: 'exhausted' });
    });
  });

  it('restarting or rolling back during the outage changes nothing that matters', () => {
    const run = play([
      { at: 10 * MIN, do: 'rollback-deploy' },
      { at: 17 * MIN, do: 'restart-ingress' },
    ]);
    expect(phases(run)).toEqual(['evening', 'deployed', 'expired']);
    expect(mean(run, 'service.rps', 25 * MIN, 60 * MIN)).toBeLessThan(300);
    expect(run.events.filter((e) => e.type === 'marker').map((e) => (e.type === 'marker' ? e.label : ''))).toEqual([
      'deploy public-api v4.12.0',
      'rollback public-api v4.11.3',
      'restart ingress (all pods)',
    ]);
  });

  it('ends "worse" when the TLS secret is deleted while issuance is broken', () => {
    const run = play([{ at: 10 * MIN, do: 'inspect-cert' }, { at: 12 * MIN, do: 'delete-secret' }]);
    expect(run.ending).toMatchObject({ id: 'made-worse', outcome: 'worse' });
    expect(at(run, 'web.rps', 15 * MIN)).toBeLessThan(20);
  });

  // Their assessed levels are checked for every library scenario in references.test.ts.
  describe('reference playthroughs', () => {
    it('cover every level', () => expect(scenario.scoring.references.map((r) => r.level)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']));

    for (const ref of scenario.scoring.references) {
      it(`${ref.id} (${ref.level}) resolves, making only choices the run accepts`, () => {
        const run = play(ref.choices, ref.seed ?? scenario.seed);
        expect(run.ending?.outcome).toBe('resolved');
        expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
      });
    }

    it('only the players who scaled the ingress before the fix were spared the reconnect storm', () => {
      const storm = Object.fromEntries(scenario.scoring.references.map((r) => [r.id, phases(play(r.choices)).includes('reconnect-storm')]));
      expect(storm).toEqual({ junior: true, practitioner: true, senior: true, lead: false, principal: false });
    });
  });
});
