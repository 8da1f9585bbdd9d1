/**
 * The third-party-outage scenario, played by the real engine: what its telemetry story
 * claims (see the header of scenarios/third-party-outage/scenario.yaml) and how its paths
 * end. The central claims: one outbound host fails while every internal dependency stays
 * healthy; the vendor's status page lags our telemetry by half an hour; our own retries
 * and timeouts turn the vendor's failure into a checkout-wide one; and only a fallback
 * (not a breaker alone, not waiting) saves the budget.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetSeconds, burnRate } from '../../src/sim/slo.ts';
import { firstFiring, loadLibraryScenario, mean, phases } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('third-party-outage');

const MIN = 60;
const SLO = 0.999;
const WINDOW = 30 * 86400;
/** Paystream starts failing at 18:47. */
const ONSET = 7 * MIN;
/** Paystream recovers on its own. */
const VENDOR_BACK = 100 * MIN;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

const sentAt = (run: Transcript, id: string): number | undefined =>
  run.events.find((e) => e.type === 'message' && e.message === id)?.t;

describe('third-party-outage scenario', () => {
  it('loads with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['budget-policy', 'checkout-service', 'payment-provider']);
    expect(scenario.runbooks.find((r) => r.id === 'payment-provider')?.stale).toBe(true);
  });

  it('uses the budget figures and the policy its texts quote', () => {
    const availability = scenario.service.slos.find((s) => s.kind === 'availability');
    expect(availability?.objective).toBe(99.9);
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(43.2 * MIN, 6);
    // 64% spent before the run: a 16-minute outage (37%) plus a 0.4x background for 20 days.
    expect(16 / 43.2 + (0.4 * 20) / 30).toBeCloseTo(availability?.budgetSpentAtStart ?? 0, 2);
    // The policy the freeze prompt turns on, as the team's own document states it.
    expect(loaded.runbooks['budget-policy']).toContain("An outage caused by another team's service, or by a vendor, does not freeze this");
  });

  describe('left alone', () => {
    const run = play();

    it('fails one outbound host while every internal dependency stays healthy', () => {
      expect(mean(run, 'out-paystream.errorRatio', 0, ONSET - 10)).toBeLessThan(0.005);
      expect(mean(run, 'out-paystream.errorRatio', ONSET + 9 * MIN, 60 * MIN)).toBeGreaterThan(0.75);
      expect(mean(run, 'out-paystream.p99', ONSET + 9 * MIN, 60 * MIN)).toBeGreaterThan(9000);
      // Retries and customers pressing Pay again more than double the calls to the vendor.
      expect(mean(run, 'out-paystream.rps', ONSET + 9 * MIN, 60 * MIN) / mean(run, 'out-paystream.rps', 0, ONSET - 10)).toBeGreaterThan(2);
      expect(mean(run, 'out-internal.errorRatio', ONSET, 60 * MIN)).toBeLessThan(0.001);
      expect(mean(run, 'out-internal.p99', ONSET, 60 * MIN)).toBeLessThan(150);
    });

    it('pins the worker threads while CPU falls, and the cart fails with the payments', () => {
      expect(mean(run, 'signal.workers', ONSET + 8 * MIN, 60 * MIN)).toBeGreaterThan(95);
      expect(mean(run, 'signal.cpu', ONSET + 8 * MIN, 60 * MIN)).toBeLessThan(32);
      expect(mean(run, 'signal.cpu', 0, ONSET - 10)).toBeGreaterThan(38);
      expect(mean(run, 'pay.errorRatio', ONSET + 9 * MIN, 60 * MIN)).toBeGreaterThan(0.7);
      expect(mean(run, 'cart.errorRatio', ONSET + 9 * MIN, 60 * MIN)).toBeGreaterThan(0.05);
      // The SLI burns at well over 200x: the remaining 36% lasts under an hour.
      expect(burnRate(mean(run, 'service.errorRatio', ONSET + 9 * MIN, 60 * MIN), SLO)).toBeGreaterThan(220);
    });

    it('names the vendor in chat first, pages on the 1 h burn rate, and the status page lags by half an hour', () => {
      const chat = firstFiring(run, 'paystream-errors') as number;
      const page = firstFiring(run, 'burn-fast') as number;
      expect(chat).toBeLessThan(ONSET + 3 * MIN);
      expect(page).toBeGreaterThan(ONSET + 5 * MIN);
      expect(page).toBeLessThan(ONSET + 9 * MIN);
      expect(chat).toBeLessThan(page);
      expect((sentAt(run, 'pstatus-investigating') as number) - ONSET).toBe(31 * MIN);
    });

    it('loses: the budget runs out well before Paystream recovers', () => {
      expect(run.ending).toMatchObject({ id: 'budget-exhausted', outcome: 'exhausted' });
      expect(run.ending?.at).toBeGreaterThan(55 * MIN);
      expect(run.ending?.at).toBeLessThan(VENDOR_BACK - 20 * MIN);
    });
  });

  describe('mitigations', () => {
    it('a breaker alone saves the cart but not the payments, and not the budget', () => {
      const run = play([{ at: 12 * MIN, do: 'open-breaker' }]);
      expect(mean(run, 'cart.errorRatio', 17 * MIN, 60 * MIN)).toBeLessThan(0.002);
      expect(mean(run, 'signal.workers', 17 * MIN, 60 * MIN)).toBeLessThan(40);
      expect(mean(run, 'pay.errorRatio', 17 * MIN, 60 * MIN)).toBeGreaterThan(0.75);
      expect(mean(run, 'pay.p50', 17 * MIN, 60 * MIN)).toBeLessThan(100);
      expect(run.ending).toMatchObject({ id: 'budget-exhausted' });
      expect(run.ending?.at).toBeLessThan(VENDOR_BACK);
    });

    it('breaker and backup together bring the burn under 20x and hold out until Paystream recovers', () => {
      const run = play([
        { at: 12 * MIN, do: 'open-breaker' },
        { at: 13 * MIN, do: 'route-backup' },
        { at: 110 * MIN, do: 'verify-recovery' },
        { at: 113 * MIN, do: 'close-incident' },
      ]);
      expect(phases(run)).toEqual(['steady', 'deploy', 'degraded', 'breaker', 'backup-breaker', 'vendor-back', 'stable']);
      expect(burnRate(mean(run, 'service.errorRatio', 20 * MIN, 95 * MIN), SLO)).toBeLessThan(20);
      expect(run.ending).toMatchObject({ id: 'resolved' });
      expect(run.budgetSpent).toBeLessThan(0.75);
    });

    it('deferring what the backup cannot take ends the burn, and the incident can close with the vendor still down', () => {
      const run = play([
        { at: 12 * MIN, do: 'open-breaker' },
        { at: 13 * MIN, do: 'route-backup' },
        { at: 15 * MIN, do: 'ask-finance' },
        { at: 17 * MIN, choose: 'deferred-terms.capped' },
        { at: 17 * MIN, do: 'queue-payments' },
        { at: 35 * MIN, do: 'verify-recovery' },
        { at: 38 * MIN, do: 'close-incident' },
      ]);
      expect(phases(run)).toContain('mitigated');
      expect(mean(run, 'service.errorRatio', 22 * MIN, 35 * MIN)).toBeLessThan(0.001);
      expect(mean(run, 'signal.deferred', 22 * MIN, 35 * MIN)).toBeGreaterThan(60);
      expect(run.ending).toMatchObject({ id: 'resolved' });
      expect(run.ending?.at).toBeLessThan(VENDOR_BACK);
    });

    it('retrying harder ends "worse" unless the breaker or a revert stops it in time', () => {
      const storm = play([{ at: 13 * MIN + 10, choose: 'more-retries.ship-it' }]);
      expect(storm.events.find((e) => e.type === 'marker' && e.label.startsWith('config push'))).toBeDefined();
      expect(mean(storm, 'out-paystream.rps', 16 * MIN, 22 * MIN) / mean(storm, 'out-paystream.rps', 0, ONSET - 10)).toBeGreaterThan(4);
      expect(storm.ending).toMatchObject({ id: 'made-worse', outcome: 'worse' });
      const broken = play([
        { at: 13 * MIN + 10, choose: 'more-retries.ship-it' },
        { at: 15 * MIN, do: 'open-breaker' },
      ]);
      expect(phases(broken)).toContain('storm-broken');
      expect(broken.ending?.id).not.toBe('made-worse');
    });

    it('rolling back our own release changes nothing', () => {
      const run = play([{ at: 8 * MIN, do: 'rollback-checkout' }]);
      expect(phases(run)).toEqual(['steady', 'deploy', 'degraded']);
      expect(mean(run, 'out-paystream.errorRatio', 17 * MIN, 40 * MIN)).toBeGreaterThan(0.75);
      expect(run.ending).toMatchObject({ id: 'budget-exhausted' });
    });
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

    it('only the players who deferred what the backup could not take closed before Paystream recovered', () => {
      const early = Object.fromEntries(scenario.scoring.references.map((r) => [r.id, (play(r.choices).ending?.at ?? Infinity) < VENDOR_BACK]));
      expect(early).toEqual({ junior: false, practitioner: false, senior: false, lead: true, principal: true });
    });
  });
});
