/** Schema for scenario-declared scoring rules and reference playthroughs. */
import { z } from 'zod';
import { Duration, Evidence, Id, Level, MAX_SECONDS } from './primitives.ts';

/**
 * What a rule watches: an action id, a prompt option as "promptId.optionId", or one of
 * "@ack" (the page acknowledged), "@declare" (a severity declared), "@update" (an
 * accurate status update), "@investigate", "@mitigate", "@communicate", "@escalate"
 * (any action of that kind).
 */
export const EventRef = z
  .string()
  .min(1)
  .max(130)
  .meta({
    description:
      'An action id, a prompt option as "prompt.option", or @ack, @declare, @update (an accurate status update), @investigate, @mitigate, @communicate, @escalate.',
    examples: ['rollback-canary', 'declare.sev2', '@ack', '@mitigate'],
  });

const Anchor = z
  .string()
  .min(1)
  .max(130)
  .default('start')
  .meta({ description: '"start" (the run began), "page" (the first page fired) or an event reference: the clock for `within` starts here.' });

const EvidenceList = z.array(Evidence).max(10).default([]);

const TimingRule = z.strictObject({
  id: Id,
  kind: z.literal('timing').meta({ description: 'timing: `met` counts if the event happens within `within` of `from` (or before `beforeBudget` of the error budget is spent), `missed` if it is late or never happens.' }),
  event: EventRef,
  from: Anchor,
  within: Duration.optional().meta({ description: 'Met if the event happens within this long of `from`.' }),
  beforeBudget: z.number().min(0).max(100).optional().meta({ description: 'Met if the event happens before this fraction of the error budget is spent.' }),
  met: EvidenceList.meta({ description: 'Evidence when the event happened in time.' }),
  missed: EvidenceList.meta({ description: 'Evidence when it happened late or never (only once `from` has happened).' }),
});

const OmissionRule = z.strictObject({
  id: Id,
  kind: z.literal('omission').meta({ description: 'omission: its `evidence` counts if the event never happens in the whole run.' }),
  event: EventRef,
  evidence: EvidenceList.meta({ description: 'Evidence when the event never happened in the whole run.' }),
});

const SilenceRule = z.strictObject({
  id: Id,
  kind: z.literal('silence').meta({ description: 'silence: its `evidence` counts if the event does not happen for longer than `longerThan`.' }),
  event: EventRef.default('@update'),
  from: Anchor,
  longerThan: Duration.meta({ description: 'A gap between events (or from `from` to the first one, or from the last one to the end) longer than this counts.' }),
  evidence: EvidenceList.meta({ description: 'Evidence when such a gap happened.' }),
});

const SequenceRule = z.strictObject({
  id: Id,
  kind: z.literal('sequence').meta({ description: 'sequence: its `evidence` counts if `first` happens before `then`.' }),
  first: EventRef,
  then: EventRef,
  evidence: EvidenceList.meta({ description: 'Evidence when `first` happened before `then` (both happened).' }),
});

const RepeatRule = z.strictObject({
  id: Id,
  kind: z.literal('repeat').meta({ description: 'repeat: its `evidence` counts if the event happens at least `atLeast` times (all within `within`, if given).' }),
  event: EventRef,
  atLeast: z.number().int().min(2).max(100).meta({ description: 'How many times the event must happen.' }),
  within: Duration.optional().meta({ description: 'All within this span of sim time.' }),
  evidence: EvidenceList.meta({ description: 'Evidence when the event repeated that often.' }),
});

export const ScoringRule = z
  .discriminatedUnion('kind', [TimingRule, OmissionRule, SilenceRule, SequenceRule, RepeatRule])
  .meta({
    description:
      'timing: an event within a time or before a budget spend. omission: never did it. silence: long gaps. sequence: one event before another. repeat: the same event many times.',
  });
export type ScoringRule = z.infer<typeof ScoringRule>;

