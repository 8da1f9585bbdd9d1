/**
 * The service ownership file `--from-service` reads: what most teams already write down
 * about a service (owner, SLOs, alerts, runbooks, capacity, release policy), in the shape
 * of docs/examples/service.yaml. Values are written the way people say them ("0.05%",
 * "200ms", "10%"), and become scenario numbers in from-service.ts.
 */
import { z } from 'zod';
import { Duration, Id } from '../schema/index.ts';

const PERCENT_RE = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;
const THRESHOLD_RE = /^\s*(\d+(?:\.\d+)?)\s*(%|ms|s)\s*$/;

/**
 * A percentage: "10%" or 10 (every percentage in the file is in percent, like an SLO's
 * objective), so 0.1 always means a tenth of a percent.
 */
const Percent = z
  .preprocess((v) => {
    const match = typeof v === 'string' ? PERCENT_RE.exec(v) : null;
    return match ? Number(match[1]) : v;
  }, z.number().min(0).max(100))
  .meta({ description: 'A percentage, "10%" or 10; 0.1 means a tenth of a percent.', examples: ['10%', '0.1%'] });

/** An alert threshold: "0.05%" (an error rate) or "200ms" (a latency): the unit says which. */
const Threshold = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(THRESHOLD_RE, 'write the unit: an error rate such as "0.05%" or a latency such as "200ms"'))
  .transform((v) => {
    const [, n, unit] = THRESHOLD_RE.exec(v) as RegExpExecArray;
    const value = Number(n);
    return unit === '%' ? { kind: 'errorRate' as const, ratio: value / 100 } : { kind: 'latency' as const, ms: unit === 's' ? value * 1000 : value };
  })
  .meta({ description: 'An error rate ("0.05%") or a latency ("200ms"); the unit says which the alert watches.', examples: ['0.05%', '200ms'] });

const Objective = z
  .number()
  .gt(0)
  .lt(100)
  .meta({ description: 'Target share of good requests, in percent: 99.9, 99.95, 99.99.', examples: [99.9, 99.99] });

const ServiceAlert = z
  .strictObject({
    name: z.string().min(1).max(80).meta({ description: 'The alert\'s name as the pager shows it, e.g. HighErrorRateAlert.' }),
    threshold: Threshold,
    percentile: z
      .enum(['p50', 'p95', 'p99'])
      .optional()
      .meta({ description: 'Latency alerts only: which percentile the threshold applies to. Defaults to the latency SLO\'s percentile.' }),
    for: Duration.optional().meta({ description: 'How long the threshold must be crossed before the alert fires. Defaults to at once.' }),
    severity: z.enum(['critical', 'warning', 'info']).meta({ description: 'Alert severity.' }),
    route: z
      .enum(['paging', 'page', 'chat', 'ticket'])
      .meta({ description: 'Where it goes: paging (wakes someone up), chat (team channel) or ticket.' }),
    runbook: Id.optional().meta({ description: 'The id of the runbook (under `runbooks`) the alert links to.' }),
    summary: z.string().max(300).optional().meta({ description: 'The alert text the pager shows.' }),
  })
  .meta({ description: 'An alert as the team has it configured today.' });

const ServiceRunbook = z
  .strictObject({
    id: Id.meta({ description: 'A short id for the runbook, e.g. high-error-rate.' }),
    title: z.string().min(1).max(100).meta({ description: 'Runbook title.' }),
    url: z.string().max(300).optional().meta({ description: 'Where the real runbook lives; quoted in the generated stub.' }),
    steps: z.array(z.string().min(1).max(300)).max(20).default([]).meta({ description: 'The runbook\'s steps, if you want them in the stub.' }),
  })
  .meta({ description: 'A runbook the team keeps for this service.' });

