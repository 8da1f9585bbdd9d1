/**
 * Evaluates a scenario's `scoring.rules` against a run: behaviour that no single choice
 * shows (how fast, in what order, how often, what was never done, how long it went quiet).
 *
 * Semantics, where the schema leaves room:
 * - timing: the event's first occurrence is compared with the anchor. An event that
 *   happened before its anchor (a rollback before anything paged) counts as in time.
 *   "Met" needs every limit given (`within`, `beforeBudget`) to hold at that occurrence;
 *   a late occurrence is "missed". If the event never happened it is "missed" only once
 *   a limit had actually run out inside the run (the `within` deadline passed or the
 *   budget crossed `beforeBudget`); a run that ended before the deadline is not judged.
 *   With no limit at all, happening after the anchor is "met" and never is "missed".
 * - silence: gaps are measured from the anchor to the first event, between events, and
 *   from the last event to the end of the run; the evidence is shown once, at the moment
 *   the first gap grew past `longerThan`.
 * - sequence: compares the first occurrences of both events.
 * - repeat: shown once, when the `atLeast`-th occurrence inside a `within` span happened.
 * Each rule's evidence `when` is checked against the state of the run at that moment.
 */
import type { Evidence, Scenario, ScoringRule } from '../scenario/schema/index.ts';
import { holds } from '../sim/conditions.ts';
import type { Observed } from './evidence.ts';
import type { Occurrence, RunIndex } from './occurrences.ts';

/** Where and when a rule fired: the evidence is stamped with this moment. */
interface Firing {
  t: number;
  /** Events before this index had happened at that moment. */
  seq: number;
}

function emit(rule: ScoringRule, branch: string, list: readonly Evidence[], at: Firing, index: RunIndex): Observed[] {
  const out: Observed[] = [];
  const phase = index.phaseAt(at.seq);
  let view: ReturnType<RunIndex['viewBefore']> | null = null;
  list.forEach((e, i) => {
    if (e.when && !holds(e.when, (view ??= index.viewBefore(at.seq, at.t)))) return;
    out.push({
      key: `rule:${rule.id}:${branch}#${i}`,
      dimension: e.dimension,
      level: e.level,
      why: e.why,
      harmful: e.harmful,
      t: at.t,
      source: { kind: 'rule', id: rule.id },
      phase,
      seq: at.seq,
    });
  });
  return out;
}

const atOccurrence = (o: Occurrence): Firing => ({ t: o.t, seq: o.seq });
const atTime = (index: RunIndex, t: number): Firing => ({ t, seq: index.seqAfter(t) });

function timing(rule: Extract<ScoringRule, { kind: 'timing' }>, index: RunIndex): Observed[] {
  const anchor = index.anchor(rule.from);
  if (!anchor) return [];
  const first = index.occurrences(rule.event)[0];
  const { within, beforeBudget } = rule;
  if (first) {
    const inTime = within === undefined || Math.max(0, first.t - anchor.t) <= within;
    const underBudget = beforeBudget === undefined || index.budgetAt(first.t) < beforeBudget;
    return emit(rule, inTime && underBudget ? 'met' : 'missed', inTime && underBudget ? rule.met : rule.missed, atOccurrence(first), index);
  }
  const deadlines: number[] = [];
  if (within !== undefined) deadlines.push(anchor.t + within);
  if (beforeBudget !== undefined) {
    const reached = index.budgetReached(beforeBudget);
    if (reached !== null) deadlines.push(Math.max(anchor.t, reached));
  }
  if (within === undefined && beforeBudget === undefined) deadlines.push(index.end);
  const deadline = deadlines.length > 0 ? Math.min(...deadlines) : Infinity;
  if (deadline > index.end) return [];
  return emit(rule, 'missed', rule.missed, atTime(index, deadline), index);
}

function silence(rule: Extract<ScoringRule, { kind: 'silence' }>, index: RunIndex): Observed[] {
  const anchor = index.anchor(rule.from);
  if (!anchor) return [];
  let previous = anchor.t;
  for (const o of index.occurrences(rule.event)) {
    if (o.t < anchor.t) continue;
    if (o.t - previous > rule.longerThan) return emit(rule, 'gap', rule.evidence, atTime(index, previous + rule.longerThan), index);
    previous = o.t;
  }
  if (index.end - previous > rule.longerThan) return emit(rule, 'gap', rule.evidence, atTime(index, previous + rule.longerThan), index);
  return [];
}

function repeat(rule: Extract<ScoringRule, { kind: 'repeat' }>, index: RunIndex): Observed[] {
  const occ = index.occurrences(rule.event);
  const span = rule.within ?? Infinity;
  for (let j = rule.atLeast - 1; j < occ.length; j++) {
    const last = occ[j] as Occurrence;
    if (last.t - (occ[j - rule.atLeast + 1] as Occurrence).t <= span) return emit(rule, 'repeat', rule.evidence, atOccurrence(last), index);
  }
  return [];
}

/** The evidence one rule shows in a run (empty if it did not fire). */
export function evaluateRule(rule: ScoringRule, index: RunIndex): Observed[] {
  switch (rule.kind) {
    case 'timing':
      return timing(rule, index);
    case 'omission':
      return index.occurrences(rule.event).length === 0 ? emit(rule, 'never', rule.evidence, atTime(index, index.end), index) : [];
    case 'silence':
      return silence(rule, index);
    case 'sequence': {
      const first = index.occurrences(rule.first)[0];
      const then = index.occurrences(rule.then)[0];
      return first && then && first.seq < then.seq ? emit(rule, 'order', rule.evidence, atOccurrence(then), index) : [];
    }
    case 'repeat':
      return repeat(rule, index);
  }
}

/** The evidence every scoring rule of the scenario shows in a run, in rule order. */
export function evaluateRules(scenario: Scenario, index: RunIndex): Observed[] {
  return scenario.scoring.rules.flatMap((rule) => evaluateRule(rule, index));
}