/** What a status update says, one choice per field (the desk's composer offers these). */
export const StatusUpdateContent = z
  .strictObject({
    impact: z.enum(['none', 'ongoing', 'restored']).meta({
      description: 'Who is affected: none (no customer impact), ongoing (customers are affected now) or restored (they were, and no longer are).',
    }),
    known: z.enum(['nothing', 'symptoms', 'cause']).meta({
      description: 'What is known: nothing yet, the symptoms (something has been learned, not the cause) or the cause.',
    }),
    doing: z.enum(['investigating', 'mitigating', 'monitoring']).meta({
      description: 'What is being done: investigating (no fix started), mitigating (a fix started, still hurting) or monitoring (it stopped hurting).',
    }),
    next: z.enum(['15m', '30m', '60m', 'none']).meta({
      description: 'When the next update comes; none only for a final update once service is restored.',
    }),
  })
  .meta({ description: 'The content of a status update. Each field is checked against the run at the moment it is sent.' });
export type StatusUpdateContent = z.infer<typeof StatusUpdateContent>;

/** What a choice does, apart from its time: the same fields in a reference, a save and an export. */
const choiceFields = {
  do: Id.optional().meta({ description: 'Take this action.' }),
  choose: z.string().regex(/^[A-Za-z][\w-]*\.[A-Za-z][\w-]*$/, 'a choice is written "promptId.optionId"').optional().meta({
    description: 'Answer a prompt: "promptId.optionId".',
  }),
  ack: z.literal(true).optional().meta({ description: 'Acknowledge the pager.' }),
  update: StatusUpdateContent.optional().meta({ description: 'With `do` on a status-update action: what the update says.' }),
};

/** True when a choice gives exactly one of do, choose or ack. */
export const givesOneChoice = (c: { do?: string; choose?: string; ack?: true }): boolean =>
  [c.do, c.choose, c.ack].filter((x) => x !== undefined).length === 1;

export const Choice = z
  .strictObject({ at: Duration.meta({ description: 'Sim time of the choice.' }), ...choiceFields })
  .meta({ description: 'One timed choice: exactly one of do, choose or ack.' });
export type Choice = z.infer<typeof Choice>;

/**
 * A choice as a run records it, its time in seconds: the run in progress, a kept run, a
 * debrief export. Unlike {@link Choice} it does not check that exactly one of do, choose or ack
 * is given, since a team drill's record also holds injects; see {@link givesOneChoice}.
 */
export const RecordedChoice = z.strictObject({
  at: z.number().nonnegative().max(MAX_SECONDS, `a choice's time is at most ${MAX_SECONDS} seconds`),
  ...choiceFields,
});

export const ReferencePlaythrough = z
  .strictObject({
    id: Id,
    level: Level.meta({ description: 'The level this playthrough is written to show.' }),
    description: z.string().max(600).optional().meta({ description: 'How a player at this level works the incident.' }),
    seed: z.number().int().min(0).max(0xffffffff).optional().meta({ description: 'Seed to replay with (defaults to the scenario seed).' }),
    choices: z.array(Choice).max(500).meta({ description: 'The timed choices.' }),
    expect: Level.meta({ description: 'The overall level the scorer must assess.' }),
  })
  .meta({ description: 'A timed choice log with the overall level it must score: calibration for the scorer.' });
export type ReferencePlaythrough = z.infer<typeof ReferencePlaythrough>;

export const Scoring = z
  .strictObject({
    rules: z.array(ScoringRule).max(60).default([]).meta({ description: 'Timing, omission, silence, sequence and repeat rules.' }),
    references: z.array(ReferencePlaythrough).max(20).default([]).meta({ description: 'Reference playthroughs, at least L1, L3 and L5.' }),
    causes: z.array(Id).max(20).optional().meta({
      description:
        'Facts that identify the cause: a status update may say the cause is known once one of them is. Omit to count the cause as known once a mitigate action has started.',
    }),
  })
  .meta({ description: 'How the scenario is scored beyond per-choice evidence, and its calibration playthroughs.' });
