/**
 * Status updates with content. A status update says four things — who is affected, what
 * is known, what is being done, when the next update comes — and each is checked against
 * the truth of the run at the moment it is sent. The engine records the verdict with the
 * update, so the scorer and the debrief read one judgement rather than redoing it.
 *
 * The truth of each field, in plain terms:
 * - impact: "ongoing" while customers are affected (the budget burns at 1× or more over
 *   the trailing minute, or a customer cohort lost traffic or fails well above its
 *   baseline: see burn.ts), "restored" once they no longer are after having been, "none"
 *   if they never were;
 * - known: "cause" once a fact the scenario names as the cause is known (without such a
 *   list, once a mitigate action has started), "symptoms" once anything has been learned
 *   beyond what the run started with, otherwise "nothing";
 * - doing: "investigating" until a mitigate action has started, then "mitigating" while it
 *   still burns and "monitoring" once it does not;
 * - next: any time is true while there is something to report; "none" (a final update)
 *   only once service is restored.
 */
import type { Scenario, StatusUpdateContent } from '../scenario/schema/index.ts';
import { affectedNow, burnNow, wasAffected } from './burn.ts';
import type { Run } from './engine.ts';

/** The fields of a status update. */
export const UPDATE_FIELDS = ['impact', 'known', 'doing', 'next'] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

/** What was true at the moment an update was sent, one value per field (next: whether a final update was allowed). */
export interface UpdateTruth {
  impact: StatusUpdateContent['impact'];
  known: StatusUpdateContent['known'];
  doing: StatusUpdateContent['doing'];
  /** True once a final update ("no further updates") would be true: customers are no longer affected. */
  finalAllowed: boolean;
  /** Budget burn at that moment, × the sustainable rate. */
  burn: number;
}

/** An update as the engine recorded it: what it said, what was true, and which fields were wrong. */
export interface UpdateVerdict {
  content: StatusUpdateContent | null;
  truth: UpdateTruth;
  /** Fields whose claim was not true at that moment (all four when the update said nothing). */
  wrong: UpdateField[];
  accurate: boolean;
}

/** What the truth is read from: a slice of the run's state. */
export interface UpdateFacts {
  /** Budget burn now, × the sustainable rate. */
  burn: number;
  /** Whether customers are affected now (src/sim/burn.ts: the budget burns, or a customer cohort lost traffic or fails). */
  affected: boolean;
  /** Whether they were at any point so far. */
  affectedBefore: boolean;
  known: ReadonlySet<string>;
  /** Facts known when the run started (learning nothing leaves "nothing" true). */
  knownAtStart: ReadonlySet<string>;
  started: ReadonlySet<string>;
}

/** True once the scenario's cause is known (see the module comment for the fallback). */
function causeKnown(scenario: Scenario, facts: UpdateFacts): boolean {
  const causes = scenario.scoring.causes;
  if (causes && causes.length > 0) return causes.some((id) => facts.known.has(id));
  return scenario.actions.some((a) => a.kind === 'mitigate' && facts.started.has(a.id) && !a.evidence.some((e) => e.harmful));
}

/** The truth of each field at one moment. */
export function updateTruth(scenario: Scenario, facts: UpdateFacts): UpdateTruth {
  const burning = facts.affected;
  const impact = burning ? 'ongoing' : facts.affectedBefore ? 'restored' : 'none';
  let learned = false;
  for (const f of facts.known) if (!facts.knownAtStart.has(f)) learned = true;
  const known = causeKnown(scenario, facts) ? 'cause' : learned ? 'symptoms' : 'nothing';
  const mitigating = scenario.actions.some((a) => a.kind === 'mitigate' && facts.started.has(a.id));
  const doing = !mitigating ? 'investigating' : burning ? 'mitigating' : 'monitoring';
  return { impact, known, doing, finalAllowed: !burning, burn: facts.burn };
}

/** Checks an update's content against the truth. No content is an empty update: every field is wrong. */
export function judgeUpdate(content: StatusUpdateContent | null, truth: UpdateTruth): UpdateVerdict {
  if (!content) return { content: null, truth, wrong: [...UPDATE_FIELDS], accurate: false };
  const wrong: UpdateField[] = [];
  if (content.impact !== truth.impact) wrong.push('impact');
  if (content.known !== truth.known) wrong.push('known');
  if (content.doing !== truth.doing) wrong.push('doing');
  if (content.next === 'none' && !truth.finalAllowed) wrong.push('next');
  return { content: { ...content }, truth, wrong, accurate: wrong.length === 0 };
}

/** Minutes promised by an update's `next` field (null for a final update). */
export function promisedMinutes(next: StatusUpdateContent['next']): number | null {
  return next === 'none' ? null : Number.parseInt(next, 10);
}

/** The words a player reads for each choice of each field, in the composer and the debrief. */
export const UPDATE_WORDS: Readonly<{ [F in UpdateField]: Readonly<Record<StatusUpdateContent[F], string>> }> = {
  impact: { none: 'No customer impact', ongoing: 'Customers are affected now', restored: 'Customers were affected; service is restored' },
  known: { nothing: 'Cause not known yet', symptoms: 'We know what is failing, not yet why', cause: 'We have found the cause' },
  doing: { investigating: 'Investigating', mitigating: 'Applying a fix', monitoring: 'Fix in place, monitoring' },
  next: { '15m': 'Next update in 15 minutes', '30m': 'Next update in 30 minutes', '60m': 'Next update in 60 minutes', none: 'Final update: no further updates' },
};

/** What an update says, in one line of the words the composer offered: "Customers are affected now; Cause not known yet; …". */
export function updateLine(content: StatusUpdateContent): string {
  return UPDATE_FIELDS.map((f) => (UPDATE_WORDS[f] as Record<string, string>)[content[f]]).join('; ');
}

/** Field names as the debrief says them. */
export const FIELD_WORDS: Readonly<Record<UpdateField, string>> = {
  impact: 'impact',
  known: 'what is known',
  doing: 'what is being done',
  next: 'next update',
};

/** Judges an update sent now, from the run's state. */
export function verdictNow(run: Run, content: StatusUpdateContent | null): UpdateVerdict {
  const knownAtStart = new Set<string>();
  for (const e of run.events) {
    if (e.t > 0) break;
    if (e.type === 'reveal') knownAtStart.add(e.fact);
  }
  const affected = affectedNow(run);
  const truth = updateTruth(run.scenario, {
    burn: burnNow(run),
    affected,
    affectedBefore: affected || wasAffected(run),
    known: run.known,
    knownAtStart,
    started: run.started,
  });
  return judgeUpdate(content, truth);
}
