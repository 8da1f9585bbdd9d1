/**
 * Warnings for texts that claim more than the run can have shown: a prompt answer, an
 * action's result or a fact that names a moment of the run ("session-service v5.3.1 at
 * 12:00") but can reach the player before that moment, and answers whose own condition
 * can never hold while their question is open. The checker can only tell what a text
 * says about time; claims about what the player did are the author's `when`.
 */
import { conditionBlockers, type ScenarioGraph } from './graph.ts';
import type { Reporter } from './report.ts';
import type { Condition, Effects, Scenario } from './schema/index.ts';
import type { Path } from './walk.ts';

/**
 * A reading of the run's clock in a text, as the desk writes it: "T+12:00" (minutes and
 * seconds) or "T+00:12:00" (hours too). Bare times such as "18:45" are often the time of
 * day in the story, so the checker leaves them alone.
 */
const CLOCK = /T\+(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?!\d)/g;

/** The latest run time a text names, in seconds, with the reading as written. */
export function latestClock(text: string): { t: number; written: string } | null {
  let best: { t: number; written: string } | null = null;
  for (const m of text.matchAll(CLOCK)) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
    const t = c === null ? a * 60 + b : a * 3600 + b * 60 + c;
    if (!best || t > best.t) best = { t, written: m[0] };
  }
  return best;
}

/** The earliest sim time at which a condition can hold, as far as its `at` fields say. */
export function earliestTime(c: Condition | undefined): number {
  if (!c) return 0;
  const own = c.at ?? 0;
  if (!c.anyOf) return own;
  return Math.max(own, Math.min(...c.anyOf.map((alt) => alt.at ?? 0)));
}

const clock = (t: number) => `T+${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

interface Claim {
  text: string;
  /** The earliest moment the player can read it. */
  from: number;
  path: Path;
  what: string;
}

function resultClaims(effects: Effects, from: number, path: Path, what: string, out: Claim[]): void {
  const result = effects.result;
  if (result === undefined) return;
  if (typeof result === 'string') {
    out.push({ text: result, from, path: [...path, 'result'], what });
    return;
  }
  // A version is read only when every earlier one failed: one that held only `before: X`
  // has failed from X on, so the versions after it start no earlier than X.
  let floor = from;
  result.forEach((v, k) => {
    out.push({ text: v.text, from: Math.max(floor, earliestTime(v.when)), path: [...path, 'result', k, 'text'], what: `${what} (version ${k + 1})` });
    const w = v.when;
    if (w && w.before !== undefined && Object.keys(w).length === 1) floor = Math.max(floor, w.before);
  });
}

/** Every text the checker can date, with the earliest moment it can be read. */
function claims(s: Scenario): Claim[] {
  const out: Claim[] = [];
  const factFrom = new Map<string, number>();
  const revealAt = (effects: Effects, from: number) => {
    for (const fact of effects.reveal) factFrom.set(fact, Math.min(factFrom.get(fact) ?? Infinity, from));
  };
  s.actions.forEach((action, i) => {
    const from = earliestTime(action.available) + action.cost;
    resultClaims(action.effects, from, ['actions', i, 'effects'], `the result of action \`${action.id}\``, out);
    revealAt(action.effects, from);
  });
  s.prompts.forEach((prompt, i) =>
    prompt.options.forEach((option, j) => {
      const from = Math.max(earliestTime(prompt.when), earliestTime(option.when));
      out.push({ text: option.label, from, path: ['prompts', i, 'options', j, 'label'], what: `answer \`${prompt.id}.${option.id}\`` });
      resultClaims(option.effects, from, ['prompts', i, 'options', j, 'effects'], `the result of answer \`${prompt.id}.${option.id}\``, out);
      revealAt(option.effects, from);
    }),
  );
  // A phase can begin at any time the checker cannot bound, so its facts are not dated.
  for (const phase of s.phases) for (const fact of phase.onEnter.reveal) factFrom.set(fact, -1);
  s.facts.forEach((fact, i) => {
    const from = factFrom.get(fact.id);
    if (from === undefined || from < 0) return;
    out.push({ text: fact.text, from, path: ['facts', i, 'text'], what: `fact \`${fact.id}\`` });
  });
  return out;
}

/** Reports texts that name a later moment than they can be read at, and answers that are never offered. */
export function checkClaims(s: Scenario, graph: ScenarioGraph, report: Reporter): void {
  for (const claim of claims(s)) {
    const named = latestClock(claim.text);
    if (!named || named.t <= claim.from) continue;
    report.atPath('BR057', claim.path, `${claim.what} speaks of ${named.written}, but a player can read it from ${clock(claim.from)}`, {
      hint: `give it a \`when: { at: ${named.t % 60 === 0 ? `${named.t / 60}m` : `${named.t}s`} }\` (an option's \`when\`, or a result version with \`when\`), or leave out what has not happened yet`,
    });
  }
  s.prompts.forEach((prompt, i) => {
    if (!graph.openablePrompts.has(prompt.id)) return;
    prompt.options.forEach((option, j) => {
      if (!option.when) return;
      const blockers = conditionBlockers(s, option.when, graph);
      const first = blockers[0];
      if (!first) return;
      const at: Path = ['prompts', i, 'options', j, 'when', first.field, ...(first.index === undefined ? [] : [first.index])];
      report.atPath('BR058', at, `answer \`${prompt.id}.${option.id}\` is never offered: ${first.reason}`, {
        hint: 'change its `when`, or remove the answer',
      });
    });
  });
}
