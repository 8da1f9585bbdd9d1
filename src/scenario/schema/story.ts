/** Schema for the story of an incident: phases, effects, actions, prompts, messages, endings. */
import { z } from 'zod';
import { ActionKind, Condition, Duration, Evidence, Id, IncidentSeverity } from './primitives.ts';
import { TelemetryEffect } from './telemetry.ts';
import { TeamRole } from './team-role.ts';

export const LogLine = z
  .strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']).default('info').meta({ description: 'Log level.' }),
    source: z.string().min(1).max(60).meta({ description: 'Where the line comes from: a pod, a component, a cohort.' }),
    text: z.string().min(1).max(500).meta({ description: 'The log message, shown as plain text.' }),
  })
  .meta({ description: 'One log line.' });

export const LogStream = LogLine.extend({
  every: Duration.meta({ description: 'Roughly how often the line repeats while the phase lasts (seeded jitter of ±30%).' }),
}).meta({ description: 'A log line that repeats while a phase lasts.' });

export const InlineMessage = z
  .strictObject({
    from: Id.meta({ description: 'The stakeholder who sends it.' }),
    text: z.string().min(1).max(800).meta({ description: 'The message text, shown as plain text.' }),
  })
  .meta({ description: 'A message that arrives as a result of an effect.' });

/** One version of a result text, shown only if its condition holds when the effect lands. */
export const ResultVariant = z
  .strictObject({
    when: Condition.optional().meta({ description: 'Shown only if this holds when the effect lands. Omit on the last version, the fallback.' }),
    text: z.string().max(1200).meta({ description: 'The result as the player reads it.' }),
  })
  .meta({ description: 'One version of a result text.' });

/** A result: plain text, or versions of it by condition (the first that holds is shown). */
export const ResultText = z.union([z.string().max(1200), z.array(ResultVariant).min(1).max(8)]);
export type ResultText = z.infer<typeof ResultText>;

export const Effects = z
  .strictObject({
    goto: Id.optional().meta({ description: 'Move the incident to this phase or ending.' }),
    telemetry: z.array(TelemetryEffect).max(40).default([]).meta({ description: 'Metric changes.' }),
    reveal: z.array(Id).max(40).default([]).meta({ description: 'Facts the player learns.' }),
    logs: z.array(LogLine).max(40).default([]).meta({ description: 'Log lines written once.' }),
    messages: z.array(InlineMessage).max(20).default([]).meta({ description: 'Messages that arrive.' }),
    declare: IncidentSeverity.optional().meta({ description: 'Declares (or re-declares) the incident at this severity.' }),
    silence: z.array(Id).max(20).default([]).meta({ description: 'Alerts this change stops from firing (raising a threshold, a silence).' }),
    result: ResultText.optional().meta({
      description:
        'What the player sees as the outcome, e.g. the output of a command: one text, or a list of texts with a `when`, of which the first whose condition holds as the effect lands is shown (so a finding only reports what has happened by then).',
    }),
    marker: z.string().min(1).max(40).optional().meta({
      description: 'Draws a labelled marker on the dashboard charts at this moment, e.g. "deploy v2.14.0 canary" or "config push".',
    }),
  })
  .meta({ description: 'What happens: phase change, telemetry moves, facts revealed, logs, messages.' });
export type Effects = z.infer<typeof Effects>;

export const Transition = z
  .strictObject({
    to: Id.meta({ description: 'The phase or ending to move to.' }),
    when: Condition.meta({ description: 'Moves as soon as this holds (checked every engine tick).' }),
    description: z.string().max(300).optional().meta({ description: 'Why the incident moves on (shown to facilitators and in the graph).' }),
  })
  .meta({ description: 'A move the incident makes on its own.' });

export const Phase = z
  .strictObject({
    id: Id,
    title: z.string().min(1).max(80).meta({ description: 'Name of the phase (ground truth: shown to facilitators, not players).' }),
    description: z.string().max(800).optional().meta({ description: 'What is really going on in this phase.' }),
    onEnter: Effects.default({ telemetry: [], reveal: [], logs: [], messages: [], silence: [] }).meta({
      description: 'Effects applied when the phase starts.',
    }),
    logs: z.array(LogStream).max(30).default([]).meta({ description: 'Log lines that repeat while the phase lasts.' }),
    transitions: z.array(Transition).max(20).default([]).meta({ description: 'Moves the incident makes on its own, first match wins.' }),
  })
  .meta({ description: 'A stage of the incident. The first phase is where the run starts.' });
export type Phase = z.infer<typeof Phase>;

export const Ending = z
  .strictObject({
    id: Id,
    outcome: z.enum(['resolved', 'exhausted', 'timeout', 'worse']).meta({
      description: 'resolved: service restored. exhausted: the error budget ran out. timeout: the time limit passed. worse: the player made it worse.',
    }),
    title: z.string().min(1).max(80).meta({ description: 'Headline of the ending.' }),
    text: z.string().max(1200).default('').meta({ description: 'What happened, shown at the end.' }),
    when: Condition.optional().meta({ description: 'Ends the run from any phase as soon as this holds (e.g. budgetSpentAbove: 1).' }),
  })
  .meta({ description: 'A way the run can end.' });

