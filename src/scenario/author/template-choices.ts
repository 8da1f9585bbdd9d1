/**
 * What the player can do in the template's incident, and what each choice shows about
 * them. The evidence is calibrated: every dimension of the ladder is observable, every
 * level from L1 to L5 is reachable, and the reference playthroughs below score as they
 * say — so the checker passes with no warnings, and an author who changes a choice sees
 * at once (from `check`) what that did to the scoring.
 */
import type { ScenarioInput } from '../schema/index.ts';
import { above, after, type Note } from './draft.ts';
import type { ServicePart } from './service-part.ts';

type Choices = Pick<ScenarioInput, 'actions' | 'prompts' | 'scoring'>;
type RuleInput = NonNullable<NonNullable<ScenarioInput['scoring']>['rules']>[number];

/** A rule every incident with a page can use: acknowledging within five minutes is what on-call asks of anyone. */
export function ackInTime(): RuleInput {
  return {
    id: 'ack-in-time',
    kind: 'timing',
    event: '@ack',
    from: 'page',
    within: '5m',
    met: [{ dimension: 'ownership', level: 'L2', why: 'Acknowledged the page within five minutes.' }],
    missed: [{ dimension: 'ownership', level: 'L1', why: 'Left the page unacknowledged for over five minutes.' }],
  };
}

