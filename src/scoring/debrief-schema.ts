/**
 * The debrief as data: one Zod schema that is both the type the scorer builds and the
 * check an imported debrief file must pass. Versioned, so a later format can still read
 * (or at least recognise) an old export.
 */
import { z } from 'zod';
import { Dimension, Level, RecordedChoice } from '../scenario/schema/index.ts';

export const DEBRIEF_FORMAT = 'burn-rate-debrief';
export const DEBRIEF_VERSION = 1;

const Seconds = z.number().finite().min(0);
const MaybeSeconds = Seconds.nullable();
const Confidence = z.enum(['none', 'low', 'medium', 'high']);

/** One piece of evidence as the debrief shows it. */
export const DebriefEvidence = z.strictObject({
  key: z.string().min(1),
  dimension: Dimension,
  level: Level,
  why: z.string(),
  harmful: z.boolean(),
  t: Seconds,
  source: z.strictObject({ kind: z.enum(['action', 'option', 'rule']), id: z.string().min(1) }),
  phase: z.string(),
});

const DebriefDimension = z.strictObject({
  dimension: Dimension,
  title: z.string(),
  group: z.enum(['Skill', 'Engagement', 'Coachability']),
  level: Level.nullable(),
  supported: Level.nullable(),
  cap: Level.nullable(),
  confidence: Confidence,
  /** What this run showed at the level reached, from its evidence (empty when not observed). */
  description: z.string(),
  evidence: z.array(DebriefEvidence),
});

const TimelineStep = z.strictObject({
  t: Seconds,
  kind: z.enum(['act', 'choose', 'ack', 'lapse']),
  id: z.string(),
  label: z.string(),
  phase: z.string(),
  completedAt: MaybeSeconds,
  shown: z.array(DebriefEvidence),
});

const Advice = z.strictObject({
  dimension: Dimension,
  from: Level,
  to: Level,
  source: z.strictObject({ kind: z.enum(['action', 'option', 'rule']), id: z.string().min(1) }),
  /** What to do, as the player would recognise it (an action's label, a prompt answer). */
  label: z.string(),
  why: z.string(),
  /** When it would have counted, in words, if the evidence has a condition. */
  when: z.string().nullable(),
});

// A team drill's run also records injects, ad hoc messages and who made each choice.
const SavedChoice = RecordedChoice.extend({
  inject: z.string().optional(),
  say: z.strictObject({ from: z.string(), text: z.string() }).optional(),
  by: z.string().optional(),
});

/** The debrief of one run. */
export const Debrief = z.strictObject({
  format: z.literal(DEBRIEF_FORMAT),
  version: z.literal(DEBRIEF_VERSION),
  scenario: z.strictObject({ id: z.string(), title: z.string() }),
  seed: z.number().int().min(0),
  choices: z.array(SavedChoice),
  overall: z.strictObject({
    level: Level.nullable(),
    title: z.string(),
    supported: Level.nullable(),
    cap: Level.nullable(),
    cappedBy: z.array(DebriefEvidence),
    /** Outcome and foundation limits that held the result down (absent in older exports). */
    limits: z.array(z.strictObject({ kind: z.enum(['outcome', 'foundation']), level: Level, reason: z.string() })).default([]),
    confidence: Confidence,
    explanation: z.string(),
  }),
  dimensions: z.array(DebriefDimension).length(9),
  timeline: z.array(TimelineStep),
  budget: z.strictObject({
    /** Fractions of the SLO window's error budget (1 = all of it). */
    atStart: z.number().finite().min(0),
    spentDuringRun: z.number().finite().min(0),
    total: z.number().finite().min(0),
  }),
  times: z.strictObject({
    firstPageAt: MaybeSeconds,
    firstAckAt: MaybeSeconds,
    timeToAcknowledge: MaybeSeconds,
    incidentStartAt: MaybeSeconds,
    mitigatedAt: MaybeSeconds,
    timeToMitigate: MaybeSeconds,
    resolvedAt: MaybeSeconds,
    timeToResolve: MaybeSeconds,
  }),
  ending: z
    .strictObject({ id: z.string(), outcome: z.string(), title: z.string(), text: z.string(), at: Seconds })
    .nullable(),
  nextLevel: z.strictObject({
    /** The level one above the overall level (null at L5 or when nothing was observed). */
    target: Level.nullable(),
    advice: z.array(Advice),
  }),
});

/** The debrief of one run, as built by `buildDebrief` and stored by `debriefToJson`. */
export type Debrief = z.infer<typeof Debrief>;
export type DebriefEvidence = z.infer<typeof DebriefEvidence>;
export type Advice = z.infer<typeof Advice>;
