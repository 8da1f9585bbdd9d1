/** Schema for the service under test, its SLOs, telemetry and alert rules. */
import { z } from 'zod';
import { Duration, Id } from './primitives.ts';

export const Slo = z
  .strictObject({
    id: Id,
    kind: z.enum(['availability', 'latency']).meta({
      description: 'availability: a request is good if it did not fail. latency: a request is good if it was faster than thresholdMs.',
    }),
    objective: z
      .number()
      .gt(0)
      .lt(100)
      .meta({ description: 'Target share of good requests in percent, e.g. 99.9 or 99.99.', examples: [99.9, 99.99] }),
    window: Duration.default(30 * 86400).meta({ description: 'Rolling SLO window. Defaults to 30 days.' }),
    thresholdMs: z.number().positive().optional().meta({ description: 'Latency SLOs only: a request slower than this is bad.' }),
    budgetSpentAtStart: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .meta({ description: 'Fraction of this window\'s error budget already spent when the scenario starts (0–1).' }),
    description: z.string().max(400).optional().meta({ description: 'How the SLO reads on the service\'s SLO document.' }),
  })
  .meta({ description: 'A service level objective, counted over requests.' });
export type Slo = z.infer<typeof Slo>;

export const Service = z
  .strictObject({
    name: z.string().min(1).max(80).meta({ description: 'The service name as it appears on dashboards, e.g. user-auth-service.' }),
    team: z.string().min(1).max(80).meta({ description: 'The owning team.' }),
    description: z.string().max(600).optional().meta({ description: 'What the service does, in a sentence or two.' }),
    slos: z.array(Slo).min(1).max(8).meta({ description: 'The service\'s SLOs. The first availability SLO drives the error-budget gauge.' }),
  })
  .meta({ description: 'The service the player is on call for.' });

export const LatencyBaseline = z
  .strictObject({
    p50: z.number().positive().meta({ description: 'Median latency in ms.' }),
    p95: z.number().positive().meta({ description: '95th percentile latency in ms.' }),
    p99: z.number().positive().meta({ description: '99th percentile latency in ms.' }),
  })
  .meta({ description: 'Latency percentiles in milliseconds.' });

export const Signal = z
  .strictObject({
    id: Id,
    label: z.string().min(1).max(60).meta({ description: 'Chart title, e.g. "CPU" or "DB pool in use".' }),
    unit: z.string().max(16).default('').meta({ description: 'Unit shown on the chart, e.g. "%", "conns", "MiB".' }),
    baseline: z.number().meta({ description: 'Normal value.' }),
    noise: z.number().min(0).max(1).default(0.02).meta({ description: 'Relative noise (standard deviation as a fraction of the value).' }),
    min: z.number().default(0).meta({ description: 'The value never goes below this.' }),
    max: z.number().optional().meta({ description: 'The value never goes above this (a hard limit such as 100% or a pool size).' }),
    limit: z.number().optional().meta({ description: 'A limit line drawn on the chart (pool size, memory limit).' }),
  })
  .meta({ description: 'A saturation signal: CPU, connections, memory, queue depth…' });

export const Cohort = z
  .strictObject({
    id: Id,
    label: z.string().min(1).max(60).meta({ description: 'How the cohort is named on charts, e.g. "canary v2.14.0".' }),
    share: z.number().min(0).max(1).meta({ description: 'Share of the baseline request rate this cohort carries (shares should add up to 1).' }),
    countsForSlo: z.boolean().default(true).meta({ description: 'false for traffic that is not user-facing (retries, batch): it loads the service but is not an SLI.' }),
  })
  .meta({ description: 'A slice of traffic told apart on the dashboard: canary vs stable, user vs backend.' });

export const Telemetry = z
  .strictObject({
    tick: Duration.refine((s) => s >= 1 && s <= 600, 'the tick must be between 1 second and 10 minutes')
      .default(10)
      .meta({ description: 'Engine step in sim time (1s to 10m). 10s is a good default; smaller is finer and slower.' }),
    rps: z.number().positive().max(1e7).meta({ description: 'Baseline request rate (requests per second) across all cohorts.' }),
    errorRatio: z.number().min(0).max(1).meta({ description: 'Baseline share of requests that fail, e.g. 0.0002.' }),
    latency: LatencyBaseline,
    noise: z
      .strictObject({
        rps: z.number().min(0).max(1).default(0.03).meta({ description: 'Noise on the request rate: its standard deviation as a fraction of the value (0.03 is about ±3%).' }),
        errorRatio: z
          .number()
          .min(0)
          .max(1)
          .default(0.15)
          .meta({ description: 'Noise on the error ratio, as a fraction of the value. Few requests fail, so their share wobbles more than the rest.' }),
        latency: z.number().min(0).max(1).default(0.05).meta({ description: 'Noise on the latency percentiles (p50, p95, p99), as a fraction of the value.' }),
      })
      .default({ rps: 0.03, errorRatio: 0.15, latency: 0.05 })
      .meta({ description: 'Relative noise (standard deviation as a fraction of the value) for each metric family.' }),
    cohorts: z
      .array(Cohort)
      .min(1)
      .max(6)
      .default([{ id: 'all', label: 'all traffic', share: 1, countsForSlo: true }])
      .meta({ description: 'Traffic cohorts. Omit for one cohort named "all".' }),
    signals: z.array(Signal).max(8).default([]).meta({ description: 'Saturation signals shown on the dashboard.' }),
  })
  .meta({ description: 'How the service looks when healthy, and how noisy its telemetry is.' });
