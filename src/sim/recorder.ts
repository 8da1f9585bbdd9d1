/**
 * Keeps the per-tick series a dashboard and a debrief draw: every metric per cohort and
 * for the service, every signal, the error budget and its burn rates. Stored in typed
 * arrays sized for the whole run, so recording a tick allocates nothing.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { CORE_METRICS, type TelemetryModel } from './telemetry.ts';

/** Series keys: "service.rps", "<cohort>.errorRatio", "signal.<id>", "budget.spent", "burn.1h", "burn.5m". */
export type SeriesMap = Record<string, number[]>;

/** The minimum a recorder needs from a run. */
interface Recordable {
  t: number;
  budgetSpent: number;
  primarySlo: string;
  ledgers: Map<string, { burnRate(windowSeconds: number): number }>;
}

/** Appends one value per series per tick. */
export class Recorder {
  readonly keys: string[] = [];
  private columns: Float64Array[] = [];
  private times: Float64Array;
  /** Number of points recorded. */
  length = 0;

  constructor(
    scenario: Scenario,
    private readonly telemetry: TelemetryModel,
    private capacity: number,
  ) {
    for (const m of CORE_METRICS) this.keys.push(`service.${m}`);
    for (const c of scenario.telemetry.cohorts) for (const m of CORE_METRICS) this.keys.push(`${c.id}.${m}`);
    for (const s of scenario.telemetry.signals) this.keys.push(`signal.${s.id}`);
    this.keys.push('budget.spent', 'burn.1h', 'burn.5m');
    this.times = new Float64Array(capacity);
    this.columns = this.keys.map(() => new Float64Array(capacity));
  }

  record(run: Recordable): void {
    if (this.length >= this.capacity) this.grow();
    const k = this.length++;
    const { cohorts, global, signals } = this.telemetry.sample;
    const cols = this.columns;
    this.times[k] = run.t;
    let i = 0;
    for (let j = 0; j < global.length; j++) (cols[i++] as Float64Array)[k] = global[j] as number;
    for (let j = 0; j < cohorts.length; j++) (cols[i++] as Float64Array)[k] = cohorts[j] as number;
    for (let j = 0; j < signals.length; j++) (cols[i++] as Float64Array)[k] = signals[j] as number;
    (cols[i++] as Float64Array)[k] = run.budgetSpent;
    const ledger = run.ledgers.get(run.primarySlo);
    (cols[i++] as Float64Array)[k] = ledger ? ledger.burnRate(3600) : 0;
    (cols[i++] as Float64Array)[k] = ledger ? ledger.burnRate(300) : 0;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = (a: Float64Array) => {
      const b = new Float64Array(this.capacity);
      b.set(a);
      return b;
    };
    this.times = widen(this.times);
    this.columns = this.columns.map(widen);
  }

  /** One series as a live view (no copy); valid until the next record. */
  view(key: string): Float64Array {
    const i = this.keys.indexOf(key);
    return i < 0 ? new Float64Array(0) : (this.columns[i] as Float64Array).subarray(0, this.length);
  }

  /** Sim times of the recorded points, as a live view. */
  timeView(): Float64Array {
    return this.times.subarray(0, this.length);
  }

  /** Every series as plain arrays, for transcripts. */
  toJSON(): { time: number[]; series: SeriesMap } {
    const series: SeriesMap = {};
    this.keys.forEach((key, i) => (series[key] = Array.from((this.columns[i] as Float64Array).subarray(0, this.length))));
    return { time: Array.from(this.times.subarray(0, this.length)), series };
  }
}
