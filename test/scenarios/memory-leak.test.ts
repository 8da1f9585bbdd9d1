/**
 * The memory-leak scenario, played by the real engine: the telemetry story its header
 * tells (a straight-line leak from the deploy marker, staggered OOM kills, a burn that the
 * 6 h and 3 d alerts catch and the 1 h page never does) and how each path ends.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/sim/events.ts';
import { runPlaythrough, type TimedChoice, type Transcript } from '../../src/sim/runner.ts';
import { budgetSeconds, detectionSeconds, timeToExhaustion } from '../../src/sim/slo.ts';
import { firstFiring, loadLibraryScenario, max, mean, phaseAt } from '../support/library-run.ts';

const { loaded, scenario } = loadLibraryScenario('memory-leak');

const MIN = 60;
const HOUR = 3600;
const SLO = 0.999;
const WINDOW = 30 * 86400;
/** The fullest pods reach their 2 GiB limit and the kernel starts killing them. */
const FIRST_KILLS = 100 * MIN;
/** The OOM chat alert has fired by then; the references start working here. */
const OOM_ALERT = 112 * MIN;

const play = (choices: TimedChoice[] = [], seed = scenario.seed): Transcript => runPlaythrough(scenario, { seed, choices });

/** The run's log lines, whether the transcript holds them as an array or as a log book with `toArray()`. */
function logLines(run: Transcript): LogEntry[] {
  const logs: unknown = run.logs;
  return Array.isArray(logs) ? (logs as LogEntry[]) : (logs as { toArray(): LogEntry[] }).toArray();
}
/** Sim time the run first entered a phase, or null (the assertions below expect null, not undefined). */
const entered = (run: Transcript, phase: string): number | null => phaseAt(run, phase) ?? null;

