/**
 * Evidence the engine's record of a run shows in every scenario, whatever its author
 * wrote: the same rules everywhere, so a silent outage reads as silent in every incident.
 *
 * - A status update that got a field wrong, or said nothing, shows low communication
 *   (its action's own evidence does not count, see evidence.ts); so does a promised next
 *   update that did not come in time while the incident was still unmitigated.
 * - Omission is evidence: an incident in which no accurate status update was ever posted
 *   is an anti-pattern on communication; a page with no incident ever declared, on
 *   ownership (only where the scenario offers a way to declare).
 * - A decision left to time out is an anti-pattern: on communication when a stakeholder
 *   asked, on judgment otherwise.
 * - Closing while customers were still affected (the engine refused the close and paged
 *   again) is an anti-pattern on judgment.
 * - Actions the situation did not call for show low judgment, once per action.
 * Items carry a rule source whose id starts with "run:".
 */
import type { Dimension, Level, Scenario } from '../scenario/schema/index.ts';
import type { RunEvent } from '../sim/events.ts';
import { FIELD_WORDS, promisedMinutes, UPDATE_WORDS, type UpdateVerdict } from '../sim/status-update.ts';
import type { Observed, Step } from './evidence.ts';
import type { KeyTimes } from './key-times.ts';
import type { RunIndex } from './occurrences.ts';
import { durationWords } from './time.ts';

/** Ids of the run rules, as they appear in evidence sources ("run:<id>"). */
export const RUN_RULES = ['update-wrong', 'update-late', 'never-updated', 'never-declared', 'lapse', 'reopened', 'not-called-for'] as const;

function item(index: RunIndex, id: (typeof RUN_RULES)[number], n: number, dimension: Dimension, level: Level, harmful: boolean, why: string, t: number, seq: number): Observed {
  return { key: `run:${id}#${n}`, dimension, level, why, harmful, t, source: { kind: 'rule', id: `run:${id}` }, phase: index.phaseAt(seq), seq };
}

/** "said X while Y": the first wrong field of an update, in words. */
export function describeWrongUpdate(verdict: UpdateVerdict): string {
  const { content, truth, wrong } = verdict;
  if (!content) return 'Posted a status update that said nothing: no impact, nothing known, no next update time.';
  const field = wrong[0];
  if (field === 'impact') return `Posted an update saying "${UPDATE_WORDS.impact[content.impact]}" when the truth was "${UPDATE_WORDS.impact[truth.impact]}".`;
  if (field === 'known') return `Posted an update saying "${UPDATE_WORDS.known[content.known]}" when the truth was "${UPDATE_WORDS.known[truth.known]}".`;
  if (field === 'doing') return `Posted an update saying "${UPDATE_WORDS.doing[content.doing]}" when the truth was "${UPDATE_WORDS.doing[truth.doing]}".`;
  return `Posted a final update while customers were still affected (budget burning at ${truth.burn.toFixed(1)}×).`;
}

function updates(index: RunIndex, out: Observed[], mitigatedAt: number | null): void {
  const events = index.transcript.events;
  const sent: Array<{ e: Extract<RunEvent, { type: 'update' }>; seq: number }> = [];
  events.forEach((e, seq) => {
    if (e.type === 'update') sent.push({ e, seq });
  });
  sent.forEach(({ e, seq }, n) => {
    if (!e.verdict.accurate) {
      out.push(item(index, 'update-wrong', n, 'communication', 'L1', false, describeWrongUpdate(e.verdict), e.t, seq));
      return;
    }
    const minutes = e.verdict.content ? promisedMinutes(e.verdict.content.next) : null;
    if (minutes === null) return;
    const due = e.t + minutes * 60;
    const next = sent[n + 1];
    const resolvedAt = index.transcript.ending?.outcome === 'resolved' ? index.transcript.ending.at : Infinity;
    // Once the bleeding stopped, a late follow-up is not held against the promise.
    const settled = Math.min(index.end, resolvedAt, mitigatedAt ?? Infinity);
    if (due >= settled || (next && next.e.t <= due)) return;
    const at = next ? next.e.t : due;
    const words = next ? `the next came after ${durationWords(next.e.t - e.t)}` : 'none came';
    out.push(item(index, 'update-late', n, 'communication', 'L1', false, `Promised the next update in ${minutes} minutes; ${words}.`, at, index.seqAfter(at)));
  });
}

function omissions(scenario: Scenario, index: RunIndex, out: Observed[], incident: boolean): void {
  const events = index.transcript.events;
  const end = index.seqAfter(index.end);
  const hasUpdates = scenario.actions.some((a) => a.statusUpdate);
  if (incident && hasUpdates && index.occurrences('@update').length === 0) {
    out.push(item(index, 'never-updated', 0, 'communication', 'L1', true, `Customers were affected and no accurate ${FIELD_WORDS.impact}-and-next-steps update was ever posted.`, index.end, end));
  }
  const canDeclare =
    scenario.actions.some((a) => a.effects.declare) || scenario.prompts.some((p) => p.options.some((o) => o.effects.declare));
  if (canDeclare && index.firstPage !== null && !events.some((e) => e.type === 'declare')) {
    out.push(item(index, 'never-declared', 0, 'ownership', 'L1', true, 'The service paged and no incident was ever declared.', index.end, end));
  }
}

function lapses(scenario: Scenario, index: RunIndex, out: Observed[]): void {
  const prompts = new Map(scenario.prompts.map((p) => [p.id, p]));
  const people = new Map(scenario.stakeholders.map((s) => [s.id, s]));
  let n = 0;
  index.transcript.events.forEach((e, seq) => {
    if (e.type !== 'prompt.lapse') return;
    const prompt = prompts.get(e.prompt);
    const who = prompt?.from ? people.get(prompt.from) : undefined;
    const why = who ? `Left ${who.name} (${who.role}) without an answer until the question timed out.` : 'Let a decision time out instead of making it.';
    out.push(item(index, 'lapse', n++, who ? 'communication' : 'judgment', 'L1', true, why, e.t, seq));
  });
}

function reopens(index: RunIndex, out: Observed[]): void {
  let n = 0;
  index.transcript.events.forEach((e, seq) => {
    if (e.type !== 'reopen') return;
    const why = `The incident was closed while customers were still affected (budget burning at ${e.burn.toFixed(1)}×); it stayed open and the page fired again.`;
    out.push(item(index, 'reopened', n++, 'judgment', 'L1', true, why, e.t, seq));
  });
}

function notCalledFor(index: RunIndex, steps: readonly Step[], out: Observed[]): void {
  const seen = new Set<string>();
  for (const s of steps) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(item(index, 'not-called-for', seen.size - 1, 'judgment', 'L1', false, `Took "${s.label}" when nothing in the situation called for it.`, s.t, s.seq));
  }
}

/** The evidence the run's record shows in every scenario (see the module comment). */
export function runEvidence(scenario: Scenario, index: RunIndex, notCalled: readonly Step[], times: KeyTimes): Observed[] {
  const out: Observed[] = [];
  const incident = index.firstPage !== null || times.incidentStartAt !== null;
  updates(index, out, times.mitigatedAt);
  omissions(scenario, index, out, incident);
  lapses(scenario, index, out);
  reopens(index, out);
  notCalledFor(index, notCalled, out);
  return out;
}