export const Action = z
  .strictObject({
    id: Id,
    kind: ActionKind,
    label: z.string().min(1).max(60).meta({ description: 'Button text, short and imperative: "Roll back the canary".' }),
    description: z.string().max(400).optional().meta({ description: 'Longer explanation shown on hover or focus.' }),
    key: z
      .string()
      .regex(/^[a-z0-9]$/, 'a key is one lowercase letter or digit')
      .optional()
      .meta({ description: 'Keyboard shortcut (one lowercase letter or digit). The game assigns one if omitted.' }),
    cost: Duration.default(60).meta({ description: 'Sim time the action takes. Its effects land when it completes.' }),
    available: Condition.default({}).meta({ description: 'When the action is offered. Omit for always.' }),
    repeatable: z.boolean().default(false).meta({ description: 'true if the player may take it more than once.' }),
    statusUpdate: z.boolean().default(false).meta({
      description: 'true for a status update: taking it opens the composer, and only an accurate update satisfies @update.',
    }),
    relevant: Condition.optional().meta({
      description:
        'When the situation calls for this action. Taken at other times it shows nothing and dilutes judgment. Omit to derive it from the reference playthroughs (the phases they took it in).',
    }),
    runbook: Id.optional().meta({ description: 'Opens this runbook when taken.' }),
    effects: Effects.default({ telemetry: [], reveal: [], logs: [], messages: [], silence: [] }),
    evidence: z.array(Evidence).max(20).default([]).meta({ description: 'What taking this action shows about the player.' }),
    hint: z.string().max(600).optional().meta({ description: 'Coaching shown after the action in practice mode.' }),
    role: TeamRole.optional().meta({
      description: 'In a team drill, the seat whose work this is. Omit for the default by kind: investigate and mitigate are ops, communicate is comms, escalate is ic.',
    }),
  })
  .meta({ description: 'Something the player can do.' });
export type Action = z.infer<typeof Action>;

export const PromptOption = z
  .strictObject({
    id: Id,
    label: z.string().min(1).max(160).meta({ description: 'The option as the player reads it.' }),
    when: Condition.optional().meta({
      description:
        'Offered only if this holds when the prompt opens (the answers then stay as they are until it is answered), so an answer never claims what the run has not shown, e.g. `{ done: rollback }` for "rolled back". Omit to always offer it.',
    }),
    effects: Effects.default({ telemetry: [], reveal: [], logs: [], messages: [], silence: [] }),
    evidence: z.array(Evidence).max(20).default([]).meta({ description: 'What choosing this option shows.' }),
    hint: z.string().max(600).optional().meta({ description: 'Coaching shown after the choice in practice mode.' }),
    default: z.boolean().default(false).meta({ description: 'Taken automatically if the prompt times out.' }),
  })
  .meta({ description: 'One answer to a decision prompt.' });
export type PromptOption = z.infer<typeof PromptOption>;

export const Prompt = z
  .strictObject({
    id: Id,
    from: Id.optional().meta({ description: 'The stakeholder asking, if any.' }),
    question: z.string().min(1).max(600).meta({ description: 'The question, shown in a modal.' }),
    when: Condition.meta({ description: 'The prompt opens the first time this holds.' }),
    timeout: Duration.optional().meta({ description: 'If unanswered this long, the default option is taken (or the prompt lapses).' }),
    options: z.array(PromptOption).min(2).max(6).meta({ description: 'The answers offered.' }),
    role: TeamRole.optional().meta({ description: 'In a team drill, the seat that answers. Omit for the Incident Commander.' }),
  })
  .meta({ description: 'A decision the player must make.' });
export type Prompt = z.infer<typeof Prompt>;

export const Stakeholder = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(60).meta({ description: 'Display name.' }),
    role: z.string().min(1).max(80).meta({ description: 'Role, e.g. "VP Engineering" or "Support lead".' }),
  })
  .meta({ description: 'Someone who sends messages during the incident.' });

export const Message = z
  .strictObject({
    id: Id,
    from: Id.meta({ description: 'The stakeholder who sends it.' }),
    text: z.string().min(1).max(800).meta({ description: 'The message text.' }),
    when: Condition.meta({ description: 'Sent the first time this holds.' }),
  })
  .meta({ description: 'A message sent on time or on a condition ("no update for 20 min").' });

export const Fact = z
  .strictObject({
    id: Id,
    text: z.string().min(1).max(600).meta({ description: 'What the player now knows, as their notebook shows it.' }),
  })
  .meta({ description: 'A piece of information the player can learn.' });

export const Runbook = z
  .strictObject({
    id: Id,
    title: z.string().min(1).max(100).meta({ description: 'Runbook title.' }),
    file: z
      .string()
      .regex(/^[A-Za-z0-9_./-]+\.md$/, 'a runbook file is a relative path ending in .md')
      .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'a runbook file must stay inside the scenario folder')
      .meta({ description: 'Markdown file, relative to the scenario file, e.g. runbooks/high-error-rate.md.' }),
    stale: z.boolean().default(false).meta({ description: 'Marks a runbook that is wrong or outdated on purpose (authors and facilitators only).' }),
  })
  .meta({ description: 'A runbook the player can read.' });
