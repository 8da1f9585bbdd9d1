/**
 * The telemetry model: each (cohort, metric) and each saturation signal follows a noiseless
 * level that phase and action effects move (step, ramp or decay); every tick samples the
 * level with seeded noise. Pure and allocation-free per tick.
 */
import type { Scenario, TelemetryEffect } from '../scenario/schema/index.ts';
import type { Rng } from './rng.ts';

export const CORE_METRICS = ['rps', 'errorRatio', 'p50', 'p95', 'p99'] as const;
export type CoreMetric = (typeof CORE_METRICS)[number];
const RPS = 0;
const ERR = 1;
const P50 = 2;
const P95 = 3;
const P99 = 4;
const N = CORE_METRICS.length;

const STEP = 0;
const RAMP = 1;
const DECAY = 2;
const SHAPES = { step: STEP, ramp: RAMP, decay: DECAY } as const;

/**
 * Noiseless levels, each moving from one value to another (step, ramp or decay), kept in
 * typed arrays: every cohort metric, then every signal. A level is `to` from `until` on.
 */
class Tracks {
  /** Per level i, at i * 6: from, to, start, duration, until, shape (one buffer, one allocation). */
  private readonly d: Float64Array;
  /** No level moves from this time on (until an effect moves one). */
  steadyFrom = 0;

  constructor(values: Float64Array) {
    this.d = new Float64Array(values.length * 6);
    for (let i = 0; i < values.length; i++) {
      this.d[i * 6] = values[i] as number;
      this.d[i * 6 + 1] = values[i] as number;
    }
  }

  at(i: number, t: number): number {
    const d = this.d;
    const o = i * 6;
    if (t >= (d[o + 4] as number)) return d[o + 1] as number;
    const start = d[o + 2] as number;
    const dt = t - start;
    if (dt <= 0) return d[o] as number;
    const from = d[o] as number;
    const to = d[o + 1] as number;
    const duration = d[o + 3] as number;
    if (d[o + 5] === RAMP) return from + ((to - from) * dt) / duration;
    // Decay: 95% of the way within `duration` (time constant duration / 3).
    return to + (from - to) * Math.exp((-3 * dt) / duration);
  }

  set(i: number, from: number, to: number, start: number, duration: number, shape: TelemetryEffect['shape']): void {
    const code = SHAPES[shape];
    const until = code === STEP || duration <= 0 ? start : start + duration * (code === DECAY ? 4 : 1);
    const o = i * 6;
    this.d[o] = from;
    this.d[o + 1] = to;
    this.d[o + 2] = start;
    this.d[o + 3] = duration;
    this.d[o + 4] = until;
    this.d[o + 5] = code;
    if (until > this.steadyFrom) this.steadyFrom = until;
  }
}

interface PendingEffect {
  at: number;
  seq: number;
  effect: TelemetryEffect;
}

/** Current sampled values: per cohort, for the SLI traffic as a whole, and per signal. */
export interface TelemetrySample {
  /** cohorts[c * 5 + m] with m in rps, errorRatio, p50, p95, p99. */
  cohorts: Float64Array;
  /** rps over all cohorts; errorRatio over SLI cohorts; latency request-weighted over all cohorts. */
  global: Float64Array;
  signals: Float64Array;
  /** Noiseless levels, laid out like `cohorts`. */
  levels: Float64Array;
}

/** Telemetry for one run. */
export class TelemetryModel {
  readonly cohortIds: string[];
  readonly signalIds: string[];
  /** 1 for each cohort the SLIs count, 0 for the others. */
  readonly sliCohort: Uint8Array;
  private readonly baseline: Float64Array;
  private readonly signalBaseline: Float64Array;
  /** Cohort metrics at c * 5 + m, then signals. */
  private readonly tracks: Tracks;
  /** Whether `sample.levels` and `signalLevels` hold the steady levels already. */
  private steady = false;
  private readonly signalLevels: Float64Array;
  /** This tick's normal deviates, drawn in one go. */
  private readonly draws: Float64Array;
  private readonly pending: PendingEffect[] = [];
  private seq = 0;
  readonly sample: TelemetrySample;
  private readonly noise: { rps: number; errorRatio: number; latency: number };
  private readonly signalNoise: Float64Array;
  private readonly signalMin: Float64Array;
  private readonly signalMax: Float64Array;

