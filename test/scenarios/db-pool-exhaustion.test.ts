/**
 * The db-pool-exhaustion scenario, played by the real engine: what its telemetry story
 * claims (see the header of scenarios/db-pool-exhaustion/scenario.yaml) and how its
 * paths end. Reference levels are checked for every library scenario in references.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetSeconds, timeToExhaustion } from '../../src/sim/slo.ts';
import { firstAbove, firstFiring, loadLibraryScenario, mean, phases } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('db-pool-exhaustion');

const MIN = 60;
const SLO = 0.999;
const WINDOW = 30 * 86400;
/** The migration hook starts at 2:00; by 8:00 every signal has reached its plateau. */
const ONSET = 2 * MIN;
const PLATEAU = 8 * MIN;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

/** Reaches the database the fast way (2 min), the path every mitigation below builds on. */
const DIAGNOSE: TimedChoice[] = [
  { at: 7.5 * MIN, ack: true },
  { at: 7.5 * MIN, do: 'inspect-db' },
];

describe('db-pool-exhaustion scenario', () => {
  it('loads with no errors and no warnings, with one stale runbook', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['db-pool-exhausted', 'orders-api-slo-burn', 'orders-db-blocking', 'schema-migrations']);
    expect(scenario.runbooks.filter((r) => r.stale).map((r) => r.id)).toEqual(['db-pool-exhausted']);
  });

  it('quotes budget figures that are exact', () => {
    const availability = scenario.service.slos[0];
    expect(availability).toMatchObject({ kind: 'availability', objective: 99.9, window: WINDOW, budgetSpentAtStart: 0.55 });
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(43.2 * MIN, 6);
    // 3,888,000 bad requests a month at 1,500 rps.
    expect((1 - SLO) * scenario.telemetry.rps * WINDOW).toBeCloseTo(3_888_000, 0);
    // The 45% left lasts about 57 minutes at the backfill's ~34% error ratio (340x).
    expect(timeToExhaustion(WINDOW, 0.34 / (1 - SLO), 0.45) / MIN).toBeCloseTo(57.2, 1);
  });

  describe('left alone', () => {
    const run = play();

    it('starts with the release marker and the migration hook at 2:00', () => {
      expect(run.events.find((e) => e.type === 'marker')).toMatchObject({ t: ONSET, label: 'deploy orders-api v3.41.0' });
      expect(mean(run, 'service.errorRatio', 0, ONSET)).toBeLessThan(0.001);
    });

    it('pins the pool at its maximum with waiters growing, writes failing before reads', () => {
      expect(mean(run, 'signal.pool_active', 0, ONSET)).toBeLessThan(8);
      expect(mean(run, 'signal.pool_active', PLATEAU, 20 * MIN)).toBeGreaterThan(19);
      expect(mean(run, 'signal.pool_waiting', PLATEAU, 12 * MIN)).toBeGreaterThan(100);
      // Waiters keep growing after the pool has pinned.
      expect(mean(run, 'signal.pool_waiting', 4 * MIN, 5 * MIN)).toBeLessThan(mean(run, 'signal.pool_waiting', 6 * MIN, 7 * MIN));
      expect(mean(run, 'signal.pool_waiting', 6 * MIN, 7 * MIN)).toBeLessThan(mean(run, 'signal.pool_waiting', 10 * MIN, 30 * MIN));
      const writes = firstAbove(run, 'writes.errorRatio', 0.05) as number;
      const reads = firstAbove(run, 'reads.errorRatio', 0.05) as number;
      expect(writes).toBeLessThan(reads);
      expect(mean(run, 'writes.errorRatio', PLATEAU, 30 * MIN)).toBeGreaterThan(0.45);
      expect(mean(run, 'reads.errorRatio', PLATEAU, 30 * MIN)).toBeGreaterThan(0.2);
      expect(mean(run, 'service.errorRatio', PLATEAU, 30 * MIN)).toBeCloseTo(0.34, 1);
    });

    it('holds p99 at the 30 s pool checkout timeout while the app CPU falls', () => {
      const p99 = mean(run, 'service.p99', PLATEAU, 30 * MIN);
      expect(p99).toBeGreaterThan(28_000);
      expect(p99).toBeLessThan(32_000);
      expect(mean(run, 'signal.app_cpu', PLATEAU, 30 * MIN)).toBeLessThan(mean(run, 'signal.app_cpu', 0, ONSET) / 2);
      expect(run.logs.toArray().some((l) => l.text.includes('Connection is not available, request timed out after 30000ms'))).toBe(true);
    });

    it('shows the database as the cause: lock waits, statement latency, and a lagging replica as a side effect', () => {
      expect(mean(run, 'signal.db_lock_waits', PLATEAU, 30 * MIN)).toBeGreaterThan(150);
      expect(mean(run, 'signal.db_statement_p99', PLATEAU, 30 * MIN)).toBeGreaterThan(9000);
      const lag = firstFiring(run, 'OrdersDbReplicaLag') as number;
      expect(lag).toBeGreaterThan(firstFiring(run, 'OrdersFastBurn') as number);
    });

    it('pages on the 14.4x burn about five minutes after the onset, on every seed', () => {
      for (let seed = 1; seed <= 10; seed++) {
        const page = firstFiring(play([], seed), 'OrdersFastBurn') as number;
        expect(page).toBeGreaterThanOrEqual(ONSET + 5 * MIN);
        expect(page).toBeLessThanOrEqual(ONSET + 6 * MIN);
      }
    });

    it('exhausts the error budget a little after an hour', () => {
      expect(run.ending).toMatchObject({ id: 'exhausted', outcome: 'exhausted' });
      expect(run.ending?.at).toBeGreaterThan(55 * MIN);
      expect(run.ending?.at).toBeLessThan(70 * MIN);
    });

    it('sends support and the VP after the player on time and on silence', () => {
      const sent = new Map(run.events.flatMap((e) => (e.type === 'message' && e.message ? [[e.message, e.t] as const] : [])));
      expect(sent.get('support-tickets')).toBe(10 * MIN);
      expect(sent.get('support-chase')).toBe(25 * MIN);
      expect(sent.get('vp-chase')).toBe(35 * MIN);
    });
  });

  describe('wrong moves', () => {
    it('a bigger pool fills orders-db to max_connections, raises errors, and ends worse if left', () => {
      const run = play([{ at: 8 * MIN, do: 'raise-pool' }]);
      const storm = 11 * MIN;
      expect(phases(run)).toContain('connection-storm');
      expect(mean(run, 'signal.db_connections', storm + 2 * MIN, storm + 10 * MIN)).toBeGreaterThan(390);
      expect(mean(run, 'service.errorRatio', storm + 3 * MIN, storm + 10 * MIN)).toBeGreaterThan(mean(run, 'service.errorRatio', PLATEAU, storm));
      expect(run.ending).toMatchObject({ id: 'worse-connections', outcome: 'worse' });
    });

    it('scaling out does the same', () => {
      expect(phases(play([{ at: 8 * MIN, do: 'scale-out' }]))).toContain('connection-storm');
    });

    it('a restart of every pod is a full outage, then the pools fill with the same blocked writes', () => {
      const run = play([{ at: 8 * MIN, do: 'restart-pods' }]);
      expect(mean(run, 'service.errorRatio', 9 * MIN, 9.5 * MIN)).toBeGreaterThan(0.6);
      expect(mean(run, 'service.errorRatio', 14 * MIN, 20 * MIN)).toBeGreaterThan(0.25);
      expect(run.ending?.outcome).toBe('exhausted');
    });

    it('failing over to the lagging replica ends worse', () => {
      expect(play([{ at: 12 * MIN, do: 'failover-db' }]).ending).toMatchObject({ id: 'worse-failover', outcome: 'worse' });
    });

    it('a helm rollback cannot run while the migration hook holds the release', () => {
      const run = play([{ at: 8 * MIN, do: 'rollback-app' }]);
      expect(run.known).toContain('deploy-hook-running');
      expect(mean(run, 'service.errorRatio', 12 * MIN, 20 * MIN)).toBeGreaterThan(0.25);
    });
  });

  describe('the fix', () => {
    it('cancelling without suspending the Job relapses two minutes later', () => {
      const run = play([...DIAGNOSE, { at: 10 * MIN, do: 'cancel-backfill' }]);
      expect(phases(run)).toEqual(['quiet', 'migration-starts', 'backfill-running', 'recovering', 'relapse']);
      expect(run.events.find((e) => e.type === 'phase' && e.phase === 'relapse')?.t).toBe(13 * MIN);
      expect(mean(run, 'service.errorRatio', 17 * MIN, 25 * MIN)).toBeGreaterThan(0.25);
    });

    it('suspending the Job, then cancelling the backfill, drains the pool and resolves', () => {
      const run = play([...DIAGNOSE, { at: 9.5 * MIN, do: 'suspend-migration' }, { at: 10.5 * MIN, do: 'cancel-backfill' }, { at: 17 * MIN, do: 'verify-recovery' }]);
      const cancelled = 11.5 * MIN;
      expect(mean(run, 'signal.pool_waiting', cancelled + 3 * MIN, cancelled + 5 * MIN)).toBeLessThan(5);
      expect(mean(run, 'signal.db_lock_waits', cancelled + 3 * MIN, cancelled + 5 * MIN)).toBeLessThan(5);
      expect(mean(run, 'service.errorRatio', cancelled + 6 * MIN, cancelled + 8 * MIN)).toBeLessThan(0.002);
      expect(mean(run, 'service.p99', cancelled + 4 * MIN, cancelled + 6 * MIN)).toBeLessThan(400);
      expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
      // This incident stays under 20% of the month's budget: the policy's postmortem line.
      expect(run.budgetSpent - 0.55).toBeLessThan(0.1);
    });

    it('deferring writes stops most of the errors while the backfill still holds its locks', () => {
      const run = play([{ at: 8 * MIN, do: 'defer-writes' }]);
      expect(mean(run, 'service.errorRatio', 13 * MIN, 20 * MIN)).toBeLessThan(0.06);
      expect(mean(run, 'signal.db_lock_waits', 13 * MIN, 20 * MIN)).toBeGreaterThan(20);
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
      // The junior and the SRE both lose time (a restart; a relapse); from L3 up each level is faster.
      expect(spent[2]).toBeLessThan(Math.min(spent[0] as number, spent[1] as number));
      expect(spent[3]).toBeLessThan(spent[2] as number);
      expect(spent[4]).toBeLessThan(spent[2] as number);
    });
  });
});