describe('memory-leak scenario', () => {
  it('loads with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.runbooks).sort()).toEqual(['heap-profile', 'memory-oom', 'rollback', 'slo-burn']);
    expect(scenario.runbooks.find((r) => r.id === 'memory-oom')?.stale).toBe(true);
  });

  it('uses the budget figures its texts quote', () => {
    // 99.9% over 30 days is 43.2 min; 90% spent leaves 4.32 min.
    expect(budgetSeconds(SLO, WINDOW)).toBeCloseTo(43.2 * MIN, 6);
    expect(scenario.service.slos[0]?.budgetSpentAtStart).toBe(0.9);
    // A 13x burn (1.3% errors) spends the last 10% in ~5.5 h...
    expect(timeToExhaustion(WINDOW, 13, 0.1) / HOUR).toBeCloseTo(5.54, 2);
    // ...never trips the 1 h page (14.4x), and needs ~2.8 h to trip the 6 h one (6x).
    expect(detectionSeconds(HOUR, 14.4, SLO, 0.013)).toBe(Infinity);
    expect(detectionSeconds(6 * HOUR, 6, SLO, 0.013) / HOUR).toBeCloseTo(2.77, 2);
  });

  describe('left alone', () => {
    const run = play();

    it('leaks in a straight line from the deploy marker, with GC CPU and p99 creeping up', () => {
      expect(run.events.find((e) => e.type === 'marker')).toMatchObject({ t: 0, label: 'deploy pricing-api v5.3.0 (100%)' });
      // ~13.5 MiB a minute from 640 MiB: 1045 at 30 min, 1855 at 90 min.
      expect(mean(run, 'signal.rss', 28 * MIN, 32 * MIN)).toBeGreaterThan(1000);
      expect(mean(run, 'signal.rss', 28 * MIN, 32 * MIN)).toBeLessThan(1090);
      expect(mean(run, 'signal.rss', 88 * MIN, 92 * MIN)).toBeGreaterThan(1790);
      expect(mean(run, 'signal.rss', 88 * MIN, 92 * MIN)).toBeLessThan(1920);
      expect(mean(run, 'signal.gc', 85 * MIN, 95 * MIN)).toBeGreaterThan(3 * mean(run, 'signal.gc', 0, 10 * MIN));
      expect(mean(run, 'service.p99', 85 * MIN, 95 * MIN)).toBeGreaterThan(1.5 * mean(run, 'service.p99', 0, 10 * MIN));
      // No errors at all until the first pods die.
      expect(mean(run, 'service.errorRatio', 0, FIRST_KILLS - 5 * MIN)).toBeLessThan(0.0003);
    });

    it('does not change the memory slope when the re-price import starts (the red herring)', () => {
      expect(mean(run, 'batch.rps', MIN, 45 * MIN)).toBe(0);
      expect(mean(run, 'batch.rps', 60 * MIN, 90 * MIN)).toBeGreaterThan(300);
      const slope = (from: number, to: number) => (mean(run, 'signal.rss', to - 2 * MIN, to) - mean(run, 'signal.rss', from, from + 2 * MIN)) / (to - from);
      expect(slope(55 * MIN, 85 * MIN) / slope(15 * MIN, 45 * MIN)).toBeGreaterThan(0.85);
      expect(slope(55 * MIN, 85 * MIN) / slope(15 * MIN, 45 * MIN)).toBeLessThan(1.15);
    });

    it('kills pods one at a time with exit code 137, and fails ~1.3% of quotes', () => {
      const kills = logLines(run).filter((l) => l.text.includes('OOMKilled (exit code 137)'));
      expect(kills.length).toBeGreaterThan(10);
      expect(Math.min(...kills.map((k) => k.t))).toBeGreaterThanOrEqual(FIRST_KILLS);
      expect(new Set(kills.map((k) => k.text)).size).toBe(4);
      const times = kills.map((k) => k.t).sort((a, b) => a - b);
      // Staggered: never all at once.
      expect(times.filter((t, i) => i > 0 && t === times[i - 1]).length).toBeLessThan(2);
      const errors = mean(run, 'service.errorRatio', 3 * HOUR, 5 * HOUR);
      expect(errors).toBeGreaterThan(0.011);
      expect(errors).toBeLessThan(0.015);
    });

    it('trips the chat alerts early, the 6 h page and 3 d ticket late, and never the 1 h page', () => {
      expect(firstFiring(run, 'pricing-memory-high')).toBeLessThan(FIRST_KILLS);
      expect(firstFiring(run, 'pricing-oomkilled')).toBeGreaterThan(FIRST_KILLS);
      expect(firstFiring(run, 'pricing-oomkilled')).toBeLessThanOrEqual(OOM_ALERT);
      expect(firstFiring(run, 'pricing-burn-1h')).toBeNull();
      expect(max(run, 'burn.1h')).toBeLessThan(14.4);
      const slowPage = firstFiring(run, 'pricing-burn-6h') as number;
      expect(slowPage).toBeGreaterThan(4 * HOUR);
      expect(slowPage).toBeLessThan(5.5 * HOUR);
      expect(firstFiring(run, 'pricing-burn-3d')).toBeGreaterThan(slowPage);
    });

    it('sends support in before anything pages, and spends the last of the budget', () => {
      const sent = new Map(run.events.flatMap((e) => (e.type === 'message' && e.message ? [[e.message, e.t] as const] : [])));
      expect(sent.get('support-first')).toBe(2.25 * HOUR);
      expect(sent.get('support-first') as number).toBeLessThan(firstFiring(run, 'pricing-burn-6h') as number);
      expect(run.ending).toMatchObject({ id: 'exhausted', outcome: 'exhausted' });
      expect(run.ending?.at).toBeGreaterThan(7 * HOUR);
      expect(run.ending?.at).toBeLessThan(scenario.timeLimit);
    });
  });

  it('never pages on the 1 h rule and pages on the 6 h rule after 4 h, whatever the seed', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const run = play([], seed);
      expect(firstFiring(run, 'pricing-burn-1h'), `seed ${seed}`).toBeNull();
      expect(firstFiring(run, 'pricing-burn-6h') as number, `seed ${seed}`).toBeGreaterThan(4 * HOUR);
      expect(run.ending?.outcome, `seed ${seed}`).toBe('exhausted');
    }
  });

  it('resolves on the right path: heap profile, rolling restart as a stopgap, then roll back', () => {
    const run = play([
      { at: OOM_ALERT, do: 'heap-profile' },
      { at: OOM_ALERT + 4 * MIN, do: 'rolling-restart' },
      { at: OOM_ALERT + 20 * MIN, do: 'rollback' },
    ]);
    expect(run.known).toContain('leak-site');
    // The restart stops the kills within minutes.
    expect(mean(run, 'service.errorRatio', OOM_ALERT + 15 * MIN, OOM_ALERT + 20 * MIN)).toBeLessThan(0.001);
    expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
    expect(run.budgetSpent - run.budgetSpentAtStart).toBeLessThan(0.005);
    // Memory stays flat once v5.2.4 is out, even though the rollback came soon after the restart.
    const end = run.ending?.at as number;
    expect(max(run, 'signal.rss', end - 30 * MIN, end)).toBeLessThan(800);
  });

  it('only buys time with restarts: the kills come back, and restarting on a schedule runs out the shift', () => {
    const once = play([{ at: OOM_ALERT, do: 'rolling-restart' }]);
    const back = entered(once, 'refilling') as number;
    expect(once.events.filter((e) => e.type === 'phase' && e.phase === 'oom-kills').map((e) => e.t)).toContain(back + 97 * MIN);
    const loop = play([0, 1, 2, 3, 4].map((i) => ({ at: OOM_ALERT + i * 113 * MIN, do: 'rolling-restart' })));
    expect(loop.events.filter((e) => e.type === 'phase' && e.phase === 'restarted')).toHaveLength(5);
    expect(loop.ending).toMatchObject({ id: 'handed-over', outcome: 'timeout' });
  });

  it('ends worse when the memory limit is raised: GC pegs, then the shared nodes evict neighbours', () => {
    const raisedAt = 2.25 * HOUR;
    const run = play([{ at: raisedAt, do: 'raise-memory-limit' }]);
    const limits = entered(run, 'limits-raised') as number;
    expect(mean(run, 'signal.gc', limits + 40 * MIN, limits + 55 * MIN)).toBeGreaterThan(45);
    expect(max(run, 'signal.rss', limits + 40 * MIN, limits + 60 * MIN)).toBeGreaterThan(2048);
    expect(max(run, 'signal.nodemem')).toBeGreaterThan(90);
    expect(firstFiring(run, 'pricing-latency-burn-1h')).not.toBeNull();
    expect(run.ending).toMatchObject({ id: 'worse', outcome: 'worse' });
  });

  it('turns a 1% problem into a full outage when every pod is deleted at once', () => {
    const run = play([{ at: OOM_ALERT, do: 'restart-all' }]);
    const page = firstFiring(run, 'pricing-burn-1h') as number;
    expect(page).toBeGreaterThan(OOM_ALERT);
    expect(page - OOM_ALERT).toBeLessThan(4 * MIN);
    expect(max(run, 'service.errorRatio', OOM_ALERT, OOM_ALERT + 5 * MIN)).toBeGreaterThan(0.4);
    expect(max(run, 'budget.spent', 0, OOM_ALERT + 10 * MIN) - max(run, 'budget.spent', 0, OOM_ALERT)).toBeGreaterThan(0.05);
  });

  it('resolves later and dearer when fixing forward than when rolling back', () => {
    const forward = play([{ at: OOM_ALERT, do: 'page-pricing-dev' }, { at: OOM_ALERT + 2 * MIN, choose: 'fix.hotfix' }]);
    const back = play([{ at: OOM_ALERT, do: 'page-pricing-dev' }, { at: OOM_ALERT + 2 * MIN, choose: 'fix.rollback' }, { at: OOM_ALERT + 2 * MIN, do: 'rollback' }]);
    expect(forward.ending?.outcome).toBe('resolved');
    expect(back.ending?.outcome).toBe('resolved');
    expect(forward.ending?.at as number).toBeGreaterThan(back.ending?.at as number);
    expect(forward.budgetSpent - back.budgetSpent).toBeGreaterThan(0.01);
  });

  // Their assessed levels are checked for every library scenario in references.test.ts.
  describe('reference playthroughs', () => {
    it('cover every level', () => expect(scenario.scoring.references.map((r) => r.level)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']));

    for (const ref of scenario.scoring.references) {
      it(`${ref.id} (${ref.level}) ends resolved with every choice accepted`, () => {
        const run = play(ref.choices, ref.seed ?? scenario.seed);
        expect(run.events.filter((e) => e.type === 'rejected')).toEqual([]);
        expect(run.ending?.outcome).toBe('resolved');
      });
    }

    it('shows a page only to the junior, who raised the limit; the principal acts before any pod dies', () => {
      const runs = Object.fromEntries(scenario.scoring.references.map((r) => [r.id, play(r.choices)]));
      const paged = Object.fromEntries(Object.entries(runs).map(([id, run]) => [id, run.events.some((e) => e.type === 'page')]));
      expect(paged).toEqual({ junior: true, sre: false, senior: false, staff: false, principal: false });
      expect(entered(runs.principal as Transcript, 'oom-kills')).toBeNull();
    });
  });
});
