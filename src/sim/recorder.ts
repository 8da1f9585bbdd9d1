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
  primaryLedger: { burnRate(windowSeconds: number): number };
}

/** The series a run of this scenario records, in column order. */
export function seriesKeys(scenario: Scenario): string[] {
  const keys: string[] = [];
  for (const m of CORE_METRICS) keys.push(`service.${m}`);
  for (const c of scenario.telemetry.cohorts) for (const m of CORE_METRICS) keys.push(`${c.id}.${m}`);
  for (const s of scenario.telemetry.signals) keys.push(`signal.${s.id}`);
  keys.push('budget.spent', 'burn.1h', 'burn.5m');
  return keys;
}

/** Appends one value per series per tick. */
export class Recorder {
  readonly keys: readonly string[];
  /** Column 0 holds the times; series i occupies column i + 1, [(i + 1) * capacity, (i + 2) * capacity). */
  private data: Float64Array;
  /** Number of points recorded. */
  length = 0;

  constructor(
    /** From `seriesKeys` of the run's scenario. */
    keys: readonly string[],
    private readonly telemetry: TelemetryModel,
    private capacity: number,
  ) {
    this.keys = keys;
    this.data = new Float64Array(capacity * (this.keys.length + 1));
  }

  record(run: Recordable): void {
    if (this.length >= this.capacity) this.grow();
    const k = this.length++;
    const { cohorts, global, signals } = this.telemetry.sample;
    const data = this.data;
    const cap = this.capacity;
    data[k] = run.t;
    let o = k + cap;
    for (let j = 0; j < global.length; j++, o += cap) data[o] = global[j] as number;
    for (let j = 0; j < cohorts.length; j++, o += cap) data[o] = cohorts[j] as number;
    for (let j = 0; j < signals.length; j++, o += cap) data[o] = signals[j] as number;
    data[o] = run.budgetSpent;
    data[o + cap] = run.primaryLedger.burnRate(3600);
    data[o + 2 * cap] = run.primaryLedger.burnRate(300);
  }

  private grow(): void {
    const cap = this.capacity;
    const next = cap * 2;
    const data = new Float64Array(next * (this.keys.length + 1));
    for (let i = 0; i <= this.keys.length; i++) data.set(this.data.subarray(i * cap, i * cap + this.length), i * next);
    this.data = data;
    this.capacity = next;
  }

  /** One series as a live view (no copy); valid until the next record. */
  view(key: string): Float64Array {
    const i = this.keys.indexOf(key);
    return i < 0 ? new Float64Array(0) : this.data.subarray((i + 1) * this.capacity, (i + 1) * this.capacity + this.length);
  }

  /** Every series as a live view, by key. */
  views(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (let i = 0; i < this.keys.length; i++) out[this.keys[i] as string] = this.data.subarray((i + 1) * this.capacity, (i + 1) * this.capacity + this.length);
    return out;
  }

  /** Sim times of the recorded points, as a live view. */
  timeView(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** Every series as plain arrays, for transcripts. */
  toJSON(): { time: number[]; series: SeriesMap } {
    const series: SeriesMap = {};
    for (const key of this.keys) series[key] = Array.from(this.view(key));
    return { time: Array.from(this.timeView()), series };
  }
}
