/**
 * Per-SLO accounting of good and bad requests tick by tick, with O(1) queries over any
 * trailing window. Before the run started the service is assumed to have run at its
 * baseline, so long windows (6 h, 3 d) are not empty at minute one.
 */
import { burnRate } from './slo.ts';

/** Running totals for one SLO. */
export class SloLedger {
  /** Prefix sums: bad[k] and total[k] are the sums over the first k ticks. */
  private bad: Float64Array;
  private total: Float64Array;
  private ticks = 0;
  readonly budgetRequests: number;

  constructor(
    readonly objective: number,
    readonly windowSeconds: number,
    readonly tickSeconds: number,
    /** Requests per second the SLI sees when healthy (budget is sized on it). */
    readonly baselineRps: number,
    /** Bad share of requests when healthy; also the assumed history before the run. */
    readonly baselineBadRatio: number,
    readonly spentAtStart: number,
    capacityTicks: number,
  ) {
    this.bad = new Float64Array(capacityTicks + 1);
    this.total = new Float64Array(capacityTicks + 1);
    this.budgetRequests = (1 - objective) * baselineRps * windowSeconds;
  }

  /**
   * Adds one tick of a telemetry sample: the requests of each counted cohort (`cohorts` laid
   * out as rps, errorRatio, p50, p95, p99 per cohort), bad by the cohort's error ratio or,
   * for a latency SLO, by its share of slow requests.
   */
  recordSample(cohorts: Float64Array, counted: Uint8Array, tickSeconds: number, badShares: Float64Array | null): void {
    let bad = 0;
    let total = 0;
    for (let c = 0; c < counted.length; c++) {
      if (!counted[c]) continue;
      const o = c * 5;
      const requests = (cohorts[o] as number) * tickSeconds;
      total += requests;
      bad += requests * (badShares ? (badShares[c] as number) : (cohorts[o + 1] as number));
    }
    this.record(bad, total);
  }

  /** Adds one tick's requests. */
  record(badRequests: number, totalRequests: number): void {
    if (this.ticks + 1 >= this.bad.length) this.grow();
    const k = this.ticks;
    this.bad[k + 1] = (this.bad[k] as number) + badRequests;
    this.total[k + 1] = (this.total[k] as number) + totalRequests;
    this.ticks = k + 1;
  }

  private grow(): void {
    const bad = new Float64Array(this.bad.length * 2);
    const total = new Float64Array(this.total.length * 2);
    bad.set(this.bad);
    total.set(this.total);
    this.bad = bad;
    this.total = total;
  }

  /** Fraction of the window's budget spent, counting what was spent before the run. */
  spent(): number {
    return this.spentAtStart + (this.bad[this.ticks] as number) / this.budgetRequests;
  }

  /** Bad share of requests over the trailing window (seconds), padding with baseline history. */
  badRatio(windowSeconds: number): number {
    const n = Math.max(1, Math.round(windowSeconds / this.tickSeconds));
    const k = this.ticks;
    let bad: number;
    let total: number;
    if (n <= k) {
      bad = (this.bad[k] as number) - (this.bad[k - n] as number);
      total = (this.total[k] as number) - (this.total[k - n] as number);
    } else {
      const historyRequests = (n - k) * this.tickSeconds * this.baselineRps;
      bad = (this.bad[k] as number) + historyRequests * this.baselineBadRatio;
      total = (this.total[k] as number) + historyRequests;
    }
    return total > 0 ? bad / total : 0;
  }

  /** Burn rate over the trailing window. */
  burnRate(windowSeconds: number): number {
    return burnRate(this.badRatio(windowSeconds), this.objective);
  }
}
