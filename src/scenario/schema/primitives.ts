/**
 * Building blocks shared by every part of the scenario schema: ids, durations,
 * ladder levels and dimensions, and the condition language that phases, messages,
 * prompts, action availability and evidence all use.
 */
import { z } from 'zod';

/** A lowercase identifier: letters, digits, dashes and underscores, starting with a letter. */
export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id starts with a letter and holds only letters, digits, "-" and "_"')
  .max(64)
  .meta({ description: 'An identifier: starts with a letter; letters, digits, "-" and "_" only; at most 64 characters.' });

export const DURATION_RE = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86400 };

/** Parses "90s", "5m", "1.5h", "30d" or a plain number of seconds into seconds; undefined if malformed. */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const match = DURATION_RE.exec(input.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}

/**
 * The longest duration or sim time anything may name, in seconds (about 31 years): far past
 * any incident, and small enough that sums of times stay exact and finite.
 */
export const MAX_SECONDS = 1e9;

/** Sim-time duration: seconds as a number, or a string such as "30s", "5m", "1h", "30d". Parsed to seconds. */
export const Duration = z
  .union([z.number().nonnegative().max(MAX_SECONDS, `a duration is at most ${MAX_SECONDS} seconds`), z.string().regex(DURATION_RE, 'a duration looks like "30s", "5m", "1h" or "30d"')])
  .transform((v, ctx) => {
    const seconds = parseDuration(v) as number;
    // A string of many digits parses to a huge number or Infinity: bound it as the number form is.
    if (seconds > MAX_SECONDS) {
      ctx.issues.push({ code: 'too_big', origin: 'number', maximum: MAX_SECONDS, inclusive: true, input: v, message: `a duration is at most ${MAX_SECONDS} seconds` });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({
    description: 'A sim-time duration: a number of seconds, or a number with a unit: "45s", "5m", "1.5h", "30d".',
    examples: ['30s', '5m', '1h', 600],
  });

/**
 * A duration that must be written with its unit ("30m", "2h"): for fields where a bare
 * number is more likely minutes meant than seconds, such as the time limit.
 */
export const UnitDuration = z
  .string()
  .regex(DURATION_RE, 'a duration looks like "30s", "5m", "1h" or "30d"')
  .transform((v) => parseDuration(v) as number)
  .meta({ description: 'A sim-time duration with its unit: "45s", "30m", "1.5h".', examples: ['30m', '2h'] });

/** The largest budget fraction a condition may name (see BudgetFraction). */
export const MAX_BUDGET_FRACTION = 10;

export const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;
/** A career level on the ladder, L1 (Junior SRE) to L5 (Principal SRE). */
export const Level = z.enum(LEVELS).meta({
  description: 'A career level: L1 Junior SRE, L2 SRE, L3 Senior SRE, L4 Lead/Staff SRE, L5 Principal SRE.',
});
export type Level = z.infer<typeof Level>;

export const DIMENSIONS = [
  'mastery',
  'scope',
  'judgment',
  'ownership',
  'communication',
  'planning',
  'flexibility',
  'trust',
  'feedback',
] as const;
/** One of the nine ladder dimensions. */
export const Dimension = z.enum(DIMENSIONS).meta({
  description:
    'A ladder dimension. Skill: mastery, scope, judgment. Engagement: ownership, communication, planning, flexibility, trust. Coachability: feedback.',
});
export type Dimension = z.infer<typeof Dimension>;

export const ACTION_KINDS = ['investigate', 'mitigate', 'communicate', 'escalate'] as const;
export const ActionKind = z.enum(ACTION_KINDS).meta({
  description: 'Which group of the action palette the action belongs to.',
});
export type ActionKind = z.infer<typeof ActionKind>;

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
export const IncidentSeverity = z.enum(SEVERITIES).meta({
  description: 'Incident severity: SEV1 is the worst; SEV2 or worse is a major incident.',
});
export type IncidentSeverity = z.infer<typeof IncidentSeverity>;

/**
 * A share of the error budget: 1 is all of it. Spending can run past the budget, so up to
 * ten budgets are allowed; past that the number is almost surely a percentage.
 */
export const BudgetFraction = z.number().min(0).max(MAX_BUDGET_FRACTION);

const IdList = z.union([Id, z.array(Id)]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * A condition on the state of a run. Every field given must hold (they are ANDed);
 * an empty condition always holds. Used for phase transitions, message and prompt
 * triggers, action availability, endings and evidence.
 */
const conditionFields = {
    at: Duration.optional().meta({ description: 'Holds once sim time has reached this point (from the start of the run).' }),
    before: Duration.optional().meta({ description: 'Holds while sim time is earlier than this point.' }),
    phase: IdList.optional().meta({ description: 'Holds while the incident is in this phase (or one of these phases).' }),
    notPhase: IdList.optional().meta({ description: 'Holds while the incident is in none of these phases.' }),
    inPhaseFor: Duration.optional().meta({ description: 'Holds once the current phase has lasted at least this long.' }),
    known: IdList.optional().meta({ description: 'Holds once all of these facts have been revealed to the player.' }),
    unknown: IdList.optional().meta({ description: 'Holds while none of these facts has been revealed.' }),
    done: IdList.optional().meta({ description: 'Holds once all of these actions have completed.' }),
    notDone: IdList.optional().meta({ description: 'Holds while none of these actions has been started.' }),
    chosen: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .meta({ description: 'Holds once the player has picked all of these prompt options, each written "promptId.optionId".' }),
    acked: z.boolean().optional().meta({ description: 'true: holds once a page has been acknowledged; false: while none has.' }),
    declared: z.boolean().optional().meta({ description: 'true: holds once an incident severity has been declared; false: while none has.' }),
    alertFiring: IdList.optional().meta({ description: 'Holds while all of these alerts are firing.' }),
    budgetSpentAbove: BudgetFraction.optional().meta({
      description: 'Holds once the error budget spent exceeds this fraction of the window budget (1 = all of it, 0.5 = half; not a percentage), counting what was spent before the run.',
    }),
    budgetSpentBelow: BudgetFraction.optional().meta({ description: 'Holds while the error budget spent is below this fraction (1 = all of it; not a percentage).' }),
    noUpdateFor: Duration.optional().meta({
      description: 'Holds once no communicate action has completed for this long (counted from the start if there was none).',
    }),
};

/** One alternative inside `anyOf`: the same fields as a condition, without a nested `anyOf`. */
export const ConditionAlternative = z
  .strictObject(conditionFields)
  .meta({ description: 'One alternative: all fields given must hold at once.' });

export const Condition = z
  .strictObject({
    ...conditionFields,
    anyOf: z
      .array(ConditionAlternative)
      .min(1)
      .max(10)
      .optional()
      .meta({ description: 'Holds if at least one of these alternatives holds (and the other fields hold too): "this or that".' }),
  })
  .meta({ description: 'A condition on the run. All fields given must hold at once; an empty condition always holds.' });
export type Condition = z.infer<typeof Condition>;
export type ConditionAlternative = z.infer<typeof ConditionAlternative>;
export type ConditionInput = z.input<typeof Condition>;

/** One piece of scoring evidence: what a choice shows about the player, on one dimension. */
export const Evidence = z
  .strictObject({
    dimension: Dimension,
    level: Level,
    why: z.string().min(1).max(600).meta({ description: 'One sentence the debrief shows: what this choice shows, in plain words.' }),
    when: Condition.optional().meta({
      description: 'Only counts if this condition holds at the moment the choice is made (for example an earlier phase or a low budget spend).',
    }),
    harmful: z
      .boolean()
      .default(false)
      .meta({ description: 'true for an anti-pattern: it caps the level the assessment may claim for this dimension and overall.' }),
  })
  .meta({ description: 'Scoring evidence: the dimension and level a choice shows, and why.' });
export type Evidence = z.infer<typeof Evidence>;
