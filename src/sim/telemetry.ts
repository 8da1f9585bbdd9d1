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

/** A noiseless level moving from one value to another. */
interface Track {
  from: number;
  to: number;
  start: number;
  duration: number;
  shape: 'step' | 'ramp' | 'decay';
}

function levelAt(track: Track, t: number): number {
  if (track.shape === 'step' || track.duration <= 0 || t >= track.start + track.duration * (track.shape === 'decay' ? 4 : 1)) {
    return t < track.start ? track.from : track.to;
  }
  const dt = t - track.start;
  if (dt <= 0) return track.from;
  if (track.shape === 'ramp') return track.from + ((track.to - track.from) * dt) / track.duration;
  // Decay: 95% of the way within `duration` (time constant duration / 3).
  return track.to + (track.from - track.to) * Math.exp((-3 * dt) / track.duration);
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
  readonly sliCohort: boolean[];
  private readonly baseline: Float64Array;
  private readonly signalBaseline: Float64Array;
  private readonly tracks: Track[];
  private readonly signalTracks: Track[];
  private pending: PendingEffect[] = [];
  private seq = 0;
  readonly sample: TelemetrySample;
  private readonly noise: { rps: number; errorRatio: number; latency: number };
  private readonly signalNoise: Float64Array;
  private readonly signalMin: Float64Array;
  private readonly signalMax: Float64Array;

  constructor(scenario: Scenario) {
    const tel = scenario.telemetry;
    this.cohortIds = tel.cohorts.map((c) => c.id);
    this.sliCohort = tel.cohorts.map((c) => c.countsForSlo);
    this.signalIds = tel.signals.map((s) => s.id);
    this.noise = tel.noise;
    this.baseline = new Float64Array(tel.cohorts.length * N);
    tel.cohorts.forEach((c, i) => {
      this.baseline.set([tel.rps * c.share, tel.errorRatio, tel.latency.p50, tel.latency.p95, tel.latency.p99], i * N);
    });
    this.signalBaseline = Float64Array.from(tel.signals.map((s) => s.baseline));
    this.signalNoise = Float64Array.from(tel.signals.map((s) => s.noise));
    this.signalMin = Float64Array.from(tel.signals.map((s) => s.min));
    this.signalMax = Float64Array.from(tel.signals.map((s) => s.max ?? Infinity));
    const flat = (v: number): Track => ({ from: v, to: v, start: 0, duration: 0, shape: 'step' });
    this.tracks = Array.from(this.baseline, flat);
    this.signalTracks = Array.from(this.signalBaseline, flat);
    this.sample = {
      cohorts: new Float64Array(this.baseline),
      global: new Float64Array(N),
      signals: new Float64Array(this.signalBaseline),
      levels: new Float64Array(this.baseline),
    };
  }

  /**
   * Schedules an effect; it starts `effect.delay` seconds after `now`. It cancels any
   * effect still waiting on the same metric (and a cohort it covers) that would start
   * later: a rollback at minute 1 must stop a failure due to begin at minute 2.
   */
  schedule(effect: TelemetryEffect, now: number): void {
    const at = now + effect.delay;
    this.pending = this.pending.filter(
      (p) => !(p.at > at && p.effect.metric === effect.metric && (effect.cohort === undefined || p.effect.cohort === effect.cohort)),
    );
    this.pending.push({ at, seq: this.seq++, effect });
    // Few effects are pending at once; keep them ordered by start time, then by arrival.
    this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  private apply(effect: TelemetryEffect, start: number): void {
    const signal = this.signalIds.indexOf(effect.metric);
    if (signal >= 0) {
      this.retarget(this.signalTracks, signal, this.signalBaseline[signal] as number, effect, start);
      return;
    }
    const m = (CORE_METRICS as readonly string[]).indexOf(effect.metric);
    if (m < 0) return;
    for (let c = 0; c < this.cohortIds.length; c++) {
      if (effect.cohort !== undefined && this.cohortIds[c] !== effect.cohort) continue;
      this.retarget(this.tracks, c * N + m, this.baseline[c * N + m] as number, effect, start);
    }
  }

  private retarget(tracks: Track[], i: number, base: number, effect: TelemetryEffect, start: number): void {
    const track = tracks[i] as Track;
    const from = levelAt(track, start);
    const to = effect.to ?? (effect.factor !== undefined ? base * effect.factor : base);
    tracks[i] = { from, to, start, duration: effect.over, shape: effect.shape };
  }

  /** The noiseless level of a cohort metric now (used by tests and the facilitator view). */
  level(cohort: number, metric: CoreMetric, t: number): number {
    return levelAt(this.tracks[cohort * N + CORE_METRICS.indexOf(metric)] as Track, t);
  }

  /** Samples every metric at time t. */
  step(t: number, rng: Rng): TelemetrySample {
    while (this.pending.length > 0 && (this.pending[0] as PendingEffect).at <= t) {
      const p = this.pending.shift() as PendingEffect;
      this.apply(p.effect, p.at);
    }
    const { cohorts, global, signals, levels } = this.sample;
    const nz = this.noise;
    let rpsAll = 0;
    let sliRps = 0;
    let sliBad = 0;
    let w50 = 0;
    let w95 = 0;
    let w99 = 0;
    for (let c = 0; c < this.cohortIds.length; c++) {
      const o = c * N;
      for (let m = 0; m < N; m++) levels[o + m] = levelAt(this.tracks[o + m] as Track, t);
      const rps = Math.max(0, (levels[o] as number) * (1 + nz.rps * rng.normal()));
      const err = Math.min(1, Math.max(0, (levels[o + ERR] as number) * (1 + nz.errorRatio * rng.normal())));
      const p50 = Math.max(0.1, (levels[o + P50] as number) * (1 + nz.latency * rng.normal()));
      const p95 = Math.max(p50, (levels[o + P95] as number) * (1 + nz.latency * rng.normal()));
      const p99 = Math.max(p95, (levels[o + P99] as number) * (1 + nz.latency * rng.normal()));
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
      const v = levelAt(this.signalTracks[s] as Track, t) * (1 + (this.signalNoise[s] as number) * rng.normal());
      signals[s] = Math.min(this.signalMax[s] as number, Math.max(this.signalMin[s] as number, v));
    }
    return this.sample;
  }

  /** A function reading one metric's current sample (resolved once, read every tick); NaN if unknown. */
  reader(metric: string, cohort?: string): () => number {
    const s = this.signalIds.indexOf(metric);
    if (s >= 0) return () => this.sample.signals[s] as number;
    const m = (CORE_METRICS as readonly string[]).indexOf(metric);
    if (m < 0) return () => NaN;
    if (cohort === undefined) return () => this.sample.global[m] as number;
    const c = this.cohortIds.indexOf(cohort);
    return c < 0 ? () => NaN : () => this.sample.cohorts[c * N + m] as number;
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