  constructor(scenario: Scenario) {
    const tel = scenario.telemetry;
    this.cohortIds = tel.cohorts.map((c) => c.id);
    this.sliCohort = Uint8Array.from(tel.cohorts, (c) => (c.countsForSlo ? 1 : 0));
    this.signalIds = tel.signals.map((s) => s.id);
    this.noise = tel.noise;
    const nc = tel.cohorts.length * N;
    const ns = tel.signals.length;
    // Every per-run array is a view of one buffer: a run makes one allocation here, not eleven.
    const buffer = new Float64Array(4 * nc + N + 7 * ns);
    let used = 0;
    const take = (n: number): Float64Array => buffer.subarray(used, (used += n));
    this.baseline = take(nc);
    tel.cohorts.forEach((c, i) => {
      this.baseline.set([tel.rps * c.share, tel.errorRatio, tel.latency.p50, tel.latency.p95, tel.latency.p99], i * N);
    });
    this.signalBaseline = take(ns);
    this.signalNoise = take(ns);
    this.signalMin = take(ns);
    this.signalMax = take(ns);
    tel.signals.forEach((sig, i) => {
      this.signalBaseline[i] = sig.baseline;
      this.signalNoise[i] = sig.noise;
      this.signalMin[i] = sig.min;
      this.signalMax[i] = sig.max ?? Infinity;
    });
    this.signalLevels = take(ns);
    this.signalLevels.set(this.signalBaseline);
    this.draws = take(nc + ns);
    this.sample = { cohorts: take(nc), global: take(N), signals: take(ns), levels: take(nc) };
    this.sample.cohorts.set(this.baseline);
    this.sample.signals.set(this.signalBaseline);
    this.sample.levels.set(this.baseline);
    const all = new Float64Array(nc + ns);
    all.set(this.baseline);
    all.set(this.signalBaseline, nc);
    this.tracks = new Tracks(all);
  }

  /**
   * Schedules an effect; it starts `effect.delay` seconds after `now`. It cancels any
   * effect still waiting on the same metric (and a cohort it covers) that would start
   * later: a rollback at minute 1 must stop a failure due to begin at minute 2.
   */
  schedule(effect: TelemetryEffect, now: number): void {
    const at = now + effect.delay;
    const pending = this.pending;
    let kept = 0;
    for (const p of pending) {
      const cancelled = p.at > at && p.effect.metric === effect.metric && (effect.cohort === undefined || p.effect.cohort === effect.cohort);
      if (!cancelled) pending[kept++] = p;
    }
    pending.length = kept;
    // Kept in order of start time, then of arrival: the newest goes after every effect
    // starting at or before it.
    let i = kept;
    while (i > 0 && (pending[i - 1] as PendingEffect).at > at) i--;
    pending.splice(i, 0, { at, seq: this.seq++, effect });
  }

  private apply(effect: TelemetryEffect, start: number): void {
    const signal = this.signalIds.indexOf(effect.metric);
    if (signal >= 0) {
      this.retarget(this.baseline.length + signal, this.signalBaseline[signal] as number, effect, start);
      return;
    }
    const m = (CORE_METRICS as readonly string[]).indexOf(effect.metric);
    if (m < 0) return;
    for (let c = 0; c < this.cohortIds.length; c++) {
      if (effect.cohort !== undefined && this.cohortIds[c] !== effect.cohort) continue;
      this.retarget(c * N + m, this.baseline[c * N + m] as number, effect, start);
    }
  }

  private retarget(i: number, base: number, effect: TelemetryEffect, start: number): void {
    const from = this.tracks.at(i, start);
    const to = effect.to ?? (effect.factor !== undefined ? base * effect.factor : base);
    this.tracks.set(i, from, to, start, effect.over, effect.shape);
    this.steady = false;
  }

  /** The noiseless level of a cohort metric now (used by tests and the facilitator view). */
  level(cohort: number, metric: CoreMetric, t: number): number {
    return this.tracks.at(cohort * N + CORE_METRICS.indexOf(metric), t);
  }

