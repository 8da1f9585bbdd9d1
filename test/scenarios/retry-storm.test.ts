/**
 * The retry-storm scenario, played by the real engine: what its telemetry story claims
 * (see the header of scenarios/retry-storm/scenario.yaml) and how its paths end.
 * Reference levels are checked for every library scenario in references.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetSeconds, timeToExhaustion } from '../../src/sim/slo.ts';
import { firstFiring, loadLibraryScenario, mean, phaseAt, phases } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('retry-storm');

const MIN = 60;
const SLO = 0.999;
const WINDOW = 30 * 86400;
/** Redis fails over at 3:00 and is healthy again at 3:40. */
const BLIP = 3 * MIN;
const REDIS_BACK = 3 * MIN + 40;
/** By 8:00 the storm has reached its plateau. */
const PLATEAU = 8 * MIN;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

describe('retry-storm scenario', () => {
  it('loads with no errors and no warnings, with one stale runbook', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['edge-load-shedding', 'inventory-overload', 'inventory-slo-burn', 'retry-policy']);
    expect(scenario.runbooks.filter((r) => r.stale).map((r) => r.id)).toEqual(['inventory-overload']);
  });

  it('counts only user first attempts as the SLI, and quotes exact budget figures', () => {
    expect(scenario.telemetry.cohorts.map((c) => [c.id, c.countsForSlo])).toEqual([
      ['user', true],
      ['retries', false],
      ['batch', false],
    ]);
    expect(scenario.facts.find((f) => f.id === 'layered-retries')?.text).toContain('4 x 4 x 4 = 64 calls');
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(43.2 * MIN, 6);
    // 9,331,200 bad requests a month at 3,600 user rps.
    expect((1 - SLO) * 3600 * WINDOW).toBeCloseTo(9_331_200, 0);
    // The 65% left lasts about an hour at the storm's ~48% error ratio (480x).
    expect(timeToExhaustion(WINDOW, 0.48 / (1 - SLO), 0.65) / MIN).toBeCloseTo(58.5, 0);
  });

  describe('left alone', () => {
    const run = play();

    it('starts with an unrelated deploy, then the Redis failover at 3:00', () => {
      expect(run.events.filter((e) => e.type === 'marker')).toMatchObject([
        { t: MIN, label: 'deploy catalog-service v12.4.0' },
        { t: BLIP, label: 'redis-inventory failover' },
      ]);
      expect(mean(run, 'user.errorRatio', 0, BLIP)).toBeLessThan(0.001);
    });

    it('multiplies backend traffic while user traffic stays flat', () => {
      const users = mean(run, 'user.rps', 0, BLIP);
      expect(mean(run, 'user.rps', PLATEAU, 30 * MIN) / users).toBeGreaterThan(0.95);
      expect(mean(run, 'user.rps', PLATEAU, 30 * MIN) / users).toBeLessThan(1.05);
      expect(mean(run, 'retries.rps', 0, BLIP)).toBeLessThan(100);
      const retries = mean(run, 'retries.rps', PLATEAU, 30 * MIN);
      expect(retries / users).toBeGreaterThan(7);
      expect(mean(run, 'service.rps', PLATEAU, 30 * MIN) / mean(run, 'service.rps', 0, BLIP)).toBeGreaterThan(7);
    });

    it('outlives its trigger: Redis recovers at 3:40 and the storm does not', () => {
      expect(mean(run, 'signal.redis_p99', BLIP + 10, REDIS_BACK - 10)).toBeGreaterThan(500);
      expect(mean(run, 'signal.redis_p99', 6 * MIN, 60 * MIN)).toBeLessThan(2);
      expect(firstFiring(run, 'RedisInventoryFailover')).toBeLessThan(REDIS_BACK);
      expect(mean(run, 'user.errorRatio', PLATEAU, 20 * MIN)).toBeGreaterThan(0.4);
      expect(mean(run, 'user.errorRatio', 40 * MIN, 55 * MIN)).toBeGreaterThan(0.4);
    });

    it('saturates the queues and ejects pods through failing health checks', () => {
      expect(mean(run, 'signal.queue_depth', PLATEAU, 30 * MIN)).toBeGreaterThan(190);
      expect(mean(run, 'signal.cpu', PLATEAU, 30 * MIN)).toBeGreaterThan(95);
      expect(mean(run, 'signal.ready_pods', 0, BLIP)).toBeGreaterThan(19);
      expect(mean(run, 'signal.ready_pods', PLATEAU + MIN, 30 * MIN)).toBeLessThan(12);
      expect(mean(run, 'signal.probe_failures', PLATEAU, 30 * MIN)).toBeGreaterThan(100);
      expect(run.logs.toArray().some((l) => l.text.includes('Readiness probe failed'))).toBe(true);
    });

    it('holds p99 at the BFF deadline of 2 s', () => {
      const p99 = mean(run, 'service.p99', PLATEAU, 30 * MIN);
      expect(p99).toBeGreaterThan(1900);
      expect(p99).toBeLessThan(2100);
    });

    it('pages about two minutes after Redis came back, and the retry alert only reaches chat', () => {
      const page = firstFiring(run, 'InventoryFastBurn') as number;
      expect(page).toBeGreaterThan(REDIS_BACK);
      expect(page).toBeLessThan(REDIS_BACK + 3 * MIN);
      expect(firstFiring(run, 'InventoryRetryTrafficHigh')).not.toBeNull();
      expect(scenario.alerts.find((a) => a.id === 'InventoryRetryTrafficHigh')?.route).toBe('chat');
    });

    it('exhausts the error budget in about an hour', () => {
      expect(run.ending).toMatchObject({ id: 'exhausted', outcome: 'exhausted' });
      expect(run.ending?.at).toBeGreaterThan(55 * MIN);
      expect(run.ending?.at).toBeLessThan(70 * MIN);
    });
  });

  describe('wrong moves', () => {
    it('restarting every pod at once leaves the fleet down, and ends worse if nothing takes load off', () => {
      const run = play([{ at: 8 * MIN, do: 'restart-all' }]);
      expect(phases(run)).toContain('cold-start');
      expect(mean(run, 'user.errorRatio', 9.5 * MIN, 14 * MIN)).toBeGreaterThan(0.9);
      expect(mean(run, 'signal.ready_pods', 9.5 * MIN, 14 * MIN)).toBeLessThan(5);
      expect(run.ending).toMatchObject({ id: 'worse-cold', outcome: 'worse' });
    });

    it('adding capacity alone barely dents the storm', () => {
      const run = play([{ at: 8 * MIN, do: 'scale-out' }]);
      expect(mean(run, 'user.errorRatio', 14 * MIN, 30 * MIN)).toBeGreaterThan(0.35);
      expect(mean(run, 'retries.rps', 14 * MIN, 30 * MIN)).toBeGreaterThan(25_000);
      expect(run.ending?.outcome).toBe('exhausted');
    });

    it('turning readiness probes off ends worse', () => {
      expect(play([{ at: 8 * MIN, do: 'disable-probes' }]).ending).toMatchObject({ id: 'worse-probes', outcome: 'worse' });
    });

    it('removing the gateway limit at once, with retries uncapped, brings the storm back', () => {
      const run = play([
        { at: 8 * MIN, do: 'edge-limit' },
        { at: 14 * MIN, do: 'remove-limit' },
      ]);
      expect(mean(run, 'signal.ready_pods', 12.5 * MIN, 14 * MIN)).toBeGreaterThan(19);
      expect(phaseAt(run, 'relapse')).toBeDefined();
      expect(mean(run, 'retries.rps', 17 * MIN, 25 * MIN)).toBeGreaterThan(25_000);
      expect(mean(run, 'user.errorRatio', 17 * MIN, 25 * MIN)).toBeGreaterThan(0.4);
    });
  });

  describe('what breaks the loop', () => {
    it('a gateway limit below normal load drains the queues and brings pods back; a ramp restores traffic and resolves', () => {
      const run = play([
        { at: 8 * MIN, do: 'edge-limit' },
        { at: 13 * MIN, do: 'ramp-limit' },
        { at: 20 * MIN, do: 'verify-recovery' },
      ]);
      const limited = 9 * MIN;
      expect(mean(run, 'retries.rps', limited + 3 * MIN, limited + 4 * MIN)).toBeLessThan(1000);
      expect(mean(run, 'signal.queue_depth', limited + 3 * MIN, limited + 4 * MIN)).toBeLessThan(30);
      expect(mean(run, 'signal.ready_pods', limited + 3.5 * MIN, limited + 4 * MIN)).toBeGreaterThan(19);
      // Shedding is a trade: about a fifth of user requests are rejected while the limit is on.
      const shed = mean(run, 'user.errorRatio', limited + 2.5 * MIN, limited + 4 * MIN);
      expect(shed).toBeGreaterThan(0.15);
      expect(shed).toBeLessThan(0.3);
      expect(phases(run).slice(-3)).toEqual(['shedding', 'ramping', 'recovering']);
      expect(mean(run, 'user.errorRatio', 24 * MIN, 26 * MIN)).toBeLessThan(0.002);
      expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
      expect(run.budgetSpent - 0.35).toBeLessThan(0.2);
    });

    it('capping retries takes the amplifier out', () => {
      const run = play([
        { at: 7 * MIN, do: 'search-logs' },
        { at: 8 * MIN, do: 'cap-retries' },
      ]);
      expect(phaseAt(run, 'recovering')).toBe(11 * MIN);
      expect(mean(run, 'retries.rps', 15 * MIN, 20 * MIN)).toBeLessThan(200);
      expect(mean(run, 'user.errorRatio', 16 * MIN, 20 * MIN)).toBeLessThan(0.002);
      expect(run.ending?.outcome).toBe('resolved');
    });

    it('degraded mode takes product pages off inventory-api: user traffic falls to a third and stops failing', () => {
      const run = play([{ at: 8 * MIN, do: 'degraded-mode' }]);
      expect(mean(run, 'user.rps', 11 * MIN, 20 * MIN) / 3600).toBeLessThan(0.4);
      expect(mean(run, 'user.errorRatio', 12 * MIN, 20 * MIN)).toBeLessThan(0.03);
      expect(mean(run, 'signal.ready_pods', 13 * MIN, 20 * MIN)).toBeGreaterThan(19);
    });

    it('pausing the batch drops its traffic and leaves the storm in place', () => {
      const run = play([{ at: 8 * MIN, do: 'pause-batch' }]);
      expect(mean(run, 'batch.rps', 11 * MIN, 20 * MIN)).toBeLessThan(10);
      expect(mean(run, 'user.errorRatio', 11 * MIN, 20 * MIN)).toBeGreaterThan(0.4);
    });
  });

  describe('reference playthroughs', () => {
    it('cover every level', () => expect(scenario.scoring.references.map((r) => r.level)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']));

    for (const ref of scenario.scoring.references) {
      it(`${ref.id} (${ref.level}) resolves with only accepted choices`, () => {
        const run = play(ref.choices, ref.seed ?? scenario.seed);
        expect(run.ending?.outcome).toBe('resolved');
        expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
      });
    }

    it('spends less budget the higher the level', () => {
      const spent = scenario.scoring.references.map((r) => play(r.choices).budgetSpent);
      for (let i = 1; i < spent.length; i++) expect(spent[i]).toBeLessThan(spent[i - 1] as number);
    });
  });
});