/** The choices part of the template, fitted to the service part. */
export function templateChoices(part: ServicePart): { choices: Choices; notes: Note[] } {
  const name = part.service.name;
  const during = { phase: 'bad-release' };
  const choices: Choices = {
    actions: [
      {
        id: 'check-changes',
        kind: 'investigate',
        label: 'Check recent changes',
        cost: '1m',
        ...(part.errorRunbook ? { runbook: part.errorRunbook } : {}),
        effects: { reveal: ['bad-release'], result: 'deploy log: v2.8.0 rolled out at 00:02 (v2.7.3 before it).' },
        evidence: [{ dimension: 'mastery', level: 'L2', why: 'Checked what changed before anything else.', when: during }],
      },
      {
        id: 'read-logs',
        kind: 'investigate',
        label: 'Read the error logs',
        cost: '2m',
        relevant: during,
        effects: { reveal: ['error-signature'] },
        evidence: [{ dimension: 'mastery', level: 'L2', why: 'Matched the error spike to one log signature.', when: during }],
      },
      {
        id: 'check-dependencies',
        kind: 'investigate',
        label: `Check what ${name} depends on`,
        cost: '1m',
        relevant: during,
        effects: { reveal: ['dependencies-healthy'] },
        evidence: [{ dimension: 'scope', level: 'L2', why: 'Looked one hop up and downstream before blaming the service.', when: during }],
      },
      {
        id: 'check-budget',
        kind: 'investigate',
        label: 'Check the error budget',
        cost: '1m',
        relevant: during,
        effects: { reveal: ['budget-status'] },
        evidence: [{ dimension: 'judgment', level: 'L3', why: 'Sized the incident by the budget left and how fast it burns.', when: during }],
      },
      {
        id: 'roll-back',
        kind: 'mitigate',
        label: part.canary ? 'Abort the canary' : 'Roll back to v2.7.3',
        cost: '2m',
        available: during,
        effects: { goto: 'recovering', marker: 'rollback to v2.7.3', result: 'Rollback complete: v2.7.3 serves all traffic.' },
        evidence: [
          { dimension: 'judgment', level: 'L2', why: 'Mitigated with a safe lever before hunting the root cause.' },
          { dimension: 'trust', level: 'L2', why: "Ran the runbook's rollback on their own." },
        ],
        hint: 'Rolling back first and debugging later is almost always right when a release lines up with the errors.',
      },
      {
        id: 'restart-pods',
        kind: 'mitigate',
        label: 'Restart all pods',
        cost: '2m',
        available: during,
        effects: { result: 'Every pod restarts at once; the errors return as soon as they take traffic.' },
        evidence: [{ dimension: 'judgment', level: 'L1', why: 'Restarted everything at once without a hypothesis.', harmful: true }],
      },
      {
        id: 'ask-lead',
        kind: 'escalate',
        label: 'Ask the team lead whether to roll back',
        cost: '2m',
        relevant: during,
        available: during,
        effects: { result: 'The team lead: "Yes, roll back. You did not need to ask for that."' },
        evidence: [{ dimension: 'trust', level: 'L1', why: 'Waited for approval before a routine rollback.' }],
      },
      {
        id: 'hand-over-command',
        kind: 'escalate',
        label: 'Hand command to the lead; keep fixing',
        cost: '1m',
        relevant: during,
        available: during,
        evidence: [{ dimension: 'flexibility', level: 'L4', why: 'Handed incident command over to stay the expert on the fix.' }],
      },
      {
        id: 'review-release-process',
        kind: 'investigate',
        label: 'Ask why the release hit everyone at once',
        cost: '3m',
        relevant: { phase: ['bad-release', 'recovering'] },
        available: { phase: ['bad-release', 'recovering'] },
        effects: { reveal: ['release-process'] },
        evidence: [
          { dimension: 'scope', level: 'L4', why: 'Looked at the release process other teams share, not just this release.' },
          { dimension: 'planning', level: 'L4', why: 'Started on the follow-up while the incident was still fresh.' },
        ],
      },
      {
        id: 'post-update',
        kind: 'communicate',
        statusUpdate: true,
        label: 'Post a status update',
        cost: '1m',
        repeatable: true,
        evidence: [
          { dimension: 'communication', level: 'L2', why: 'Posted an update with impact, actions and the next update time.' },
          {
            dimension: 'communication',
            level: 'L5',
            why: 'Published the customer message shaped with support, so every audience heard the same story.',
            when: { chosen: ['customers.draft'] },
          },
        ],
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
            id: 'sev4',
            label: 'Declare SEV4: it is only errors',
            effects: { declare: 'SEV4' },
            evidence: [{ dimension: 'judgment', level: 'L1', why: 'Called customer-visible errors a minor incident.' }],
          },
          {
            id: 'sev2',
            label: 'Declare SEV2: customers are affected',
            effects: { declare: 'SEV2' },
            evidence: [
              { dimension: 'judgment', level: 'L3', why: 'Declared a major incident once customers could see it.' },
              { dimension: 'ownership', level: 'L3', why: 'Took ownership of the incident by declaring it.' },
            ],
          },
          { id: 'wait', label: 'Not yet: look around first', default: true },
        ],
      },
      {
        id: 'customers',
        from: 'support-lead',
        question: 'Priya (support): "What should we tell customers?"',
        when: { phase: 'bad-release', inPhaseFor: '6m' },
        timeout: '4m',
        options: [
          {
            id: 'busy',
            label: 'Nothing yet: I am busy fixing it',
            default: true,
            evidence: [{ dimension: 'communication', level: 'L1', why: 'Left support with nothing to tell customers.' }],
          },
          {
            id: 'short',
            label: 'Orders are failing, we are rolling back, next update in 20 minutes',
            evidence: [{ dimension: 'communication', level: 'L3', why: 'Gave support the impact, the action and the next update time.' }],
          },
          {
            id: 'brief-all',
            label: 'Brief support and the VP together and set a 20-minute update cadence',
            evidence: [{ dimension: 'communication', level: 'L4', why: 'Ran the communication for every audience at once.' }],
          },
          {
            id: 'draft',
            label: 'Write the status page note with Priya: who is affected, the workaround, the next update',
            evidence: [{ dimension: 'communication', level: 'L5', why: 'Shaped the customer message together with support.' }],
          },
        ],
      },
      {
        id: 'follow-up',
        question: 'The errors are gone. What happens next?',
        when: { phase: 'recovering' },
        timeout: '4m',
        options: [
          {
            id: 'close',
            label: 'Close the incident: the rollback fixed it',
            default: true,
            evidence: [{ dimension: 'feedback', level: 'L1', why: 'Closed the incident without a review.' }],
          },
          {
            id: 'postmortem',
            label: 'Write the postmortem and book a blameless review this week',
            evidence: [
              { dimension: 'feedback', level: 'L3', why: 'Booked a blameless review of the incident.' },
              { dimension: 'ownership', level: 'L3', why: 'Owned the postmortem.' },
            ],
          },
          {
            id: 'plan',
            label: 'Put the fixes in next sprint and hold releases until the bug has a test',
            evidence: [
              { dimension: 'planning', level: 'L4', why: "Fed the follow-ups into the team's planning." },
              { dimension: 'ownership', level: 'L4', why: 'Got the follow-ups scheduled, not just written down.' },
            ],
          },
          {
            id: 'policy',
            label: 'Propose canary releases that abort on the burn-rate alert, for every team',
            evidence: [
              { dimension: 'planning', level: 'L5', why: 'Turned the incident into a release policy for the organisation.' },
              { dimension: 'scope', level: 'L5', why: 'Fixed the gap for every service that ships the same way.' },
              { dimension: 'feedback', level: 'L5', why: 'Built the lesson into how releases work, not just into a document.' },
            ],
          },
        ],
      },
    ],
    scoring: {
      rules: [
        ackInTime(),
        {
          id: 'quiet-too-long',
          kind: 'silence',
          event: '@update',
          from: 'page',
          longerThan: '20m',
          evidence: [{ dimension: 'communication', level: 'L1', why: 'Went twenty minutes without a status update.' }],
        },
        {
          id: 'update-early',
          kind: 'timing',
          event: '@update',
          from: '@declare',
          within: '4m',
          met: [{ dimension: 'communication', level: 'L4', why: 'Posted an accurate update within four minutes of declaring, before anyone had to ask.' }],
          missed: [],
        },
        {
          id: 'dropped-restart',
          kind: 'sequence',
          first: 'restart-pods',
          then: 'roll-back',
          evidence: [{ dimension: 'flexibility', level: 'L3', why: 'Dropped the restart idea when the errors came back, and rolled back.' }],
        },
      ],
      references: [
        {
          id: 'junior',
          level: 'L1',
          description: 'Acknowledges late, under-calls the severity, restarts, asks permission, rolls back at last.',
          choices: [
            { at: 600, choose: 'customers.busy' },
            { at: 760, ack: true },
            { at: 770, choose: 'declare.sev4' },
            { at: 800, do: 'restart-pods' },
            { at: 930, do: 'ask-lead' },
            { at: 1060, do: 'roll-back' },
            { at: 1200, choose: 'follow-up.close' },
          ],
          expect: 'L1',
        },
        {
          id: 'senior',
          level: 'L3',
          description: 'Acknowledges at once, declares SEV2, checks changes and budget, rolls back, books the postmortem.',
          choices: [
            { at: 420, ack: true },
            { at: 430, choose: 'declare.sev2' },
            { at: 440, do: 'check-changes' },
            { at: 500, do: 'check-budget' },
            { at: 510, choose: 'customers.short' },
            { at: 570, do: 'roll-back' },
            { at: 700, choose: 'follow-up.postmortem' },
            { at: 710, do: 'post-update', update: { impact: 'ongoing', known: 'cause', doing: 'mitigating', next: '30m' } },
          ],
          expect: 'L3',
        },
        {
          id: 'lead',
          level: 'L4',
          description: 'Mitigates as fast as the principal, briefs every audience, gets the follow-ups into planning and looks at the shared release process.',
          choices: [
            { at: 410, ack: true },
            { at: 420, choose: 'declare.sev2' },
            { at: 430, do: 'check-budget' },
            { at: 490, choose: 'customers.brief-all' },
            { at: 500, do: 'roll-back' },
            { at: 622, do: 'post-update', update: { impact: 'ongoing', known: 'cause', doing: 'mitigating', next: '30m' } },
            { at: 640, choose: 'follow-up.plan' },
            { at: 700, do: 'review-release-process' },
          ],
          expect: 'L4',
        },
        {
          id: 'principal',
          level: 'L5',
          description: 'Sizes the incident by the budget and mitigates as fast as the senior, updates everyone early, shapes the customer message, and fixes the release process for everyone.',
          choices: [
            { at: 410, ack: true },
            { at: 420, choose: 'declare.sev2' },
            { at: 430, do: 'check-budget' },
            { at: 490, choose: 'customers.draft' },
            { at: 500, do: 'roll-back' },
            { at: 622, do: 'post-update', update: { impact: 'ongoing', known: 'cause', doing: 'mitigating', next: '30m' } },
            { at: 640, choose: 'follow-up.policy' },
          ],
          expect: 'L5',
        },
      ],
    },
  };

  const notes: Note[] = [
    above(
      ['actions'],
      'What the player can do. `cost` is the sim time it takes; effects land when it completes.\n' +
        '`evidence` is what taking it shows on the career ladder (L1 junior … L5 principal), in\n' +
        'one of nine dimensions; `harmful: true` marks an anti-pattern, which caps the level.',
      { gap: true },
    ),
    above(['actions', 5], 'A tempting wrong move: it costs time and teaches why restarts rarely fix a bad release.'),
    above(['prompts'], 'Decisions the game asks for in a dialog. The `default` option is taken on timeout.', { gap: true }),
    above(
      ['scoring'],
      'Scoring beyond single choices: timing, omissions, silences, sequences, repeats; then the\n' +
        'reference playthroughs: timed choice logs with the level the scorer must give them.\n' +
        '`npm run scenario -- check` replays them; `npm run scenario -- play <file> --persona L3` shows one.',
      { gap: true },
    ),
  ];
  return { choices, notes };
}
