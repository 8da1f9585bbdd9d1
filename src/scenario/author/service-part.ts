/**
 * The service half of a generated scenario: the service and its SLOs, how its telemetry
 * looks when healthy, its alerts and its runbooks. The template's story is written
 * against this shape, so `--from-service` can swap in a real team's service and the
 * story still fits it.
 */
import type { ScenarioInput } from '../schema/index.ts';
import { above, after, todo, type DraftFile, type Note } from './draft.ts';

type Input = ScenarioInput;
export type AlertInput = NonNullable<Input['alerts']>[number];
export type RunbookInput = NonNullable<Input['runbooks']>[number];

export interface ServicePart {
  service: Input['service'];
  telemetry: Input['telemetry'];
  alerts: AlertInput[];
  runbooks: RunbookInput[];
  /** The runbook files' text, by path. */
  files: DraftFile[];
  /** The runbook about errors: the story's alert and investigation point to it. */
  errorRunbook: string | undefined;
  /** The cohort that gets a new release first, if the service ships by canary. */
  canary: string | undefined;
  /** What the player is told as the shift starts, if the service has more to say than the template. */
  briefing?: string;
  /** Comments on the service part, by path from the top of the scenario. */
  notes: Note[];
}

/**
 * The SRE workbook's fast-burn page: 2% of a 30-day budget spent within an hour (14.4x),
 * confirmed over five minutes. Every generated scenario pages with it unless the team's
 * own alerts already page.
 */
export function fastBurnAlert(service: string, name: string, runbook?: string): AlertInput {
  return {
    id: 'fast-burn',
    name,
    summary: `${service} is spending its error budget over 14 times faster than the month allows`,
    severity: 'critical',
    route: 'page',
    ...(runbook ? { runbook } : {}),
    rule: { kind: 'burnRate', slo: 'availability', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 },
  };
}

/** The SLO that drives the error-budget gauge: the first availability SLO (as the engine picks it). */
export function primarySlo(part: ServicePart): Input['service']['slos'][number] {
  const slos = part.service.slos;
  return slos.find((s) => s.kind === 'availability') ?? (slos[0] as Input['service']['slos'][number]);
}

const ERROR_RUNBOOK = `# orders-api: high error rate

<!-- ${todo('replace these steps with your team\'s real runbook, or keep it deliberately stale (set `stale: true`) to teach players to doubt it.')} -->

The fast-burn alert pages when orders-api spends its error budget more than 14 times
faster than the month can afford.

1. Open the orders-api dashboard. Is the error ratio up for all traffic or one slice?
2. Check what changed: deploys, config pushes and feature flags in the last hour.
3. If a change lines up with the start of the errors, roll it back first and debug later.
4. Post an update in #incidents: what customers see, what you are doing, when you will post next.
5. Page the on-call lead if errors are not falling within 15 minutes of your first action.
`;

/** A plausible small web service: the template's default until a trainer brings their own. */
export function exampleServicePart(): ServicePart {
  return {
    service: {
      name: 'orders-api',
      team: 'commerce-platform',
      description: 'Takes and tracks customer orders for the web shop and the mobile app.',
      slos: [
        {
          id: 'availability',
          kind: 'availability',
          objective: 99.9,
          window: '30d',
          description: '99.9% of order requests succeed, over a rolling 30 days.',
        },
        {
          id: 'latency',
          kind: 'latency',
          objective: 99,
          thresholdMs: 500,
          window: '30d',
          description: '99% of order requests complete within 500 ms, over a rolling 30 days.',
        },
      ],
    },
    telemetry: {
      tick: '10s',
      rps: 400,
      errorRatio: 0.0005,
      latency: { p50: 45, p95: 140, p99: 280 },
      signals: [{ id: 'cpu', label: 'CPU', unit: '%', baseline: 35, max: 100 }],
    },
    alerts: [
      fastBurnAlert('orders-api', 'OrdersApiFastBurn', 'high-error-rate'),
      {
        id: 'slow-burn',
        name: 'OrdersApiSlowBurn',
        summary: 'orders-api has been spending its error budget 6 times too fast for hours',
        severity: 'warning',
        route: 'chat',
        runbook: 'high-error-rate',
        rule: { kind: 'burnRate', slo: 'availability', longWindow: '6h', shortWindow: '30m', burnRate: 6 },
      },
    ],
    runbooks: [{ id: 'high-error-rate', title: 'orders-api: high error rate', file: 'runbooks/high-error-rate.md' }],
    files: [{ path: 'runbooks/high-error-rate.md', text: ERROR_RUNBOOK }],
    errorRunbook: 'high-error-rate',
    canary: undefined,
    notes: [
      above(
        ['service'],
        'The service the player is on call for. Everything below is what their dashboards,\n' +
          'pager and runbooks show. `npm run scenario -- new <id> --from-service <file>` fills\n' +
          'this part from your team\'s service ownership file (see docs/examples/service.yaml).',
        { gap: true },
      ),
      above(['service', 'slos'], 'The first availability SLO drives the error-budget gauge and the budget endings.'),
      after(['service', 'slos', 0, 'objective'], '30-day budget at 99.9%: 43.2 minutes of errors'),
      above(
        ['telemetry'],
        'What healthy looks like. Phases and actions move these numbers (see `onEnter`).\n' +
          todo('copy real baselines from your dashboards; wrong numbers teach wrong habits.'),
        { gap: true },
      ),
      after(['telemetry', 'tick'], 'engine step; 10s suits most incidents'),
      after(['telemetry', 'errorRatio'], 'share of requests failing on a good day'),
      after(['telemetry', 'latency'], 'milliseconds'),
      above(
        ['alerts'],
        'Alert rules, evaluated on the simulated telemetry. A `page` wakes the player up;\n' +
          'multiwindow burn-rate rules (1h/5m at 14.4x, 6h/30m at 6x) follow the SRE workbook.',
        { gap: true },
      ),
      above(['runbooks'], 'Markdown files beside this one. A runbook can be wrong on purpose (`stale: true`).', { gap: true }),
    ],
  };
}
