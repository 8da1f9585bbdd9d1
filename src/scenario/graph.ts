/**
 * The phase graph of a scenario and what can ever happen in it. Nodes are phases and
 * endings; edges come from transitions, `goto` effects (of phase entry, and of
 * actions and prompt options in the phases where they can be available), endings
 * with a `when`, and the time limit. What can happen is a least fixed point: a phase
 * is reachable, an action possible, a fact revealable, only if something that can
 * happen leads to it. Negative conditions (notDone, unknown, …) are assumed to be
 * satisfiable, so the analysis over-approximates: it only flags what can never be.
 */
import type { Condition, Scenario } from './schema/index.ts';
import { formatSeconds } from './values.ts';

export type EdgeKind = 'enter' | 'transition' | 'action' | 'option' | 'ending' | 'time-limit';

/** A way the incident can move from a phase to a phase or ending. */
export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The action, "prompt.option", ending or transition index behind the edge. */
  via: string;
}

/** Why a condition can never hold: the field at fault (and list index), in words. */
export interface Blocker {
  field: keyof Condition;
  index?: number;
  reason: string;
}

/** What can ever happen in a scenario. */
export interface ScenarioGraph {
  reachable: Set<string>;
  possibleActions: Set<string>;
  openablePrompts: Set<string>;
  revealableFacts: Set<string>;
  edges: Edge[];
}

interface State {
  reachable: Set<string>;
  possibleActions: Set<string>;
  openablePrompts: Set<string>;
  revealableFacts: Set<string>;
}

const quoteList = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');

/** The phases in which a condition could hold, given what can happen (empty: never). */
export function conditionPhases(s: Scenario, c: Condition, st: State): Set<string> {
  if (fieldBlockers(s, c, st).length > 0) return new Set();
  const phases = phaseSet(s, c, st);
  if (!c.anyOf) return phases;
  // "this or that": the phases where the other fields hold and at least one alternative does.
  const alternatives = new Set<string>();
  for (const alternative of c.anyOf) {
    if (fieldBlockers(s, alternative, st).length === 0) for (const p of phaseSet(s, alternative, st)) alternatives.add(p);
  }
  return new Set([...phases].filter((p) => alternatives.has(p)));
}

function phaseSet(s: Scenario, c: Condition, st: State): Set<string> {
  const candidates = c.phase ?? s.phases.map((p) => p.id);
  const excluded = new Set(c.notPhase ?? []);
  return new Set(candidates.filter((id) => st.reachable.has(id) && !excluded.has(id) && s.phases.some((p) => p.id === id)));
}

/** Every reason a condition can never hold (empty if it might). */
export function conditionBlockers(s: Scenario, c: Condition, st: State): Blocker[] {
  const out = fieldBlockers(s, c, st);
  if (out.length === 0 && c.anyOf && conditionPhases(s, c, st).size === 0) {
    const first = c.anyOf.map((alternative) => fieldBlockers(s, alternative, st)[0]?.reason).find((r) => r !== undefined);
    out.push({ field: 'anyOf', reason: `none of its \`anyOf\` alternatives can hold${first ? ` (the first: ${first})` : ' where the rest of it does'}` });
  }
  return out;
}

