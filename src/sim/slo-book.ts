/**
 * A run's SLO ledgers, one per SLO of the service, fed each tick from the telemetry sample.
 * The primary SLO (the first availability SLO, else the first) is the budget the desk shows
 * and the conditions read.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { SloLedger } from './ledger.ts';
import { shareSlowerThan } from './slo.ts';

interface SloEntry {
  ledger: SloLedger;
  slo: Scenario['service']['slos'][number];
  /** Per cohort: the p50, p95, p99 levels last seen and the slow share they gave. */
  cache: Float64Array;
  /** A latency SLO's bad share per cohort (null for availability: the error ratio is). */
  shares: Float64Array | null;
}

/** The ledgers of one run. */
export class SloBook {
  readonly ledgers = new Map<string, SloLedger>();
  readonly primaryId: string;
  readonly primary: SloLedger;
  private readonly entries: SloEntry[] = [];

  /** `capacity` is the most samples a run records (its time limit in ticks, and a margin). */
  constructor(scenario: Scenario, tick: number, capacity: number) {
    const tel = scenario.telemetry;
    const sliBaselineRps = tel.rps * tel.cohorts.reduce((sum, c) => sum + (c.countsForSlo ? c.share : 0), 0);
    for (const slo of scenario.service.slos) {
      const baselineBad =
        slo.kind === 'availability' ? tel.errorRatio : shareSlowerThan(slo.thresholdMs ?? Infinity, tel.latency.p50, tel.latency.p95, tel.latency.p99);
      const ledger = new SloLedger(slo.objective / 100, slo.window, tick, sliBaselineRps, baselineBad, slo.budgetSpentAtStart, capacity);
      this.ledgers.set(slo.id, ledger);
      this.entries.push({
        ledger,
        slo,
        cache: new Float64Array(tel.cohorts.length * 4).fill(NaN),
        shares: slo.kind === 'availability' ? null : new Float64Array(tel.cohorts.length),
      });
    }
    const primary = scenario.service.slos.find((s) => s.kind === 'availability') ?? scenario.service.slos[0];
    this.primaryId = (primary as { id: string }).id;
    this.primary = this.ledgers.get(this.primaryId) as SloLedger;
  }

  /**
   * Records one tick's sample in every ledger: `cohorts` the per-cohort request and error
   * figures, `levels` the noiseless latency levels (five per cohort), `sliCohort` which
   * cohorts count for the SLO.
   */
  record(cohorts: Float64Array, levels: Float64Array, sliCohort: Uint8Array, tick: number): void {
    for (const entry of this.entries) {
      if (entry.shares) this.slowShares(entry, levels);
      entry.ledger.recordSample(cohorts, sliCohort, tick, entry.shares);
    }
  }

  /**
   * Each cohort's share of requests slower than a latency SLO's threshold, into
   * `entry.shares`. Taken from the noiseless latency levels, which change only when an
   * effect moves them, so each share is kept until they do: noise on the latency charts
   * is cosmetic, the budget follows the incident.
   */
  private slowShares(entry: SloEntry, levels: Float64Array): void {
    const c = entry.cache;
    const shares = entry.shares as Float64Array;
    for (let cohort = 0; cohort < shares.length; cohort++) {
      const o = cohort * 5;
      const k = cohort * 4;
      const p50 = levels[o + 2] as number;
      const p95 = levels[o + 3] as number;
      const p99 = levels[o + 4] as number;
      if (c[k] !== p50 || c[k + 1] !== p95 || c[k + 2] !== p99) {
        c[k] = p50;
        c[k + 1] = p95;
        c[k + 2] = p99;
        shares[cohort] = shareSlowerThan(entry.slo.thresholdMs ?? Infinity, p50, p95, p99);
      }
    }
  }
}
