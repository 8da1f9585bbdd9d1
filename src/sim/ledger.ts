/**
 * Per-SLO accounting of good and bad requests tick by tick, with O(1) queries over any
 * trailing window. Before the run started the service is assumed to have run at its
 * baseline, so long windows (6 h, 3 d) are not empty at minute one.
 */
import { burnRate } from './slo.ts';

/** Running totals for one SLO. */
export class SloLedger {
  /** Prefix sums, interleaved in one buffer: at 2k the bad requests of the first k ticks, at 2k + 1 all of them. */
  private sums: Float64Array;
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
    this.sums = new Float64Array(2 * (capacityTicks + 1));
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
    if (2 * (this.ticks + 2) > this.sums.length) this.grow();
    const s = this.sums;
    const k = 2 * this.ticks;
    s[k + 2] = (s[k] as number) + badRequests;
    s[k + 3] = (s[k + 1] as number) + totalRequests;
    this.ticks++;
  }

  private grow(): void {
    const sums = new Float64Array(this.sums.length * 2);
    sums.set(this.sums);
    this.sums = sums;
  }

  /** Fraction of the window's budget spent, counting what was spent before the run. */
  spent(): number {
    return this.spentAtStart + (this.sums[2 * this.ticks] as number) / this.budgetRequests;
  }

  /** Bad share of requests over the trailing window (seconds), padding with baseline history. */
  badRatio(windowSeconds: number): number {
    const n = Math.max(1, Math.round(windowSeconds / this.tickSeconds));
    const k = this.ticks;
    let bad: number;
    let total: number;
    const s = this.sums;
    if (n <= k) {
      bad = (s[2 * k] as number) - (s[2 * (k - n)] as number);
      total = (s[2 * k + 1] as number) - (s[2 * (k - n) + 1] as number);
    } else {
      const historyRequests = (n - k) * this.tickSeconds * this.baselineRps;
      bad = (s[2 * k] as number) + historyRequests * this.baselineBadRatio;
      total = (s[2 * k + 1] as number) + historyRequests;
    }
    return total > 0 ? bad / total : 0;
  }

  /** Burn rate over the trailing window. */
  burnRate(windowSeconds: number): number {
    return burnRate(this.badRatio(windowSeconds), this.objective);
  }
}
