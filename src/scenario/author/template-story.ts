/**
 * The template's incident: a release breaks the service a couple of minutes into the
 * shift. Rolling back resolves it; doing nothing lets the error budget run out. It is
 * the most common incident there is, so every trainer can read it, and it uses each
 * part of the format so the author sees how the parts connect before replacing them.
 * This file holds what happens; template-choices.ts what the player can do about it.
 */
import { parseDuration, type ScenarioInput } from '../schema/index.ts';
import { above, after, type Note } from './draft.ts';
import { primarySlo, type ServicePart } from './service-part.ts';

type Input = ScenarioInput;
type Story = Pick<Input, 'facts' | 'stakeholders' | 'messages' | 'phases' | 'endings'>;

/** How long a player who does nothing should take to run the budget out, in seconds. */
const LOSING_AFTER = 40 * 60;
const SECONDS_PER_DAY = 86400;

/** Share of the primary SLO's requests that fail while the bad release is live. */
function failingShare(part: ServicePart): number {
  if (!part.canary) return 0.2;
  const cohort = part.telemetry.cohorts?.find((c) => c.id === part.canary);
  return 0.5 * (cohort?.share ?? 0.1);
}

/**
 * Budget already spent when the shift starts, chosen so that a player who does nothing
 * exhausts the budget after about `losingAfter` seconds of failures: the losing path ends
 * inside the time limit, and the player feels the gauge move.
 */
export function budgetForLosingPath(objective: number, window: number, failing: number, losingAfter = LOSING_AFTER): number {
  const burn = failing / (1 - objective / 100);
  const needed = (burn * losingAfter) / window;
  return Math.round(Math.max(0, Math.min(0.9, 1 - needed)) * 100) / 100;
}

/** {@link budgetForLosingPath} for the template's own story on this service. */
export function budgetAtStart(part: ServicePart): number {
  const slo = primarySlo(part);
  const window = (slo.window === undefined ? undefined : parseDuration(slo.window)) ?? 30 * SECONDS_PER_DAY;
  return budgetForLosingPath(slo.objective, window, failingShare(part));
}

/** The incident part of the template, fitted to the service part. */
export function templateStory(part: ServicePart): { story: Story; notes: Note[] } {
  const name = part.service.name;
  const cohort = part.canary ? { cohort: part.canary } : {};
  const signal = part.telemetry.signals?.[0]?.id;
  const breaks = [
    { metric: 'errorRatio', ...cohort, to: part.canary ? 0.5 : 0.2, shape: 'ramp' as const, over: '1m' },
    { metric: 'p99', ...cohort, factor: 2.5, shape: 'ramp' as const, over: '1m' },
    ...(signal ? [{ metric: signal, factor: 1.3, shape: 'ramp' as const, over: '2m' }] : []),
  ];
  const heals = [
    { metric: 'errorRatio', ...cohort, reset: true, shape: 'decay' as const, over: '2m' },
    { metric: 'p99', ...cohort, reset: true, shape: 'decay' as const, over: '2m' },
    ...(signal ? [{ metric: signal, reset: true, shape: 'decay' as const, over: '3m' }] : []),
  ];
  const where = part.canary ? 'the canary' : 'production';

  const story: Story = {
    facts: [
      { id: 'bad-release', text: `Release v2.8.0 of ${name} reached ${where} at 00:02, a minute before the errors began.` },
      { id: 'error-signature', text: 'The failing requests all throw NullPointerException in code the release added.' },
      { id: 'dependencies-healthy', text: `Everything ${name} calls is healthy: the errors start inside ${name}.` },
      { id: 'budget-status', text: 'The budget is burning about 200 times faster than the month allows; at this rate it is gone within the hour.' },
      { id: 'release-process', text: `Releases of ${name} go to all traffic at once: no canary, no automatic abort on errors.` },
    ],
    stakeholders: [{ id: 'support-lead', name: 'Priya Shah', role: 'Support lead' }],
    messages: [
      {
        id: 'support-asks',
        from: 'support-lead',
        text: 'Customers are telling us their requests fail. Is there anything I can tell them?',
        when: { phase: 'bad-release', noUpdateFor: '10m' },
      },
    ],
    phases: [
      {
        id: 'steady',
        title: 'Before the release',
        description: 'All is well. The release train is about to ship v2.8.0.',
        transitions: [{ to: 'bad-release', when: { at: '2m' }, description: `v2.8.0 reaches ${where}.` }],
      },
      {
        id: 'bad-release',
        title: 'The release fails requests',
        description: 'v2.8.0 throws on a code path most requests take. Only rolling back helps.',
        onEnter: { marker: 'release v2.8.0', telemetry: breaks },
        logs: [{ level: 'error', source: name, text: 'request failed: NullPointerException at DiscountRules.apply', every: '5s' }],
      },
      {
        id: 'recovering',
        title: 'Rolled back; errors drain',
        onEnter: { telemetry: heals },
        transitions: [{ to: 'resolved', when: { inPhaseFor: '5m' }, description: 'Five quiet minutes after the rollback.' }],
      },
    ],
    endings: [
      { id: 'resolved', outcome: 'resolved', title: 'Service restored', text: 'The rollback stopped the errors before the budget ran out.' },
      {
        id: 'budget-exhausted',
        outcome: 'exhausted',
        title: 'Error budget exhausted',
        text: "The month's error budget is gone: releases freeze until it recovers.",
        when: { budgetSpentAbove: 1 },
      },
      { id: 'out-of-time', outcome: 'timeout', title: 'Shift over', text: 'The hour ended with the incident still open.' },
    ],
  };

  const notes: Note[] = [
    above(['facts'], 'Things the player can find out. Actions reveal them (`reveal:`); conditions test them (`known:`).', { gap: true }),
    above(['stakeholders'], 'People who message the player or ask them questions.', { gap: true }),
    above(['messages'], 'Sent the first time their `when` holds: here, ten minutes without a status update.', { gap: true }),
    above(
      ['phases'],
      "The incident's ground truth, as stages. The run starts in the first phase; a phase moves on\n" +
        'by its `transitions` (on time or conditions) or when an action or answer says `goto:`.\n' +
        'See it as a diagram with `npm run scenario -- graph <this file>`.',
      { gap: true },
    ),
    above(['phases', 1, 'onEnter', 'telemetry'], 'How the dashboards move when the phase starts: step, ramp or decay.'),
    above(['endings'], 'How a run can end. An ending with `when` ends the run from any phase.', { gap: true }),
    after(['timeoutEnding'], 'reached when `timeLimit` passes'),
  ];
  return { story, notes };
}
