/**
 * The template's incident: a release breaks the service a couple of minutes into the
 * shift. Rolling back resolves it; doing nothing lets the error budget run out. It is
 * the most common incident there is, so every trainer can read it, and it uses each
 * part of the format once so the author sees how the parts connect before replacing them.
 */
import { parseDuration, type ScenarioInput } from '../schema/index.ts';
import { above, after, todo, type Note } from './draft.ts';
import { primarySlo, type ServicePart } from './service-part.ts';

type Input = ScenarioInput;
type Story = Pick<Input, 'facts' | 'stakeholders' | 'messages' | 'phases' | 'endings' | 'actions' | 'prompts' | 'scoring'>;

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
 * Budget already spent when the shift starts, chosen so that ignoring the incident
 * exhausts the budget in about forty minutes: the losing path ends inside the time
 * limit, and the player feels the gauge move.
 */
export function budgetAtStart(part: ServicePart): number {
  const slo = primarySlo(part);
  const window = (slo.window === undefined ? undefined : parseDuration(slo.window)) ?? 30 * SECONDS_PER_DAY;
  const burn = failingShare(part) / (1 - slo.objective / 100);
  const needed = (burn * LOSING_AFTER) / window;
  return Math.round(Math.max(0, Math.min(0.9, 1 - needed)) * 100) / 100;
}

/** The story part of the template, fitted to the service part. */
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
        text: 'The month\'s error budget is gone: releases freeze until it recovers.',
        when: { budgetSpentAbove: 1 },
      },
      { id: 'out-of-time', outcome: 'timeout', title: 'Shift over', text: 'The hour ended with the incident still open.' },
    ],
    actions: [
      {
        id: 'check-changes',
        kind: 'investigate',
        label: 'Check recent changes',
        cost: '1m',
        ...(part.errorRunbook ? { runbook: part.errorRunbook } : {}),
        effects: { reveal: ['bad-release'], result: 'deploy log: v2.8.0 rolled out at 00:02 (v2.7.3 before it).' },
        evidence: [{ dimension: 'mastery', level: 'L2', why: 'Checked what changed before anything else.', when: { phase: 'bad-release' } }],
      },
      {
        id: 'read-logs',
        kind: 'investigate',
        label: 'Read the error logs',
        cost: '2m',
        effects: { reveal: ['error-signature'] },
        evidence: [{ dimension: 'mastery', level: 'L2', why: 'Matched the error spike to one log signature.', when: { phase: 'bad-release' } }],
      },
      {
        id: 'roll-back',
        kind: 'mitigate',
        label: part.canary ? 'Abort the canary' : 'Roll back to v2.7.3',
        cost: '2m',
        available: { phase: 'bad-release' },
        effects: { goto: 'recovering', marker: 'rollback to v2.7.3', result: 'Rollback complete: v2.7.3 serves all traffic.' },
        evidence: [{ dimension: 'judgment', level: 'L2', why: 'Mitigated with a safe lever before hunting the root cause.' }],
        hint: 'Rolling back first and debugging later is almost always right when a release lines up with the errors.',
      },
      {
        id: 'restart-pods',
        kind: 'mitigate',
        label: 'Restart all pods',
        cost: '2m',
        available: { phase: 'bad-release' },
        effects: { result: 'Every pod restarts at once; the errors return as soon as they take traffic.' },
        evidence: [{ dimension: 'judgment', level: 'L1', why: 'Restarted everything at once without a hypothesis.', harmful: true }],
      },
      {
        id: 'post-update',
        kind: 'communicate',
        label: 'Post a status update',
        cost: '1m',
        repeatable: true,
        evidence: [{ dimension: 'communication', level: 'L2', why: 'Posted an update with impact, actions and the next update time.' }],
      },
    ],
    prompts: [
      {
        id: 'declare',
        question: 'Customers can see the errors. Do you declare an incident?',
        when: { acked: true },
        timeout: '5m',
        options: [
          {
            id: 'sev2',
            label: 'Declare SEV2: customers are affected',
            effects: { declare: 'SEV2' },
            evidence: [{ dimension: 'judgment', level: 'L3', why: 'Declared a major incident once customers could see it.' }],
          },
          {
            id: 'sev4',
            label: 'Declare SEV4: it is only errors',
            effects: { declare: 'SEV4' },
            evidence: [{ dimension: 'judgment', level: 'L1', why: 'Called customer-visible errors a minor incident.' }],
          },
          { id: 'wait', label: 'Not yet: look around first', default: true },
        ],
      },
    ],
    scoring: {
      rules: [
        {
          id: 'ack-in-time',
          kind: 'timing',
          event: '@ack',
          from: 'page',
          within: '5m',
          met: [{ dimension: 'ownership', level: 'L2', why: 'Acknowledged the page within five minutes.' }],
          missed: [{ dimension: 'ownership', level: 'L1', why: 'Left the page unacknowledged for over five minutes.' }],
        },
        {
          id: 'quiet-too-long',
          kind: 'silence',
          event: '@update',
          from: 'page',
          longerThan: '20m',
          evidence: [{ dimension: 'communication', level: 'L1', why: 'Went twenty minutes without a status update.' }],
        },
      ],
      references: [],
    },
  };

  const notes: Note[] = [
    above(['facts'], 'Things the player can find out. Actions reveal them (`reveal:`); conditions test them (`known:`).', { gap: true }),
    above(['stakeholders'], 'People who message the player.', { gap: true }),
    above(['messages'], 'Sent the first time their `when` holds: here, ten minutes without a status update.', { gap: true }),
    above(
      ['phases'],
      'The incident\'s ground truth, as stages. The run starts in the first phase; a phase moves on\n' +
        'by its `transitions` (on time or conditions) or when an action or answer says `goto:`.\n' +
        'See it as a diagram with `npm run scenario -- graph <this file>`.',
      { gap: true },
    ),
    above(['phases', 1, 'onEnter', 'telemetry'], 'How the dashboards move when the phase starts: step, ramp or decay.'),
    above(['endings'], 'How a run can end. An ending with `when` ends the run from any phase.', { gap: true }),
    after(['timeoutEnding'], 'reached when `timeLimit` passes'),
    above(
      ['actions'],
      'What the player can do. `cost` is the sim time it takes; effects land when it completes.\n' +
        '`evidence` is what taking it shows on the career ladder (L1 junior … L5 principal);\n' +
        '`harmful: true` marks an anti-pattern, which caps the level.',
      { gap: true },
    ),
    above(['actions', 3], 'A tempting wrong move: it costs time and teaches why restarts rarely fix a bad release.'),
    above(['prompts'], 'Decisions the game asks for in a dialog. The `default` option is taken on timeout.', { gap: true }),
    above(
      ['scoring'],
      'Scoring beyond single choices: timing, omissions, silences, sequences, repeats.\n' +
        todo('add reference playthroughs (at least L1, L3 and L5) once the evidence is in place:\n' +
          'each is a timed choice log and the level the scorer must give it. See docs/authoring.md.'),
      { gap: true },
    ),
    after(['scoring', 'references'], todo('add reference playthroughs')),
  ];
  return { story, notes };
}