/** A service ownership file. */
export const ServiceConfig = z
  .strictObject({
    name: z.string().min(1).max(80).meta({ description: 'The service name as dashboards show it, e.g. user-auth-service.' }),
    team: z.string().min(1).max(80).meta({ description: 'The owning team.' }),
    description: z.string().max(600).optional().meta({ description: 'What the service does, in a sentence or two.' }),
    oncall: z
      .strictObject({
        rotation: z.enum(['daily', 'weekly', 'fortnightly', 'monthly']).optional().meta({ description: 'How often on-call changes hands.' }),
        escalation: z.string().max(80).optional().meta({ description: 'Who is paged next if the primary does not answer.' }),
      })
      .optional()
      .meta({ description: 'On-call arrangements (quoted in the briefing).' }),
    slos: z
      .strictObject({
        availability: z
          .strictObject({ objective: Objective, window: Duration.default(30 * 86400).meta({ description: 'Rolling window; defaults to 30d.' }) })
          .meta({ description: 'Share of requests that must succeed.' }),
        latency: z
          .strictObject({
            percentile: z.enum(['p50', 'p90', 'p95', 'p99', 'p99.9']).meta({ description: 'Which percentile the target is for: "p95 below 100 ms".' }),
            belowMs: z.number().positive().max(600000).meta({ description: 'The latency that percentile must stay below, in milliseconds.' }),
            window: Duration.default(30 * 86400).meta({ description: 'Rolling window; defaults to 30d.' }),
          })
          .optional()
          .meta({ description: 'A latency objective, e.g. p95 below 100 ms.' }),
      })
      .meta({ description: 'Service level objectives.' }),
    traffic: z
      .strictObject({
        rps: z.number().positive().max(1e7).meta({ description: 'Typical requests per second.' }),
        errorRate: Percent.optional().meta({ description: 'Typical share of failing requests in percent, e.g. "0.01%".' }),
        latency: z
          .strictObject({ p50: z.number().positive(), p95: z.number().positive(), p99: z.number().positive() })
          .optional()
          .meta({ description: 'Typical latency percentiles in milliseconds.' }),
      })
      .optional()
      .meta({ description: 'What a normal day looks like. Omit and the generator guesses from the SLOs (marked TODO).' }),
    alerts: z.array(ServiceAlert).max(20).default([]).meta({ description: 'The alerts the team has today.' }),
    runbooks: z.array(ServiceRunbook).max(20).default([]).meta({ description: 'The runbooks the team keeps.' }),
    capacity: z
      .strictObject({
        metrics: z.array(z.string().min(1).max(40)).max(8).default([]).meta({ description: 'Saturation metrics the team watches, e.g. cpu, memory, request_rate.' }),
        forecast: z.string().max(40).optional().meta({ description: 'How far ahead capacity is forecast, in words, e.g. "4 weeks".' }),
      })
      .optional()
      .meta({ description: 'Capacity planning: the metrics that become dashboard signals.' }),
    deployment: z
      .strictObject({
        canary: z
          .strictObject({
            traffic: Percent.meta({ description: 'Share of traffic the canary takes, e.g. "10%".' }),
            duration: Duration.meta({ description: 'How long the canary runs before promotion, e.g. 30m.' }),
          })
          .optional()
          .meta({ description: 'Canary releases: new versions first take a slice of traffic.' }),
        rollback: z
          .strictObject({
            errorRate: Percent.meta({ description: 'Roll back when the error rate is above this, e.g. "0.1%".' }),
            for: Duration.meta({ description: '… for this long, e.g. 5m.' }),
            judgedOn: z
              .enum(['canary', 'global'])
              .optional()
              .meta({ description: 'Whether the error rate is the canary cohort\'s or the whole service\'s. Often left unsaid — and that matters.' }),
          })
          .optional()
          .meta({ description: 'The automatic rollback rule.' }),
      })
      .optional()
      .meta({ description: 'How releases reach production.' }),
  })
  .superRefine((config, ctx) => {
    // Cross-references are checked here so a typo is reported where it was made.
    const runbooks = config.runbooks.map((r) => r.id);
    config.alerts.forEach((alert, i) => {
      if (alert.runbook !== undefined && !runbooks.includes(alert.runbook)) {
        ctx.addIssue({
          code: 'custom',
          path: ['alerts', i, 'runbook'],
          message: runbooks.length
            ? `no runbook has the id \`${alert.runbook}\`; the runbooks are ${runbooks.map((r) => `\`${r}\``).join(', ')}`
            : `no runbook has the id \`${alert.runbook}\`: add it under \`runbooks\``,
        });
      }
    });
  })
  .meta({ title: 'Burn Rate service ownership file', description: 'A service as its owning team describes it: the input to `scenario new --from-service`.' });

export type ServiceConfig = z.infer<typeof ServiceConfig>;