  /** Samples every metric at time t. */
  step(t: number, rng: Rng): TelemetrySample {
    while (this.pending.length > 0 && (this.pending[0] as PendingEffect).at <= t) {
      const p = this.pending.shift() as PendingEffect;
      this.apply(p.effect, p.at);
    }
    const { cohorts, global, signals, levels } = this.sample;
    const nz = this.noise;
    const tracks = this.tracks;
    const nc = this.cohortIds.length;
    // Levels move only while an effect plays out; once all are steady they stay as they are.
    if (!this.steady) {
      for (let i = 0; i < nc * N; i++) levels[i] = tracks.at(i, t);
      for (let s = 0; s < this.signalIds.length; s++) this.signalLevels[s] = tracks.at(nc * N + s, t);
      this.steady = t >= tracks.steadyFrom;
    }
    // One deviate per cohort metric, then per signal, in that order.
    const z = this.draws;
    rng.normals(z, z.length);
    let rpsAll = 0;
    let sliRps = 0;
    let sliBad = 0;
    let w50 = 0;
    let w95 = 0;
    let w99 = 0;
    for (let c = 0; c < nc; c++) {
      const o = c * N;
      const rps = Math.max(0, (levels[o] as number) * (1 + nz.rps * (z[o] as number)));
      const err = Math.min(1, Math.max(0, (levels[o + ERR] as number) * (1 + nz.errorRatio * (z[o + ERR] as number))));
      const p50 = Math.max(0.1, (levels[o + P50] as number) * (1 + nz.latency * (z[o + P50] as number)));
      const p95 = Math.max(p50, (levels[o + P95] as number) * (1 + nz.latency * (z[o + P95] as number)));
      const p99 = Math.max(p95, (levels[o + P99] as number) * (1 + nz.latency * (z[o + P99] as number)));
      cohorts[o + RPS] = rps;
      cohorts[o + ERR] = err;
      cohorts[o + P50] = p50;
      cohorts[o + P95] = p95;
      cohorts[o + P99] = p99;
      rpsAll += rps;
      w50 += rps * p50;
      w95 += rps * p95;
      w99 += rps * p99;
      if (this.sliCohort[c]) {
        sliRps += rps;
        sliBad += rps * err;
      }
    }
    global[RPS] = rpsAll;
    global[ERR] = sliRps > 0 ? sliBad / sliRps : 0;
    // Percentiles do not average exactly; a request-weighted mean is close enough for a
    // dashboard line and never hides a cohort's jump entirely.
    global[P50] = rpsAll > 0 ? w50 / rpsAll : 0;
    global[P95] = rpsAll > 0 ? w95 / rpsAll : 0;
    global[P99] = rpsAll > 0 ? w99 / rpsAll : 0;
    for (let s = 0; s < this.signalIds.length; s++) {
      const v = (this.signalLevels[s] as number) * (1 + (this.signalNoise[s] as number) * (z[nc * N + s] as number));
      signals[s] = Math.min(this.signalMax[s] as number, Math.max(this.signalMin[s] as number, v));
    }
    return this.sample;
  }

  /**
   * Where a metric's current sample lives: an array of `sample` and an index in it, resolved
   * once and read every tick without a call; null if the metric or cohort is unknown.
   */
  locate(metric: string, cohort?: string): { array: Float64Array; index: number } | null {
    const s = this.signalIds.indexOf(metric);
    if (s >= 0) return { array: this.sample.signals, index: s };
    const m = (CORE_METRICS as readonly string[]).indexOf(metric);
    if (m < 0) return null;
    if (cohort === undefined) return { array: this.sample.global, index: m };
    const c = this.cohortIds.indexOf(cohort);
    return c < 0 ? null : { array: this.sample.cohorts, index: c * N + m };
  }

  /** Value of a metric, for one cohort (by id) or the whole service; NaN if unknown. */
  read(metric: string, cohort?: string): number {
    const s = this.signalIds.indexOf(metric);
    if (s >= 0) return this.sample.signals[s] as number;
    const m = (CORE_METRICS as readonly string[]).indexOf(metric);
    if (m < 0) return NaN;
    if (cohort === undefined) return this.sample.global[m] as number;
    const c = this.cohortIds.indexOf(cohort);
    return c < 0 ? NaN : (this.sample.cohorts[c * N + m] as number);
  }
}
