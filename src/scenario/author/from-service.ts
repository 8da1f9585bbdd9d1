/**
 * `scenario new --from-service`: a team's service ownership file → the service half of a
 * scenario (service, SLOs, telemetry, alerts, runbook stubs). The alerts are kept exactly
 * as the team has them, weaknesses included, because a game day on your own alerting is
 * how a team finds out a static threshold pages too late or too often.
 */
import { above, after, todo, type DraftFile, type Note } from './draft.ts';
import { suggestId } from './scenario-id.ts';
import { ServiceConfig } from './service-config.ts';
import { fastBurnAlert, type AlertInput, type RunbookInput, type ServicePart } from './service-part.ts';
import { readYamlInput, type InputResult } from './yaml-input.ts';

const DAY = 86400;

/** Seconds as the shortest exact duration text: "30d", "5m", "90s". */
export function durationText(seconds: number): string {
  for (const [unit, size] of [['d', DAY], ['h', 3600], ['m', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** How far each percentile typically sits above the median in a healthy web service. */
const PERCENTILE_SPREAD: Record<string, number> = { p50: 1, p90: 2.3, p95: 2.8, p99: 5.6, 'p99.9': 9 };

/** Known capacity metrics and how they look on a dashboard. Request rate is built in (rps). */
const SIGNALS: Record<string, { label: string; unit: string; baseline: number; max?: number; limit?: number }> = {
  cpu: { label: 'CPU', unit: '%', baseline: 40, max: 100 },
  memory: { label: 'Memory', unit: '%', baseline: 55, max: 100, limit: 90 },
  disk: { label: 'Disk used', unit: '%', baseline: 60, max: 100, limit: 90 },
  connections: { label: 'DB pool in use', unit: 'conns', baseline: 20, max: 100, limit: 100 },
  queue: { label: 'Queue depth', unit: 'msgs', baseline: 10 },
};
const SIGNAL_ALIASES: Record<string, string> = { mem: 'memory', db_connections: 'connections', pool: 'connections', queue_depth: 'queue' };
const BUILT_IN_RATE = new Set(['request_rate', 'requests', 'rps', 'qps', 'throughput', 'traffic']);

function alertId(name: string, taken: Set<string>): string {
  const kebab = suggestId(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2')) ?? 'alert';
  let id = kebab;
  for (let n = 2; taken.has(id); n++) id = `${kebab}-${n}`;
  taken.add(id);
  return id;
}

function runbookStub(rb: ServiceConfig['runbooks'][number], service: ServiceConfig, aboutErrors: boolean): string {
  const steps = rb.steps.length > 0 ? rb.steps.map((s, i) => `${i + 1}. ${s}`).join('\n') : `1. ${todo('the first thing to check')}\n2. ${todo('the safe lever to pull')}`;
  const source = rb.url ? `\nThe team's real runbook: ${rb.url}\n` : '';
  const policy = aboutErrors ? service.deployment?.rollback : undefined;
  const rollback = policy
    ? `\nAutomatic rollback: error rate above ${policy.errorRate}% for ${durationText(policy.for)}` +
      `${policy.judgedOn ? `, judged on the ${policy.judgedOn === 'canary' ? 'canary cohort' : 'whole service'}` : ' (the policy does not say whether on the canary or the whole service)'}.\n`
    : '';
  return `# ${rb.title}\n\n<!-- ${todo('write this runbook as the player should find it: correct, or stale on purpose (`stale: true`).')} -->\n${source}${rollback}\n${steps}\n`;
}

/** The service half of a scenario from a validated ownership file. */
export function servicePartFrom(config: ServiceConfig): ServicePart {
  const notes: Note[] = [];
  const avail = config.slos.availability;
  const latencySlo = config.slos.latency;
  const budgetMinutes = Math.round(((1 - avail.objective / 100) * avail.window) / 60 * 100) / 100;
  const slos: ServicePart['service']['slos'] = [
    {
      id: 'availability',
      kind: 'availability',
      objective: avail.objective,
      window: durationText(avail.window),
      description: `${avail.objective}% of requests succeed over a rolling ${durationText(avail.window)}.`,
    },
  ];
  if (latencySlo) {
    slos.push({
      id: 'latency',
      kind: 'latency',
      objective: Number(latencySlo.percentile.slice(1)),
      thresholdMs: latencySlo.belowMs,
      window: durationText(latencySlo.window),
      description: `${latencySlo.percentile} latency below ${latencySlo.belowMs} ms over a rolling ${durationText(latencySlo.window)}.`,
    });
  }

  // Baselines: the file's own, or a guess that sits comfortably inside the SLOs.
  const target = latencySlo ? (latencySlo.belowMs * 0.7) / (PERCENTILE_SPREAD[latencySlo.percentile] ?? 2.8) : 40;
  const round = (n: number) => Math.max(1, Math.round(n));
  const latency = config.traffic?.latency ?? { p50: round(target), p95: round(target * 2.8), p99: round(target * 5.6) };
  const errorRatio = config.traffic?.errorRate !== undefined ? config.traffic.errorRate / 100 : (1 - avail.objective / 100) / 10;
  const canary = config.deployment?.canary;

  const signals: NonNullable<ServicePart['telemetry']['signals']> = [];
  const rateNoted: string[] = [];
  for (const metric of config.capacity?.metrics ?? []) {
    const key = metric.toLowerCase();
    if (BUILT_IN_RATE.has(key)) {
      rateNoted.push(metric);
      continue;
    }
    const known = SIGNALS[SIGNAL_ALIASES[key] ?? key];
    const id = suggestId(metric.replace(/_/g, '-')) ?? 'signal';
    if (signals.some((s) => s.id === id) || signals.length >= 8) continue;
    signals.push(known ? { id, ...known } : { id, label: metric, unit: '', baseline: 50 });
  }

  const telemetry: ServicePart['telemetry'] = {
    tick: '10s',
    rps: config.traffic?.rps ?? 500,
    errorRatio: Number(errorRatio.toPrecision(3)),
    latency,
    ...(canary
      ? {
          cohorts: [
            { id: 'stable', label: 'stable', share: Number((1 - canary.traffic / 100).toFixed(4)) },
            { id: 'canary', label: 'canary', share: Number((canary.traffic / 100).toFixed(4)) },
          ],
        }
      : {}),
    ...(signals.length > 0 ? { signals } : {}),
  };

  const runbookIds = new Set(config.runbooks.map((r) => r.id));
  const runbooks: RunbookInput[] = config.runbooks.map((r) => ({ id: r.id, title: r.title, file: `runbooks/${r.id}.md` }));

  const taken = new Set<string>();
  const percentileDefault = latencySlo && ['p50', 'p95', 'p99'].includes(latencySlo.percentile) ? (latencySlo.percentile as 'p50' | 'p95' | 'p99') : 'p99';
  const alerts: AlertInput[] = config.alerts.map((a, i) => {
    const id = alertId(a.name, taken);
    const t = a.threshold;
    const metric = t.kind === 'errorRate' ? 'errorRatio' : (a.percentile ?? percentileDefault);
    const value = t.kind === 'errorRate' ? t.ratio : t.ms;
    if (t.kind === 'errorRate') {
      const burn = Math.round((t.ratio / (1 - avail.objective / 100)) * 10) / 10;
      notes.push(after(['alerts', i, 'rule'], `${Number((t.ratio * 100).toPrecision(3))}% errors is a ${burn}x burn of a ${avail.objective}% SLO`));
    }
    return {
      id,
      name: a.name,
      summary: a.summary ?? `${config.name}: ${t.kind === 'errorRate' ? 'error rate' : `${metric} latency`} above ${t.kind === 'errorRate' ? `${t.ratio * 100}%` : `${t.ms} ms`}`,
      severity: a.severity,
      route: a.route === 'paging' ? 'page' : a.route,
      ...(a.runbook && runbookIds.has(a.runbook) ? { runbook: a.runbook } : {}),
      rule: { kind: 'threshold', metric, value, ...(a.for !== undefined ? { for: durationText(a.for) } : {}) },
    };
  });
  if (!alerts.some((a) => a.route === 'page')) {
    alerts.push(fastBurnAlert(config.name, 'FastBurn'));
    notes.push(above(['alerts', alerts.length - 1], 'Added: the service file has no paging alert, so nothing would wake the player.'));
  }

  const firstErrorAlert = config.alerts.find((a) => a.threshold.kind === 'errorRate' && a.runbook && runbookIds.has(a.runbook));
  const errorRunbook =
    firstErrorAlert?.runbook ?? config.runbooks.find((r) => /error/i.test(`${r.id} ${r.title}`))?.id ?? config.runbooks[0]?.id;

  const files: DraftFile[] = config.runbooks.map((r) => ({ path: `runbooks/${r.id}.md`, text: runbookStub(r, config, r.id === errorRunbook) }));

  notes.push(
    above(['service'], `The service, from the team's ownership file. Owner: ${config.team}.`, { gap: true }),
    after(['service', 'slos', 0, 'objective'], `budget: ${budgetMinutes} minutes of errors per ${durationText(avail.window)}`),
    above(
      ['telemetry'],
      config.traffic
        ? 'Baselines from the service file.'
        : `${todo('the service file gives no traffic figures; these are guesses that fit the SLOs.')}\nCopy real baselines from your dashboards.`,
      { gap: true },
    ),
    above(['alerts'], 'The alerts exactly as the team has them today: a game day tests them too.', { gap: true }),
  );
  if (canary) {
    const policy = config.deployment?.rollback;
    notes.push(
      above(
        ['telemetry', 'cohorts'],
        `Canary releases: ${canary.traffic}% of traffic for ${durationText(canary.duration)}.` +
          (policy ? ` Automatic rollback at ${policy.errorRate}% errors for ${durationText(policy.for)}${policy.judgedOn ? ` (${policy.judgedOn})` : ''}.` : ''),
      ),
    );
  }
  if (rateNoted.length > 0 && signals.length > 0) notes.push(above(['telemetry', 'signals'], `${rateNoted.join(', ')}: shown as the built-in request rate chart.`));
  if (runbooks.length > 0) notes.push(above(['runbooks'], 'Stubs for the team\'s runbooks, in runbooks/. Fill them in.', { gap: true }));

  const oncall = config.oncall;
  return {
    service: { name: config.name, team: config.team, ...(config.description ? { description: config.description } : {}), slos },
    telemetry,
    alerts,
    runbooks,
    files,
    errorRunbook,
    canary: canary ? 'canary' : undefined,
    ...(oncall?.rotation || oncall?.escalation
      ? {
          briefing:
            `You are on call for ${config.name} (${config.team})` +
            `${oncall.rotation ? `, on the ${oncall.rotation} rotation` : ''}.` +
            `${oncall.escalation ? ` Escalate to ${oncall.escalation}.` : ''} A release is rolling out this afternoon.`,
        }
      : {}),
    notes,
  };
}

/** Reads and converts a service file; located diagnostics instead of a part if it is broken. */
export function servicePartFromYaml(text: string, file: string): InputResult<ServicePart> {
  const read = readYamlInput(text, file, ServiceConfig, { name: 'a service ownership file', example: 'docs/examples/service.yaml' });
  if (!read.value) return { diagnostics: read.diagnostics };
  return { value: servicePartFrom(read.value), diagnostics: read.diagnostics };
}