export type Telemetry = z.infer<typeof Telemetry>;

export const METRICS = ['rps', 'errorRatio', 'p50', 'p95', 'p99'] as const;

/** A change to one metric: where it goes, and the shape of the move. */
export const TelemetryEffect = z
  .strictObject({
    metric: z.string().min(1).meta({ description: 'rps, errorRatio, p50, p95, p99, or the id of a signal.' }),
    cohort: Id.optional().meta({ description: 'Only this cohort. Omit for every cohort.' }),
    to: z.number().optional().meta({ description: 'Target value (absolute).' }),
    factor: z.number().nonnegative().optional().meta({ description: 'Target value as a multiple of the baseline.' }),
    reset: z.boolean().optional().meta({ description: 'true: go back to the baseline.' }),
    shape: z
      .enum(['step', 'ramp', 'decay'])
      .default('step')
      .meta({ description: 'step: jump at once. ramp: move in a straight line over `over`. decay: move fast then slow (exponential), most of the way within `over`.' }),
    over: Duration.default(0).meta({ description: 'How long a ramp or decay takes.' }),
    delay: Duration.default(0).meta({ description: 'Wait this long before the move starts (e.g. canary pods need 2 min to go ready).' }),
  })
  .meta({ description: 'Moves one metric. Give exactly one of to, factor or reset.' });
export type TelemetryEffect = z.infer<typeof TelemetryEffect>;

const ThresholdRule = z.strictObject({
  kind: z.literal('threshold').meta({ description: 'threshold: fires when a metric stays above (or below) a value for `for`.' }),
  metric: z.string().min(1).meta({ description: 'rps, errorRatio, p50, p95, p99 or a signal id.' }),
  cohort: Id.optional().meta({
    description:
      'Watch one cohort. Omit for the whole service: rps and latency over all traffic, errorRatio over the cohorts that count for the SLO.',
  }),
  op: z.enum(['above', 'below']).default('above').meta({ description: 'Fire when the metric is above (or below) the value.' }),
  value: z.number().meta({ description: 'The threshold.' }),
  for: Duration.default(0).meta({ description: 'The condition must hold this long before the alert fires (pending until then).' }),
});

const BurnRateRule = z.strictObject({
  kind: z.literal('burnRate').meta({ description: 'burnRate: fires when an SLO\'s error budget burns faster than `burnRate` over both the long and the short window.' }),
  slo: Id.meta({ description: 'The SLO whose error budget this rule watches.' }),
  longWindow: Duration.meta({ description: 'Long window, e.g. 1h.' }),
  shortWindow: Duration.meta({ description: 'Short window, usually 1/12 of the long one, e.g. 5m.' }),
  burnRate: z.number().positive().meta({ description: 'Fires when both windows burn faster than this, e.g. 14.4.' }),
  for: Duration.default(0).meta({ description: 'Optional hold time before firing.' }),
});

export const AlertRule = z
  .discriminatedUnion('kind', [ThresholdRule, BurnRateRule])
  .meta({ description: 'threshold: a metric beyond a value for a duration. burnRate: multiwindow, multi-burn-rate SLO alert.' });
export type AlertRule = z.infer<typeof AlertRule>;

export const Alert = z
  .strictObject({
    id: Id,
    name: z.string().max(80).optional().meta({ description: 'Display name, e.g. HighErrorRateAlert. Defaults to the id.' }),
    summary: z.string().max(300).optional().meta({ description: 'The alert text the pager shows.' }),
    severity: z.enum(['critical', 'warning', 'info']).meta({ description: 'Alert severity.' }),
    route: z.enum(['page', 'chat', 'ticket']).meta({ description: 'page wakes someone up; chat posts to the team channel; ticket files a ticket.' }),
    runbook: Id.optional().meta({ description: 'The runbook the alert links to.' }),
    rule: AlertRule,
  })
  .meta({ description: 'An alerting rule and where it goes.' });
export type Alert = z.infer<typeof Alert>;