/** Reasons the fields of a condition, `anyOf` aside, can never all hold. */
function fieldBlockers(s: Scenario, c: Condition, st: State): Blocker[] {
  const out: Blocker[] = [];
  if (phaseSet(s, c, st).size === 0 && s.phases.length > 0) {
    if (c.phase && !c.phase.some((id) => st.reachable.has(id))) {
      out.push({ field: 'phase', reason: `it only holds in ${quoteList(c.phase)}, which the incident can never reach` });
    } else {
      out.push({ field: 'notPhase', reason: '`notPhase` rules out every phase where it could hold' });
    }
  }
  c.known?.forEach((fact, index) => {
    if (!st.revealableFacts.has(fact)) out.push({ field: 'known', index, reason: `it needs fact \`${fact}\`, which nothing that can happen reveals` });
  });
  c.done?.forEach((action, index) => {
    if (!st.possibleActions.has(action)) out.push({ field: 'done', index, reason: `it needs action \`${action}\` done, which can never be taken` });
  });
  c.chosen?.forEach((ref, index) => {
    const prompt = ref.split('.')[0] as string;
    if (!st.openablePrompts.has(prompt)) out.push({ field: 'chosen', index, reason: `it needs \`${ref}\` chosen, but prompt \`${prompt}\` never opens` });
  });
  if (c.at !== undefined && c.at >= s.timeLimit) {
    out.push({ field: 'at', reason: `\`at: ${formatSeconds(c.at)}\` is not before the time limit (${formatSeconds(s.timeLimit)})` });
  }
  if (c.before !== undefined && (c.before === 0 || (c.at !== undefined && c.at >= c.before))) {
    out.push({ field: 'before', reason: c.before === 0 ? '`before: 0` never holds' : '`at` is not earlier than `before`' });
  }
  if (c.inPhaseFor !== undefined && c.inPhaseFor >= s.timeLimit) {
    out.push({ field: 'inPhaseFor', reason: `\`inPhaseFor: ${formatSeconds(c.inPhaseFor)}\` is not shorter than the time limit` });
  }
  return out;
}

/** Works out which phases, endings, actions, prompts and facts can ever come into play. */
export function analyseScenario(s: Scenario): ScenarioGraph {
  const st: State = { reachable: new Set(), possibleActions: new Set(), openablePrompts: new Set(), revealableFacts: new Set() };
  const first = s.phases[0];
  if (first) st.reachable.add(first.id);
  st.reachable.add(s.timeoutEnding);

  const edges: Edge[] = [];
  let changed = true;
  // Each pass can only add to the sets; there are at most a few hundred ids, so this ends quickly.
  for (let pass = 0; changed && pass < 1000; pass++) {
    const before = size(st);
    edges.length = 0;
    const reach = (from: string, to: string | undefined, kind: EdgeKind, via: string) => {
      if (to === undefined) return;
      edges.push({ from, to, kind, via });
      st.reachable.add(to);
    };
    const reveal = (facts: readonly string[]) => facts.forEach((f) => st.revealableFacts.add(f));

    for (const phase of s.phases) {
      if (!st.reachable.has(phase.id)) continue;
      reveal(phase.onEnter.reveal);
      reach(phase.id, phase.onEnter.goto, 'enter', phase.id);
      reach(phase.id, s.timeoutEnding, 'time-limit', 'timeLimit');
      phase.transitions.forEach((t, j) => {
        // A transition is only checked in its own phase.
        if (conditionPhases(s, t.when, st).has(phase.id)) reach(phase.id, t.to, 'transition', String(j));
      });
    }
    for (const action of s.actions) {
      const phases = conditionPhases(s, action.available, st);
      if (phases.size === 0) continue;
      st.possibleActions.add(action.id);
      reveal(action.effects.reveal);
      for (const p of phases) reach(p, action.effects.goto, 'action', action.id);
    }
    for (const prompt of s.prompts) {
      const phases = conditionPhases(s, prompt.when, st);
      if (phases.size === 0) continue;
      st.openablePrompts.add(prompt.id);
      for (const option of prompt.options) {
        reveal(option.effects.reveal);
        for (const p of phases) reach(p, option.effects.goto, 'option', `${prompt.id}.${option.id}`);
      }
    }
    for (const ending of s.endings) {
      if (!ending.when) continue;
      for (const p of conditionPhases(s, ending.when, st)) reach(p, ending.id, 'ending', ending.id);
    }
    changed = size(st) !== before;
  }
  return { ...st, edges };
}

function size(st: State): number {
  return st.reachable.size + st.possibleActions.size + st.openablePrompts.size + st.revealableFacts.size;
}
